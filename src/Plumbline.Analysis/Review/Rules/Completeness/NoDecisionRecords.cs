namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A design of more than a few components that records no decisions.</summary>
public sealed class NoDecisionRecords : IRule
{
    /// <summary>From this many components on, a design has made choices worth recording.</summary>
    public const int ComponentThreshold = 4;

    public RuleInfo Info { get; } = new("no-decision-records", ProcessStep.OrgAlignment, Severity.Low,
        "No decision records for a multi-component design",
        "A design with several components has made choices (stores, sync or async, consistency) that someone will question later; without decision records the reasons and the rejected options are lost.",
        "Add decisions: an ADR per significant choice, with the options weighed, the decision and its consequences.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Decisions.IsDefaultOrEmpty && design.Components.Length >= ComponentThreshold)
        {
            yield return Info.At(context.Locate("/decisions"), "decisions",
                $"{design.Components.Length} components and no decision records explaining the choices between them");
        }
    }
}
