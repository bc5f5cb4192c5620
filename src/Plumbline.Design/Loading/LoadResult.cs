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
public sealed record LoadResult(SystemDesign? Design, SourceText? Source, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Success => Design is not null && !HasErrors;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);
}
