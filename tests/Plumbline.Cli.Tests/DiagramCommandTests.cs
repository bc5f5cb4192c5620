using System.Xml.Linq;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class DiagramCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Example => Repository.Example("url-shortener.yaml");

    [Fact]
    public void By_default_it_draws_the_container_view_in_Mermaid_to_standard_output()
    {
        var run = CliRun.Of("diagram", Example);

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Error);
        Assert.StartsWith("%% url-shortener: containers\nflowchart TB\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -->|\"redirect<br>1140/s at peak\"| n2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_out_it_writes_the_SVG_to_the_file_and_nothing_to_standard_output()
    {
        var file = _dir.File("shortener.svg");

        var run = CliRun.Of("diagram", Example, "--format", "svg", "--view", "workflow:redirect", "--out", file);

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Out + run.Error);
        var svg = XDocument.Parse(File.ReadAllText(file));
        Assert.Equal("url-shortener: workflow redirect", svg.Root!.Elements().First(e => e.Name.LocalName == "title").Value);
    }

    [Fact]
    public void A_workflow_the_design_lacks_is_bad_input_that_names_the_ones_it_has()
    {
        var run = CliRun.Of("diagram", Example, "--view", "workflow:checkout");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal("plumbline diagram: --view: the design has no workflow 'checkout'; its workflows are redirect, shorten, stats\n", run.Error);
    }

    [Fact]
    public void A_view_that_is_none_of_the_four_is_bad_input()
    {
        var run = CliRun.Of("diagram", Example, "--view", "components");

        Assert.Equal(2, run.Exit);
        Assert.Equal("plumbline diagram: --view: 'components' is not a view; use container, context, dataflow or workflow:NAME\n", run.Error);
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_bad_input()
    {
        var run = CliRun.Of("diagram", Example, "--out", _dir.File("no-such-folder/x.mmd"));

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("plumbline diagram: cannot write ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_design_is_bad_input_with_its_diagnostics()
    {
        var file = _dir.Write("bad.yaml", "plumbline: 1\ncomponents:\n  a: { kind: nonsense }\n");

        var run = CliRun.Of("diagram", file);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains("the design has errors; fix them (plumbline validate) before drawing it.", run.Error, StringComparison.Ordinal);
    }
}
