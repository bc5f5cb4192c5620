using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary><c>plumbline cost</c> through the CLI in-process: every example prices without error, in text, Markdown and JSON.</summary>
public sealed class CostCommandTests
{
    private static string Example(string name) => Repository.Example(name);

    public static TheoryData<string> Examples() => Repository.ExampleNames();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_prices_without_error_and_states_its_cost_per_thousand_requests(string name)
    {
        var run = CliRun.Of("cost", Example(name + ".yaml"));

        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        Assert.Matches(@"\d USD per 1,000 requests", run.Out);
        GoldenFile.Verify($"cost-{name}.txt", run.Out);
    }

    /// <summary>The examples but the deliberately weak one.</summary>
    public static TheoryData<string> GoodExamples()
    {
        var data = new TheoryData<string>();
        foreach (var name in Examples().Select(row => row.Data).Where(n => !n.StartsWith("weak", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoodExamples))]
    public void Every_good_examples_budget_fits_what_it_runs(string name)
    {
        // Realistic: the cost now uses 40% to 90% of the budget (a budget two and a half times the
        // bill says nothing, one the bill fills leaves no room), and a year of the stated growth fits in it.
        var run = CliRun.Of("cost", Example(name + ".yaml"), "--format", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var shares = json.RootElement.GetProperty("horizons").EnumerateArray()
            .ToDictionary(h => h.GetProperty("months").GetDouble(), h => h.GetProperty("budget").GetProperty("share").GetDecimal());
        Assert.InRange(shares[0], 0.4m, 0.9m);
        Assert.True(shares[12] <= 1m, $"{name}: after a year the design costs {shares[12]:P1} of its budget");
    }

    [Fact]
    public void Explain_shows_each_lines_formula_and_where_each_input_comes_from()
    {
        var run = CliRun.Of("cost", Example("pastebin.yaml"), "--explain");

        Assert.Equal(0, run.Exit);
        Assert.Matches(@"compute m7g\.large = price per hour x hours per month x instances", run.Out);
        Assert.Contains("hours per month = 730 h  (catalog /conventions/hours_per_month)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"instances = 2  \(line \d+, /components/web-server/instances\)", run.Out);
        GoldenFile.Verify("cost-pastebin-explain.txt", run.Out);
    }

    [Fact]
    public void Markdown_renders_the_same_tables()
    {
        var run = CliRun.Of("cost", Example("url-shortener.yaml"), "--format", "markdown", "--explain");

        Assert.Equal(0, run.Exit);
        Assert.Contains("## Growth", run.Out, StringComparison.Ordinal);
        GoldenFile.Verify("cost-url-shortener.md", run.Out);
    }

    [Fact]
    public void Json_keeps_every_component_and_driver_at_every_horizon_with_exact_amounts()
    {
        var run = CliRun.Of("cost", Example("url-shortener.yaml"), "--format", "json", "--horizon", "2y,1y");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var horizons = json.RootElement.GetProperty("horizons").EnumerateArray().ToList();
        Assert.Equal([0, 12, 24], horizons.Select(h => h.GetProperty("months").GetDouble()));
        foreach (var horizon in horizons)
        {
            var components = horizon.GetProperty("components").EnumerateArray().ToList();
            var sum = components.Sum(c => c.GetProperty("total").GetDecimal());
            Assert.Equal(horizon.GetProperty("total").GetDecimal(), sum);
            var lines = components.SelectMany(c => c.GetProperty("lines").EnumerateArray()).ToList();
            Assert.Equal(sum, lines.Sum(l => l.GetProperty("amount").GetDecimal()));
            Assert.All(lines, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("formula").GetString())));
        }

        var byDriver = horizons[0].GetProperty("byDriver");
        Assert.Equal(horizons[0].GetProperty("total").GetDecimal(), byDriver.EnumerateObject().Sum(p => p.Value.GetDecimal()));
        Assert.Equal(730, json.RootElement.GetProperty("catalog").GetProperty("hoursPerMonth").GetDecimal());
        Assert.True(json.RootElement.GetProperty("units").GetProperty("perThousandRequests").GetDecimal() > 0);

        // Every instance type the bill prices names the source it was read from, with the day it was read.
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.All(sources, s => Assert.StartsWith("https://", s.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.All(sources, s => Assert.True(DateOnly.TryParseExact(s.GetProperty("readOn").GetString(), "yyyy-MM-dd", out _)));
        var sourced = sources.SelectMany(s => s.GetProperty("items").EnumerateArray().Select(i => i.GetString())).ToHashSet(StringComparer.Ordinal);
        var instanceTypes = horizons[0].GetProperty("components").EnumerateArray()
            .SelectMany(c => c.GetProperty("lines").EnumerateArray())
            .Where(l => l.GetProperty("driver").GetString() == "compute")
            .Select(l => l.GetProperty("item").GetString()).ToList();
        Assert.NotEmpty(instanceTypes);
        Assert.All(instanceTypes, t => Assert.Contains(t, sourced));
    }

    [Fact]
    public void A_missing_catalog_file_stops_the_cost_with_the_line_that_names_it()
    {
        var folder = Directory.CreateTempSubdirectory("plumbline-cost-cli-").FullName;
        try
        {
            var design = Path.Combine(folder, "design.yaml");
            File.WriteAllText(design, File.ReadAllText(Example("pastebin.yaml")).Replace("catalog: default", "catalog: ./no-such-prices.yaml", StringComparison.Ordinal));

            var run = CliRun.Of("cost", design);

            Assert.Equal(2, run.Exit);
            Assert.Empty(run.Out);
            Assert.Matches(@"design\.yaml:\d+:\d+: error PL5006", run.Error);
            Assert.Contains("no-such-prices.yaml", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--horizon", "forever")]
    [InlineData("--target-utilisation", "0%")]
    [InlineData("--format", "xml")]
    public void A_malformed_option_is_a_usage_error(string option, string value)
    {
        var run = CliRun.Of("cost", Example("pastebin.yaml"), option, value);

        Assert.NotEqual(0, run.Exit);
        Assert.Empty(run.Out);
    }
}
