using Plumbline.Analysis.Availability;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A component whose failure takes down a critical workflow or most of the traffic and is a risk: weaker on its own than
/// the SLO of what it takes down (medium), or one instance in one zone (low). Every other component's blast radius is a
/// listing, shown in the report's blast radius section and JSON's <c>blastRadius</c>, not raised as a finding.
/// </summary>
public sealed class BlastRadiusRule : IRule
{
    /// <summary>Share of all traffic above which a component's failure is reported: 50%.</summary>
    public const double TrafficThreshold = 0.5;

    /// <summary>Share of a critical workflow's requests above which it counts as taken down: 50%.</summary>
    public const double WorkflowThreshold = 0.5;

    public RuleInfo Info { get; } = new("blast-radius", ProcessStep.OnCall, Severity.Low,
        "A component's failure takes down much of the system",
        "Knowing what fails when a component fails is the first line of an incident: it sets the page's urgency, the runbook and where redundancy or a fallback buys the most.",
        "Check the component has the redundancy its blast radius deserves, a runbook and an alert; put fallbacks or async hand-offs on the calls whose workflows need not fail with it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var slos = context.Design.Slos;
        foreach (var component in context.Design.Components)
        {
            if (component.Kind == ComponentKind.Client)
            {
                continue;
            }

            var radius = context.BlastRadiusOf(component.Name);
            var critical = radius.Fails.Where(f => f.Criticality == Criticality.Critical && f.Share >= WorkflowThreshold).ToList();
            if (critical.Count == 0 && radius.FailedTrafficShare <= TrafficThreshold)
            {
                continue;
            }

            var availability = context.Availability.Of(component.Name);
            var strictest = slos.Where(s => s.Sli == SliKind.Availability && radius.Fails.Any(f => s.Workflows.Contains(f.Workflow)))
                .Select(s => s.Objective.Fraction).DefaultIfEmpty(0).Max();
            var severity = strictest > 0 && availability.Value < strictest
                ? Severity.Medium
                : Lone(component, availability) ? Severity.Low : Severity.Info;
            if (severity == Severity.Info)
            {
                // Nothing at risk: redundant enough for what it takes down. The radius is a listing for the report's blast
                // radius section, not a finding.
                continue;
            }

            var fails = string.Join(", ", radius.Fails.Select(Describe));
            var traffic = radius.TrafficKnown ? "of all traffic" : "of workflows (no rates known)";
            var degrades = radius.Degrades.IsEmpty ? string.Empty : $"; {string.Join(", ", radius.Degrades.Select(d => d.Workflow))} degrade{(radius.Degrades.Length == 1 ? "s" : string.Empty)}";
            var (reaches, slo, _) = Quantities.CompareAvailability(availability.Value, strictest);
            var weak = severity == Severity.Medium ? $"; on its own it reaches {reaches}, below the {slo} SLO of what it takes down" : string.Empty;
            var subject = radius.Cells > 1 ? $"one of {component.Name}'s {radius.Cells} cells" : component.Name;
            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"if {subject} fails, {fails} fail{(radius.Fails.Length == 1 ? "s" : string.Empty)}: {Quantities.Percent(radius.FailedTrafficShare)} {traffic}{degrades}{weak}", severity);
        }
    }

    /// <summary>One instance in one zone, and not a provider-managed service (stated SLA, load balancer, CDN, external).</summary>
    private static bool Lone(Component component, ComponentAvailability availability) =>
        availability.Parallel == 1 && availability.Zones <= 1 && component.Sla is null
        && component.Kind is not (ComponentKind.LoadBalancer or ComponentKind.Cdn or ComponentKind.External);

    private static string Describe(WorkflowImpact impact)
    {
        var parts = new List<string> { EnumNames.Text(impact.Criticality) };
        if (impact.Share < 0.9995)
        {
            parts.Add($"{Quantities.Percent(impact.Share)} of its requests");
        }

        return $"{impact.Workflow} ({string.Join(", ", parts)})";
    }
}
