using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>The controls a threat model reads: a component's, a call's and an entity's own, and an operation's reads and writes.</summary>
public sealed class ThreatControlsFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: guarded }
        workflows:
          pay: { entry: api.pay, rate: 1/s, type: write }
        data:
          - { entity: Payment, owner: db, classification: restricted, pii: true, at_rest: hsm-backed kms, audit: all, erasure: pseudonymised on request }
        components:
          api:
            kind: service
            security: { authn: mtls, authz: per-account rbac, in_transit: tls 1.3, at_rest: none, grants: [Payment] }
            operations:
              pay:
                calls:
                  - { to: db.insert, timeout: 1s, security: { authn: iam, in_transit: tls 1.2 } }
          db: { kind: database, operations: { insert: { type: write, reads: [Payment], writes: [Payment] } } }
        """;

    [Fact]
    public void Component_call_entity_and_operation_controls_are_read_as_written()
    {
        var result = DesignLoader.LoadText("guarded.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var design = result.Design!;

        var api = design.FindComponent("api")!.Security!;
        Assert.Equal(("mtls", "per-account rbac", "tls 1.3", "none"), (api.Authn, api.Authz, api.InTransit, api.AtRest));
        Assert.Equal(["Payment"], api.Grants);
        Assert.Equal("/components/api/security", api.Path);

        var call = design.FindComponent("api")!.Operations[0].Calls[0].Security!;
        Assert.Equal(("iam", "tls 1.2"), (call.Authn, call.InTransit));

        var payment = design.Data[0];
        Assert.Equal(("hsm-backed kms", AuditScope.All, "pseudonymised on request"), (payment.AtRest, payment.Audit, payment.Erasure));

        var insert = design.FindComponent("db")!.Operations[0];
        Assert.Equal(["Payment"], insert.Reads);
        Assert.Equal(["Payment"], insert.Writes);
        Assert.Null(design.FindComponent("db")!.Security);
    }

    [Theory]
    [InlineData("grants: [Payment]", "grants: [Paymnet]", "/components/api/security/grants/0")]
    [InlineData("reads: [Payment]", "reads: [Refund]", "/components/db/operations/insert/reads/0")]
    public void An_unknown_entity_is_a_reference_error_at_its_place(string from, string to, string path)
    {
        var result = DesignLoader.LoadText("guarded.yaml", Design.Replace(from, to, StringComparison.Ordinal));
        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(path, error.YamlPath);
    }

    [Fact]
    public void An_audit_scope_outside_the_list_is_refused()
    {
        var result = DesignLoader.LoadText("guarded.yaml", Design.Replace("audit: all", "audit: sometimes", StringComparison.Ordinal));
        Assert.False(result.Success);
    }
}
