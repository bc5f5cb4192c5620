using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class SimulateCommandTests
{
    /// <summary>One service at 200/s with one instance, an availability SLO, and a chaos scenario that takes the instance down for 10s.</summary>
    private const string Fragile = """
        plumbline: 1
        system: { name: fragile }
        workflows:
          read: { entry: svc.get, rate: 200/s }
        components:
          svc:
            kind: service
            zones: [a]
            capacity: 1000/s
            operations:
              get: { latency: { p50: 1ms, p99: 5ms } }
        slos:
          - { name: read-availability, workflow: read, sli: availability, objective: 99.9% }
        validation:
          chaos:
            - name: lose-the-instance
              at: 20s
              fault: { instance_down: svc, for: 10s }
              expect: { slos: met }
        """;

    private static string Example(string name) => Repository.Example(name);

    [Fact]
    public void The_url_shortener_simulated_for_twenty_seconds()
    {
        var run = CliRun.Of("simulate", Example("url-shortener.yaml"), "--duration", "20s", "--seed", "7");

        Assert.True(run.Exit == 0, run.Error);
        Assert.StartsWith("plumbline simulate: seed 7 (replay with --seed 7)\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("simulating steady: 100%", run.Error, StringComparison.Ordinal);
        GoldenFile.Verify("simulate-url-shortener.txt", run.Out);
    }

    [Fact]
    public void The_same_seed_replays_the_same_json_and_another_seed_does_not()
    {
        using var folder = new TempFolder();
        var design = folder.Write("fragile.yaml", Fragile);
        var a = CliRun.Of("simulate", design, "--format", "json", "--seed", "3", "--replications", "2");
        var b = CliRun.Of("simulate", design, "--format", "json", "--seed", "3", "--replications", "2");
        var c = CliRun.Of("simulate", design, "--format", "json", "--seed", "4", "--replications", "2");

        Assert.True(a.Exit == 0, a.Error);
        Assert.Equal(a.Out, b.Out);
        Assert.NotEqual(a.Out, c.Out);
        using var json = JsonDocument.Parse(a.Out);
        var root = json.RootElement;
        Assert.Equal(3UL, root.GetProperty("seed").GetUInt64());
        var steady = Assert.Single(root.GetProperty("scenarios").EnumerateArray());
        var workflow = Assert.Single(steady.GetProperty("workflows").EnumerateArray());

        // 200/s over the 55 measured seconds of two replications: 22,000 requests (Poisson, sd 148), none failed.
        var requests = workflow.GetProperty("requests").GetInt64();
        Assert.InRange(requests, 22_000 - 750, 22_000 + 750);
        Assert.Equal(requests, workflow.GetProperty("succeeded").GetInt64());
        Assert.Equal(55, steady.GetProperty("series").GetProperty("windows").GetArrayLength() - 5);

        // Utilisation is load / capacity = 200 / 1000 at any concurrency: the estimate's 20%.
        var utilisation = root.GetProperty("comparisons").EnumerateArray().Single(x => x.GetProperty("quantity").GetString() == "utilisation");
        Assert.Equal(0.2, utilisation.GetProperty("estimate").GetDouble(), 9);
        Assert.InRange(utilisation.GetProperty("simulated").GetDouble(), 0.2 * 0.97, 0.2 * 1.03);
    }

    [Fact]
    public void A_broken_expectation_is_reported_and_fails_the_run_with_fail_on()
    {
        using var folder = new TempFolder();
        var design = folder.Write("fragile.yaml", Fragile);
        var report = CliRun.Of("simulate", design, "--scenario", "lose-the-instance");
        var gate = CliRun.Of("simulate", design, "--scenario", "lose-the-instance", "--fail-on", "broken");

        // The run lasts at + for + max(at, 30s) = 60s; 10 of its 55 measured seconds fail: 81.8% achieved against 99.9%.
        Assert.Equal(0, report.Exit);
        Assert.Equal(1, gate.Exit);
        Assert.Contains("Scenario lose-the-instance: 60s simulated", report.Out, StringComparison.Ordinal);
        Assert.Contains("fault: every instance of svc down from 20s to 30s", report.Out, StringComparison.Ordinal);
        Assert.Contains("* expected by the scenario: BROKEN: read-availability", report.Out, StringComparison.Ordinal);
        // 81.8% give or take the Poisson noise of some 11,000 requests (sd 0.4%).
        Assert.Matches(@"read-availability \*\s+99\.9%\s+8[12]\.\d+%\s+NO", report.Out);
        Assert.Contains("1 expected SLO was broken (exit 1 with --fail-on broken).", report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scenario_is_invalid_input_and_the_scenarios_are_listed()
    {
        using var folder = new TempFolder();
        var design = folder.Write("fragile.yaml", Fragile);
        var run = CliRun.Of("simulate", design, "--scenario", "meteor");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains("the design has no scenario named 'meteor'; it has: lose-the-instance (or 'all')", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "forever")]
    [InlineData("--duration", "25h")]
    [InlineData("--warm-up", "2m")]
    [InlineData("--seed", "-1")]
    [InlineData("--replications", "0")]
    public void A_bad_option_is_invalid_input(string option, string value)
    {
        using var folder = new TempFolder();
        var design = folder.Write("fragile.yaml", Fragile);
        var run = CliRun.Of("simulate", design, option, value);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains("plumbline simulate: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_design_is_invalid_input()
    {
        using var folder = new TempFolder();
        var design = folder.Write("bad.yaml", Designs.Invalid);
        var run = CliRun.Of("simulate", design);

        Assert.Equal(2, run.Exit);
        Assert.Contains("the design has errors; fix them (plumbline validate) before simulating.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_a_standalone_page_with_every_chart_and_the_fault_shaded()
    {
        // The chaos scenario takes the one instance down from 20s to 30s: every time chart shades that span, and the
        // page is well-formed (it parses as XML), names nothing to fetch (no script, stylesheet, image or font from
        // elsewhere) and escapes the file's name.
        using var folder = new TempFolder();
        var design = folder.Write("<b>fragile & co.yaml", Fragile);
        var page = folder.File("report.html");
        var run = CliRun.Of("simulate", design, "--scenario", "all", "--duration", "40s", "--out", page);

        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("Scenario lose-the-instance", run.Out, StringComparison.Ordinal);
        Assert.Contains($"plumbline simulate: wrote {page}", run.Error, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        var document = System.Xml.Linq.XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var charts = document.Descendants(svg + "svg").ToList();
        var scenarios = document.Descendants("section").Where(s => s.Attribute("id")?.Value.StartsWith("scenario-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, scenarios.Count);
        foreach (var section in scenarios)
        {
            var ids = section.Descendants(svg + "svg").Select(c => c.Attribute("data-chart")!.Value).ToList();
            Assert.Equal(Plumbline.Reporting.Simulation.SimulationHtmlRenderer.Charts, ids);
        }

        var chaos = scenarios[1].Descendants(svg + "svg").ToList();
        foreach (var id in new[] { "latency-over-time", "throughput", "utilisation", "queue-length" })
        {
            var shade = Assert.Single(chaos.Single(c => c.Attribute("data-chart")!.Value == id).Elements(svg + "rect"), r => r.Attribute("class")?.Value == "fault");
            Assert.Equal("fault 20s to 30s", shade.Element(svg + "title")!.Value);
        }

        Assert.DoesNotContain(scenarios[0].Descendants(svg + "rect"), r => r.Attribute("class")?.Value == "fault");
        Assert.Contains(chaos.Single(c => c.Attribute("data-chart")!.Value == "errors-by-cause").Elements(svg + "rect"), r => r.Attribute("class")?.Value == "bar");
        Assert.Equal(charts.Count, 2 * Plumbline.Reporting.Simulation.SimulationHtmlRenderer.Charts.Count);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(html.Split("http").Length - 1, html.Split("xmlns=\"http://www.w3.org/2000/svg\"").Length - 1);
        Assert.Contains("&lt;b&gt;fragile &amp; co.yaml: seed 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_to_a_folder_that_does_not_exist_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var design = folder.Write("fragile.yaml", Fragile);
        var run = CliRun.Of("simulate", design, "--duration", "10s", "--out", folder.File("missing/report.html"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("plumbline simulate: cannot write", run.Error, StringComparison.Ordinal);
    }
}
