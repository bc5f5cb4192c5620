using Plumbline.Analysis.Estimates;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// What the estimate reports beside its figures, on small designs worked by hand: the month it counted in and where that
/// came from, each workflow's composed availability and downtime, and the notes that say what was assumed.
/// </summary>
public sealed class ReportTests
{
    private const string Stated = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2, growth: 10%/year }
        workflows:
          read: { entry: api.get, rate: 10/s }
        data:
          - { entity: Item, owner: db, record_size: 1KB, new_records: 1/s }
        components:
          api:
            kind: service
            availability: 99.9%
            capacity: 100/s
            operations:
              get: { calls: [ { to: db.get, timeout: 1s } ] }
          db: { kind: database, availability: 99.5%, capacity: 1000/s, operations: { get: {} } }
        """;

    [Fact]
    public void A_month_given_as_an_option_is_the_months_source_and_counts_new_records()
    {
        var report = Estimator.Estimate(TestDesigns.Load(Stated), EstimateOptions.Default with { Month = MonthConvention.TwoAndAHalfMillionSeconds });

        // 1 record/s x 2,500,000 s = 2,500,000 records a month, of 1,000 B: 2.5e9 B a month.
        Assert.Equal(MonthConvention.TwoAndAHalfMillionSeconds, report.Month);
        Assert.Equal("option", report.MonthSource);
        Assert.Equal(2.5e9, report.Storage.Single().NewBytesPerMonth.Value!.Value, 3);
        Assert.Equal(["read"], report.Workflows.Select(w => w.Workflow));
        Assert.NotNull(report.Recovery);
        Assert.Empty(report.Overflows);
    }

    [Fact]
    public void A_workflow_s_availability_is_its_path_s_and_its_downtime_follows()
    {
        var report = Estimator.Estimate(TestDesigns.Load(Stated));
        var read = report.Workflows.Single().Availability;

        // api.get 99.9% x db.get 99.5% = 0.994005; (1 - 0.994005) x 2,592,000 s = 15,539.04 s in 30 days and
        // x 31,557,600 s = 189,187.812 s in a year of 365.25 days.
        Assert.Equal(0.994005, read.Availability.Value!.Value, 12);
        Assert.Equal(15_539.04, read.DowntimePer30Days.Value!.Value, 6);
        Assert.Equal(189_187.812, read.DowntimePerYear.Value!.Value, 5);
        Assert.Equal([0.999, 0.995], read.Availability.Inputs.Select(i => i.Value));
        Assert.Equal(0.994005, read.DowntimePer30Days.Inputs.Single().Value, 12);
        Assert.Equal("db.get", read.Weakest);
    }

    [Fact]
    public void Stated_peak_growth_and_capacities_leave_no_note_about_them()
    {
        var notes = Estimator.Estimate(TestDesigns.Load(Stated)).Notes;

        Assert.DoesNotContain(notes, n => n.Contains("peak_to_average", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("No growth", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("No capacity", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void Unstated_peak_growth_and_capacities_are_each_noted()
    {
        var notes = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            workflows:
              read: { entry: web.get, rate: 10/s }
            components:
              user: { kind: client, operations: { open: { calls: [ { to: web.get } ] } } }
              web: { kind: service, operations: { get: { calls: [ { to: api.get, timeout: 1s } ] } } }
              api: { kind: service, operations: { get: {} } }
              idle: { kind: service, operations: { get: {} } }
            """)).Notes;

        // The default peak factor, 3, is printed; the client and the unloaded service are not counted as unsized.
        Assert.Contains("No peak_to_average is stated: peak is taken as 3x the average. State requirements.peak_to_average.", notes);
        Assert.Contains(notes, n => n.StartsWith("No growth is stated", StringComparison.Ordinal));
        Assert.Contains("No capacity stated for 2 loaded component(s), so their utilisation is unknown: web, api.", notes);
    }

    [Fact]
    public void More_than_eight_unsized_components_are_listed_eight_and_an_ellipsis()
    {
        var chain = string.Join(Environment.NewLine, Enumerable.Range(1, 9).Select(i => i < 9
            ? $"  s{i}: {{ kind: service, operations: {{ get: {{ calls: [ {{ to: s{i + 1}.get, timeout: 1s }} ] }} }} }}"
            : $"  s{i}: {{ kind: service, operations: {{ get: {{}} }} }}"));
        var notes = Estimator.Estimate(TestDesigns.Load($"""
            plumbline: 1
            system: {"{"} name: t {"}"}
            requirements: {"{"} peak_to_average: 2 {"}"}
            workflows:
              read: {"{"} entry: s1.get, rate: 1/s {"}"}
            components:
            {chain}
            """)).Notes;

        Assert.Contains("No capacity stated for 9 loaded component(s), so their utilisation is unknown: s1, s2, s3, s4, s5, s6, s7, s8, ....", notes);
    }

    [Fact]
    public void Peak_rates_on_every_workflow_need_no_peak_factor()
    {
        var notes = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            workflows:
              read: { entry: api.get, rate: 10/s, peak_rate: 30/s }
            components:
              api: { kind: service, capacity: 100/s, operations: { get: {} } }
            """)).Notes;

        Assert.DoesNotContain(notes, n => n.Contains("peak_to_average", StringComparison.Ordinal));
    }

    [Fact]
    public void Sensitivity_is_run_only_when_asked()
    {
        var design = TestDesigns.Load(Stated);

        Assert.Null(Estimator.Estimate(design).Sensitivity);
        Assert.NotNull(Estimator.Estimate(design, sensitivity: true).Sensitivity);
    }
}
