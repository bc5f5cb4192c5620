using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Plumbline.Analysis.Documents;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Document;

/// <summary>
/// The design document as one standalone HTML file: the Markdown document (<see cref="DocumentMarkdownRenderer"/>)
/// turned into HTML by Markdig with raw HTML off, so every character from the design file is escaped and no markup
/// it holds comes through; a table of contents from the headings; the diagram as inline SVG; the style sheet inline,
/// for the screen and for print. It loads nothing from anywhere, so it works offline and when mailed.
/// </summary>
public static class DocumentHtmlRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>Writes the document as HTML.</summary>
    public static void Write(TextWriter writer, DesignDocument document, DocumentSimulation? simulation, DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var parts = DocumentMarkdownRenderer.Parts(document, simulation, settings);
        var parsed = parts.Select(p => p.IsDiagram ? null : Markdown.Parse(p.Markdown, Pipeline)).ToList();
        var headings = new List<(int Level, string Id, string Text)>();
        var number = 0;
        foreach (var doc in parsed.OfType<MarkdownDocument>())
        {
            foreach (var heading in doc.Descendants<HeadingBlock>())
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"s{++number}");
                heading.GetAttributes().Id = id;
                headings.Add((heading.Level, id, PlainText(heading.Inline)));
            }

            foreach (var link in doc.Descendants<LinkInline>())
            {
                link.Url = SafeUrl(link.Url);
            }
        }

        var body = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var renderer = new HtmlRenderer(body);
        Pipeline.Setup(renderer);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parsed[i] is { } doc)
            {
                renderer.Render(doc);
                renderer.Writer.Flush();
            }
            else
            {
                var svg = DocumentDiagram.Svg(document);
                body.Write("<figure class=\"diagram\">\n");
                body.Write(svg ?? "<p><em>" + WebUtility.HtmlEncode(DocumentDiagram.Missing.Trim('_')) + "</em></p>");
                body.Write("\n</figure>\n");
            }
        }

        var title = headings.FirstOrDefault(h => h.Level == 1).Text ?? "Design";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"plumbline\">\n");
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2 class=\"toc-title\">Contents</h2>\n");
        Toc(html, headings);
        html.Append("</nav>\n<main>\n").Append(body.ToString()).Append("</main>\n</body>\n</html>\n");
        TerminalWriter.Over(writer).Write(html.ToString());
    }

    /// <summary>The contents: every second-level heading, the third-level ones under it.</summary>
    private static void Toc(StringBuilder html, List<(int Level, string Id, string Text)> headings)
    {
        html.Append("<ol>\n");
        var open = false;
        foreach (var (level, id, text) in headings.Where(h => h.Level is 2 or 3))
        {
            if (level == 2)
            {
                if (open)
                {
                    html.Append("</ol></li>\n");
                }

                html.Append("<li><a href=\"#").Append(id).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</a><ol>\n");
                open = true;
            }
            else if (open)
            {
                html.Append("<li><a href=\"#").Append(id).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</a></li>\n");
            }
        }

        if (open)
        {
            html.Append("</ol></li>\n");
        }

        html.Append("</ol>\n");
    }

    /// <summary>A heading's text as read, without markup.</summary>
    private static string PlainText(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        foreach (var node in inline?.Descendants<Inline>() ?? [])
        {
            switch (node)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Links stay only when they go to a web page or within the document (the rule pages' links); anything else, a
    /// <c>javascript:</c> address included, is dropped to an empty link, and images load nothing.
    /// </summary>
    private static string SafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        var relative = colon < 0 || (slash >= 0 && slash < colon);
        return relative || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? url
            : string.Empty;
    }

    private const string Style = """
        :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --band: #f6f8fa; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        nav.toc { position: fixed; top: 0; left: 0; bottom: 0; width: 17rem; overflow-y: auto; padding: 1rem 1rem 2rem; border-right: 1px solid var(--line); background: var(--band); font-size: 13px; }
        nav.toc .toc-title { font-size: 14px; margin: 0 0 .5rem; border: 0; }
        nav.toc ol { list-style: none; margin: 0; padding-left: 0; }
        nav.toc ol ol { padding-left: .9rem; margin-bottom: .3rem; }
        nav.toc ol ol li { color: var(--muted); }
        nav.toc a { color: inherit; text-decoration: none; display: block; padding: 1px 0; }
        nav.toc a:hover { color: var(--accent); text-decoration: underline; }
        main { margin-left: 17rem; padding: 1.5rem 2.5rem 4rem; max-width: 78rem; }
        h1 { font-size: 28px; margin: 0 0 .75rem; }
        h2 { font-size: 21px; margin: 2.25rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 17px; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 15px; margin: 1.2rem 0 .4rem; }
        a { color: var(--accent); }
        code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--band); padding: 0 .25em; border-radius: 3px; }
        pre { background: var(--band); border: 1px solid var(--line); border-radius: 4px; padding: .75rem; overflow-x: auto; }
        pre code { background: none; padding: 0; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 13px; display: block; overflow-x: auto; max-width: 100%; }
        th, td { border: 1px solid var(--line); padding: 3px 8px; vertical-align: top; text-align: left; }
        th { background: var(--band); }
        figure.diagram { margin: 1rem 0; padding: .5rem; border: 1px solid var(--line); border-radius: 4px; overflow-x: auto; }
        figure.diagram svg { max-width: 100%; height: auto; }
        @media (max-width: 900px) { nav.toc { position: static; width: auto; border-right: 0; border-bottom: 1px solid var(--line); } main { margin-left: 0; padding: 1rem; } }
        @media print {
          @page { margin: 16mm 14mm; }
          body { font-size: 10.5pt; }
          nav.toc { position: static; width: auto; border: 0; background: none; font-size: 10.5pt; break-after: page; }
          main { margin: 0; padding: 0; max-width: none; }
          h2 { break-before: page; }
          h2, h3, h4 { break-after: avoid; }
          table { display: table; font-size: 8.5pt; }
          thead { display: table-header-group; }
          tr, figure.diagram, pre { break-inside: avoid; }
          pre { white-space: pre-wrap; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
