using System.Globalization;
using Plumbline.Analysis.Availability;

namespace Plumbline.Reporting.Review;

/// <summary>How blast radius reads in every report: the share of traffic and the workflows, most affected first.</summary>
internal static class BlastRadiusText
{
    /// <summary>Components shown in the text and Markdown reports; JSON lists them all.</summary>
    public const int Shown = 10;

    /// <summary>"41%" or "&lt;1%": a share of all requests.</summary>
    public static string Share(double share) => share switch
    {
        <= 0 => "0%",
        < 0.01 => "<1%",
        _ => ((int)Math.Round(share * 100)).ToString(CultureInfo.InvariantCulture) + "%",
    };

    /// <summary>"redirect (critical), shorten (high, 10% of its requests)".</summary>
    public static string Workflows(IEnumerable<WorkflowImpact> impacts) =>
        string.Join(", ", impacts.Select(i =>
        {
            var criticality = Design.Text.EnumNames.ToSnake(i.Criticality);
            var part = i.Share < 0.995 ? $", {Share(i.Share)} of its requests" : string.Empty;
            return $"{i.Workflow} ({criticality}{part})";
        }));
}
