using System.Globalization;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// What the review says when the team rules' time budget runs out (<see cref="ReviewOptions.TeamRuleDeadline"/>):
/// one finding naming the team rules that did not finish, so a review with missing findings never looks complete.
/// Not a rule of the catalogue: it reports on the review itself, and only team rules can spend the budget.
/// </summary>
public static class TeamRuleBudget
{
    /// <summary>The finding's rule: <c>team-rules-time-budget</c>, high, under org alignment.</summary>
    public static RuleInfo Info { get; } = new("team-rules-time-budget", ProcessStep.OrgAlignment, Severity.High,
        "Team rules ran out of time",
        "Team rules share a time budget per review, so that rule files cannot make a review run for minutes; rules that did not finish within it have no findings in this review, which therefore may miss problems they would report.",
        "Make the slow rules cheaper (narrower 'applies_to' and 'when', simpler patterns), split the rule file, or raise the engine's TeamRuleTimeBudget where reviews may take longer.");

    /// <summary>The finding for <paramref name="unfinished"/> team rules out of <paramref name="total"/>, at the first one's definition.</summary>
    public static Finding Exceeded(IReadOnlyList<IRule> unfinished, int total, TimeSpan? budget)
    {
        ArgumentNullException.ThrowIfNull(unfinished);
        var span = unfinished.OfType<DeclarativeRule>().Select(r => r.Definition).FirstOrDefault();
        var names = string.Join(", ", unfinished.Take(10).Select(r => r.Info.Id)) + (unfinished.Count > 10 ? $", and {unfinished.Count - 10} more" : string.Empty);
        var spent = budget is { } b ? string.Create(CultureInfo.InvariantCulture, $"their {b.TotalSeconds:0.##} s time budget") : "their time budget";
        return Info.At(span, "team-rules", string.Create(CultureInfo.InvariantCulture,
            $"team rules ran out of {spent}: {unfinished.Count} of {total} did not finish ({names}), so their findings are missing from this review"));
    }
}
