using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Design.Loading;

/// <summary>
/// What loading a design produced: the design when the file could be read into one, its source,
/// and every diagnostic found, in file order. A design with errors is still returned when it
/// could be built, so tools can show as much as they can; <see cref="Success"/> says whether to trust it.
/// </summary>
/// <remarks>
/// <see cref="Diagnostics"/> lists at most <see cref="DiagnosticLimits.MaxListed"/> (errors first when some must go);
/// <see cref="Omitted"/> counts the others.
/// </remarks>
public sealed record LoadResult(SystemDesign? Design, SourceText? Source, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Diagnostics found but not listed in <see cref="Diagnostics"/>. Default none.</summary>
    public OmittedDiagnostics Omitted { get; init; }

    public bool Success => Design is not null && !HasErrors;

    public bool HasErrors => Omitted.Errors > 0 || Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError) + Omitted.Errors;
}
