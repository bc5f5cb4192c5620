using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Completeness;

public sealed class CompletenessSeverityTests
{
    private const string Head = """
        plumbline: 1
        system: { name: notes, owners: [notes-team] }
        workflows:
          read: { entry: api.get, rate: 10/s }
        components:
          api: { kind: service, operations: { get: {} } }
          notes-db: { kind: database, operations: { get: {} } }

        """;

    [Theory]
    [InlineData("true", Severity.High)]
    [InlineData("false", Severity.Medium)]
    public void Personal_data_without_classification_is_high(string pii, Severity expected)
    {
        var yaml = Head + $"data:\n  - {{ entity: Note, owner: notes-db, pii: {pii}, access: [point_lookup(id)] }}\n";
        Assert.Equal(expected, Assert.Single(ReviewKit.Findings(yaml, "entity-without-classification")).Severity);
    }

    [Fact]
    public void Personal_data_without_retention_is_left_to_the_privacy_rule()
    {
        var yaml = Head + "data:\n  - { entity: Note, owner: notes-db, pii: true, classification: confidential }\n  - { entity: Tag, owner: notes-db, classification: internal }\n";
        Assert.Equal(["Tag"], ReviewKit.Findings(yaml, "entity-without-retention").Select(f => f.Subject));
    }

    [Fact]
    public void Retention_forever_is_a_stated_retention()
    {
        var yaml = Head + "data:\n  - { entity: Note, owner: notes-db, retention: forever, classification: internal, access: [point_lookup(id)] }\n";
        Assert.Empty(ReviewKit.Findings(yaml, "entity-without-retention"));
    }

    [Theory]
    [InlineData("POST", Severity.High)]
    [InlineData("PATCH", Severity.High)]
    [InlineData("PUT", Severity.Medium)]
    [InlineData("DELETE", Severity.Medium)]
    public void Unstated_idempotency_is_high_unless_http_makes_the_method_idempotent(string method, Severity expected)
    {
        var yaml = Head + $"api:\n  version: v1\n  versioning: path\n  endpoints:\n    - {{ name: change, route: {method} /v1/notes/current, auth: session }}\n";
        Assert.Equal(expected, Assert.Single(ReviewKit.Findings(yaml, "write-endpoint-without-idempotency")).Severity);
    }

    [Fact]
    public void A_get_that_writes_entities_is_a_write_endpoint_of_medium_severity()
    {
        var yaml = Head + "data:\n  - { entity: Visit, owner: notes-db }\napi:\n  version: v1\n  versioning: path\n  endpoints:\n    - { name: open, route: GET /v1/notes/latest, auth: none, writes: [Visit] }\n    - { name: list, route: GET /v1/notes, auth: none }\n";
        var finding = Assert.Single(ReviewKit.Findings(yaml, "write-endpoint-without-idempotency"));
        Assert.Equal("open", finding.Subject);
        Assert.Equal(Severity.Medium, finding.Severity);
    }

    [Theory]
    [InlineData("in: [read]\n    out: [share]", null)]
    [InlineData("in: [read]", Severity.Low)]
    [InlineData("out: [share]", Severity.Low)]
    [InlineData("success_criteria: [99% of reads within 100 ms]", Severity.Low)]
    public void Scope_boundaries_are_low_whether_one_list_or_both_are_missing(string scope, Severity? expected)
    {
        var yaml = Head + $"requirements:\n  scope:\n    {scope}\n";
        var findings = ReviewKit.Findings(yaml, "scope-without-boundaries");
        if (expected is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(findings).Severity);
        }
    }

    [Fact]
    public void Unmeasurable_criteria_are_medium_when_none_is_measurable()
    {
        var none = Head + "requirements:\n  scope:\n    success_criteria: [reads are fast, writes are reliable]\n";
        var findings = ReviewKit.Findings(none, "success-criterion-not-measurable");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Medium, f.Severity));

        var some = Head + "requirements:\n  scope:\n    success_criteria: [reads are fast, 99.9% of writes succeed]\n";
        var finding = Assert.Single(ReviewKit.Findings(some, "success-criterion-not-measurable"));
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("reads are fast", finding.Subject);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Decision_records_are_expected_from_four_components(int components, bool fires)
    {
        var parts = string.Concat(Enumerable.Range(1, components).Select(i => $"  c{i}: {{ kind: service, operations: {{ get: {{}} }} }}\n"));
        var yaml = "plumbline: 1\nsystem: { name: notes, owners: [t] }\nworkflows:\n  read: { entry: c1.get, rate: 10/s }\ncomponents:\n" + parts;
        Assert.Equal(fires, ReviewKit.Findings(yaml, "no-decision-records").Count == 1);
    }

    [Fact]
    public void Each_workflow_without_a_peak_is_its_own_finding()
    {
        var yaml = """
            plumbline: 1
            system: { name: notes, owners: [t] }
            workflows:
              read: { entry: api.get, rate: 10/s }
              write: { entry: api.put, rate: 1/s, peak_rate: 5/s }
              sync: { entry: api.get, rate: 2/s }
            components:
              api: { kind: service, operations: { get: {}, put: {} } }
            """;
        Assert.Equal(["read", "sync"], ReviewKit.Findings(yaml, "traffic-without-peak").Select(f => f.Subject));
    }

    [Fact]
    public void A_dependency_covered_by_its_component_is_not_reported()
    {
        var yaml = """
            plumbline: 1
            system: { name: notes, owners: [t] }
            workflows:
              read: { entry: api.get, rate: 10/s }
            components:
              api: { kind: service, operations: { get: { calls: [{ to: vendor.get, timeout: 1s }] } } }
              vendor: { kind: external, sla: 99.9%, owner: Acme, operations: { get: {} } }
            requirements:
              dependencies:
                - { name: acme, component: vendor }
                - { name: billing, direction: downstream }
            """;
        Assert.Empty(ReviewKit.Findings(yaml, "dependency-without-sla"));
        Assert.Equal(["billing"], ReviewKit.Findings(yaml, "dependency-without-owner").Select(f => f.Subject));
    }
}
