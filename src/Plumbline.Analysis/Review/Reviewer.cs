using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Analysis.Review.Rules;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review;

/// <summary>
/// Runs the rules over a design the way a senior engineer reviews it, applies the design's
/// acceptances (by finding key, until a date), and scores each process step.
/// </summary>
public static class Reviewer
{
    public static ReviewReport Review(SystemDesign design, ReviewOptions options, IEnumerable<IRule>? extraRules = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        var team = (extraRules ?? []).ToList();
        var rules = RuleRegistry.All.AddRange(team);
        var context = new ReviewContext(design, options);
        var raw = new List<Finding>();
        foreach (var rule in RuleRegistry.All)
        {
            raw.AddRange(rule.Check(context));
        }

        // Team rules come from files, so they share a time budget: once it is spent the rest are skipped, and one
        // finding names them. Built-in rules cost what the design's size allows (docs/format.md's design limits).
        var deadline = options.TeamRuleDeadline;
        var unfinished = new List<IRule>();
        foreach (var rule in team)
        {
            if (deadline.IsCancellationRequested)
            {
                unfinished.Add(rule);
                continue;
            }

            try
            {
                raw.AddRange(rule.Check(context).ToList());
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                unfinished.Add(rule);
            }
        }

        if (unfinished.Count > 0)
        {
            raw.Add(TeamRuleBudget.Exceeded(unfinished, team.Count, options.TeamRuleTimeBudget));
        }

        // Keys are unique: a rule that finds the same subject twice reports it once, at the first place.
        var unique = raw.GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var acceptances = design.Security.AcceptedRisks
            .Where(r => r.Finding is not null)
            .GroupBy(r => r.Finding!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var open = new List<Finding>();
        var accepted = new List<AcceptedFinding>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in unique)
        {
            if (acceptances.TryGetValue(finding.Key, out var risk))
            {
                matched.Add(finding.Key);
                if (risk.Until is not { } until || until >= options.Today)
                {
                    accepted.Add(new AcceptedFinding(finding, risk));
                    continue;
                }
            }

            open.Add(finding);
        }

        var unmatchedRule = rules.OfType<UnmatchedAcceptance>().FirstOrDefault();
        if (unmatchedRule is not null)
        {
            foreach (var (key, risk) in acceptances)
            {
                if (!matched.Contains(key))
                {
                    open.Add(unmatchedRule.Info.At(context.Span(risk.Path + "/finding"), key,
                        $"no finding has the key '{key}'"));
                }
            }
        }

        var ordered = open
            .OrderBy(f => f.Rule.Step)
            .ThenBy(f => f.Severity)
            .ThenBy(f => f.Span.Offset)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ReviewReport(design.System.Name, rules, ordered, [.. accepted], Score(rules, ordered), BlastRadii(context));
    }

    /// <summary>Every component some workflow reaches, the one whose failure fails the most traffic first.</summary>
    private static ImmutableArray<ComponentBlastRadius> BlastRadii(ReviewContext context) =>
        [.. context.Design.Components
            .Select(c => context.BlastRadiusOf(c.Name))
            .Where(b => !b.Fails.IsEmpty || !b.Degrades.IsEmpty)
            .OrderByDescending(b => b.FailedTrafficShare)
            .ThenByDescending(b => b.DegradedTrafficShare)
            .ThenBy(b => b.Component, StringComparer.Ordinal)];

    private static ImmutableArray<StepScore> Score(ImmutableArray<IRule> rules, ImmutableArray<Finding> findings)
    {
        var failing = findings.Select(f => f.Rule.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Enum.GetValues<ProcessStep>().Select(step =>
        {
            var stepRules = rules.Where(r => r.Info.Step == step).ToList();
            var stepFindings = findings.Where(f => f.Rule.Step == step).ToList();
            return new StepScore(
                step,
                stepRules.Count,
                stepRules.Count(r => !failing.Contains(r.Info.Id)),
                stepFindings.Count(f => f.Severity == Severity.High),
                stepFindings.Count(f => f.Severity == Severity.Medium),
                stepFindings.Count(f => f.Severity == Severity.Low),
                stepFindings.Count(f => f.Severity == Severity.Info));
        })];
    }
}
