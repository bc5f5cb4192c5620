using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Tests.Review.Storage;

/// <summary>Reviews inline designs on the review tests' fixed date and keeps one rule's findings.</summary>
internal static class StorageKit
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static List<Finding> Findings(string yaml, string ruleId) =>
        [.. Reviewer.Review(TestDesigns.Load(yaml), new ReviewOptions(Today)).Findings.Where(f => f.Rule.Id == ruleId)];

    /// <summary>A design with an api calling one store that owns one entity; the parts vary per test.</summary>
    public static string Design(string entity, string store, string requirements = "") => $"""
        plumbline: 1
        system: {"{"} name: t {"}"}
        {requirements}
        workflows:
          w: {"{"} entry: api.op, rate: 10/s {"}"}
        data:
        {entity}
        components:
          api:
            kind: service
            operations:
              op:
                calls:
                  - {"{"} to: store.op, timeout: 100ms {"}"}
          store:
        {store}
            operations: {"{"} op: {"{"}{"}"} {"}"}
        """;
}
