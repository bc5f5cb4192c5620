using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

public sealed class SensitivityTests
{
    private const string Design = """
        plumbline: 1
        system: { name: t }
        requirements: { users: { monthly_active: 1M }, peak_to_average: 2 }
        workflows:
          read: { entry: a.get, per_user: 300/month, response: 1KB }
          write: { entry: a.put, rate: 1/s, type: write }
        data:
          - { entity: Item, owner: db, record_size: 2KB, new_records: 1/s, retention: 1y }
        components:
          a:
            kind: service
            capacity: 100/s
            operations:
              get: { calls: [ { to: db.get, count: 4, timeout: 1s } ] }
              put: { calls: [ { to: db.insert, timeout: 1s } ] }
          db: { kind: database, capacity: { reads: 1000/s, writes: 100/s }, operations: { get: {}, insert: {} } }
        """;

    private static readonly SensitivityReport Report = Estimator.Estimate(ReviewKit.Load(Design), sensitivity: true).Sensitivity!;

    [Fact]
    public void Headlines_are_the_four_the_issue_names()
    {
        Assert.Equal(["busiest component's peak utilisation", "instances needed", "storage at 60 months", "egress to the internet"], Report.Headlines.Select(h => h.Name));
        Assert.Equal(12 * 2000 * 2_629_800.0, Report.Headlines[2].Value, 0); // one year of 1/s x 2 KB, kept for a year
    }

    [Fact]
    public void Users_move_utilisation_and_egress_in_proportion()
    {
        var users = Report.Rows.Single(r => r.Input.Kind == InputKind.Users);
        // a: (114/s reads + 1/s writes) x 2 = 230/s over 100/s; users drive 114 of the 115.
        Assert.Equal(-0.2 * 114.08 / 115.08, users.Down[0], 2);
        Assert.Equal(0.2, users.Up[3], 9);
        Assert.Equal(3, users.Input.Line);
    }

    [Fact]
    public void Record_size_moves_only_storage()
    {
        var size = Report.Rows.Single(r => r.Input.Kind == InputKind.RecordSize);
        Assert.Equal(0, size.Up[0]);
        Assert.Equal(0.2, size.Up[2], 9);
        Assert.Equal(0, size.Up[3]);
    }

    [Fact]
    public void Inputs_are_ranked_by_their_largest_effect()
    {
        Assert.True(Report.Rows.Zip(Report.Rows.Skip(1)).All(p => p.First.Score >= p.Second.Score - 1e-9));
        Assert.Contains(Report.Rows, r => r.Input.Kind == InputKind.FanOut);
        Assert.Contains(Report.Rows, r => r.Input.Kind == InputKind.PeakFactor);
    }
}
