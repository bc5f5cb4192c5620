using System.Globalization;
using Plumbline.Analysis.Review;

namespace Plumbline.Reporting.Review;

/// <summary>Where a finding points, as reports print it: the file as the user named it, and 1-based line and column.</summary>
internal readonly record struct FindingPlace(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The finding's place; a finding without a position points at the start of <paramref name="fallbackFile"/>.</summary>
    public static FindingPlace Of(Finding finding, string fallbackFile)
    {
        var span = finding.Span;
        if (span.IsNone)
        {
            return new FindingPlace(fallbackFile, 1, 1, 1, 1);
        }

        var start = span.Start;
        var end = span.End;
        var file = string.IsNullOrEmpty(span.Path) ? fallbackFile : span.Path;
        return new FindingPlace(file, start.Line, start.Column, end.Line, end.Column);
    }

    /// <summary><c>path:line:col</c>, which terminals and editors turn into a link.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
