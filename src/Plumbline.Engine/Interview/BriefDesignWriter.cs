using System.Globalization;
using System.Text;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using static Plumbline.Engine.Interview.YamlText;

namespace Plumbline.Engine.Interview;

/// <summary>
/// Turns a <see cref="RequirementBrief"/> into a first design in format v1: the brief under
/// <c>requirements</c> and <c>business</c>, one workflow per persona workflow with its traffic, entering at
/// an <c>api</c> service that calls the stores holding the data it uses (one store per kind of data: an
/// OLTP database, an object store for blobs...), and SLOs for the critical workflows. Figures nobody gave
/// are written with a default and marked <c># assumed</c>; the questions left unanswered are listed under
/// <c>requirements.open_questions</c>.
/// </summary>
public static class BriefDesignWriter
{
    /// <summary>The comment after every figure the design did not get from an answer.</summary>
    public const string AssumedMark = "  # assumed: replace with a real figure";

    /// <summary>The peak-to-average ratio written when a workflow has no peak and the question was skipped.</summary>
    public const double AssumedPeakToAverage = 3;

    /// <summary>The growth written when the question was skipped: 20% a year.</summary>
    public static GrowthRate AssumedGrowth { get; } = GrowthRate.Parse("20%/year").GetValueOrThrow();

    private const string EditorLine = "# yaml-language-server: $schema=";

    /// <param name="brief">The answers.</param>
    /// <param name="schemaPath">
    /// The path of the format's JSON Schema relative to the file being written (a URL works too), for the
    /// editor line <c># yaml-language-server: $schema=...</c>; null writes no such line.
    /// </param>
    public static string Write(RequirementBrief brief, string? schemaPath = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var workflows = brief.Workflows();
        var y = new StringBuilder();
        if (schemaPath is not null)
        {
            y.Append(SchemaLine(schemaPath)).Append('\n');
        }

        y.Append("# A first design written by `plumbline init` from the requirement brief.\n");
        y.Append("# Questions left unanswered are listed under requirements.open_questions; figures marked \"assumed\" were not given.\n");
        y.Append("# Next: plumbline check on this file.\n");
        y.Append("plumbline: 1\n\n");

        y.Append("system:\n");
        y.Append("  name: ").Append(Scalar(brief.Name)).Append('\n');
        if (!string.IsNullOrEmpty(brief.Summary))
        {
            y.Append("  summary: ").Append(Quote(brief.Summary)).Append('\n');
        }

        if (!brief.Owners.IsEmpty)
        {
            y.Append("  owners: ").Append(FlowList(brief.Owners)).Append('\n');
        }

        WriteRequirements(y, brief);
        WriteBusiness(y, brief, workflows);
        WriteWorkflows(y, brief);
        WriteData(y, brief);
        WriteComponents(y, brief);
        WriteSlos(y, workflows);
        return y.ToString();
    }

    /// <summary>The editor's schema line for <paramref name="schemaPath"/>: <c># yaml-language-server: $schema=PATH</c>.</summary>
    public static string SchemaLine(string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(schemaPath);
        return EditorLine + schemaPath;
    }

    /// <summary>
    /// <paramref name="designText"/> with its editor schema line pointing at <paramref name="schemaPath"/>:
    /// the first line replaced when it is one, else a line added before everything.
    /// </summary>
    public static string WithSchemaLine(string designText, string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(designText);
        var line = SchemaLine(schemaPath);
        if (designText.StartsWith(EditorLine, StringComparison.Ordinal))
        {
            var end = designText.IndexOf('\n', StringComparison.Ordinal);
            return line + (end < 0 ? "\n" : designText[end..]);
        }

        return line + "\n" + designText;
    }

