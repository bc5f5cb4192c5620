using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Causes;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Causes;

/// <summary>
/// One finding per cause: findings that repeat one root cause are reported once, with the others listed under the
/// head, through the real loader and reviewer; and a design where each cause is not shared keeps its findings apart.
/// </summary>
public sealed class FindingCausesTests
{
    /// <summary>A shop whose buyers write confidential orders through api to db; <c>IN_TRANSIT</c> is the design-wide line.</summary>
    private const string Shop = """
        plumbline: 1
        system: {name: shop}
        requirements:
          personas:
          - name: buyer
            workflows: [order]
        workflows:
          order: {entry: api.place, rate: 10/s, type: write}
        data:
        - {entity: Order, owner: db, classification: confidential, retention: 1y}
        components:
          api:
            kind: service
            operations:
              place:
                calls:
                - {to: db.insert, timeout: 1s CALL}
          db:
            kind: database
            operations:
              insert: {type: write}
        security:
          boundaries:
          - name: internet
            contains: [buyer]
            trusted: false
          - name: private
            contains: [api, db]
          authn: {users: oauth, services: mtls}
          authz: per-customer ownership checks
          encryption: {IN_TRANSIT at_rest: kms}
        """;

    private static string ShopWith(string inTransit, string call = "") =>
        Shop.Replace("IN_TRANSIT", inTransit, StringComparison.Ordinal).Replace(" CALL", call, StringComparison.Ordinal);

    private static readonly string[] FlowRules = ["flow-disclosure", "write-flow-without-integrity"];

