using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Operations;

public sealed class OperationsJudgementTests
{
    private static List<Finding> Findings(string yaml, string ruleId) => ReviewKit.Findings(yaml, ruleId);

    [Fact]
    public void Missing_slos_are_weighted_by_criticality_and_batch_jobs_need_no_latency_slo()
    {
        var yaml = """
            plumbline: 1
            system: { name: t }
            workflows:
              pay: { entry: api.pay, rate: 10/s, criticality: critical }
              browse: { entry: api.get, rate: 10/s, criticality: high }
              report: { entry: job.run, rate: 1/day, criticality: high }
              misc: { entry: api.get, rate: 1/s, criticality: medium }
            components:
              api: { kind: service, operations: { pay: {}, get: {} } }
              job: { kind: worker, operations: { run: {} } }
            slos:
              - { name: report-availability, workflow: report, sli: availability, objective: 99% }
            """;
        var found = Findings(yaml, "workflow-missing-slo").ToDictionary(f => f.Subject, f => f.Severity);
        Assert.Equal(
            new Dictionary<string, Severity>
            {
                ["pay:availability"] = Severity.High, ["pay:latency"] = Severity.Medium,
                ["browse:availability"] = Severity.Medium, ["browse:latency"] = Severity.Low,
            },
            found);
    }

    [Fact]
    public void Internet_facing_means_an_untrusted_entry_or_persona_but_not_a_worker()
    {
        var design = ReviewKit.Load("""
            plumbline: 1
            system: { name: t }
            requirements:
              personas:
                - { name: user, workflows: [browse, nightly] }
            workflows:
              browse: { entry: api.get, rate: 10/s }
              nightly: { entry: job.run, rate: 1/day }
              hook: { entry: edge.receive, rate: 1/s }
              internal: { entry: api.get, rate: 1/s }
            components:
              api: { kind: service, operations: { get: {} } }
              job: { kind: worker, operations: { run: {} } }
              edge: { kind: gateway, operations: { receive: {} } }
            security:
              boundaries:
                - { name: internet, contains: [user, edge], trusted: false }
                - { name: private, contains: [api, job] }
            """);
        var untrusted = OperationsFacts.Untrusted(design);
        Assert.Equal([true, false, true, false], design.Workflows.Select(w => OperationsFacts.IsInternetFacing(design, w, untrusted, out _)));
    }

    [Fact]
    public void Rate_limits_anywhere_on_the_synchronous_path_or_endpoint_count()
    {
        const string template = """
            plumbline: 1
            system: { name: t }
            requirements:
              personas:
                - { name: user, workflows: [browse] }
            workflows:
              browse: { entry: lb.get, rate: 10/s }
            api:
              endpoints:
                - { name: get, route: GET /items, workflow: browse, auth: session ENDPOINT }
            components:
              lb: { kind: load_balancer, operations: { get: { calls: [{ to: api.get, timeout: 1s }] } } }
              api: { kind: service API, operations: { get: { calls: [{ to: q.put, async: true }] } } }
              q: { kind: queue, RATE operations: { put: {} } }
            security:
              boundaries:
                - { name: internet, contains: [user], trusted: false }
                - { name: private, contains: [lb, api, q] }
            """;
        string Yaml(string endpoint, string api, string queue) =>
            template.Replace("ENDPOINT", endpoint, StringComparison.Ordinal).Replace(" API", api, StringComparison.Ordinal).Replace("RATE ", queue, StringComparison.Ordinal);
        Assert.Single(Findings(Yaml(string.Empty, string.Empty, string.Empty), "internet-entry-without-rate-limit"));
        Assert.Empty(Findings(Yaml(", rate_limit: 50/s", string.Empty, string.Empty), "internet-entry-without-rate-limit"));
        Assert.Empty(Findings(Yaml(string.Empty, ", rate_limit: 5/s per user", string.Empty), "internet-entry-without-rate-limit"));
        Assert.Single(Findings(Yaml(string.Empty, string.Empty, "rate_limit: 5/s, "), "internet-entry-without-rate-limit")); // async hop: no protection
    }

