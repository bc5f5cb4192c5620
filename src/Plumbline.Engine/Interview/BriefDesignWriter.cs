using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using static Plumbline.Engine.Interview.YamlText;

namespace Plumbline.Engine.Interview;

/// <summary>
/// Turns a <see cref="RequirementBrief"/> into a first design in format v1: the brief under
/// <c>requirements</c> and <c>business</c>, one workflow per persona entering at an <c>api</c>
/// service, the entities owned by a <c>db</c> database, and SLOs for the critical workflows.
/// Numbers the interview did not ask for are marked <c># assumed</c> in the file.
/// </summary>
public static partial class BriefDesignWriter
{
    private const string Assumed = "  # assumed: replace with a real figure";

    public static string Write(RequirementBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var workflows = Workflows(brief);
        var y = new StringBuilder();
        y.Append("# A first design written by `plumbline init` from the requirement brief.\n");
        y.Append("# Skipped questions are listed under requirements.open_questions; check the values marked \"assumed\".\n");
        y.Append("# Next: plumbline validate on this file.\n");
        y.Append("plumbline: 1\n\n");

        y.Append("system:\n");
        y.Append("  name: ").Append(Scalar(brief.Name)).Append('\n');
        if (!string.IsNullOrEmpty(brief.Summary))
        {
            y.Append("  summary: ").Append(Quote(brief.Summary)).Append('\n');
        }

        WriteRequirements(y, brief);
        WriteBusiness(y, brief, workflows);
        WriteWorkflows(y, brief, workflows);
        WriteData(y, brief);
        WriteComponents(y, workflows);
        WriteSlos(y, workflows);
        return y.ToString();
    }

    private sealed record PlannedWorkflow(string Name, FailureTolerance Tolerance, bool IsWrite)
    {
        public bool IsCritical { get; init; }

        public Criticality Criticality => IsCritical ? Criticality.Critical : Tolerance switch
        {
            FailureTolerance.Low => Criticality.Critical,
            FailureTolerance.Medium => Criticality.High,
            _ => Criticality.Medium,
        };
    }

    /// <summary>One workflow per distinct persona workflow; the least tolerant persona's workflows are critical.</summary>
    private static List<PlannedWorkflow> Workflows(RequirementBrief brief)
    {
        var byName = new Dictionary<string, FailureTolerance>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var persona in brief.Personas)
        {
            if (byName.TryGetValue(persona.Workflow, out var existing))
            {
                byName[persona.Workflow] = (FailureTolerance)Math.Min((int)existing, (int)persona.Tolerance);
            }
            else
            {
                byName[persona.Workflow] = persona.Tolerance;
                order.Add(persona.Workflow);
            }
        }

