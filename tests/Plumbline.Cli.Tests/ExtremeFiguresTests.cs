using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Cli.Tests;

/// <summary>The issue's reproductions of figures past any number: each ends in a readable report, never in an internal error.</summary>
public sealed partial class ExtremeFiguresTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Growth_of_100_percent_a_day_with_sensitivity_in_json_is_explained_not_an_internal_error()
    {
        var path = _dir.Write("growth.yaml", SharedFile("growth-100-percent-a-day.yaml"));
        var run = CliRun.Of("estimate", path, "--sensitivity", "--format", "json");
        Assert.True(run.Exit == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);

        // 100%/day is 2x a day; today's busiest peak is 3,000/s (1,000/s x 3): ln(1e15 / 3000) / ln 2 = 38.3, so 39 days.
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(notes, n => n!.StartsWith("Growth of 100%/day multiplies the load by 2 a day", StringComparison.Ordinal)
            && n.Contains("today's busiest peak of 3,000/s would pass 1e15/s, more than any system serves, within 39 days", StringComparison.Ordinal));

        var text = CliRun.Of("estimate", path);
        Assert.Equal(0, text.Exit);
        Assert.Contains("infinite", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("inf%", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("infT", text.Out, StringComparison.Ordinal);

        var check = CliRun.Of("check", path, "--today", "2026-11-25");
        Assert.Equal(1, check.Exit);
        Assert.Contains("key: figure-overflow@growth", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_60_services_each_calling_a_million_times_reports_where_the_load_passes_any_number()
    {
        var path = _dir.Write("chain.yaml", ChainOfServices(60, to => Call(to, count: 1_000_000)).Text);

        // Peak at s0 is 3,000/s; each hop multiplies by 1e6, so s50 carries 3e303/s and s51 would carry 3e309, past 1.8e308.
        var json = CliRun.Of("estimate", path, "--format", "json", "--sensitivity");
        Assert.True(json.Exit == 0, json.Error);
        JsonDocument.Parse(json.Out).Dispose();

        var text = CliRun.Of("estimate", path);
        Assert.Equal(0, text.Exit);
        Assert.DoesNotMatch(LongDigitRun(), text.Out);

        var check = CliRun.Of("check", path, "--today", "2026-11-25");
        Assert.Equal(1, check.Exit);
        Assert.Contains("the load on s51.op is beyond any number (past 1.8e308 a second)", check.Out, StringComparison.Ordinal);
        Assert.Contains("the call from s50.op (x1000000) takes 3e303/s past it", check.Out, StringComparison.Ordinal);
        Assert.Contains("key: figure-overflow@s51", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("figure-overflow@s52", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_needed_past_two_billion_are_counted_not_saturated()
    {
        // 1e12/s average x 3 at peak = 3e12/s at 1/s per instance and 70%: ceil(3e12 / 0.7) = 4,285,714,285,715, not 2,147,483,647.
        var path = _dir.Write("huge.yaml", """
            plumbline: 1
            system: { name: huge }
            requirements: { peak_to_average: 3 }
            workflows:
              get: { entry: api.get, rate: 1T/s }
            components:
              api:
                kind: service
                capacity: 1/s
                operations: { get: {} }
            """);
        var check = CliRun.Of("check", path, "--today", "2026-11-25");
        Assert.Equal(1, check.Exit);
        Assert.Contains("it needs 4285714285715 instances to run at 70%", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("2147483647", check.Out, StringComparison.Ordinal);

        var estimate = CliRun.Of("estimate", path);
        Assert.Contains("4.29T", estimate.Out, StringComparison.Ordinal);
        var json = CliRun.Of("estimate", path, "--format", "json");
        using var document = JsonDocument.Parse(json.Out);
        var needed = document.RootElement.GetProperty("components")[0].GetProperty("instancesNeeded").GetProperty("value").GetDouble();
        Assert.Equal(4_285_714_285_715, needed);
    }

    [GeneratedRegex(@"\d{17}")]
    private static partial Regex LongDigitRun();
}
