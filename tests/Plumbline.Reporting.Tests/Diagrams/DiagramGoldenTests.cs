using Plumbline.Analysis.Diagrams;
using Plumbline.Reporting.Diagrams;
using Xunit;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>The Mermaid and DOT of each example, as golden files (PLUMBLINE_ACCEPT=1 rewrites them; the diff is the review).</summary>
public sealed class DiagramGoldenTests
{
    [Theory]
    [MemberData(nameof(Examples))]
    public void The_container_view_of_each_example_in_Mermaid_and_DOT_matches_its_golden_file(string example)
    {
        var design = DiagramExamples.Load(example);

        GoldenFile.Verify($"{example}.container.mmd", Render(design, DiagramView.Container, DiagramFormat.Mermaid));
        GoldenFile.Verify($"{example}.container.dot", Render(design, DiagramView.Container, DiagramFormat.Dot));
    }

    [Theory]
    [InlineData("context")]
    [InlineData("dataflow")]
    [InlineData("workflow:redirect")]
    public void The_other_views_of_the_url_shortener_match_their_golden_files(string view)
    {
        var design = DiagramExamples.Load("url-shortener");
        var name = view.Replace(':', '-');

        GoldenFile.Verify($"url-shortener.{name}.mmd", Render(design, DiagramExamples.View(view), DiagramFormat.Mermaid));
        GoldenFile.Verify($"url-shortener.{name}.dot", Render(design, DiagramExamples.View(view), DiagramFormat.Dot));
    }

    public static TheoryData<string> Examples() => Repository.ExampleNames();

    private static string Render(Plumbline.Design.Model.SystemDesign design, DiagramView view, DiagramFormat format)
    {
        var drawn = DiagramRenderer.Render(design, view, format);
        Assert.Null(drawn.Problem);
        return drawn.Text;
    }
}
