using System.Globalization;
using Plumbline.Analysis.Recovery;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>How recovery findings word a time and a failure scope, so every message reads alike.</summary>
internal static class RecoveryText
{
    /// <summary>"0s", "1s", "30m", "all its data" for a loss without bound.</summary>
    public static string Loss(double seconds) =>
        double.IsPositiveInfinity(seconds) ? "all its data" : Time(seconds) + " of writes";

    /// <summary>"30s", "6h", "never" for a time without bound.</summary>
    public static string Down(double seconds) => double.IsPositiveInfinity(seconds) ? "for good" : "for " + Time(seconds);

    public static string Time(double seconds) => double.IsPositiveInfinity(seconds) ? "forever" : Quantities.Duration(seconds);

    /// <summary>"when an instance fails", "after logical corruption".</summary>
    public static string When(FailureScope scope) => scope switch
    {
        FailureScope.Instance => "when an instance fails",
        FailureScope.Zone => "when a zone fails",
        FailureScope.Region => "when a region fails",
        _ => "after logical corruption",
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