    [Theory]
    [InlineData("POST /links", "read", "[Link]", true)]
    [InlineData("DELETE /links/{id}", "read", "[]", true)]
    [InlineData("GET /{code}", "read", "[Click]", false)]   // a redirect recording a click
    [InlineData("GET /ping", "write", "[Ping]", true)]
    [InlineData("WS /socket", "read", "[Message]", true)]
    public void Writes_are_writing_methods_or_stated_writes_outside_read_gets(string route, string type, string writes, bool expected)
    {
        var design = ReviewKit.Load($$"""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: api.op, rate: 1/s, type: {{type}} }
            api:
              endpoints:
                - { name: e, route: "{{route}}", workflow: w, auth: none, writes: {{writes}} }
            data:
              - { entity: Link }
              - { entity: Click }
              - { entity: Ping }
              - { entity: Message }
            components:
              api: { kind: service, operations: { op: {} } }
            """);
        Assert.Equal(expected, UnauthenticatedWriteEndpoint.Writes(design.Api.Endpoints[0], design));
    }

    [Fact]
    public void An_unauthenticated_write_behind_a_rate_limit_is_medium()
    {
        var yaml = """
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: api.op, rate: 1/s, type: write }
            api:
              endpoints:
                - { name: e, route: POST /things, workflow: w, auth: none }
            components:
              api: { kind: service, rate_limit: 10/s per ip, operations: { op: {} } }
            """;
        var finding = Assert.Single(Findings(yaml, "unauthenticated-write-endpoint"));
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("only a rate limit (api)", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("links-db primary down", true)]
    [InlineData("LINKS-DB slow", true)]
    [InlineData("links-db-replica lagging", false)]
    [InlineData("old-links-db full", false)]
    public void Runbook_text_covers_a_component_named_as_a_word(string failure, bool covers) =>
        Assert.Equal(covers, ComponentWithoutRunbook.Covers(new Runbook(failure, null, [], [], null, "/operations/runbooks/0"), "links-db"));

    [Fact]
    public void Sensitive_data_decides_how_severe_missing_encryption_is()
    {
        const string template = """
            plumbline: 1
            system: { name: t }
            data:
              - { entity: E, owner: db, CLASS }
            components:
              db: { kind: database }

            """;
        Assert.Equal(Severity.High, Assert.Single(Findings(template.Replace("CLASS", "pii: true", StringComparison.Ordinal), "no-encryption-at-rest")).Severity);
        Assert.Equal(Severity.Medium, Assert.Single(Findings(template.Replace("CLASS", "classification: confidential", StringComparison.Ordinal), "no-encryption-at-rest")).Severity);
        Assert.Empty(Findings(template.Replace("CLASS", "classification: internal", StringComparison.Ordinal), "no-encryption-at-rest"));
        Assert.Empty(Findings(template.Replace("CLASS", "pii: true", StringComparison.Ordinal) + "security:\n  encryption: { at_rest: kms }\n", "no-encryption-at-rest"));
        Assert.Single(Findings(template.Replace("CLASS", "pii: true", StringComparison.Ordinal) + "security:\n  encryption: { at_rest: none }\n", "no-encryption-at-rest"));
    }

    [Fact]
    public void Chaos_touches_a_workflow_through_its_components_or_their_zones()
    {
        const string template = """
            plumbline: 1
            system: { name: t }
            workflows:
              pay: { entry: api.pay, rate: 1/s, criticality: critical }
            components:
              api: { kind: service, zones: [a, b], instances: 2, operations: { pay: { calls: [{ to: q.put, async: true }] } } }
              q: { kind: queue, zones: [c], operations: { put: {} } }
              other: { kind: service, zones: [d], operations: { x: {} } }
            validation:
              chaos:
                - { name: c, fault: FAULT, expect: { slos: met } }
            """;
        bool Fires(string fault) => Findings(template.Replace("FAULT", fault, StringComparison.Ordinal), "critical-workflow-without-chaos").Count == 1;
        Assert.False(Fires("{ zone_down: b }"));
        Assert.False(Fires("{ fail: q }"));                      // reached asynchronously still counts
        Assert.True(Fires("{ zone_down: d }"));
        Assert.True(Fires("{ slow: other, add: 1s }"));
    }
}