    [Fact]
    public void Flows_with_no_encryption_in_transit_design_wide_are_listed_under_the_design_wide_finding()
    {
        var report = ReviewKit.Report(ShopWith(string.Empty));

        var flows = report.Findings.Where(f => FlowRules.Contains(f.Rule.Id)).ToList();
        // The entry flow (buyer -> api.place) and the call (api -> db.insert), each disclosed and written without integrity.
        Assert.Equal(4, flows.Count);
        var group = Assert.Single(report.Groups, g => g.Cause == "unstated@security.encryption.in_transit");
        Assert.Equal("no-encryption-in-transit@encryption.in_transit", group.Head.Key);
        Assert.Equal(flows.Select(f => f.Key).Order(StringComparer.Ordinal), group.Related.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(report.Findings.Where(f => FlowRules.Contains(f.Rule.Id)), f => Assert.Equal(group.Cause, f.Cause));

        // Counted once: the review's open causes are its findings less the repeats listed under them.
        Assert.Equal(report.Groups.Sum(g => g.Related.Length), report.Repeats);
        Assert.Equal(report.Findings.Length - report.Repeats, report.Groups.Length);
        Assert.Equal(report.Groups.Length, Enum.GetValues<Severity>().Sum(report.Count));
    }

    [Fact]
    public void A_call_that_states_plaintext_while_the_design_encrypts_is_a_cause_of_its_own()
    {
        var report = ReviewKit.Report(ShopWith("in_transit: tls 1.3,", ", security: {in_transit: none}"));

        Assert.DoesNotContain(report.Findings, f => f.Rule.Id == "no-encryption-in-transit");
        var flows = report.Groups.Where(g => FlowRules.Contains(g.Head.Rule.Id)).ToList();
        Assert.Equal(2, flows.Count);   // disclosure and integrity of api -> db.insert: each its own finding
        Assert.All(flows, g => Assert.Empty(g.Related));
        Assert.All(flows, g => Assert.Equal(g.Head.Key, g.Cause));
    }

    private const string Timeouts = """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: web.list, rate: 10/s }
          buy: { entry: web.order, rate: 1/s, type: write }
          look: { entry: web.show, rate: 5/s }
        components:
          web:
            kind: service
            operations:
              list: { calls: [ { to: db.query } ] }
              order: { calls: [ { to: db.insert } ] }
              show: { calls: [ { to: cache.get } ] }
          db: { kind: database, operations: { query: {}, insert: {} } }
          cache: { kind: cache, operations: { get: {} } }
        """;

    [Fact]
    public void Calls_with_no_timeout_between_one_pair_of_components_are_one_cause()
    {
        var report = ReviewKit.Report(Timeouts);

        var db = Assert.Single(report.Groups, g => g.Cause == "missing-timeout@web->db");
        Assert.Equal(["missing-timeout@web.list->db.query", "missing-timeout@web.order->db.insert"],
            db.All.Select(f => f.Key).Order(StringComparer.Ordinal));
        // The head is the first in the file of the most severe: both are medium, list comes first.
        Assert.Equal("missing-timeout@web.list->db.query", db.Head.Key);

        var cache = Assert.Single(report.Groups, g => g.Cause == "missing-timeout@web->cache");
        Assert.Equal("missing-timeout@web.show->cache.get", cache.Head.Key);
        Assert.Empty(cache.Related);
    }

    [Fact]
    public void A_group_is_headed_by_the_rule_that_names_its_cause_and_counts_at_its_most_severe_finding()
    {
        var design = Parse();
        var rule = new RuleInfo("no-encryption-in-transit", ProcessStep.Security, Severity.Medium, "t", "w", "f");
        var flow = new RuleInfo("flow-disclosure", ProcessStep.Security, Severity.High, "t", "w", "f");
        var span = design.SourceMap.ValueSpan("/system");
        var findings = new[]
        {
            flow.At(span, "a", "a", Severity.High),
            rule.At(span, "encryption.in_transit", "m", Severity.Medium),
            flow.At(span, "b", "b", Severity.Low),
        };

        var group = Assert.Single(FindingGroup.Of(findings, _ => "unstated@security.encryption.in_transit"));

        Assert.Equal("no-encryption-in-transit@encryption.in_transit", group.Head.Key);   // named by the cause, though less severe
        Assert.Equal(Severity.High, group.Severity);                                       // a repeat never hides a high finding
        Assert.Equal(["flow-disclosure@a", "flow-disclosure@b"], group.Related.Select(f => f.Key));   // most severe first
    }

    [Fact]
    public void Without_a_rule_naming_the_cause_the_most_severe_finding_heads_it_and_findings_of_other_causes_stay_apart()
    {
        var design = Parse();
        var rule = new RuleInfo("missing-timeout", ProcessStep.Resilience, Severity.Medium, "t", "w", "f");
        var span = design.SourceMap.ValueSpan("/system");
        var findings = new[]
        {
            rule.At(span, "x.a->y.b", "m", Severity.Medium),
            rule.At(span, "x.c->y.d", "m", Severity.High),
            rule.At(span, "x.e->z.f", "m", Severity.Medium),
        };

        var groups = FindingGroup.Of(findings, f => f.Subject.Contains("->y.", StringComparison.Ordinal) ? "missing-timeout@x->y" : f.Key);

        Assert.Equal(2, groups.Length);
        Assert.Equal("missing-timeout@x.c->y.d", groups[0].Head.Key);
        Assert.Equal(["missing-timeout@x.a->y.b"], groups[0].Related.Select(f => f.Key));
        Assert.Equal("missing-timeout@x.e->z.f", groups[1].Cause);
        Assert.Empty(groups[1].Related);
    }

    private const string TwoCritical = """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: web.list, rate: 10/s, criticality: critical }
          buy: { entry: web.order, rate: 1/s, type: write, criticality: critical }
        components:
          web:
            kind: service
            instances: 2ZONES
            operations:
              list: { calls: [ { to: db.query, timeout: 100ms } ] }
              order: { calls: [ { to: db.insert, timeout: 100ms } ] }
          db: { kind: database, operations: { query: {}, insert: {} } }
          admin: { kind: service, operations: { run: {} } }
        CHAOS
        """;

    private static string Critical(string zones = "", string chaos = "") =>
        TwoCritical.Replace("ZONES", zones, StringComparison.Ordinal).Replace("CHAOS", chaos, StringComparison.Ordinal);

    [Fact]
    public void Critical_workflows_with_no_chaos_scenario_in_the_design_are_one_cause_and_apart_once_the_design_has_one()
    {
        var none = ReviewKit.Report(Critical());
        var group = Assert.Single(none.Groups, g => g.Head.Rule.Id == "critical-workflow-without-chaos");
        Assert.Equal("unstated@validation.chaos", group.Cause);
        Assert.Equal(["critical-workflow-without-chaos@browse", "critical-workflow-without-chaos@buy"], group.All.Select(f => f.Key).Order(StringComparer.Ordinal));

        // A scenario that slows only the admin tool answers neither workflow: each is then a gap of its own.
        var some = ReviewKit.Report(Critical(chaos: """
            validation:
              chaos:
                - name: slow-admin
                  fault: { slow: admin, add: 200ms, for: 5m }
            """));
        var apart = some.Groups.Where(g => g.Head.Rule.Id == "critical-workflow-without-chaos").ToList();
        Assert.Equal(2, apart.Count);
        Assert.All(apart, g => Assert.Equal(g.Head.Key, g.Cause));
    }

    [Fact]
    public void Critical_workflows_with_no_zones_anywhere_are_one_cause()
    {
        var report = ReviewKit.Report(Critical());

        var group = Assert.Single(report.Groups, g => g.Head.Rule.Id == "single-zone-design");
        Assert.Equal("unstated@components.zones", group.Cause);
        Assert.Single(group.Related);
    }

    [Fact]
    public void Every_tiers_blast_radius_is_one_listing_headed_by_the_first_in_the_file()
    {
        // One instance of web and of db, each in no zone: both radii are a risk (low), and one layout.
        var report = ReviewKit.Report(Critical().Replace("instances: 2", "instances: 1", StringComparison.Ordinal));

        var radius = report.Findings.Where(f => f.Rule.Id == "blast-radius").ToList();
        Assert.True(radius.Count >= 2, string.Join(", ", radius.Select(f => f.Key)));
        var group = Assert.Single(report.Groups, g => g.Cause == "blast-radius@components");
        Assert.Equal(radius.Count, group.Related.Length + 1);
    }

    private static Plumbline.Design.Model.SystemDesign Parse() => ReviewKit.Load("""
        plumbline: 1
        system: { name: s }
        """);
}
