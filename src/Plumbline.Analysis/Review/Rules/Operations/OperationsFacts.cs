using Plumbline.Design.Model;
using Plumbline.Design.Text;


namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>What the operations, security, cost and validation rules share: where to point at absent sections, what counts as unstated, and who is exposed.</summary>
internal static class OperationsFacts
{
    private static readonly HashSet<string> Blank = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "no", "n/a", "na", "tbd", "todo", "unknown", "false", "off", "-", "?", "plaintext", "unencrypted",
    };

    /// <summary>Missing, blank, or a word that means "not planned" (none, tbd, n/a...).</summary>
    public static bool IsUnstated(string? text) => string.IsNullOrWhiteSpace(text) || Blank.Contains(text.Trim());

    /// <summary>Entities that hold personal data or are classified confidential or restricted, in file order.</summary>
    public static List<Entity> Sensitive(SystemDesign design) =>
        [.. design.Data.Where(e => e.Pii || e.Classification is Classification.Confidential or Classification.Restricted)];

    /// <summary>Whether any entity is personal or restricted: the data whose exposure is a reportable breach.</summary>
    public static bool HasBreachData(SystemDesign design) =>
        design.Data.Any(e => e.Pii || e.Classification == Classification.Restricted);

    /// <summary>"Payment (restricted, pii), Click (confidential)", at most four, then "and N more".</summary>
    public static string Describe(IReadOnlyList<Entity> entities)
    {
        var parts = entities.Take(4).Select(e =>
        {
            var tags = new List<string>();
            if (e.Classification is { } c && c >= Classification.Confidential)
            {
                tags.Add(EnumNames.Text(c));
            }

            if (e.Pii)
            {
                tags.Add("pii");
            }

            return tags.Count == 0 ? e.Name : $"{e.Name} ({string.Join(", ", tags)})";
        });
        var text = string.Join(", ", parts);
        return entities.Count > 4 ? $"{text} and {entities.Count - 4} more" : text;
    }

    /// <summary>The names inside untrusted boundaries: personas, components and dependencies.</summary>
    public static HashSet<string> Untrusted(SystemDesign design) =>
        [.. design.Security.Boundaries.Where(b => !b.Trusted).SelectMany(b => b.Contains)];

    /// <summary>
    /// Whether internet (untrusted) traffic reaches a workflow: its entry component sits in an
    /// untrusted boundary, or a persona from one uses it and it does not start at a worker or queue
    /// (scheduled jobs and consumers are not entered from outside). <paramref name="via"/> names why.
    /// </summary>
    public static bool IsInternetFacing(SystemDesign design, Workflow workflow, HashSet<string> untrusted, out string via)
    {
        via = string.Empty;
        if (design.FindComponent(workflow.Entry.Component) is not { } entry)
        {
            return false;
        }

        if (untrusted.Contains(entry.Name))
        {
            via = $"{entry.Name} sits in an untrusted boundary";
            return true;
        }

        if (entry.Kind is ComponentKind.Worker or ComponentKind.Queue)
        {
            return false;
        }

        var persona = design.Requirements.Personas.FirstOrDefault(p => untrusted.Contains(p.Name) && p.Workflows.Contains(workflow.Name));
        if (persona is null)
        {
            return false;
        }

        via = $"persona {persona.Name} comes from an untrusted boundary";
        return true;
    }

    /// <summary>Where a rate limit protects a workflow: an endpoint serving it, or a component on its synchronous path; null when nothing does.</summary>
    public static string? RateLimitOn(ReviewContext context, Workflow workflow) =>
        LimitsOn(context, workflow).Select(l => l.Where).FirstOrDefault();

    /// <summary>
    /// Every rate limit a workflow's requests pass: its endpoints' first, then those of the components on its
    /// synchronous path in path order, each with where it is stated ("endpoint search", "haproxy").
    /// </summary>
    public static IEnumerable<(RateLimit Limit, string Where)> LimitsOn(ReviewContext context, Workflow workflow)
    {
        foreach (var endpoint in context.EndpointsByWorkflow[workflow.Name])
        {
            foreach (var limit in endpoint.RateLimits)
            {
                yield return (limit, $"endpoint {endpoint.Name}");
            }
        }

        foreach (var name in context.SyncComponentsOf(workflow))
        {
            if (context.Design.FindComponent(name) is { } component)
            {
                foreach (var limit in component.RateLimits)
                {
                    yield return (limit, component.Name);
                }
            }
        }
    }
}
