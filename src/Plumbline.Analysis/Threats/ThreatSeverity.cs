using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats;

/// <summary>
/// A threat's severity from impact (how sensitive what it exposes is) times likelihood (how exposed it is),
/// the way Threagile scores a risk, on Plumbline's smaller scales: impact 1 public, 2 internal,
/// 3 confidential (or personal data), 4 restricted; likelihood 1 internal, 2 crossing a boundary, 3 from the
/// internet. A product of 8 or more is high, 4 to 6 medium, 2 or 3 low, 1 info.
/// </summary>
public static class ThreatSeverity
{
    /// <summary>The impact weight of data of this classification: 1 to 4.</summary>
    public static int Impact(Classification classification) => classification switch
    {
        Classification.Public => 1,
        Classification.Internal => 2,
        Classification.Confidential => 3,
        _ => 4,
    };

    /// <summary>impact x likelihood, mapped onto the review's severities.</summary>
    public static Severity Of(Classification impact, Exposure likelihood) => Of(Impact(impact) * (int)likelihood);

    /// <summary>A score of 1 to 12 mapped: 8 and above high, 4 and above medium, 2 and above low, else info.</summary>
    public static Severity Of(int score) => score switch
    {
        >= 8 => Severity.High,
        >= 4 => Severity.Medium,
        >= 2 => Severity.Low,
        _ => Severity.Info,
    };
}
