using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class SloCommandTests
{
    private static string Example(string name) => Repository.Example(name);

    /// <summary>Golden pairs: each example in, its SLO report out (text, and with --explain for one).</summary>
    [Theory]
    [InlineData("url-shortener.yaml", "slo-url-shortener.txt")]
    [InlineData("payments-ledger.yaml", "slo-payments-ledger.txt")]
    public void The_slo_report_of_an_example(string example, string golden)
    {
        var run = CliRun.Of("slo", Example(example));

        Assert.True(run.Exit == 0, run.Error);
        GoldenFile.Verify(golden, run.Out);
    }

    [Fact]
    public void Explain_says_what_each_alert_means_at_this_traffic()
    {
        var run = CliRun.Of("slo", Example("url-shortener.yaml"), "--explain");

        Assert.Equal(0, run.Exit);
        // redirect-availability, 99.95% over 30 days at 1B/month (380.26/s): page-quick watches for 14.4 x 0.05% = 0.72%,
        // 0.72% x 380.26/s x 60 s = 164 failed requests a minute; a full outage passes 0.72% of an hour after 25.92 s.
        Assert.Contains("redirect-availability-page-quick pages when 2% of the 30-day budget burns within an hour and is still burning over the last 5 minutes: "
            + "more than 0.72% of redirect requests failing, a burn rate of 14.4. At the average 380/s that is about 164 failed requests a minute for an hour; "
            + "a full outage pages after about 25.9s, with 2% of the budget spent.", run.Out, StringComparison.Ordinal);
        Assert.Contains("burn-rate factor = budget share x window / long window = 14.4x", run.Out, StringComparison.Ordinal);
        GoldenFile.Verify("slo-url-shortener-explain.txt", run.Out);
    }

    [Fact]
    public void Json_has_the_hand_computed_budget_and_factors()
    {
        var run = CliRun.Of("slo", Example("url-shortener.yaml"), "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var redirect = json.RootElement.GetProperty("slos").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "redirect-availability");
        // 30 days x 0.05% = 1,296 s (21.6 minutes); 1B/month is 1e9 / 2,629,800 per second.
        Assert.Equal(1_296, redirect.GetProperty("errorBudgetSeconds").GetProperty("value").GetDouble(), 9);
        Assert.Equal(1e9 / 2_629_800 * 2_592_000 * 0.0005, redirect.GetProperty("errorBudgetRequestsAtAverage").GetProperty("value").GetDouble(), 6);
        var alerts = redirect.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal([14.4, 6, 3, 1], alerts.Select(a => Math.Round(a.GetProperty("burnRateFactor").GetProperty("value").GetDouble(), 12)));
        Assert.Equal([0.0072, 0.003, 0.0015, 0.0005], alerts.Select(a => Math.Round(a.GetProperty("errorRatioThreshold").GetProperty("value").GetDouble(), 15)));
        Assert.Equal("page", alerts[0].GetProperty("severity").GetString());
        Assert.Equal(25.92, alerts[0].GetProperty("fullOutageDetectionSeconds").GetProperty("value").GetDouble(), 9);
        // 380/s brings 10 requests in 26 ms: the alert on a missing SLI waits the shortest 10 minutes, and pages.
        var absent = redirect.GetProperty("absentAlert");
        Assert.Equal("page", absent.GetProperty("severity").GetString());
        Assert.Equal(600, absent.GetProperty("holdSeconds").GetDouble());
    }

    [Fact]
    public void A_workflow_too_quiet_to_tell_a_missing_sli_from_quiet_traffic_gets_no_absent_alert()
    {
        // payments-ledger reconciles once a day: 10 requests take 10 days, longer than the day the alert may wait.
        var run = CliRun.Of("slo", Example("payments-ledger.yaml"), "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var reconcile = json.RootElement.GetProperty("slos").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "reconcile-availability");
        var absent = reconcile.GetProperty("absentAlert");
        Assert.Equal(JsonValueKind.Null, absent.GetProperty("severity").ValueKind);
        Assert.Contains("10 requests take longer than a day", absent.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_is_a_document()
    {
        var run = CliRun.Of("slo", Example("url-shortener.yaml"), "--format", "markdown");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("# SLOs for url-shortener\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("## redirect-availability", run.Out, StringComparison.Ordinal);
        Assert.Contains("| page-quick | page | 2% | 1h | 5m | 14.4x | 0.72% | 25.9s |", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_windows_file_replaces_the_shipped_windows()
    {
        using var dir = new TempFolder();
        var windows = dir.Write("windows.yaml", """
            windows:
              - { name: fast, severity: page, budget: 1%, long: 30m, short: 2m }
            """);

        var run = CliRun.Of("slo", Example("url-shortener.yaml"), "--alert-windows", windows, "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(windows, json.RootElement.GetProperty("alertWindows").GetProperty("origin").GetString());
        var alert = json.RootElement.GetProperty("slos")[0].GetProperty("alerts").EnumerateArray().Single();
        // 1% of 30 days (720 h) in half an hour: 14.4 again.
        Assert.Equal(14.4, alert.GetProperty("burnRateFactor").GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public void A_bad_alert_windows_file_is_invalid_input()
    {
        using var dir = new TempFolder();
        var windows = dir.Write("windows.yaml", """
            windows:
              - { name: fast, severity: page, budget: 1%, long: 30m, short: 1h }
            """);

        var run = CliRun.Of("slo", Example("url-shortener.yaml"), "--alert-windows", windows);

        Assert.Equal(2, run.Exit);
        Assert.Contains("windows.yaml:2:65: error PL2020", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void An_invalid_design_is_invalid_input()
    {
        using var dir = new TempFolder();
        var run = CliRun.Of("slo", dir.Write("bad.yaml", Designs.Invalid));

        Assert.Equal(2, run.Exit);
        Assert.Contains("PL2001", run.Error, StringComparison.Ordinal);
    }
}
