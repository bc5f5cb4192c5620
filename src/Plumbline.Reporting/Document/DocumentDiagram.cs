using Plumbline.Analysis.Documents;

namespace Plumbline.Reporting.Document;

/// <summary>
/// The architecture diagram a design document shows: Mermaid in Markdown (hosts such as GitHub draw it), SVG in HTML
/// (drawn in process, so the file needs nothing else to show it).
/// </summary>
public static class DocumentDiagram
{
    /// <summary>What the document says where no diagram could be drawn.</summary>
    public const string Missing = "_No diagram is drawn for this design._";

    /// <summary>The container view as Mermaid, or null when none is drawn.</summary>
    public static string? Mermaid(DesignDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return null;
    }

    /// <summary>The container view as an SVG element, or null when none is drawn.</summary>
    public static string? Svg(DesignDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return null;
    }
}
