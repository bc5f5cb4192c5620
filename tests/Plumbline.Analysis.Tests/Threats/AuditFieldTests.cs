using Xunit;

namespace Plumbline.Analysis.Tests.Threats;

/// <summary>
/// Which entities are audited is their own <c>audit</c> field: a <c>security.audit</c> line that happens to name
/// an entity is prose for people, never searched. Through the real loader.
/// </summary>
public sealed class AuditFieldTests
{
    private static string Design(string entityAudit) => $$"""
        plumbline: 1
        system: { name: shop }
        requirements:
          personas:
            - { name: buyer, workflows: [order] }
        workflows:
          order: { entry: api.place, rate: 10/s, type: write }
        data:
          - { entity: Order, owner: db, classification: restricted, retention: 1y{{entityAudit}} }
        components:
          api: { kind: service, operations: { place: { calls: [{ to: db.insert, timeout: 1s }, { to: db.get, timeout: 1s }] } } }
          db: { kind: database, operations: { insert: { type: write }, get: { type: read } } }
        security:
          boundaries:
            - { name: internet, contains: [buyer], trusted: false }
            - { name: private, contains: [api, db] }
          authn: { users: oauth, services: mtls }
          authz: per-customer ownership checks
          encryption: { in_transit: tls 1.3, at_rest: kms }
          audit: [Order reads and changes, to the append-only audit log]
        """;

    private static string[] Raised(string yaml) =>
        [.. ReviewKit.Review(yaml).Where(f => f.Rule.Id is "sensitive-write-without-audit" or "restricted-read-without-audit").Select(f => f.Key)];

    [Fact]
    public void A_security_audit_line_naming_the_entity_is_not_read_as_its_audit()
    {
        // Before, the words "Order reads and changes" answered both threats; now only the entity's own field does.
        Assert.Equal(["restricted-read-without-audit@Order", "sensitive-write-without-audit@Order"], Raised(Design(string.Empty)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_entitys_audit_field_answers_writes_and_all_answers_reads_too()
    {
        Assert.Equal(["restricted-read-without-audit@Order"], Raised(Design(", audit: writes")));
        Assert.Empty(Raised(Design(", audit: all")));
    }
}
