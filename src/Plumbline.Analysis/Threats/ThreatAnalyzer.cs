using System.Collections.Immutable;
using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats;

/// <summary>
/// Derives the threat model of a design: runs every threat rule over the data flows, takes in the review rules
/// of step 8, and gives each threat its status (mitigated by a named control, accepted by key until a date, or open).
/// Pure: the date comes from the options.
/// </summary>
public static class ThreatAnalyzer
{
    public static ThreatReport Analyze(SystemDesign design, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        var review = new ReviewContext(design, options);
        var context = ThreatContext.For(review);
        var threats = new List<Threat>();
        foreach (var rule in ThreatCatalogue.Rules)
        {
            threats.AddRange(rule.Derive(context));
        }

        foreach (var (rule, stride, cwe) in ThreatCatalogue.ReviewRules)
        {
            threats.AddRange(rule.Check(review).Select(f => new Threat(f.Rule, stride, cwe, f.Subject, f.Span, f.Message, f.Severity, null)));
        }

        var acceptances = design.Security.AcceptedRisks
            .Where(r => r.Finding is not null)
            .GroupBy(r => r.Finding!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = new List<ThreatEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var threat in threats)
        {
            if (!seen.Add(threat.Key))
            {
                continue;
            }

            if (threat.IsMitigated)
            {
                entries.Add(new ThreatEntry(threat, ThreatStatus.Mitigated, acceptances.GetValueOrDefault(threat.Key), false));
            }
            else if (acceptances.TryGetValue(threat.Key, out var risk))
            {
                var expired = risk.Until is { } until && until < options.Today;
                entries.Add(new ThreatEntry(threat, expired ? ThreatStatus.Open : ThreatStatus.Accepted, risk, expired));
            }
            else
            {
                entries.Add(new ThreatEntry(threat, ThreatStatus.Open, null, false));
            }
        }

        var ordered = entries
            .OrderBy(e => e.Status)
            .ThenBy(e => e.Threat.Severity)
            .ThenBy(e => e.Threat.Stride)
            .ThenBy(e => e.Threat.Span.Offset)
            .ThenBy(e => e.Threat.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        var model = context.Model;
        return new ThreatReport(design.System.Name, options.Today, ordered, model.Flows, model.Assets, model.Boundaries, model.Reaches,
            Assumptions(design, model), ThreatCatalogue.Rules.Length + ThreatCatalogue.ReviewRules.Length);
    }

    /// <summary>What the model assumed where the design is silent, in words, so a reader can check it.</summary>
    private static ImmutableArray<string> Assumptions(SystemDesign design, ThreatModel model)
    {
        var list = new List<string>();
        if (design.Security.Boundaries.IsEmpty)
        {
            list.Add("no trust boundaries are stated: every flow is judged as inside one boundary, and no workflow as internet-facing");
        }

        if (!model.Unclassified.IsEmpty)
        {
            list.Add($"entities with no classification are judged internal: {string.Join(", ", model.Unclassified.Take(8))}{(model.Unclassified.Length > 8 ? $" and {model.Unclassified.Length - 8} more" : string.Empty)}");
        }

        var outside = design.Requirements.Personas.Where(p => model.BoundaryOf(p.Name) is null).Select(p => p.Name).ToList();
        if (outside.Count > 0 && !design.Security.Boundaries.IsEmpty)
        {
            list.Add($"personas in no boundary are judged as trusted callers: {string.Join(", ", outside)}");
        }

        if (design.Workflows.Any(w => !design.Requirements.Personas.Any(p => p.Workflows.Contains(w.Name))))
        {
            list.Add("a workflow no persona uses is entered by 'users', in no boundary");
        }

        list.Add("a flow carries the entities its callee reads and writes: an operation's reads and writes when stated, else a store's own entities (those an operation is named after, when it is), else what the callee's own calls carry; a read-through cache holds what the calls behind it carry");
        return [.. list];
    }
}
