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

    private static readonly Plumbline.Design.Model.SystemDesign Loaded = TestDesigns.Load(Design);

    // Worked out for each test, not once for the class: mutation testing runs the tests again in the same process with the
    // figure code changed, and a report kept in a static would still hold the figures of the first run.
    private readonly SensitivityReport Report = Estimator.Estimate(Loaded, sensitivity: true).Sensitivity!;

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

    [Fact]
    public void Storage_counts_every_copy_the_owner_keeps()
    {
        // db with 2 primaries and 4 replicas keeps 1 + 4 / 2 = 3 copies: a year of 1/s x 2 KB, three times.
        var replicated = Design.Replace("db: { kind: database,", "db: { kind: database, instances: 2, replicas: 4,", StringComparison.Ordinal);
        var report = Estimator.Estimate(TestDesigns.Load(replicated), sensitivity: true).Sensitivity!;
        Assert.Equal(3 * 12 * 2000 * 2_629_800.0, report.Headlines[2].Value, 0);
    }

    [Fact]
    public void The_busiest_component_and_the_instances_it_needs_are_headlines()
    {
        // a: peak (114.08 + 1) x 2 = 230.16/s over 100/s = 230%; it needs ceil(230.16 / 70) = 4 instances;
        // db: reads 456.33/s x 2 = 912.66/s over 1,000/s = 91%, writes 2/s over 100/s: 2 instances. 4 + 2 = 6.
        Assert.Equal(2 * 115.08 / 100, Report.Headlines[0].Value, 2);
        Assert.Equal("a", Report.Headlines[0].Subject);
        Assert.Equal(6, Report.Headlines[1].Value);

        // Egress: 114.08/s x 1,000 B.
        Assert.Equal(114_077, Report.Headlines[3].Value, 0);
    }
}
