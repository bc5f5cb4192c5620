using System.Collections.Immutable;

namespace Plumbline.Design.Diagnostics;

/// <summary>Diagnostics found but not listed, because a file had more than <see cref="DiagnosticLimits.MaxListed"/>.</summary>
/// <param name="Errors">Errors left out.</param>
/// <param name="Warnings">Warnings left out.</param>
public readonly record struct OmittedDiagnostics(int Errors, int Warnings)
{
    public static OmittedDiagnostics None => default;

    public bool IsEmpty => Errors == 0 && Warnings == 0;

    public int Count => Errors + Warnings;

    public OmittedDiagnostics Add(OmittedDiagnostics other) => new(Errors + other.Errors, Warnings + other.Warnings);

    public OmittedDiagnostics Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.IsError ? this with { Errors = Errors + 1 } : this with { Warnings = Warnings + 1 };
    }
}

/// <summary>
/// How many diagnostics one file reports. A file of 100,000 unknown keys would otherwise print 100,000
/// errors (31 MB): the first <see cref="MaxListed"/> are listed, in file order, and the rest are counted.
/// </summary>
public static class DiagnosticLimits
{
    /// <summary>Diagnostics listed for one file: 100.</summary>
    public const int MaxListed = 100;

    /// <summary>Diagnostics a loader keeps while it works, before choosing the ones to list: 1,000.</summary>
    public const int MaxCollected = 10 * MaxListed;

    /// <summary>
    /// At most <see cref="MaxListed"/> of <paramref name="diagnostics"/>, errors before warnings when some must go
    /// (an error is what stops the design), in file order; and the counts of those left out.
    /// </summary>
    public static (ImmutableArray<Diagnostic> Listed, OmittedDiagnostics Omitted) Cap(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ordered = diagnostics.OrderBy(d => d.Span.Offset).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        if (ordered.Count <= MaxListed)
        {
            return ([.. ordered], OmittedDiagnostics.None);
        }

        // Positions in file order, errors first (a stable sort keeps file order within each), the first 100 listed.
        var listed = new bool[ordered.Count];
        foreach (var i in Enumerable.Range(0, ordered.Count).OrderBy(i => ordered[i].IsError ? 0 : 1).Take(MaxListed))
        {
            listed[i] = true;
        }

        var omitted = OmittedDiagnostics.None;
        var kept = ImmutableArray.CreateBuilder<Diagnostic>(MaxListed);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (listed[i])
            {
                kept.Add(ordered[i]);
            }
            else
            {
                omitted = omitted.Add(ordered[i]);
            }
        }

        return (kept.MoveToImmutable(), omitted);
    }
}
