using System.Collections.Immutable;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// The assumptions an estimate makes where a design is silent. Every default is documented in
/// docs/estimates.md and shown as "default" wherever a figure uses it.
/// </summary>
/// <param name="TargetUtilisation">Utilisation to size instances for; default 70%.</param>
/// <param name="HorizonsMonths">Storage horizons in months; default 12, 36 and 60.</param>
/// <param name="HotSetFraction">Share of the distinct items read in a day that a cache should hold; default 20%.</param>
/// <param name="FailureProbability">Failure probability per attempt used for expected retries; default 1%.</param>
/// <param name="DefaultPeakToAverage">Peak factor when the design states none; default 3.</param>
/// <param name="SensitivityStep">How far each input is moved in a sensitivity run; default 20%.</param>
public sealed record EstimateOptions(
    double TargetUtilisation = 0.7,
    ImmutableArray<double> HorizonsMonths = default,
    double HotSetFraction = 0.2,
    double FailureProbability = 0.01,
    double DefaultPeakToAverage = 3,
    double SensitivityStep = 0.2)
{
    public static EstimateOptions Default { get; } = new();

    /// <summary>What a month is, overriding the design's <c>requirements.month</c> (<c>--month</c>); null to use the design's, else the average month.</summary>
    public Design.Units.MonthConvention? Month { get; init; }

    public ImmutableArray<double> Horizons => HorizonsMonths.IsDefaultOrEmpty ? [12, 36, 60] : HorizonsMonths;
}
