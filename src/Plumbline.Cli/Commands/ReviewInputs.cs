using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;

namespace Plumbline.Cli.Commands;

/// <summary>What every command that reviews a design prints about its inputs, on stderr so JSON and SARIF stay clean.</summary>
internal static class ReviewInputs
{
    /// <summary>
    /// A design with errors: its diagnostics and <paramref name="refusal"/>, and false. Otherwise its warnings (which do not
    /// stop a review but are worth seeing) and the team rule files' diagnostics, and true.
    /// </summary>
    public static bool Print(CliConsole console, DiagnosticTextRenderer renderer, string file, LoadResult design, RuleFileResult teamRules, string refusal)
    {
        if (!design.Success)
        {
            renderer.WriteEach(console.Error, design.Diagnostics, file);
            renderer.WriteOmitted(console.Error, design.Omitted, file);
            console.Error.WriteLine($"{file}: {refusal}");
            return false;
        }

        renderer.WriteEach(console.Error, design.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), file);
        foreach (var diagnostic in teamRules.Diagnostics)
        {
            renderer.Write(console.Error, diagnostic, diagnostic.Span.Path);
            console.Error.Write('\n');
        }

        renderer.WriteOmitted(console.Error, teamRules.Omitted);
        return true;
    }

    /// <summary>The project configuration's and the baseline's diagnostics (errors and warnings), each at its file.</summary>
    public static void PrintProjectFiles(CliConsole console, DiagnosticTextRenderer renderer, CheckResult result)
    {
        foreach (var (diagnostics, omitted) in new[] { (result.Config?.Diagnostics, result.Config?.Omitted), (result.Baseline?.Diagnostics, result.Baseline?.Omitted) })
        {
            foreach (var diagnostic in diagnostics ?? [])
            {
                renderer.Write(console.Error, diagnostic, diagnostic.Span.Path);
                console.Error.Write('\n');
            }

            if (omitted is { } left)
            {
                renderer.WriteOmitted(console.Error, left);
            }
        }
    }

    /// <summary>What a baseline left out, and the keys it lists that no finding has any more (so it can shrink), on stderr.</summary>
    public static void PrintBaseline(CliConsole console, ReviewReport report)
    {
        if (report.Baseline is not { } baseline)
        {
            return;
        }

        var gone = report.BaselineGone.Length;
        console.Error.WriteLine($"baseline {baseline.File}: {Count(report.Baselined.Length, "known finding")} left out, {Count(report.Findings.Length, "new finding")} judged"
            + (gone == 0 ? "." : $"; {Count(gone, "listed finding")} gone: write the baseline again (--write-baseline) to drop {(gone == 1 ? "it" : "them")}."));
        foreach (var key in report.BaselineGone.Take(20))
        {
            console.Error.WriteLine($"  gone: {key}");
        }

        if (gone > 20)
        {
            console.Error.WriteLine($"  and {gone - 20} more");
        }
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
