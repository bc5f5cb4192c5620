using Plumbline.Analysis.Diagrams;
using Plumbline.Analysis.Documents;
using Plumbline.Reporting.Diagrams;

namespace Plumbline.Reporting.Document;

/// <summary>
/// The architecture diagram a design document shows: the container view, drawn by <see cref="DiagramRenderer"/> (the
/// one way Plumbline draws a design) with the document's own estimate assumptions and review findings, so its peak
/// rates and marks agree with the text. Mermaid in Markdown (hosts such as GitHub draw it), SVG in HTML (laid out in
/// process, so the file needs nothing else to show it).
/// </summary>
public static class DocumentDiagram
{
    /// <summary>What the document says where no diagram could be drawn.</summary>
    public const string Missing = "_No diagram is drawn for this design._";

    /// <summary>The container view as Mermaid, or null when none is drawn.</summary>
    public static string? Mermaid(DesignDocument document) => Draw(document, DiagramFormat.Mermaid);

    /// <summary>The container view as an SVG element (no XML declaration, to sit inside HTML), or null when none is drawn.</summary>
    public static string? Svg(DesignDocument document)
    {
        var svg = Draw(document, DiagramFormat.Svg);
        if (svg is null)
        {
            return null;
        }

        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? null : svg[start..];
    }

    private static string? Draw(DesignDocument document, DiagramFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        var drawn = DiagramRenderer.Render(document.Design, DiagramView.Container, format, new DiagramOptions(document.Estimate.Options, document.Review.Findings));
        return drawn.Success && drawn.Text.Length > 0 ? drawn.Text : null;
    }
}
