namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A per-user rate with no user count to multiply it by.</summary>
public sealed class PerUserWorkflowWithoutUsers : IRule
{
    public RuleInfo Info { get; } = new("per-user-workflow-without-users", ProcessStep.Requirements, Severity.High,
        "A per-user workflow has no user count",
        "A per_user rate is multiplied by monthly active users; with no user count the workflow's traffic is unknown, and so is the load it puts on every component it reaches.",
        "Set requirements.users.monthly_active, or give the workflow a system-wide rate instead of per_user.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Design.Requirements.Users.MonthlyActive is not null)
        {
            yield break;
        }

        foreach (var workflow in context.Design.Workflows)
        {
            if (workflow.Rate is null && workflow.PerUser is { } perUser)
            {
                yield return Info.At(context.Span(workflow.Path + "/per_user"), workflow.Name,
                    $"workflow {workflow.Name} runs {perUser} per user, but requirements.users.monthly_active is not set, so its traffic is unknown");
            }
        }
    }
}
