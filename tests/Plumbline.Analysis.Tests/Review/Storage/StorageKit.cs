namespace Plumbline.Analysis.Tests.Review.Storage;

/// <summary>The storage tests' design template; reviews go through the shared <see cref="ReviewKit"/>.</summary>
internal static class StorageKit
{
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
