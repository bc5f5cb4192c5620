using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Review.Causes;
using Plumbline.Analysis.Review.Config;
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

        // The team's settings: a rule's severity set, or its findings turned off, each for the reason the file gives.
        var disabled = new List<DisabledFinding>();
        if (options.Config is { Rules.IsDefaultOrEmpty: false } config)
        {
            var kept = new List<Finding>(open.Count);
            foreach (var finding in open)
            {
                switch (config.For(finding))
                {
                    case null:
                        kept.Add(finding);
                        break;
                    case { Off: true } off:
                        disabled.Add(new DisabledFinding(finding, off));
                        break;
                    case { } setting:
                        kept.Add(finding with { Severity = setting.Severity!.Value, Setting = setting });
                        break;
                }
            }

            open = kept;
        }

        // The baseline: findings known when the team adopted the review leave the open findings; listed keys no finding has are gone.
        var baselined = new List<Finding>();
        var gone = ImmutableArray<string>.Empty;
        if (options.Baseline is { } baseline)
        {
            var present = open.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            gone = [.. baseline.Keys.Where(k => !present.Contains(k))];
            baselined = [.. open.Where(f => baseline.Contains(f.Key))];
            open = [.. open.Where(f => !baseline.Contains(f.Key))];
        }

        // Findings that share a root cause are reported once: the cause's head, with the others listed under it.
        var groups = FindingGroup.Of(open, FindingCauses.For(context))
            .OrderBy(g => g.Head.Rule.Step)
            .ThenBy(g => g.Severity)
            .ThenBy(g => g.Head.Span.Offset)
            .ThenBy(g => g.Head.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        var ordered = groups.SelectMany(g => g.All)
            .OrderBy(f => f.Rule.Step)
            .ThenBy(f => f.Severity)
            .ThenBy(f => f.Span.Offset)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ReviewReport(design.System.Name, rules, ordered, [.. accepted], Score(rules, ordered, groups), BlastRadii(context))
        {
            Groups = groups,
            Disabled = [.. disabled],
            Baselined = [.. baselined.OrderBy(f => f.Key, StringComparer.Ordinal)],
            BaselineGone = gone,
            Baseline = options.Baseline,
        };
    }

    /// <summary>Every component some workflow reaches, the one whose failure fails the most traffic first.</summary>
    private static ImmutableArray<ComponentBlastRadius> BlastRadii(ReviewContext context) =>
        [.. context.Design.Components
            .Select(c => context.BlastRadiusOf(c.Name))
            .Where(b => !b.Fails.IsEmpty || !b.Degrades.IsEmpty)
            .OrderByDescending(b => b.FailedTrafficShare)
            .ThenByDescending(b => b.DegradedTrafficShare)
            .ThenBy(b => b.Component, StringComparer.Ordinal)];

    /// <summary>Per step: the rules with no open finding (a repeat fails its rule too), and the open causes by severity, each counted once in its head's step.</summary>
    private static ImmutableArray<StepScore> Score(ImmutableArray<IRule> rules, ImmutableArray<Finding> findings, ImmutableArray<FindingGroup> groups)
    {
        var failing = findings.Select(f => f.Rule.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Enum.GetValues<ProcessStep>().Select(step =>
        {
            var stepRules = rules.Where(r => r.Info.Step == step).ToList();
            var stepGroups = groups.Where(g => g.Head.Rule.Step == step).ToList();
            return new StepScore(
                step,
                stepRules.Count,
                stepRules.Count(r => !failing.Contains(r.Info.Id)),
                stepGroups.Count(g => g.Severity == Severity.High),
                stepGroups.Count(g => g.Severity == Severity.Medium),
                stepGroups.Count(g => g.Severity == Severity.Low),
                stepGroups.Count(g => g.Severity == Severity.Info));
        })];
    }
}
