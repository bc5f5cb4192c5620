namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>
/// A public workflow (anyone may use it without signing in, <c>public:</c>) whose rate limits are all global: one
/// anonymous client can spend the whole budget, and the limit then refuses everyone else.
/// </summary>
public sealed class PublicEntryWithGlobalLimitOnly : IRule
{
    public RuleInfo Info { get; } = new("public-entry-with-global-limit-only", ProcessStep.Security, Severity.Medium,
        "A public entry is limited only globally",
        "A public entry has no signed-in caller to count against, and a global limit counts everyone together: one scraper or one retry storm spends the whole budget, and the limit then turns away every other visitor. The limit meant to protect the path becomes the outage.",
        "Add a limit counted per client beside the global one (per ip, or per a visitor id the edge issues): rate_limit: [5000/s, 20/s per ip].");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var workflow in design.Workflows)
        {
            var isPublic = workflow.Public is not null
                || design.Api.Endpoints.Any(e => e.Workflow == workflow.Name && e.Public is not null);
            if (!isPublic)
            {
                continue;
            }

            var limits = OperationsFacts.LimitsOn(context, workflow).ToList();
            if (limits.Count == 0 || limits.Any(l => !l.Limit.IsGlobal))
            {
                continue; // no limit at all is internet-entry-without-rate-limit's; a per-client limit answers this
            }

            var stated = string.Join(", ", limits.Select(l => $"{l.Where}: {l.Limit}"));
            yield return Info.At(context.Span(limits[0].Limit.Path), workflow.Name,
                $"{workflow.Name} is public and its only rate limits are global ({stated}): one anonymous client can spend all of it");
        }
    }
}
