using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
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
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>True when any open finding is at or above the threshold (High is the most severe).</summary>
    public bool HasFindingsAtOrAbove(Severity threshold) => Findings.Any(f => f.Severity <= threshold);
}
