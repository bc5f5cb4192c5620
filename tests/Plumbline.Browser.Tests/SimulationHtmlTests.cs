using Microsoft.Playwright;
using Plumbline.Cli;
using Xunit;

namespace Plumbline.Browser.Tests;

/// <summary>
/// <c>plumbline simulate --out report.html</c> opened in headless Chromium from the file alone, with the network cut off:
/// nothing but the file is requested, every chart of the scenario shows with a size, the time charts shade the fault's
/// window, and the page is screenshotted (artifacts/screenshots/simulate-url-shortener.png) for people to look at.
/// </summary>
public sealed class SimulationHtmlTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>The charts of one scenario, in the page's order (SimulationHtmlRenderer).</summary>
    private static readonly string[] Charts =
        ["latency-percentiles", "latency-over-time", "throughput", "errors-by-cause", "utilisation", "instances", "queue-length", "retry-amplification"];

    /// <summary>The charts drawn over time, which shade a fault's window.</summary>
    private static readonly string[] TimeCharts = ["latency-over-time", "throughput", "utilisation", "instances", "queue-length", "retry-amplification"];

    [Fact]
    public async Task The_report_shows_every_chart_offline_with_the_fault_shaded()
    {
        var folder = Path.Combine(Path.GetTempPath(), "plumbline-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var html = Path.Combine(folder, "report.html");
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CliApp.Run(["simulate", Repository.Example("url-shortener.yaml"), "--scenario", "slow-database", "--out", html],
                new CliConsole(output, error, new StringReader(string.Empty)));
            Assert.True(exit is 0 or 1, error.ToString());
            Assert.True(File.Exists(html), output.ToString() + error);

            await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Offline = true });
            var page = await context.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            await page.GotoAsync(new Uri(html).AbsoluteUri);

            // Nothing but the file itself was asked for: no script, font, stylesheet or image from elsewhere.
            Assert.Equal([new Uri(html).AbsoluteUri], requests);
            Assert.Equal(0, await page.Locator("script").CountAsync());

            var scenario = page.Locator("section", new PageLocatorOptions { Has = page.Locator("h2", new PageLocatorOptions { HasText = "Scenario slow-database" }) });
            await Assertions.Expect(scenario).ToHaveCountAsync(1);
            Assert.Equal(Charts, await scenario.Locator("svg.chart").EvaluateAllAsync<string[]>("charts => charts.map(c => c.dataset.chart)"));
            foreach (var name in Charts)
            {
                var chart = scenario.Locator($"svg.chart[data-chart='{name}']");
                await chart.ScrollIntoViewIfNeededAsync();
                await Assertions.Expect(chart).ToBeVisibleAsync();
                await Assertions.Expect(chart).ToBeInViewportAsync();
                var box = await chart.BoundingBoxAsync();
                Assert.True(box is { Width: > 300, Height: > 100 }, $"{name} is {box?.Width} x {box?.Height}");

                // Something is drawn in it: bars or lines, not an empty frame (failures by cause draws no bar when none failed, and says so).
                var drawn = await chart.Locator("rect.bar, path").CountAsync();
                var caption = await chart.Locator("xpath=ancestor::figure[1]/figcaption").TextContentAsync();
                Assert.True(drawn > 0 || (name == "errors-by-cause" && caption!.Contains("none failed", StringComparison.Ordinal)), $"{name} draws nothing");
            }

            // The fault (links-db 200ms slower from 5m to 10m) is shaded in every chart over time, with a size.
            foreach (var name in TimeCharts)
            {
                var fault = scenario.Locator($"svg.chart[data-chart='{name}'] rect.fault");
                await Assertions.Expect(fault).ToHaveCountAsync(1);
                var box = await fault.BoundingBoxAsync();
                Assert.True(box is { Width: > 10, Height: > 50 }, $"the fault in {name} is {box?.Width} x {box?.Height}");
            }

            var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots");
            Directory.CreateDirectory(screenshots);
            var shot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "simulate-url-shortener.png"), FullPage = true });
            Assert.True(shot.Length > 10_000, $"the screenshot is only {shot.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], shot[..4]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
