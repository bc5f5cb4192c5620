using System.Globalization;
using Plumbline.Design.Diagnostics;

namespace Plumbline.Reporting.Diagnostics;

/// <summary>Counts of errors and warnings over a number of files; prints as <c>2 errors, 1 warning in 1 file</c>.</summary>
public readonly record struct DiagnosticSummary(int Errors, int Warnings, int Files)
{
    /// <summary>Counts the diagnostics of <paramref name="files"/> files.</summary>
    public static DiagnosticSummary Of(IEnumerable<Diagnostic> diagnostics, int files)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int errors = 0, warnings = 0;
        foreach (var d in diagnostics)
        {
            if (d.IsError)
            {
                errors++;
            }
            else
            {
                warnings++;
            }
        }

        return new DiagnosticSummary(errors, warnings, files);
    }

    /// <summary>Counts of diagnostics found but not listed, added to these.</summary>
    public DiagnosticSummary Add(OmittedDiagnostics omitted) => this with { Errors = Errors + omitted.Errors, Warnings = Warnings + omitted.Warnings };

    public DiagnosticSummary Add(DiagnosticSummary other) =>
        new(Errors + other.Errors, Warnings + other.Warnings, Files + other.Files);

    public override string ToString() =>
        $"{Count(Errors, "error")}, {Count(Warnings, "warning")} in {Count(Files, "file")}";

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
