using Xunit;

namespace Plumbline.Analysis.Tests.Review.Completeness;

public sealed class RetriedEndpointWithoutIdempotencyTests
{
    private const string Rule = "retried-endpoint-without-idempotency";

    private static string Design(string calls, string store, string idempotency = "none") => $$"""
        plumbline: 1
        system: { name: notes, owners: [notes-team] }
        workflows:
          write-note: { entry: gw.create, rate: 10/s, type: write }
        components:
          gw:
            kind: gateway
            operations:
              create:
                calls:
        {{calls}}
          api:
            kind: service
            operations:
              handle: { calls: [{ to: notes-db.insert, timeout: 100ms }] }
              lookup: {}
          notes-db:
            kind: database
            operations:
        {{store}}
        data:
          - { entity: Note, owner: notes-db }
        api:
          version: v1
          versioning: path
          endpoints:
            - { name: create_note, route: POST /v1/notes, workflow: write-note, idempotency: {{idempotency}}, auth: session, writes: [Note] }
        """;

    private const string InsertUnstated = "      insert: {}";
    private const string InsertIdempotent = "      insert: { idempotent: true }";

    [Fact]
    public void A_retry_that_re_runs_a_non_idempotent_write_two_hops_down_fires()
    {
        // gw.create (inferred write, but the gateway's retried callee is api.handle, a read by name) -> notes-db.insert (write by name, idempotency unstated).
        var yaml = Design("          - { to: api.handle, timeout: 1s, retries: 2 }", InsertUnstated);
        var finding = Assert.Single(ReviewKit.Findings(yaml, Rule));
        Assert.Equal("create_note", finding.Subject);
        Assert.Contains("gw.create->api.handle retries up to 2 time(s) and re-runs notes-db.insert through api.handle", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idempotent_write_stops_the_search()
    {
        var yaml = Design("          - { to: api.handle, timeout: 1s, retries: 2 }", InsertIdempotent);
        Assert.Empty(ReviewKit.Findings(yaml, Rule));
    }

    [Fact]
    public void A_retried_read_that_writes_nothing_does_not_fire()
    {
        var yaml = Design("          - { to: api.lookup, timeout: 1s, retries: 2 }\n          - { to: api.handle, timeout: 1s }", InsertUnstated);
        Assert.Empty(ReviewKit.Findings(yaml, Rule));
    }

    [Fact]
    public void Zero_retries_are_no_retries()
    {
        var yaml = Design("          - { to: api.handle, timeout: 1s, retries: 0 }", InsertUnstated);
        Assert.Empty(ReviewKit.Findings(yaml, Rule));
    }

    [Fact]
    public void An_endpoint_with_a_key_does_not_fire()
    {
        var yaml = Design("          - { to: api.handle, timeout: 1s, retries: 2 }", InsertUnstated, "key");
        Assert.Empty(ReviewKit.Findings(yaml, Rule));
    }
}
