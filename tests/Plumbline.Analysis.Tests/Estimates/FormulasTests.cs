using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

public sealed class FormulasTests
{
    [Theory]
    [InlineData(0.01, 0, 1.0)]
    [InlineData(0.01, 2, 1.0101)]
    [InlineData(0.5, 3, 1.875)]
    [InlineData(1.0, 3, 4.0)]
    public void Expected_attempts_are_the_geometric_sum(double failure, int max, double expected) =>
        Assert.Equal(expected, Attempts.Expected(new RetryPolicy(max, null, null, null, null), failure), 9);

    [Fact]
    public void Worst_case_attempts_use_every_retry()
    {
        Assert.Equal(4, Attempts.Max(new RetryPolicy(3, null, null, null, null)));
        Assert.Equal(1, Attempts.Max((RetryPolicy?)null));
        Assert.Equal(1, Attempts.Expected(null, 0.5));
    }

    [Theory]
    [InlineData(300, 100, 0.7, 5)] // 300 / 70 = 4.29
    [InlineData(280, 100, 0.7, 4)] // exactly 4
    [InlineData(1, 100, 0.7, 1)]   // never below one
    [InlineData(9000, 5000, 0.7, 3)]
    public void Instances_needed_round_up_at_the_target(double peak, double capacity, double target, double expected) =>
        Assert.Equal(expected, Formulas.InstancesNeeded(peak, capacity, target));

    [Fact]
    public void Instances_needed_past_what_an_int_holds_are_the_true_count_not_a_wrapped_one()
    {
        // 3e12/s at 1/s per instance and 70%: ceil(3e12 / 0.7) = ceil(4,285,714,285,714.29) = 4,285,714,285,715.
        Assert.Equal(4_285_714_285_715, Formulas.InstancesNeeded(3e12, 1, 0.7));
        Assert.Equal(double.PositiveInfinity, Formulas.InstancesNeeded(double.PositiveInfinity, 1, 0.7));
        Assert.Equal(1e300, Formulas.ShardsForStorage(1e301, 10), 1e285);
    }

    [Fact]
    public void Records_under_growth_too_fast_for_a_double_are_infinite_not_a_non_number()
    {
        // 100%/day is a factor of 2^30.4375 a month; over 60 months 2^1826, past the largest double, with or without a retention.
        var monthly = Math.Pow(2, 30.4375);
        Assert.Equal(double.PositiveInfinity, Formulas.RecordsAt(60, 1000, double.PositiveInfinity, monthly));
        Assert.Equal(double.PositiveInfinity, Formulas.RecordsAt(60, 1000, 1.0 / 30.4375, monthly));
        Assert.Equal(0, Formulas.RecordsAt(60, 0, 1, monthly));
    }

    [Fact]
    public void Headroom_at_half_utilisation_and_doubling_yearly_is_twelve_months()
    {
        var monthly = Math.Pow(2, 1.0 / 12);
        Assert.Equal(12, Formulas.HeadroomMonths(0.5, monthly)!.Value, 9);
    }

    [Fact]
    public void Headroom_is_zero_when_over_capacity_and_unknown_without_growth()
    {
        Assert.Equal(0, Formulas.HeadroomMonths(1.2, 1.05));
        Assert.Null(Formulas.HeadroomMonths(0.5, 1));
    }

    [Fact]
    public void Records_at_a_horizon_stop_growing_at_the_retention()
    {
        Assert.Equal(6_000_000, Formulas.RecordsAt(12, 1_000_000, 6, 1), 6);
        Assert.Equal(12_000_000, Formulas.RecordsAt(12, 1_000_000, double.PositiveInfinity, 1), 6);
    }

    [Fact]
    public void Records_under_compound_growth_integrate_the_rate()
    {
        // 10%/month for 12 months: integral of 1000 * 1.1^t dt from 0 to 12 = 1000 * (1.1^12 - 1) / ln 1.1
        var expected = 1000 * (Math.Pow(1.1, 12) - 1) / Math.Log(1.1);
        Assert.Equal(expected, Formulas.RecordsAt(12, 1000, double.PositiveInfinity, 1.1), 6);
        Assert.Equal(22_437, Formulas.RecordsAt(12, 1000, double.PositiveInfinity, 1.1), 0);
    }

