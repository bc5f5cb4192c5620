using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// The System Design Primer's Pastebin exercise, reproduced from examples/pastebin.yaml. The
/// primer's figures: 12.7 GB of new content a month, about 450 GB and 360 million short links in
/// 3 years, 4 writes/s and 40 reads/s on average. Each must match within 10%.
/// </summary>
public sealed class PastebinTests
{
    private static readonly EstimateReport Report = Estimator.Estimate(TestDesigns.Example("pastebin.yaml"));

    private static void Within10Percent(double published, double actual) =>
        Assert.InRange(actual, published * 0.9, published * 1.1);

    [Fact]
    public void New_content_is_about_12_7_GB_a_month() =>
        Within10Percent(12.7e9, Report.Storage.Single(s => s.Entity == "Paste").NewBytesPerMonth.Value!.Value);

    [Fact]
    public void Three_years_hold_about_450_GB() =>
        Within10Percent(450e9, Report.Storage.Single(s => s.Entity == "Paste").Horizons.Single(h => h.Months == 36).Bytes.Value!.Value);

    [Fact]
    public void Three_years_hold_360_million_short_links() =>
        Within10Percent(360e6, Report.Storage.Single(s => s.Entity == "Paste").Horizons.Single(h => h.Months == 36).Records.Value!.Value);

    [Fact]
    public void Writes_average_4_per_second() =>
        Within10Percent(4, Report.Traffic.Single(t => t.Workflow == "write-paste").Average.Value!.Value);

    [Fact]
    public void Reads_average_40_per_second() =>
        Within10Percent(40, Report.Traffic.Single(t => t.Workflow == "read-paste").Average.Value!.Value);

    [Fact]
    public void Each_figure_says_where_its_inputs_are_in_the_file()
    {
        var monthly = Report.Storage.Single(s => s.Entity == "Paste").NewBytesPerMonth;
        Assert.Equal("new records per month x record_size", monthly.Formula);
        Assert.Equal(Plumbline.Design.Units.MonthConvention.Average, Report.Month);
        Assert.Equal("default", Report.MonthSource);
        Assert.Contains(monthly.Inputs, i => i.Name == "record_size" && i.Line > 0 && i.Source == "/data/0/record_size");
    }

    [Fact]
    public void With_the_primers_2_5_million_second_month_the_figures_are_the_primers_exactly()
    {
        // 10M/month / 2.5M s = 4/s; 100M/month = 40/s; 10M a month for 36 months = 360M links.
        var report = Estimator.Estimate(TestDesigns.Example("pastebin.yaml"), EstimateOptions.Default with { Month = Plumbline.Design.Units.MonthConvention.TwoAndAHalfMillionSeconds });

        Assert.Equal(4, report.Traffic.Single(t => t.Workflow == "write-paste").Average.Value!.Value, 12);
        Assert.Equal(40, report.Traffic.Single(t => t.Workflow == "read-paste").Average.Value!.Value, 12);
        Assert.Equal(360e6, report.Storage.Single(s => s.Entity == "Paste").Horizons.Single(h => h.Months == 36).Records.Value!.Value, 1e-3);
        Assert.Equal("option", report.MonthSource);
    }
}
