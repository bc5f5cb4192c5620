using Microsoft.Playwright;
using Plumbline.Cli;
using Xunit;

namespace Plumbline.Browser.Tests;

/// <summary>
/// Every example's HTML document (<c>plumbline report --out design.html</c>) opened in headless Chromium from the file
/// alone, with the network cut off: the table of contents shows beside the text and leads to its sections, the diagram
/// (inline SVG, naming the components) shows, and the page is screenshotted (artifacts/screenshots/report-NAME.png) for people to look at.
/// </summary>
public sealed class ReportHtmlTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public static TheoryData<string> Examples() => Repository.ExampleNames();

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_document_shows_its_contents_and_diagram_offline(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "plumbline-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var html = Path.Combine(folder, name + ".html");
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CliApp.Run(["report", Repository.Example(name + ".yaml"), "--today", "2026-12-01", "--out", html], new CliConsole(output, error, new StringReader(string.Empty)));
            Assert.True(exit == 0, error.ToString());

            await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Offline = true });
            var page = await context.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            await page.GotoAsync(new Uri(html).AbsoluteUri);

            // Nothing but the file itself was asked for.
            Assert.Equal([new Uri(html).AbsoluteUri], requests);

            // The contents sit in the viewport, beside the text, and list every section in order.
            var toc = page.Locator("nav.toc");
            await Assertions.Expect(toc).ToBeInViewportAsync();
            var box = await toc.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X < 10 && box.Width is > 150 and < 400, $"the contents are at x {box.X}, {box.Width} wide");
            var sections = await page.Locator("nav.toc > ol > li > a").AllTextContentsAsync();
            Assert.Equal(15, sections.Count);
            Assert.Equal("1. Requirements and open questions", sections[0]);
            Assert.Equal("15. Review findings by step", sections[^1]);

            // A contents entry leads to its section.
            await page.Locator("nav.toc > ol > li > a", new PageLocatorOptions { HasText = "4. Architecture" }).ClickAsync();
            var architecture = page.Locator("h2", new PageLocatorOptions { HasText = "4. Architecture" });
            await Assertions.Expect(architecture).ToBeInViewportAsync();

            // The diagram, drawn inline as SVG, shows under it with its components named.
            var diagram = page.Locator("figure.diagram svg");
            await diagram.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(diagram).ToBeVisibleAsync();
            await Assertions.Expect(diagram).ToBeInViewportAsync();
            var drawn = await diagram.BoundingBoxAsync();
            Assert.True(drawn is { Width: > 300, Height: > 150 }, $"the diagram is {drawn?.Width} x {drawn?.Height}");
            var labels = string.Concat(await diagram.Locator("text").AllTextContentsAsync());
            var first = await page.Locator("h3:has-text('Components') + table tbody tr td").First.TextContentAsync();
            Assert.Contains(first!, labels, StringComparison.Ordinal);

            var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots");
            Directory.CreateDirectory(screenshots);
            var shot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"report-{name}.png") });
            Assert.True(shot.Length > 10_000, $"the screenshot is only {shot.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], shot[..4]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
