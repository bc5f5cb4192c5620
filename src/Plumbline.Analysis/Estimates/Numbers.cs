using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates;

/// <summary>Which limit binds a component's capacity.</summary>
public enum CapacityBasis
{
    /// <summary>No capacity stated.</summary>
    None,

    /// <summary>One rate per instance for all operations.</summary>
    Total,

    /// <summary>Reads per node, served by primaries and replicas.</summary>
    Reads,

    /// <summary>Writes per primary.</summary>
    Writes,

    /// <summary>One operation's own capacity per instance.</summary>
    Operation,
}

/// <summary>The numbers of one component, shared by the explained figures and the fast sensitivity pass.</summary>
internal readonly record struct ComponentNumbers(
    double AverageLoad,
    double PeakLoad,
    double AverageReads,
    double PeakReads,
    double AverageWrites,
    double PeakWrites,
    CapacityBasis Basis,
    double CapacityPerInstance,
    int Serving,
    double BasisAverageLoad,
    double BasisPeakLoad,
    int BindingOperation)
{
    public double Capacity => CapacityPerInstance * Serving;

    public double AverageUtilisation => Basis == CapacityBasis.None ? double.NaN : BasisAverageLoad / Capacity;

    public double PeakUtilisation => Basis == CapacityBasis.None ? double.NaN : BasisPeakLoad / Capacity;
}

/// <summary>The numbers of one entity's storage.</summary>
internal readonly record struct EntityNumbers(double RecordsPerMonth, double RecordSize, double RetentionMonths, double ReplicationFactor, double InitialRecords)
{
    public double BytesPerMonth => RecordsPerMonth * RecordSize;

    public double RecordsAt(double months, double growth) =>
        InitialRecords + Formulas.RecordsAt(months, RecordsPerMonth, RetentionMonths, growth);
}

/// <summary>Arithmetic shared by <see cref="Estimator"/> and <see cref="Sensitivity"/>, so both agree to the last digit.</summary>
internal static class Numbers
{
    public static ComponentNumbers Component(LoadModel model, LoadVectors loads, int c)
    {
        var graph = model.Graph;
        var component = graph.Components[c];
        double avg = 0, peak = 0, avgReads = 0, peakReads = 0, avgWrites = 0, peakWrites = 0;
        var bindingOp = -1;
        double opUtil = -1, opCap = 0, opAvg = 0, opPeak = 0;
        foreach (var i in graph.OperationsOf[c])
        {
            var op = graph.Operations[i];
            avg += loads.Average[i];
            peak += loads.Peak[i];
            if (model.OperationTypes[i] == AccessType.Write)
            {
                avgWrites += loads.Average[i];
                peakWrites += loads.Peak[i];
            }
            else
            {
                avgReads += loads.Average[i];
                peakReads += loads.Peak[i];
            }

            if (op.Capacity is { } cap && cap.PerSecond > 0)
            {
                var u = loads.Peak[i] / (cap.PerSecond * component.Instances);
                if (u > opUtil)
                {
                    (opUtil, bindingOp, opCap, opAvg, opPeak) = (u, i, cap.PerSecond, loads.Average[i], loads.Peak[i]);
                }
            }
        }

        var basis = CapacityBasis.None;
        double perInstance = 0, basisAvg = 0, basisPeak = 0;
        var serving = component.Instances;
        var best = -1.0;
        void Consider(CapacityBasis b, double capacityPerInstance, int servingInstances, double a, double p)
        {
            if (capacityPerInstance <= 0)
            {
                return;
            }

            var u = p / (capacityPerInstance * servingInstances);
            if (u > best)
            {
                (best, basis, perInstance, serving, basisAvg, basisPeak) = (u, b, capacityPerInstance, servingInstances, a, p);
            }
        }

        if (component.Capacity is { } capacity)
        {
            if (capacity.Total is { } total)
            {
                Consider(CapacityBasis.Total, total.PerSecond, component.Instances, avg, peak);
            }

            if (capacity.Reads is { } reads)
            {
                Consider(CapacityBasis.Reads, reads.PerSecond, component.Instances + component.Replicas, avgReads, peakReads);
            }

            if (capacity.Writes is { } writes)
            {
                Consider(CapacityBasis.Writes, writes.PerSecond, component.Instances, avgWrites, peakWrites);
            }
        }

        if (bindingOp >= 0)
        {
            Consider(CapacityBasis.Operation, opCap, component.Instances, opAvg, opPeak);
        }

        return new ComponentNumbers(avg, peak, avgReads, peakReads, avgWrites, peakWrites, basis, perInstance, serving, basisAvg, basisPeak,
            basis == CapacityBasis.Operation ? bindingOp : -1);
    }

    public static double InstancesNeeded(ComponentNumbers n, double target) =>
        n.Basis == CapacityBasis.None ? 0 : Formulas.InstancesNeeded(n.BasisPeakLoad, n.CapacityPerInstance, target);

    public static EntityNumbers Entity(LoadModel model, double[] values, int e)
    {
        var entity = model.Design.Data[e];
        var perMonth = model.NewRecordsPerSecond(values, e) * model.SecondsPerMonth;

        // Durations are lengths of time: counted in average months, so a year is twelve in every convention.
        var size = model.RecordSize(values, e);
        var retention = entity.Retention is { } r ? r.Seconds / Calendar.SecondsPerMonth : double.PositiveInfinity;
        var owner = entity.Owner is { } o && model.Design.FindComponent(o) is { } c ? c : null;
        var replication = owner is null ? 1 : Formulas.ReplicationFactor(owner.Instances, owner.Replicas);
        return new EntityNumbers(double.IsNaN(perMonth) ? 0 : perMonth, size, retention, replication, entity.InitialRecords?.Value ?? 0);
    }

    public static double InternetEgress(LoadModel model, double[] values)
    {
        var total = 0.0;
        for (var w = 0; w < model.Design.Workflows.Length; w++)
        {
            var avg = model.WorkflowAverage(values, w);
            if (!double.IsNaN(avg) && model.Design.Workflows[w].Response is { } response)
            {
                total += avg * response.Bytes;
            }
        }

        return total;
    }
}
