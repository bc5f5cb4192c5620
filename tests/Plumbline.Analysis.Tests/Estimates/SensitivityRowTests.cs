using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// How far moving one input 20% down and up moves each headline, on a design small enough to work every row by hand: the
/// clamps that keep a share a share and a peak factor at least 1, the busiest component on a tie, and a headline that is 0.
/// </summary>
public sealed class SensitivityRowTests
{
    /// <summary>
    /// 100/s at a peak factor of 1 into api (200/s: 50%), which calls db 87.5% of the time (87.5/s over 175/s: 50%). Item
    /// grows by 1/s; Note has records but none arrive. No response size: egress is 0.
    /// </summary>
    private const string Design = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 1 }
        workflows:
          read: { entry: api.get, rate: 100/s }
        data:
          - { entity: Item, owner: db, record_size: 1KB, new_records: 1/s }
          - { entity: Note, owner: db, record_size: 2KB, initial_records: 1000 }
        components:
          api: { kind: service, capacity: 200/s, operations: { get: { calls: [ { to: db.get, probability: 87.5%, timeout: 1s } ] } } }
          db: { kind: database, capacity: 175/s, operations: { get: {} } }
        """;

    private static SensitivityReport Run() => Estimator.Estimate(TestDesigns.Load(Design), sensitivity: true).Sensitivity!;

    [Fact]
    public void The_headlines_take_the_first_of_equally_busy_components_and_only_growing_entities()
    {
        var report = Run();

        // api and db both at 50%: api, the first. Each needs ceil(load / (capacity x 0.7)) = 1. Storage at 60 months: Item's
        // 1/s x 60 x 2,629,800 s x 1,000 B = 1.57788e11 B (Note has no new_records, so it is not counted).
        Assert.Equal(0.5, report.Headlines[0].Value, 12);
        Assert.Equal("api", report.Headlines[0].Subject);
        Assert.Equal(2, report.Headlines[1].Value);
        Assert.Equal(1.57788e11, report.Headlines[2].Value, 0);
        Assert.Equal(0, report.Headlines[3].Value);
    }

    [Fact]
    public void A_probability_moved_past_one_is_held_at_one()
    {
        var row = Run().Rows.Single(r => r.Input.Kind == InputKind.CallProbability);

        // Up: 87.5% x 1.2 = 105%, held at 100%: db at 100/175 = 0.5714, busiest, 1/7 above 0.5. Down: 70% puts db at 40% and
        // api stays the busiest at 50%: no change. Nothing else moves; egress stays 0 (a change of 0, not of 0/0).
        Assert.Equal(1.0 / 7, row.Up[0], 9);
        Assert.Equal([0.0, 0, 0], row.Up.Skip(1));
        Assert.Equal([0.0, 0, 0, 0], row.Down);
        Assert.Equal(1.0 / 7, row.Score, 9);
    }

    [Fact]
    public void A_peak_factor_is_not_moved_below_one()
    {
        var row = Run().Rows.Single(r => r.Input.Kind == InputKind.PeakFactor);

        // Down: 0.8 is held at 1, nothing moves. Up: 1.2 puts both at 60%, 20% above; the instances stay 1 each
        // (ceil(120 / 140), ceil(105 / 122.5)).
        Assert.Equal([0.0, 0, 0, 0], row.Down);
        Assert.Equal(0.2, row.Up[0], 9);
        Assert.Equal([0.0, 0, 0], row.Up.Skip(1));
    }

    [Fact]
    public void A_null_model_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => Sensitivity.Run(null!));
}