    /// <summary>
    /// The traffic written for a workflow whose traffic was not given: per user when the number of users is
    /// known (30 a month for a read, 10 for a write), else for the whole system (10/s for a read, 1/s for a write).
    /// </summary>
    public static TrafficAnswer AssumedTraffic(PlannedWorkflow workflow, Count? users)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return users is null
            ? new TrafficAnswer(Rate.Of(workflow.IsWrite ? 1 : 10, RatePeriod.Second), PerUser: false, Peak: null)
            : new TrafficAnswer(Rate.Of(workflow.IsWrite ? 10 : 30, RatePeriod.Month), PerUser: true, Peak: null);
    }

    /// <summary>The component that holds entities of <paramref name="store"/>'s kind, and the kind of component it is.</summary>
    public static (string Name, ComponentKind Kind) StoreComponent(StorageModel store) => store switch
    {
        StorageModel.Oltp => ("db", ComponentKind.Database),
        StorageModel.Object => ("blobs", ComponentKind.ObjectStore),
        StorageModel.Search => ("search-index", ComponentKind.Search),
        StorageModel.Olap => ("warehouse", ComponentKind.Database),
        StorageModel.TimeSeries => ("time-series-db", ComponentKind.Database),
        StorageModel.KeyValue => ("kv-store", ComponentKind.Database),
        StorageModel.WideColumn => ("wide-column-db", ComponentKind.Database),
        StorageModel.Document => ("document-db", ComponentKind.Database),
        StorageModel.Graph => ("graph-db", ComponentKind.Database),
        _ => (EnumNames.Text(store).Replace('_', '-') + "-store", ComponentKind.Database),
    };

    private static void WriteRequirements(StringBuilder y, RequirementBrief brief)
    {
        y.Append("\nrequirements:\n");
        if (!brief.ScopeIn.IsEmpty || !brief.ScopeOut.IsEmpty || !brief.SuccessCriteria.IsEmpty)
        {
            y.Append("  scope:\n");
            List(y, "    ", "in", brief.ScopeIn);
            List(y, "    ", "out", brief.ScopeOut);
            List(y, "    ", "success_criteria", brief.SuccessCriteria);
        }

        y.Append("  personas:\n");
        foreach (var persona in brief.Personas)
        {
            y.Append("    - name: ").Append(Scalar(persona.Name)).Append('\n');
            y.Append("      workflows: ").Append(FlowList([persona.Workflow])).Append('\n');
            y.Append("      failure_tolerance: ").Append(EnumNames.Text(persona.Tolerance)).Append('\n');
        }

        if (brief.MonthlyActive is { } users)
        {
            y.Append("  users:\n    monthly_active: ").Append(users).Append('\n');
        }

        y.Append("  growth: ").Append(brief.Growth ?? AssumedGrowth).Append(brief.Growth is null ? AssumedMark : string.Empty).Append('\n');
        if (brief.PeakToAverage is { } ratio)
        {
            y.Append("  peak_to_average: ").Append(ratio.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        else if (!brief.EveryWorkflowHasAPeak())
        {
            y.Append("  peak_to_average: ").Append(AssumedPeakToAverage.ToString("R", CultureInfo.InvariantCulture)).Append(AssumedMark).Append('\n');
        }

        if (!brief.Dependencies.IsEmpty)
        {
            y.Append("  dependencies:\n");
            foreach (var dependency in brief.Dependencies)
            {
                y.Append("    - name: ").Append(Scalar(dependency.Name)).Append('\n');
                if (dependency.Owner is { } owner)
                {
                    y.Append("      owner: ").Append(Scalar(owner)).Append('\n');
                }

                if (dependency.Sla is { } sla)
                {
                    y.Append("      sla: ").Append(sla).Append('\n');
                }
            }
        }

        List(y, "  ", "open_questions", brief.OpenQuestions);
    }

    private static void WriteBusiness(StringBuilder y, RequirementBrief brief, IEnumerable<PlannedWorkflow> workflows)
    {
        var sloNames = workflows.Where(w => w.IsCritical).Select(w => w.Name + "-availability");
        y.Append("\nbusiness:\n");
        y.Append("  outcomes:\n");
        y.Append("    - name: ").Append(Scalar(brief.Outcome)).Append('\n');
        y.Append("      metrics: ").Append(FlowList([brief.MetricName, .. sloNames])).Append('\n');
        y.Append("  metrics:\n");
        y.Append("    - name: ").Append(Scalar(brief.MetricName)).Append('\n');
        if (brief.MetricTarget is { } target)
        {
            y.Append("      target: ").Append(Quote(target)).Append('\n');
        }
    }

    private static void WriteWorkflows(StringBuilder y, RequirementBrief brief)
    {
        y.Append("\nworkflows:\n");
        foreach (var w in brief.Workflows())
        {
            var answered = brief.Traffic.TryGetValue(w.Name, out var traffic);
            traffic ??= AssumedTraffic(w, brief.MonthlyActive);
            var mark = answered ? string.Empty : AssumedMark;
            y.Append("  ").Append(Scalar(w.Name)).Append(":\n");
            y.Append("    entry: api.").Append(w.Name).Append('\n');
            y.Append(traffic.PerUser ? "    per_user: " : "    rate: ").Append(traffic.Average).Append(mark).Append('\n');
            if (traffic.Peak is { } peak)
            {
                y.Append("    peak_rate: ").Append(peak).Append('\n');
            }

            if (w.IsWrite)
            {
                y.Append("    type: ").Append(EnumNames.Text(AccessType.Write)).Append('\n');
            }

            y.Append("    criticality: ").Append(EnumNames.Text(w.Criticality)).Append('\n');
        }
    }

    private static void WriteData(StringBuilder y, RequirementBrief brief)
    {
        y.Append("\ndata:\n");
        foreach (var entity in brief.Entities)
        {
            y.Append("  - entity: ").Append(Scalar(entity.Name)).Append('\n');
            y.Append("    owner: ").Append(StoreComponent(entity.Store).Name).Append('\n');
            y.Append("    classification: ").Append(entity.Classification).Append('\n');
            if (entity.Retention is { } retention)
            {
                y.Append("    retention: ").Append(retention).Append('\n');
            }

            y.Append("    access: ").Append("[" + string.Join(", ", entity.Access.Select(Quote)) + "]").Append('\n');
        }
    }

    private static void WriteComponents(StringBuilder y, RequirementBrief brief)
    {
        var workflows = brief.Workflows();
        var stores = brief.Stores();
        var reads = new HashSet<StorageModel>();
        var writes = new HashSet<StorageModel>();

        y.Append("\ncomponents:\n");
        y.Append("  api:\n");
        y.Append("    kind: ").Append(EnumNames.Text(ComponentKind.Service)).Append('\n');
        y.Append("    stateless: true\n");
        y.Append("    instances: 2").Append(AssumedMark).Append('\n');
        y.Append("    operations:\n");
        foreach (var w in workflows)
        {
            y.Append("      ").Append(Scalar(w.Name)).Append(":\n");
            y.Append("        latency:").Append(AssumedMark).Append('\n');
            y.Append("          p50: 10ms\n");
            y.Append("          p99: 100ms\n");
            var used = brief.DataOf(w.Name).Select(e => e.Store).Distinct().ToList();
            if (used.Count == 0)
            {
                continue;
            }

            y.Append("        calls:\n");
            foreach (var store in stores.Where(used.Contains))
            {
                (w.IsWrite ? writes : reads).Add(store);
                y.Append("          - to: ").Append(StoreComponent(store).Name).Append('.').Append(w.IsWrite ? "write" : "read").Append('\n');
                y.Append("            timeout: 200ms").Append(AssumedMark).Append('\n');
            }
        }

        foreach (var store in stores)
        {
            var (name, kind) = StoreComponent(store);
            y.Append("  ").Append(name).Append(":\n");
            y.Append("    kind: ").Append(EnumNames.Text(kind)).Append('\n');
            y.Append("    model: ").Append(EnumNames.Text(store)).Append('\n');
            if (kind != ComponentKind.ObjectStore)
            {
                y.Append("    instances: 1\n");
                y.Append("    replicas: 1").Append(AssumedMark).Append('\n');
            }

            var (readP50, readP99, writeP50, writeP99) = kind == ComponentKind.ObjectStore
                ? ("15ms", "100ms", "30ms", "200ms")
                : ("2ms", "20ms", "5ms", "50ms");
            y.Append("    operations:\n");
            if (reads.Contains(store) || !writes.Contains(store))
            {
                Operation(y, "read", AccessType.Read, readP50, readP99);
            }

            if (writes.Contains(store))
            {
                Operation(y, "write", AccessType.Write, writeP50, writeP99);
            }
        }
    }

    private static void Operation(StringBuilder y, string name, AccessType type, string p50, string p99)
    {
        y.Append("      ").Append(name).Append(":\n");
        y.Append("        type: ").Append(EnumNames.Text(type)).Append('\n');
        y.Append("        latency:").Append(AssumedMark).Append('\n');
        y.Append("          p50: ").Append(p50).Append('\n');
        y.Append("          p99: ").Append(p99).Append('\n');
    }

    private static void WriteSlos(StringBuilder y, IEnumerable<PlannedWorkflow> workflows)
    {
        y.Append("\nslos:\n");
        foreach (var w in workflows.Where(w => w.IsCritical))
        {
            y.Append("  - name: ").Append(w.Name).Append("-availability\n");
            y.Append("    workflow: ").Append(Scalar(w.Name)).Append('\n');
            y.Append("    sli: ").Append(EnumNames.Text(SliKind.Availability)).Append('\n');
            y.Append("    objective: 99.9%").Append(AssumedMark).Append('\n');
            y.Append("    window: 30d\n");
            y.Append("  - name: ").Append(w.Name).Append("-latency\n");
            y.Append("    workflow: ").Append(Scalar(w.Name)).Append('\n');
            y.Append("    sli: ").Append(EnumNames.Text(SliKind.Latency)).Append('\n');
            y.Append("    threshold: 300ms").Append(AssumedMark).Append('\n');
            y.Append("    objective: 99%\n");
            y.Append("    window: 30d\n");
        }
    }

    private static void List(StringBuilder y, string indent, string key, IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        y.Append(indent).Append(key).Append(":\n");
        foreach (var item in items)
        {
            y.Append(indent).Append("  - ").Append(Quote(item)).Append('\n');
        }
    }
}
