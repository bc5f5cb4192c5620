namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A success criterion with no number, frequency or absolute in it: a wish, not a test.</summary>
public sealed class SuccessCriterionNotMeasurable : IRule
{
    public RuleInfo Info { get; } = new("success-criterion-not-measurable", ProcessStep.RequirementBrief, Severity.Low,
        "A success criterion cannot be measured",
        "'Fast' and 'highly available' mean different things to each stakeholder; a criterion without a number cannot be checked by an SLO, a load test or anyone at launch.",
        "Rewrite the criterion with a number and a window: '99% of reads within 200 ms', '99.9% of writes succeed over 30 days'.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var scope = context.Design.Requirements.Scope;
        if (scope.SuccessCriteria.IsDefaultOrEmpty)
        {
            yield break;
        }

        // When none of them can be measured, success itself is undefined: raise it.
        var noneMeasurable = !scope.SuccessCriteria.Any(CompletenessSupport.IsMeasurable);
        for (var i = 0; i < scope.SuccessCriteria.Length; i++)
        {
            var criterion = scope.SuccessCriteria[i];
            if (CompletenessSupport.IsMeasurable(criterion))
            {
                continue;
            }

            var span = context.Span($"{scope.Path}/success_criteria/{i}");
            yield return noneMeasurable
                ? Info.At(span, criterion, $"success criterion '{CompletenessSupport.Clip(criterion)}' has no number to measure it by, and neither has any other criterion", Severity.Medium)
                : Info.At(span, criterion, $"success criterion '{CompletenessSupport.Clip(criterion)}' has no number to measure it by");
        }
    }
}
