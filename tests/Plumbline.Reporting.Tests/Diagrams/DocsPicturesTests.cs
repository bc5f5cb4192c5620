using Plumbline.Reporting.Diagrams;
using Xunit;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>The pictures docs/diagram.md shows are the command's output today (PLUMBLINE_ACCEPT=1 rewrites them).</summary>
public sealed class DocsPicturesTests
{
    [Theory]
    [InlineData("container")]
    [InlineData("workflow:redirect")]
    public void The_pictures_in_the_docs_are_what_the_diagram_draws(string view)
    {
        var svg = DiagramRenderer.Render(DiagramExamples.Load("url-shortener"), DiagramExamples.View(view), DiagramFormat.Svg).Text;

        GoldenFile.VerifyAt(Path.Combine(Repository.Root, "docs", "diagrams", $"url-shortener.{view.Replace(':', '-')}.svg"), svg);
    }
}