    [Theory]
    [InlineData(10e12, 4e12, 3)]
    [InlineData(8e12, 4e12, 2)]
    [InlineData(1, 4e12, 1)]
    public void Shards_for_storage_round_up(double bytes, double perNode, double expected) =>
        Assert.Equal(expected, Formulas.ShardsForStorage(bytes, perNode));

    [Theory]
    [InlineData(1, 2, 3.0)]
    [InlineData(4, 8, 3.0)]
    [InlineData(3, 0, 1.0)]
    public void Replication_counts_each_primary_and_its_replicas(int instances, int replicas, double expected) =>
        Assert.Equal(expected, Formulas.ReplicationFactor(instances, replicas), 9);

    [Theory]
    [InlineData(300, 0, 0.7)]   // no capacity stated: nothing to divide by
    [InlineData(300, -5, 0.7)]
    [InlineData(300, 100, 0)]   // no target: nothing to divide by
    [InlineData(300, 0, 0)]
    public void Instances_needed_are_zero_without_a_capacity_or_a_target(double peak, double capacity, double target) =>
        Assert.Equal(0, Formulas.InstancesNeeded(peak, capacity, target));

    [Fact]
    public void Headroom_at_exactly_full_utilisation_is_zero_even_without_growth()
    {
        Assert.Equal(0, Formulas.HeadroomMonths(1, 1.05));
        Assert.Equal(0, Formulas.HeadroomMonths(1, 1));
        Assert.Equal(0, Formulas.HeadroomMonths(1, 0.9));
    }

    [Fact]
    public void Headroom_is_unknown_at_no_load_or_when_load_shrinks()
    {
        Assert.Null(Formulas.HeadroomMonths(0, 1.05));
        Assert.Null(Formulas.HeadroomMonths(-0.1, 1.05));
        Assert.Null(Formulas.HeadroomMonths(0.5, 0.95));

        // 80% growing 5% a month: ln(1 / 0.8) / ln 1.05 = 0.22314 / 0.04879 = 4.5735 months.
        Assert.Equal(4.5735, Formulas.HeadroomMonths(0.8, 1.05)!.Value, 4);
    }

    [Fact]
    public void Records_under_growth_and_a_retention_keep_only_the_retained_months()
    {
        // 1,000 a month growing 10% a month, kept 6 months, at 12 months: the integral of 1000 x 1.1^t from 6 to 12,
        // 1000 x 1.1^6 x (1.1^6 - 1) / ln 1.1 = 1000 x 1.771561 x 0.771561 / 0.0953102 = 14,341.25.
        Assert.Equal(14_341.25, Formulas.RecordsAt(12, 1000, 6, 1.1), 2);

        // A retention past the horizon keeps everything: 1000 x (1.1^12 - 1) / ln 1.1 = 22,437.
        Assert.Equal(Formulas.RecordsAt(12, 1000, double.PositiveInfinity, 1.1), Formulas.RecordsAt(12, 1000, 24, 1.1), 6);

        // Nothing has arrived at month 0.
        Assert.Equal(0, Formulas.RecordsAt(0, 1000, 6, 1.1), 9);
    }

    [Fact]
    public void Shards_are_zero_without_a_node_size_and_replication_counts_a_lone_replica_set()
    {
        Assert.Equal(0, Formulas.ShardsForStorage(10e12, 0));
        Assert.Equal(0, Formulas.ShardsForStorage(10e12, -1));

        // No instances stated: one primary, so 2 replicas are 1 + 2 = 3 copies.
        Assert.Equal(3, Formulas.ReplicationFactor(0, 2), 9);

        // 2 primaries and 3 replicas: 1 + 3 / 2 = 2.5 copies of each shard.
        Assert.Equal(2.5, Formulas.ReplicationFactor(2, 3), 9);
    }
}
