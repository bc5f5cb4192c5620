using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Reporting.Diagrams;
using Xunit;

namespace Plumbline.Browser.Tests;

/// <summary>
/// The Mermaid against its real consumer: Mermaid itself (the npm package in tests/clients, at the version the lock
/// pins), run in headless Chromium with the network cut off, as a Markdown host runs it. Every view of every example
/// must render without an error, with one drawn node per node the text declares, one drawn edge per edge, and no two
/// nodes on top of each other; a hostile design must render with its names shown as written and nothing executed.
/// </summary>
public sealed partial class MermaidRenderTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string MermaidScript = Path.Combine(Repository.Root, "tests", "clients", "node_modules", "mermaid", "dist", "mermaid.min.js");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Examples() => Repository.ExampleNames();

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Mermaid_renders_every_view_with_every_node_and_edge_and_no_node_over_another(string name)
    {
        var design = Load(name + ".yaml", File.ReadAllText(Repository.Example(name + ".yaml")));
        var page = await OpenMermaidAsync();

        foreach (var view in Views(design))
        {
            var text = DiagramRenderer.Render(design, view, DiagramFormat.Mermaid).Text;
            var drawn = await RenderAsync(page, text);

            Assert.True(drawn.Error is null, $"{name} {view}: Mermaid refused the diagram: {drawn.Error}\n{text}");
            Assert.True(drawn.Nodes > 0 && drawn.Edges > 0, $"{name} {view}: nothing drawn");
            Assert.True(drawn.Nodes == DeclaredNodes().Count(text), $"{name} {view}: {drawn.Nodes} nodes drawn, {DeclaredNodes().Count(text)} declared");
            Assert.True(drawn.Edges == DeclaredEdges().Count(text), $"{name} {view}: {drawn.Edges} edges drawn, {DeclaredEdges().Count(text)} declared");
            Assert.True(drawn.Overlaps.Count == 0, $"{name} {view}: nodes drawn over each other: {string.Join(", ", drawn.Overlaps)}");
        }

        // The components are named in the container view as the design names them.
        var container = await RenderAsync(page, DiagramRenderer.Render(design, DiagramView.Container, DiagramFormat.Mermaid).Text);
        foreach (var component in design.Components)
        {
            Assert.Contains(component.Name, container.Text, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_hostile_design_renders_with_its_names_as_written_and_runs_nothing()
    {
        const string hostile = "x<img src=q onerror=\\\"window.pwned=1\\\">\\\"]|y#35;`z`";
        var design = Load("hostile.yaml", $$"""
            plumbline: 1
            system:
              name: shop
            requirements:
              personas:
                - name: "{{hostile}}"
                  workflows: [browse]
            workflows:
              browse: { entry: web.list, rate: 20/s, criticality: high }
            components:
              web:
                kind: service
                engine: "<script>window.pwned=2</script>"
                zones: [a, b]
                operations:
                  list: { calls: [ { to: db.query } ] }
              db:
                kind: database
                model: oltp
                zones: [a]
                operations:
                  query: { type: read }
            """);
        var page = await OpenMermaidAsync();

        foreach (var view in Views(design))
        {
            var drawn = await RenderAsync(page, DiagramRenderer.Render(design, view, DiagramFormat.Mermaid).Text);

            Assert.True(drawn.Error is null, $"{view}: Mermaid refused the diagram: {drawn.Error}");
            Assert.Equal("none", await page.EvaluateAsync<string>("() => String(window.pwned ?? 'none')"));
            if (view.Kind is DiagramViewKind.Container or DiagramViewKind.Context)
            {
                Assert.Contains("x<img src=q onerror=\"window.pwned=1\">\"]|y#35;`z`", drawn.Text, StringComparison.Ordinal);
            }
        }

        await page.Context.CloseAsync();
    }

    private static SystemDesign Load(string file, string text)
    {
        var result = DesignLoader.LoadText(file, text);
        Assert.True(result.Success && result.Design is not null, $"{file} does not load: {string.Join("\n", result.Diagnostics)}");
        return result.Design;
    }

    private static IEnumerable<DiagramView> Views(SystemDesign design) =>
        new[] { DiagramView.Container, DiagramView.Context, DiagramView.DataFlow }.Concat(design.Workflows.Select(w => DiagramView.OfWorkflow(w.Name)));

    /// <summary>A blank page, offline, with Mermaid loaded from the file and set up as Markdown hosts set it up (strict security, nothing drawn on load).</summary>
    private async Task<IPage> OpenMermaidAsync()
    {
        Assert.True(File.Exists(MermaidScript), $"{MermaidScript} is missing: scripts/test installs tests/clients (npm ci)");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Offline = true });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html><body><div id=\"out\"></div></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = MermaidScript });
        await page.EvaluateAsync("() => mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })");
        return page;
    }

    /// <summary>Renders <paramref name="text"/> into the page and measures what Mermaid drew.</summary>
    private static async Task<Drawn> RenderAsync(IPage page, string text)
    {
        var json = await page.EvaluateAsync<string>(
            """
            async (text) => {
              const out = document.getElementById('out');
              out.innerHTML = '';
              try {
                const { svg } = await mermaid.render('diagram' + Math.floor(Math.random() * 1e9), text);
                out.innerHTML = svg;
              } catch (e) {
                return JSON.stringify({ error: String(e && e.message || e), nodes: 0, edges: 0, overlaps: [], text: '' });
              }
              const nodes = [...out.querySelectorAll('g.node')];
              const boxes = nodes.map(n => ({ id: n.id, r: n.getBoundingClientRect() }));
              const overlaps = [];
              for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].r, b = boxes[j].r;
                  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                    overlaps.push(boxes[i].id + ' / ' + boxes[j].id);
                }
              const edges = out.querySelectorAll('g.edgePaths > path').length;
              return JSON.stringify({ error: null, nodes: nodes.length, edges, overlaps, text: out.textContent });
            }
            """,
            text);
        return JsonSerializer.Deserialize<Drawn>(json, JsonOptions)!;
    }

    /// <summary>A node declaration the writer makes: an id <c>nN</c> followed by a shape's opening bracket.</summary>
    [GeneratedRegex(@"^\s*n\d+[\[\(\{>]", RegexOptions.Multiline)]
    private static partial Regex DeclaredNodes();

    /// <summary>An edge the writer makes: <c>nA --&gt; nB</c>, dotted or thick, with or without a label.</summary>
    [GeneratedRegex(@"^\s*n\d+ (-->|-\.->|==>)", RegexOptions.Multiline)]
    private static partial Regex DeclaredEdges();

    private sealed record Drawn(string? Error, int Nodes, int Edges, IReadOnlyList<string> Overlaps, string Text);
}
