using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>What <see cref="RuleFileLoader"/> made of a rule file.</summary>
/// <param name="Rules">
/// The file's rules, in file order; empty whenever there is an error, so a half-valid file never runs half its
/// rules (the CLI refuses such a file and exits 2).
/// </param>
/// <param name="Diagnostics">Every problem found, by position; PL1xxx for reading and YAML, PL4xxx for the rule format.</param>
/// <param name="Source">The decoded text, or null when the file could not be read or decoded (or several files were loaded).</param>
public sealed record RuleFileResult(ImmutableArray<IRule> Rules, ImmutableArray<Diagnostic> Diagnostics, SourceText? Source)
{
    /// <summary>Diagnostics found but not listed, past <see cref="DiagnosticLimits.MaxListed"/> in a file. Default none.</summary>
    public OmittedDiagnostics Omitted { get; init; }

    /// <summary>True when there is no error (warnings, such as an empty file, are fine).</summary>
    public bool Success => Omitted.Errors == 0 && !Diagnostics.Any(d => d.IsError);
}
