using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading;
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
}
