using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Text;
using Plumbline.Reporting.Review;

namespace Plumbline.Reporting.Threats;

/// <summary>The words every threat renderer shares: STRIDE names and letters, statuses, places, and the review form of a threat model (for SARIF).</summary>
public static class ThreatWords
{
    /// <summary>snake_case, as in JSON: information_disclosure.</summary>
    public static string Id(Stride stride) => EnumNames.ToSnake(stride);

    /// <summary>"Information disclosure".</summary>
    public static string Name(Stride stride) => stride switch
    {
        Stride.Spoofing => "Spoofing",
        Stride.Tampering => "Tampering",
        Stride.Repudiation => "Repudiation",
        Stride.InformationDisclosure => "Information disclosure",
        Stride.DenialOfService => "Denial of service",
        _ => "Elevation of privilege",
    };

    /// <summary>S, T, R, I, D or E.</summary>
    public static char Letter(Stride stride) => "STRIDE"[(int)stride];

    public static string Id(ThreatStatus status) => EnumNames.ToSnake(status);

    public static string Id(Exposure exposure) => EnumNames.ToSnake(exposure);

    public static string Id(FlowKind kind) => EnumNames.ToSnake(kind);

    /// <summary>"CWE-306", or empty.</summary>
    public static string Cwe(int? cwe) => cwe is { } n ? string.Create(CultureInfo.InvariantCulture, $"CWE-{n}") : string.Empty;

    /// <summary>The threat as the finding it is in a review, for places and SARIF.</summary>
    public static Finding AsFinding(Threat threat) => new(threat.Rule, threat.Span, threat.Subject, threat.Message, threat.Severity);

    /// <summary><c>path:line:col</c> of a threat.</summary>
    public static string Place(Threat threat, string file) => FindingPlace.Of(AsFinding(threat), file).ToString();

    /// <summary>(file, line, column, endLine, endColumn) of a threat.</summary>
    internal static FindingPlace PlaceOf(Threat threat, string file) => FindingPlace.Of(AsFinding(threat), file);

    /// <summary>"accepted until 2027-06-30 by trust-and-safety: reason" or "acceptance expired on ...".</summary>
    public static string Acceptance(ThreatEntry entry)
    {
        if (entry.Acceptance is not { } risk)
        {
            return string.Empty;
        }

        var until = risk.Until is { } u ? u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var owner = risk.Owner is { } o ? $" by {o}" : string.Empty;
        return entry.AcceptanceExpired
            ? $"its acceptance expired on {until}{owner}: {risk.Reason}"
            : $"accepted{(until is null ? string.Empty : $" until {until}")}{owner}: {risk.Reason}";
    }

    /// <summary>
    /// The threat model in the review's shape, so code-scanning output is the review's SARIF: the threat rules, the open
    /// threats as findings and the accepted ones as suppressed results. Mitigated threats are not problems and are left out.
    /// </summary>
    public static ReviewReport AsReview(ThreatReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ImmutableArray<IRule> rules = [.. ThreatCatalogue.Rules, .. ThreatCatalogue.ReviewRules.Select(r => r.Rule)];
        var open = report.Threats.Where(t => t.Status == ThreatStatus.Open).Select(t => AsFinding(t.Threat)).ToImmutableArray();
        var accepted = report.Threats.Where(t => t.Status == ThreatStatus.Accepted && t.Acceptance is not null)
            .Select(t => new AcceptedFinding(AsFinding(t.Threat), t.Acceptance!)).ToImmutableArray();
        return new ReviewReport(report.System, rules, open, accepted, [], []);
    }
}
