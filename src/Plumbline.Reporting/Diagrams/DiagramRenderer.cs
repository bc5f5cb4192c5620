using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Model;

namespace Plumbline.Reporting.Diagrams;

/// <summary>A diagram's text in its format, or why there is none (<see cref="Problem"/>: a workflow the design does not have).</summary>
public sealed record DiagramText(string Text, string? Problem)
{
    public bool Success => Problem is null;
}

/// <summary>
/// The one entry point for a picture of a design: a view (<see cref="DiagramView"/>: container, context, a
/// workflow's path, the data flows) drawn as Mermaid, DOT or SVG text. The <c>diagram</c> command and the design
/// report both draw through it.
/// </summary>
public static class DiagramRenderer
{
    /// <summary>Draws <paramref name="view"/> of <paramref name="design"/> in <paramref name="format"/>.</summary>
    /// <param name="options">The estimate's assumptions for the peak rates, and findings from a review already run; null runs what the diagram marks itself.</param>
    public static DiagramText Render(SystemDesign design, DiagramView view, DiagramFormat format, DiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(view);
        var result = DiagramBuilder.Build(design, view, options);
        return result.Graph is { } graph ? new DiagramText(Render(graph, format), null) : new DiagramText(string.Empty, result.Problem);
    }

    /// <summary>Draws a diagram already built.</summary>
    public static string Render(DiagramGraph graph, DiagramFormat format)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return format switch
        {
            DiagramFormat.Dot => DotDiagramWriter.Write(graph),
            DiagramFormat.Svg => SvgDiagramWriter.Write(graph),
            _ => MermaidDiagramWriter.Write(graph),
        };
    }
}
