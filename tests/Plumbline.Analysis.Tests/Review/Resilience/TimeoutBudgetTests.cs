using Plumbline.Analysis.Review;
using Plumbline.Analysis.Tests.Availability;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Timeout inversions and missing timeouts, on the worst-case times of Availability/TimeoutBudgetFigureTests.</summary>
public sealed class TimeoutBudgetTests
{
    [Fact]
    public void A_timeout_below_the_callees_retry_loop_is_an_inversion_with_the_arithmetic()
    {
        var finding = Assert.Single(ReviewKit.Review(TimeoutBudgetFigureTests.Design).Of("timeout-inversion"));
        Assert.Equal("timeout-inversion@gateway.get->api.get_note", finding.Key);
        Assert.Equal("gateway.get->api.get_note waits 150ms, but api.get_note needs 190ms to retry one failing call to the end: p99 10ms + db.get 3 x 50ms + 30ms backoff = 190ms", finding.Message);

        Assert.Empty(ReviewKit.Review(TimeoutBudgetFigureTests.Design.Replace("timeout: 150ms", "timeout: 190ms", StringComparison.Ordinal)).Of("timeout-inversion"));
    }

    [Fact]
    public void A_callee_without_calls_is_not_an_inversion_even_when_slow()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read-note: { entry: api.get_note, rate: 50/s }
            components:
              api:
                kind: service
                operations:
                  get_note:
                    calls:
                      - { to: db.get, timeout: 10ms }
              db:
                kind: database
                operations:
                  get: { latency: { p99: 50ms } }
            """).Of("timeout-inversion");
        Assert.Empty(findings);
    }

    [Fact]
    public void Missing_timeouts_are_high_on_a_critical_path()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read-note: { entry: api.get_note, rate: 50/s, criticality: critical }
              export: { entry: api.export, rate: 1/s, criticality: low }
            components:
              api:
                kind: service
                operations:
                  get_note:
                    calls:
                      - to: db.get
                  export:
                    calls:
                      - to: db.scan
                      - { to: audit.publish, async: true }
              audit:
                kind: queue
                operations: { publish: {} }
              db:
                kind: database
                operations: { get: {}, scan: {} }
            """).Of("missing-timeout");
        Assert.Equal(["missing-timeout@api.get_note->db.get", "missing-timeout@api.export->db.scan"], findings.Select(f => f.Key));
        Assert.Equal([Severity.High, Severity.Medium], findings.Select(f => f.Severity));
    }
}
