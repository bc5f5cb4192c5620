using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Review.Causes;
using Plumbline.Analysis.Review.Config;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review;

/// <summary>A finding the design accepts, and the acceptance that covers it.</summary>
public sealed record AcceptedFinding(Finding Finding, AcceptedRisk Acceptance);

/// <summary>
/// How far a design has got through one step of the process: the share of the step's rules it
/// passes, and its open findings by severity.
/// </summary>
public sealed record StepScore(ProcessStep Step, int Rules, int RulesPassed, int High, int Medium, int Low, int Info)
{
    /// <summary>Share of the step's rules with no open finding; 1 when the step has no rules.</summary>
    public double Completeness => Rules == 0 ? 1 : RulesPassed / (double)Rules;
}

/// <summary>
/// The outcome of a review: open findings in a stable order, accepted ones, a score per step, and
/// the blast radius of every component that any workflow reaches, widest first.
/// </summary>
public sealed record ReviewReport(
    string SystemName,
    ImmutableArray<IRule> Rules,
    ImmutableArray<Finding> Findings,
    ImmutableArray<AcceptedFinding> Accepted,
    ImmutableArray<StepScore> Scores,
    ImmutableArray<ComponentBlastRadius> BlastRadius)
{
    private readonly ImmutableArray<FindingGroup> _groups;

    /// <summary>
    /// The open findings grouped by root cause, in the report's order: each group counts once. Every finding of
    /// <see cref="Findings"/> is in exactly one group. Defaults to one group per finding.
    /// </summary>
    public ImmutableArray<FindingGroup> Groups
    {
        get => _groups.IsDefault ? [.. Findings.Select(FindingGroup.Alone)] : _groups;
        init => _groups = value;
    }

    /// <summary>Findings the project configuration turned off, each with the setting that did; none by default.</summary>
    public ImmutableArray<DisabledFinding> Disabled { get; init; } = [];

    /// <summary>Open findings whose keys the baseline lists: left out of <see cref="Findings"/> and <c>--fail-on</c>; none by default.</summary>
    public ImmutableArray<Finding> Baselined { get; init; } = [];

    /// <summary>Keys the baseline lists that no open finding has any more (fixed, accepted or turned off): the baseline can drop them.</summary>
    public ImmutableArray<string> BaselineGone { get; init; } = [];

    /// <summary>The baseline this review was judged against, or null.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Open findings listed under another of the same cause rather than counted on their own.</summary>
    public int Repeats => Findings.Length - Groups.Length;

    /// <summary>Open causes at this severity: each group counts once, at its most severe finding's severity.</summary>
    public int Count(Severity severity) => Groups.Count(g => g.Severity == severity);

    /// <summary>True when any open finding is at or above the threshold (High is the most severe).</summary>
    public bool HasFindingsAtOrAbove(Severity threshold) => Findings.Any(f => f.Severity <= threshold);
}
