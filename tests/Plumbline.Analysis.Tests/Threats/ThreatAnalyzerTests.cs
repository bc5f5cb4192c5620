using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Xunit;

namespace Plumbline.Analysis.Tests.Threats;

/// <summary>Statuses, false positives and the examples, through the real loader.</summary>
public sealed class ThreatAnalyzerTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    /// <summary>Every control in place: mTLS between services, TLS at the edge, encryption at rest, audit of restricted access, rate limits, least-privilege grants, rotation, erasure, a breach runbook.</summary>
    internal const string Fortress = """
        plumbline: 1
        system: { name: vault }
        requirements:
          personas:
            - { name: customer, workflows: [pay, history] }
          constraints: { compliance: [gdpr, pci-dss, hipaa, soc2] }
        workflows:
          pay: { entry: gateway.pay, rate: 20/s, type: write }
          history: { entry: gateway.history, rate: 50/s }
        api:
          endpoints:
            - { name: pay, route: POST /payments, workflow: pay, auth: oauth, idempotency: key, writes: [Payment], rate_limit: 5/s }
            - { name: history, route: GET /payments, workflow: history, auth: oauth, idempotency: natural, reads: [Payment], rate_limit: 10/s }
        data:
          - { entity: Payment, owner: ledger-db, classification: restricted, pii: true, retention: 7y, audit: all, erasure: pseudonymised on request by customer id within 30 days }
        components:
          gateway:
            kind: gateway
            rate_limit: 20/s per client
            operations:
              pay: { calls: [{ to: payments.pay, timeout: 2s }] }
              history: { calls: [{ to: payments.history, timeout: 2s }] }
          payments:
            kind: service
            security: { grants: [Payment], authz: per-customer ownership checks }
            operations:
              pay: { type: write, calls: [{ to: ledger-db.insert, timeout: 1s }, { to: events.publish, async: true }] }
              history: { type: read, calls: [{ to: ledger-db.query, timeout: 1s }] }
          ledger-db:
            kind: database
            backup: { every: 1d, keep: 30d }
            operations:
              insert: { type: write, idempotent: true }
              query: { type: read }
          events: { kind: queue, retention: 1d, consumers: [notifier.send], operations: { publish: { writes: [] } } }
          notifier: { kind: worker, operations: { send: { type: write, idempotent: true } } }
        operations:
          telemetry: { metrics: prometheus, logs: append-only audit log store }
          runbooks:
            - { failure: data breach or leaked credential, detect: security alert, mitigate: [rotate keys, revoke sessions, notify within 72h] }
        security:
          boundaries:
            - { name: internet, contains: [customer], trusted: false }
            - { name: edge, contains: [gateway] }
            - { name: services, contains: [payments, events, notifier] }
            - { name: cardholder-data, contains: [ledger-db] }
          authn: { users: oauth with mfa, services: mtls }
          authz: per-customer ownership checks
          encryption: { in_transit: tls 1.3, at_rest: kms }
          secrets: { store: vault, rotation: 30d }
          audit: [Payment reads and writes]
        """;

    private static ThreatReport Analyze(string yaml) => ThreatAnalyzer.Analyze(TestDesigns.Load(yaml), new ReviewOptions(Today));

    [Fact]
    public void A_design_with_every_control_in_place_has_no_open_threat()
    {
        var report = Analyze(Fortress);
        Assert.True(report.Count(ThreatStatus.Open) == 0, string.Join(Environment.NewLine, report.Threats.Where(t => t.Status == ThreatStatus.Open).Select(t => $"{t.Threat.Key}: {t.Threat.Message}")));
        // Its threats are answered, not absent: every STRIDE category shows mitigated threats with the control named.
        Assert.True(report.Count(ThreatStatus.Mitigated) >= 20, $"{report.Count(ThreatStatus.Mitigated)} mitigated");
        Assert.All(report.Threats, t => Assert.False(string.IsNullOrEmpty(t.Threat.MitigatedBy)));
        Assert.Equal(Enum.GetValues<Stride>().Length, report.Threats.Select(t => t.Threat.Stride).Distinct().Count());
    }

    [Fact]
    public void A_mitigated_threat_names_the_control_and_where_the_file_states_it()
    {
        var report = Analyze(Fortress);
        var disclosure = report.Threats.Single(t => t.Threat.Key == "flow-disclosure@payments.history->ledger-db.query").Threat;
        Assert.Equal("tls 1.3 (security.encryption.in_transit)", disclosure.MitigatedBy);
        var grant = report.Threats.Single(t => t.Threat.Key == "data-reach-without-grant@payments->Payment").Threat;
        Assert.Equal("grants Payment (components.payments.security.grants)", grant.MitigatedBy);
    }

    private const string Open = """
        plumbline: 1
        system: { name: s }
        requirements:
          personas:
            - { name: visitor, workflows: [w] }
        workflows:
          w: { entry: api.get, rate: 1/s }
        data:
          - { entity: A, owner: db, classification: confidential, retention: 1y }
        components:
          api: { kind: service, operations: { get: { calls: [{ to: db.get, timeout: 1s }] } } }
          db: { kind: database, operations: { get: { type: read } } }
        security:
          boundaries:
            - { name: internet, contains: [visitor], trusted: false }
          authn: { users: none }
          encryption: { in_transit: tls 1.3, at_rest: kms }
          accepted_risks:
            - { finding: "entry-without-authentication@w", reason: public lookups by design, owner: web-team, until: UNTIL }
        """;

    [Fact]
    public void An_accepted_threat_is_accepted_until_its_date_and_open_again_after()
    {
        var accepted = Analyze(Open.Replace("UNTIL", "2026-12-03", StringComparison.Ordinal)).Threats.Single(t => t.Threat.Key == "entry-without-authentication@w");
        Assert.Equal(ThreatStatus.Accepted, accepted.Status);
        Assert.Equal("web-team", accepted.Acceptance!.Owner);

        var expired = Analyze(Open.Replace("UNTIL", "2026-12-02", StringComparison.Ordinal)).Threats.Single(t => t.Threat.Key == "entry-without-authentication@w");
        Assert.Equal(ThreatStatus.Open, expired.Status);
        Assert.True(expired.AcceptanceExpired);
    }

    [Fact]
    public void Accepting_one_threat_leaves_the_same_rule_open_elsewhere()
    {
        var yaml = Open.Replace("UNTIL", "2027-12-31", StringComparison.Ordinal)
            .Replace("w: { entry: api.get, rate: 1/s }", "w: { entry: api.get, rate: 1/s }\n  v: { entry: api.get, rate: 1/s }", StringComparison.Ordinal)
            .Replace("workflows: [w]", "workflows: [w, v]", StringComparison.Ordinal);
        var report = Analyze(yaml);
        Assert.Equal(ThreatStatus.Accepted, report.Threats.Single(t => t.Threat.Key == "entry-without-authentication@w").Status);
        Assert.Equal(ThreatStatus.Open, report.Threats.Single(t => t.Threat.Key == "entry-without-authentication@v").Status);
    }

    [Fact]
    public void Severity_comes_from_what_a_flow_carries_and_where_it_comes_from()
    {
        // Confidential (3) from the internet (3): 9, high. The same entity classified internal (2): 6, medium.
        Assert.Equal(Severity.High, Analyze(Open.Replace("UNTIL", "2020-01-01", StringComparison.Ordinal)).Threats.Single(t => t.Threat.Key == "entry-without-authentication@w").Threat.Severity);
        var internal_ = Open.Replace("UNTIL", "2020-01-01", StringComparison.Ordinal).Replace("classification: confidential", "classification: internal", StringComparison.Ordinal);
        Assert.Equal(Severity.Medium, Analyze(internal_).Threats.Single(t => t.Threat.Key == "entry-without-authentication@w").Threat.Severity);
    }

    public static TheoryData<string> GoodExamples() =>
        ["chat.yaml", "news-feed.yaml", "pastebin.yaml", "payments-ledger.yaml", "ride-hailing.yaml", "url-shortener.yaml"];

    [Theory]
    [MemberData(nameof(GoodExamples))]
    public void A_good_example_has_no_open_high_threat(string example)
    {
        var report = ThreatAnalyzer.Analyze(TestDesigns.Example(example), new ReviewOptions(Today));
        var high = report.Threats.Where(t => t.Status == ThreatStatus.Open && t.Threat.Severity == Severity.High).Select(t => $"{t.Threat.Key}: {t.Threat.Message}").ToList();
        Assert.True(high.Count == 0, string.Join(Environment.NewLine, high));
    }

    [Fact]
    public void The_weak_design_trips_most_threat_rules()
    {
        var report = ThreatAnalyzer.Analyze(TestDesigns.Example("weak-design.yaml"), new ReviewOptions(Today));
        var fired = report.Threats.Where(t => t.Status == ThreatStatus.Open).Select(t => t.Threat.Rule.Id).ToHashSet(StringComparer.Ordinal);
        var rules = ThreatCatalogue.Rules.Select(r => r.Info.Id).ToList();
        var tripped = rules.Count(fired.Contains);
        Assert.True(tripped * 4 >= rules.Count * 3, $"{tripped} of {rules.Count} threat rules fire; quiet: {string.Join(", ", rules.Where(r => !fired.Contains(r)))}");
    }

    [Fact]
    public void There_are_at_least_forty_threat_rules_each_with_a_stride_category()
    {
        Assert.True(ThreatCatalogue.Rules.Length >= 40);
        Assert.All(ThreatCatalogue.Rules, r => Assert.Equal(ProcessStep.Security, r.Info.Step));
    }
}
