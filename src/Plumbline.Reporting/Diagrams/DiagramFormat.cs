namespace Plumbline.Reporting.Diagrams;

/// <summary>How a diagram is written.</summary>
public enum DiagramFormat
{
    /// <summary>A Mermaid flowchart, for Markdown hosts that draw Mermaid.</summary>
    Mermaid,

    /// <summary>Graphviz DOT, for <c>dot -Tsvg</c> and the tools that read it.</summary>
    Dot,

    /// <summary>An SVG picture laid out here, for HTML reports and readers without Graphviz.</summary>
    Svg,
}
