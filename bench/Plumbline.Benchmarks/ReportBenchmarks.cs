using System.Reflection;
using Plumbline.Analysis.Review;
using Plumbline.Engine;
using Plumbline.Reporting.Document;

namespace Plumbline.Benchmarks;

/// <summary>
/// The design document of the largest example (ride-hailing), as <c>plumbline report</c> makes it: the design read
/// from its file, reviewed (with its price catalog), estimated, its SLOs, threats, recovery and cost worked out, then
/// laid out as Markdown, and as HTML with the diagram. Target: the HTML document under a second. The review alone
/// (<c>check</c>'s work on the same file) is the peer the document's cost is read against.
/// </summary>
public static class ReportQuickCases
{
    public const string Largest = "ride-hailing";

    public const double MaxReportMs = 1000;

    public static IEnumerable<QuickCase> Create()
    {
        var text = Example(Largest);
        var folder = Path.Combine(Path.GetTempPath(), "plumbline-bench-report");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Largest + ".yaml");
        File.WriteAllText(path, text);
        var size = LoadInputs.FileSize(text);
        var engine = PlumblineEngine.Default;
        var options = new ReviewOptions(new DateOnly(2026, 12, 1));
        var first = engine.ReportFile(path, [], options);
        if (first.Document is null)
        {
            throw new InvalidOperationException($"{Largest}: the design does not load cleanly: {string.Join("; ", first.Design.Diagnostics.Select(d => d.Message))}");
        }

        var settings = new DocumentSettings(path);
        yield return new QuickCase($"check {Largest} (peer)", size, () => engine.CheckFile(path, [], options));
        yield return new QuickCase($"report {Largest} markdown", size, () =>
        {
            var document = engine.ReportFile(path, [], options).Document!;
            var writer = new StringWriter();
            DocumentMarkdownRenderer.Write(writer, document, null, settings);
            return writer.ToString();
        }, MaxMedianMs: MaxReportMs);
        yield return new QuickCase($"report {Largest} html", size, () =>
        {
            var document = engine.ReportFile(path, [], options).Document!;
            var writer = new StringWriter();
            DocumentHtmlRenderer.Write(writer, document, null, settings);
            return writer.ToString();
        }, MaxMedianMs: MaxReportMs);
    }

    private static string Example(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"examples/{name}.yaml")
            ?? throw new InvalidOperationException($"examples/{name}.yaml is not embedded in the benchmarks");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
