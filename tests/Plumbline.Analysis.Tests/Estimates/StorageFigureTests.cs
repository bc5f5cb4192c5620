using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// What a store keeps at each horizon, the inputs each horizon is worked from and why a figure is unknown, by hand. A
/// month is 2,629,800 s; 1KB is 1,000 bytes.
/// </summary>
public sealed class StorageFigureTests
{
    private static EntityStorage Storage(string entity, string requirements = "peak_to_average: 2", string owner = "{ kind: database, instances: 2, replicas: 2, operations: { get: {} } }") =>
        Estimator.Estimate(TestDesigns.Load($$"""
            plumbline: 1
            system: { name: t }
            requirements: { {{requirements}} }
            workflows:
              read: { entry: db.get, rate: 1/s }
            data:
              - {{entity}}
            components:
              db: {{owner}}
            """)).Storage.Single();

    [Fact]
    public void Without_growth_a_horizon_is_initial_records_plus_a_month_s_records_times_the_retained_months()
    {
        var item = Storage("{ entity: Item, owner: db, record_size: 1KB, new_records: 1/s, retention: 1y, initial_records: 1000 }");
        var year = item.Horizons.Single(h => h.Months == 12);

        // 1/s x 2,629,800 s = 2,629,800 a month; 1,000 + 12 x 2,629,800 = 31,558,600 records, of 1,000 B, kept on
        // 1 + 2 replicas / 2 instances = 2 copies.
        Assert.Equal(31_558_600, year.Records.Value!.Value, 3);
        Assert.Equal("initial_records + new records per month x min(horizon, retention)", year.Records.Formula);
        Assert.Equal([2_629_800, 12, 12, 1000], year.Records.Inputs.Select(i => i.Value));
        Assert.Equal(31_558_600_000, year.Bytes.Value!.Value, 0);
        Assert.Equal([31_558_600, 1000], year.Bytes.Inputs.Select(i => i.Value));
        Assert.Equal(63_117_200_000, year.Replicated.Value!.Value, 0);
        Assert.Equal([31_558_600_000, 2], year.Replicated.Inputs.Select(i => i.Value));
        Assert.Equal("/components/db/replicas", year.Replicated.Inputs[1].Source);

        // Kept over retention: 2,629,800,000 B a month x 12 months.
        Assert.Equal(31_557_600_000, item.AtRetention.Value!.Value, 0);
        Assert.Equal([2_629_800_000, 12], item.AtRetention.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void With_growth_a_horizon_lists_the_growth_and_kept_forever_lists_no_retention()
    {
        var item = Storage("{ entity: Item, record_size: 1KB, new_records: 1/s, retention: forever }", "peak_to_average: 2, growth: 10%/month");
        var year = item.Horizons.Single(h => h.Months == 12);

        Assert.Equal("initial_records + integral of new records per month x growth^t over the retained months up to the horizon", year.Records.Formula);
        Assert.Equal(["new records per month", "horizon (months)", "monthly growth"], year.Records.Inputs.Select(i => i.Name));
        Assert.Equal(1.1, year.Records.Inputs[2].Value, 12);

        // No owner: one copy, derived, not read from the file.
        Assert.Equal(1, year.Replicated.Inputs[1].Value);
        Assert.Equal(FigureSources.Derived, year.Replicated.Inputs[1].Source);
        Assert.False(item.AtRetention.IsKnown);
        Assert.Equal("kept forever", item.AtRetention.Formula);
    }

    [Fact]
    public void A_missing_size_rate_or_retention_says_which()
    {
        var noSize = Storage("{ entity: Item, owner: db, new_records: 1/s }");
        Assert.True(noSize.NewRecordsPerMonth.IsKnown);
        Assert.False(noSize.NewBytesPerMonth.IsKnown);
        Assert.Equal("no record_size stated", noSize.NewBytesPerMonth.Formula);
        Assert.All(noSize.Horizons, h => Assert.False(h.Records.IsKnown));

        var noRate = Storage("{ entity: Item, owner: db, record_size: 1KB }");
        Assert.False(noRate.NewRecordsPerMonth.IsKnown);
        Assert.Equal("no new_records stated", noRate.NewBytesPerMonth.Formula);
        Assert.Equal("no size or rate", noRate.AtRetention.Formula);

        var noRetention = Storage("{ entity: Item, owner: db, record_size: 1KB, new_records: 1/s }");
        Assert.Equal("no retention stated", noRetention.AtRetention.Formula);
        Assert.Equal(["new records per month", "horizon (months)"], noRetention.Horizons[0].Records.Inputs.Select(i => i.Name));
    }
}