        var lowest = byName.Values.Min();
        return [.. order.Select(n => new PlannedWorkflow(n, byName[n], WriteVerb().IsMatch(n)) { IsCritical = byName[n] == lowest })];
    }

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
            y.Append("  users:\n    monthly_active: ").Append(users).Append(brief.ScaleAssumed ? Assumed : string.Empty).Append('\n');
        }

        y.Append("  growth: ").Append(brief.Growth).Append('\n');
        y.Append("  peak_to_average: ").Append(brief.PeakToAverage).Append('\n');
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

    private static void WriteBusiness(StringBuilder y, RequirementBrief brief, List<PlannedWorkflow> workflows)
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

    private static void WriteWorkflows(StringBuilder y, RequirementBrief brief, List<PlannedWorkflow> workflows)
    {
        y.Append("\nworkflows:\n");
        var share = brief.TotalRate is { } total ? ShareOf(total, workflows.Count) : null;
        foreach (var w in workflows)
        {
            y.Append("  ").Append(Scalar(w.Name)).Append(":\n");
            y.Append("    entry: api.").Append(w.Name).Append('\n');
            if (share is not null)
            {
                y.Append("    rate: ").Append(share).Append("  # assumed: an equal share of the total rate\n");
            }
            else
            {
                y.Append("    per_user: ").Append(w.IsWrite ? "10/month" : "30/month").Append(Assumed).Append('\n');
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
            y.Append("    owner: db\n");
            y.Append("    classification: ").Append(entity.Classification).Append('\n');
            if (entity.Retention is { } retention)
            {
                y.Append("    retention: ").Append(retention).Append('\n');
            }

            y.Append("    access: ").Append("[" + string.Join(", ", entity.Access.Select(Quote)) + "]").Append('\n');
        }
    }

    private static void WriteComponents(StringBuilder y, List<PlannedWorkflow> workflows)
    {
        var anyWrite = workflows.Any(w => w.IsWrite);
        var anyRead = workflows.Any(w => !w.IsWrite);
        y.Append("\ncomponents:\n");
        y.Append("  api:\n");
        y.Append("    kind: ").Append(EnumNames.Text(ComponentKind.Service)).Append('\n');
        y.Append("    stateless: true\n");
        y.Append("    instances: 2").Append(Assumed).Append('\n');
        y.Append("    operations:\n");
        foreach (var w in workflows)
        {
            y.Append("      ").Append(w.Name).Append(":\n");
            y.Append("        latency:").Append(Assumed).Append('\n');
            y.Append("          p50: 10ms\n");
            y.Append("          p99: 100ms\n");
            y.Append("        calls:\n");
            y.Append("          - to: db.").Append(w.IsWrite ? "write" : "query").Append('\n');
            y.Append("            timeout: 200ms\n");
        }

        y.Append("  db:\n");
        y.Append("    kind: ").Append(EnumNames.Text(ComponentKind.Database)).Append('\n');
        y.Append("    model: ").Append(EnumNames.Text(StorageModel.Oltp)).Append('\n');
        y.Append("    instances: 1\n");
        y.Append("    replicas: 1").Append(Assumed).Append('\n');
        y.Append("    operations:\n");
        if (anyRead)
        {
            y.Append("      query:\n");
            y.Append("        latency:").Append(Assumed).Append('\n');
            y.Append("          p50: 2ms\n");
            y.Append("          p99: 20ms\n");
        }

        if (anyWrite)
        {
            y.Append("      write:\n");
            y.Append("        type: ").Append(EnumNames.Text(AccessType.Write)).Append('\n');
            y.Append("        latency:").Append(Assumed).Append('\n');
            y.Append("          p50: 5ms\n");
            y.Append("          p99: 50ms\n");
        }
    }

    private static void WriteSlos(StringBuilder y, List<PlannedWorkflow> workflows)
    {
        y.Append("\nslos:\n");
        foreach (var w in workflows.Where(w => w.IsCritical))
        {
            y.Append("  - name: ").Append(w.Name).Append("-availability\n");
            y.Append("    workflow: ").Append(w.Name).Append('\n');
            y.Append("    sli: ").Append(EnumNames.Text(SliKind.Availability)).Append('\n');
            y.Append("    objective: 99.9%").Append(Assumed).Append('\n');
            y.Append("    window: 30d\n");
            y.Append("  - name: ").Append(w.Name).Append("-latency\n");
            y.Append("    workflow: ").Append(w.Name).Append('\n');
            y.Append("    sli: ").Append(EnumNames.Text(SliKind.Latency)).Append('\n');
            y.Append("    threshold: 300ms").Append(Assumed).Append('\n');
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

    /// <summary><c>total / n</c> in the same unit, e.g. 200/s over 3 workflows is 66.67/s.</summary>
    private static string ShareOf(string total, int n)
    {
        var slash = total.IndexOf('/', StringComparison.Ordinal);
        var countText = total[..slash];
        var unit = total[slash..];
        var multiplier = countText[^1] switch
        {
            'K' => 1e3,
            'M' => 1e6,
            'B' => 1e9,
            _ => 1,
        };
        var number = double.Parse(multiplier == 1 ? countText : countText[..^1], NumberStyles.Float, CultureInfo.InvariantCulture);
        var share = number * multiplier / Math.Max(1, n);
        return Math.Round(share, share >= 100 ? 0 : 2).ToString("0.##", CultureInfo.InvariantCulture) + unit;
    }

    [GeneratedRegex("^(create|add|post|put|update|edit|delete|remove|upload|submit|send|place|book|pay|buy|order|checkout|shorten|write|register|sign-?up|publish|save)",
        RegexOptions.CultureInvariant)]
    private static partial Regex WriteVerb();
}
