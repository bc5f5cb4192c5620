using Plumbline.Analysis.Slo;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Slo;

/// <summary>
/// The SLO arithmetic at its edges: an objective the decimal path cannot hold, a ratio of 0 against a threshold at or
/// below 0, a sustained burn from an availability on paper, and the bucket a threshold below every boundary is measured at.
/// </summary>
public sealed class SloGuardTests
{
    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void An_objective_past_what_a_decimal_holds_is_worked_in_doubles()
    {
        // A decimal holds about 7.9e28: 1 - 1e29 is worked as a double, -1e29 (the decimal conversion would throw).
        Assert.Equal(-1e29, ErrorBudget.Fraction(1e29));
        // 1 - infinity is minus infinity, and 1 - NaN is NaN: neither reaches the decimal conversion.
        Assert.Equal(double.NegativeInfinity, ErrorBudget.Fraction(double.PositiveInfinity));
        Assert.True(double.IsNaN(ErrorBudget.Fraction(double.NaN)));
    }

    [Fact]
    public void A_ratio_of_0_never_fires_even_against_a_threshold_of_0_or_below()
    {
        // No errors at all: nothing to detect, whatever the threshold; threshold x long / 0 would be minus infinity.
        Assert.Null(BurnRate.DetectionSeconds(-0.001, Duration.FromHours(1), Duration.FromMinutes(5), 0));
        Assert.Null(BurnRate.DetectionSeconds(0, Duration.FromHours(1), Duration.FromMinutes(5), 0));
    }

    [Fact]
    public void Detection_waits_for_the_longer_of_the_two_windows()
    {
        // A short window longer than the long one (a file may say so): 1.44% x max(1 h, 2 h) / 100% = 0.0144 x 7,200 s = 103.68 s.
        Near(103.68, BurnRate.DetectionSeconds(0.0144, Duration.FromHours(1), Duration.FromHours(2), 1.0)!.Value);
    }

    [Theory]
    // (1 - availability) / (1 - objective): 0.2% of failures on paper against a 0.1% budget burns it twice as fast.
    [InlineData(0.998, 0.999, 2)]
    // 0.05% against 0.1%: half the budget's pace, the objective met with half the budget to spare.
    [InlineData(0.9995, 0.999, 0.5)]
    // The shop of the rule's page: 1 - 0.9989001 = 0.0010999 against 0.0005 = 2.1998.
    [InlineData(0.9989001, 0.9995, 2.1998)]
    public void The_burn_rate_of_an_availability_on_paper_is_its_failures_over_the_budget(double availability, double objective, double burn) =>
        Assert.Equal(burn, BurnRate.OfAvailability(availability, objective), 1e-9);

    [Fact]
    public void A_threshold_below_every_boundary_is_measured_at_the_smallest_and_counts_slower_requests_as_fast()
    {
        // 2ms is below OpenTelemetry's first boundary, 5ms: measured at le=0.005, so requests of 2 to 5ms count as good.
        var design = TestDesigns.Load(Design("threshold: 2ms"));

        var bucket = LatencyBuckets.For(design.Slos.Single(), design);
        Assert.Equal((BucketSource.RoundedUp, 0.005, false), (bucket.Source, bucket.Bucket.Seconds, bucket.BucketsStated));
        Assert.Contains("requests between 2ms and 5ms count as fast: the SLO measured is looser", bucket.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_that_lists_its_buckets_is_measured_at_them()
    {
        // Buckets 20ms, 40ms, 80ms: a 300ms threshold rounds down to 80ms, the largest below it (OpenTelemetry's would give 250ms).
        var design = TestDesigns.Load(Design("threshold: 300ms") + """

            operations:
              telemetry: { latency_buckets: [20ms, 40ms, 80ms] }
            """);

        Assert.Equal([0.02, 0.04, 0.08], LatencyBuckets.Of(design).Select(b => b.Seconds));
        var bucket = LatencyBuckets.For(design.Slos.Single(), design);
        Assert.Equal((BucketSource.RoundedDown, 0.08, true), (bucket.Source, bucket.Bucket.Seconds, bucket.BucketsStated));
    }

    [Fact]
    public void A_stated_bucket_is_used_as_stated()
    {
        var design = TestDesigns.Load(Design("threshold: 300ms, query: { bucket: 500ms }"));

        var bucket = LatencyBuckets.For(design.Slos.Single(), design);
        Assert.Equal((BucketSource.Stated, 0.5), (bucket.Source, bucket.Bucket.Seconds));
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        var design = TestDesigns.Load(Design("threshold: 300ms"));

        Assert.Equal("design", Assert.Throws<ArgumentNullException>(() => LatencyBuckets.Of(null!)).ParamName);
        Assert.Equal("slo", Assert.Throws<ArgumentNullException>(() => LatencyBuckets.For(null!, design)).ParamName);
        Assert.Equal("design", Assert.Throws<ArgumentNullException>(() => LatencyBuckets.For(design.Slos.Single(), null!)).ParamName);
    }

    private static string Design(string latency) => $$"""
        plumbline: 1
        system: { name: fast }
        workflows:
          search: { entry: web.search, rate: 10/s }
        components:
          web: { kind: service, operations: { search: {} } }
        slos:
          - { name: search-latency, workflow: search, sli: latency, {{latency}}, objective: 99% }
        """;
}
