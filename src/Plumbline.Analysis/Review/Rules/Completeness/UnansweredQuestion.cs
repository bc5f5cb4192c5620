namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>
/// A question from the brief without an answer. Low by default; info when someone owns it and its
/// due date is still ahead; medium once its due date has passed.
/// </summary>
public sealed class UnansweredQuestion : IRule
{
    public RuleInfo Info { get; } = new("open-question", ProcessStep.RequirementBrief, Severity.Low,
        "A question from the brief is still open",
        "Every open question is an assumption the design rests on; one without an owner and a date tends to stay open until it is answered by an incident.",
        "Record the answer in 'answer' and update the design, or give the question an owner and a due date so it gets answered.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var today = context.Options.Today;
        for (var i = 0; i < context.Design.Requirements.OpenQuestions.Length; i++)
        {
            var question = context.Design.Requirements.OpenQuestions[i];
            if (!question.IsOpen)
            {
                continue;
            }

            var span = context.KeySpan(question.Path);
            var text = CompletenessSupport.Clip(question.Question);
            var owner = string.IsNullOrWhiteSpace(question.Owner) ? null : question.Owner;
            if (question.Due is { } due && due < today)
            {
                yield return Info.At(span, question.Question,
                    $"open question '{text}' was due on {due:yyyy-MM-dd} and has no answer", Severity.Medium);
            }
            else if (owner is not null && question.Due is { } ahead)
            {
                yield return Info.At(span, question.Question,
                    $"open question '{text}' is owned by {owner} and due on {ahead:yyyy-MM-dd}", Severity.Info);
            }
            else
            {
                var missing = owner is null && question.Due is null ? "no owner and no due date"
                    : owner is null ? "no owner" : "no due date";
                yield return Info.At(span, question.Question, $"open question '{text}' has {missing}");
            }
        }
    }
}
