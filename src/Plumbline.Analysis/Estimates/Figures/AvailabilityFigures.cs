using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Each workflow's availability, composed along its synchronous path by the one <see cref="AvailabilityModel"/>, and the downtime it implies.</summary>
internal sealed class AvailabilityFigures(EstimateContext context, AvailabilityModel model) : FigureBuilder(context)
{
    public WorkflowEstimate Workflow(int w)
    {
        var workflow = Design.Workflows[w];
        var detail = model.Workflows[w];
        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var factor in detail.Factors)
        {
            if (!seen.Add(factor.Component))
            {
                continue;
            }

            var component = Design.FindComponent(factor.Component)!;
            var availability = model.Of(factor.Component);
            var source = availability.Basis switch
            {
                AvailabilityBasis.Sla when component.Sla is not null => component.Path + "/sla",
                AvailabilityBasis.Sla => FigureSources.Derived,
                AvailabilityBasis.Client => FigureSources.Derived,
                _ when availability.PerInstanceIsDefault => FigureSources.Default,
                _ => component.Path + "/availability",
            };
            inputs.Add(In(availability.How, factor.ComponentValue, FigureUnit.Availability, source));
        }

        foreach (var domain in detail.Domains)
        {
            inputs.Add(In($"{(domain.Kind == DomainKind.Zone ? "zone" : "region")} {domain.Name}", domain.Availability, FigureUnit.Availability, domain.Source));
        }

        var formula = detail.Expression.Length == 0 ? "no synchronous path" : Formula(detail);
        var value = new Figure("availability", detail.Value, FigureUnit.Availability, formula, inputs.ToImmutable());
        var derived = Derived("availability", detail.Value, FigureUnit.Availability);
        var month = new Figure("downtime per 30 days", detail.DowntimePer30Days, FigureUnit.Seconds, "(1 - availability) x 30 days", [derived]);
        var year = new Figure("downtime per year", detail.DowntimePerYear, FigureUnit.Seconds, "(1 - availability) x 365.25 days", [derived]);
        if (detail.Uncertainty > 1e-12)
        {
            Notes.Add($"Workflow '{workflow.Name}' has too many shared failure states to enumerate: its availability is a lower bound, at most {Quantities.Availability(detail.Value + detail.Uncertainty)}.");
        }

        return new WorkflowEstimate(workflow.Name, new AvailabilityEstimate(value, month, year, detail.Weakest?.Description, detail));
    }

    /// <summary>One note listing every availability the design left unstated, so nothing is assumed silently.</summary>
    public void NoteAssumptions()
    {
        var assumed = model.Workflows.SelectMany(w => w.Assumptions).Distinct(StringComparer.Ordinal).ToList();
        if (assumed.Count > 0)
        {
            Notes.Add($"Availability assumes what the design does not state: {string.Join("; ", assumed.Take(8))}{(assumed.Count > 8 ? $"; and {assumed.Count - 8} more" : string.Empty)}.");
        }
    }

    private static string Formula(WorkflowAvailability detail)
    {
        if (detail.SharedDomains.IsEmpty && detail.States <= 1)
        {
            return detail.Expression;
        }

        var what = detail.SharedDomains.IsEmpty ? "components reached more than once" : string.Join(", ", detail.SharedDomains);
        return $"{detail.Expression} (= {Quantities.Availability(detail.Independent)} if failures were independent), composed over the {detail.States} joint states of {what}";
    }
}
