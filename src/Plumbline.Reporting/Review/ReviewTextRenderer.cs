using System.Globalization;
using System.Text;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Review;

/// <summary>
/// The review as a terminal report: a header with the system and counts by severity, a
/// scoreboard with one row per process step, the open findings grouped by step, then the accepted
/// ones. Each finding starts with <c>SEVERITY  path:line:col  message</c> (a line editors and
/// terminals link), then its key, and why it matters and how to fix it; without
/// <paramref name="verbose"/> the why and fix of a rule are shown once per step, at its first finding.
/// Colour is ANSI and off unless asked for; the caller decides (a terminal, and NO_COLOR unset).
/// </summary>
/// <param name="useColor">Whether to colour severities and headings with ANSI codes. Default false.</param>
/// <param name="verbose">Whether to repeat why and fix under every finding. Default false.</param>
public sealed class ReviewTextRenderer(bool useColor = false, bool verbose = false)
{
    /// <summary>Why and fix are wrapped to this many columns, so the report reads the same in any terminal or log.</summary>
    public const int Width = 100;

    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[1;33m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";

    /// <summary>Findings' detail lines sit under the path: two spaces, the widest label, two spaces.</summary>
    private const string DetailIndent = "          ";

    public bool UseColor { get; } = useColor;

    public bool Verbose { get; } = verbose;

    /// <summary>Writes the whole report.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The review.</param>
    /// <param name="file">The design file as the user named it; findings without a position point at it.</param>
    public void Write(TextWriter writer, ReviewReport report, string file)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(file);
        var sb = new StringBuilder();
        WriteHeader(sb, report, file);
        WriteScoreboard(sb, report);
        WriteFindings(sb, report, file);
        WriteBlastRadius(sb, report);
        WriteAccepted(sb, report);
        if (!report.Findings.IsEmpty)
        {
            sb.Append('\n').Append("Accept a finding by its key under security.accepted_risks (finding, reason, until); see docs/review.md.\n");
        }

        writer.Write(sb.ToString());
    }

    /// <summary>A completeness bar of ten cells and a percentage, rounded down so 100% means complete: <c>[#######---]  70%</c>.</summary>
    public static string Bar(double completeness)
    {
        var share = Math.Clamp(completeness, 0, 1);
        var percent = (int)Math.Floor(share * 100 + 1e-9);
        var cells = percent / 10;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', cells)}{new string('-', 10 - cells)}] {percent,3}%");
    }

    /// <summary>"3 high, 1 medium, 0 low, 2 info".</summary>
    public static string Counts(int high, int medium, int low, int info) =>
        string.Create(CultureInfo.InvariantCulture, $"{high} high, {medium} medium, {low} low, {info} info");

    private void WriteHeader(StringBuilder sb, ReviewReport report, string file)
    {
        var high = report.Count(Severity.High);
        var medium = report.Count(Severity.Medium);
        var low = report.Count(Severity.Low);
        var info = report.Count(Severity.Info);
        var passed = report.Scores.Sum(s => s.RulesPassed);
        var rules = report.Scores.Sum(s => s.Rules);

        sb.Append(Paint(Bold, $"Design review: {report.SystemName}")).Append(" (").Append(file).Append(")\n");
        sb.Append("Open findings: ");
        sb.Append(Paint(high > 0 ? Red : string.Empty, Count(high, "high"))).Append(", ");
        sb.Append(Paint(medium > 0 ? Yellow : string.Empty, Count(medium, "medium"))).Append(", ");
        sb.Append(Count(low, "low")).Append(", ").Append(Count(info, "info"));
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $". Accepted: {report.Accepted.Length}. Rules passed: {passed} of {rules}.\n"));
    }

    private void WriteScoreboard(StringBuilder sb, ReviewReport report)
    {
        sb.Append('\n').Append(Paint(Bold, "Scoreboard")).Append('\n');
        var table = new TextTable("step", ">rules", "complete", ">high", ">medium", ">low", ">info");
        foreach (var score in Ordered(report.Scores))
        {
            table.Add(
                StepNames.Name(score.Step),
                score.Rules == 0 ? "-" : Invariant($"{score.RulesPassed}/{score.Rules}"),
                score.Rules == 0 ? "no rules" : Bar(score.Completeness),
                Invariant($"{score.High}"),
                Invariant($"{score.Medium}"),
                Invariant($"{score.Low}"),
                Invariant($"{score.Info}"));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        table.Write(writer);
        sb.Append(writer);
    }

    private void WriteFindings(StringBuilder sb, ReviewReport report, string file)
    {
        if (report.Findings.IsEmpty)
        {
            sb.Append('\n').Append("No open findings.\n");
            return;
        }

        foreach (var group in report.Findings.GroupBy(f => f.Rule.Step).OrderBy(g => StepNames.Rank(g.Key)))
        {
            sb.Append('\n').Append(Paint(Bold, StepNames.Name(group.Key))).Append("  (").Append(StepCounts(group)).Append(")\n");
            var explained = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in group)
            {
                var label = StepNames.SeverityLabel(finding.Severity);
                sb.Append("  ").Append(Paint(SeverityColor(finding.Severity), label)).Append(' ', 8 - label.Length);
                sb.Append(Paint(Bold, FindingPlace.Of(finding, file).ToString())).Append("  ").Append(OneLine(finding.Message)).Append('\n');
                sb.Append(DetailIndent).Append(Paint(Dim, "key: " + finding.Key)).Append('\n');
                if (Verbose || explained.Add(finding.Rule.Id))
                {
                    AppendWrapped(sb, Paint(Cyan, "why") + ": ", finding.Rule.Why);
                    AppendWrapped(sb, Paint(Cyan, "fix") + ": ", finding.Rule.Fix);
                    if (RuleDocs.Uri(finding.Rule) is { } docs)
                    {
                        sb.Append(DetailIndent).Append(Paint(Dim, "docs: " + docs)).Append('\n');
                    }
                }
            }
        }
    }

    private void WriteBlastRadius(StringBuilder sb, ReviewReport report)
    {
        var widest = report.BlastRadius.Where(b => b.FailedTrafficShare > 0 || !b.Fails.IsEmpty).Take(BlastRadiusText.Shown).ToList();
        if (widest.Count == 0)
        {
            return;
        }

        sb.Append('\n').Append(Paint(Bold, "Blast radius")).Append("  (if one component fails: the traffic that fails with it)\n");
        var width = widest.Max(b => b.Component.Length);
        foreach (var radius in widest)
        {
            sb.Append("  ").Append(radius.Component.PadRight(width)).Append("  ")
              .Append(BlastRadiusText.Share(radius.FailedTrafficShare).PadLeft(4)).Append(" fails");
            if (radius.DegradedTrafficShare > 0)
            {
                sb.Append(", ").Append(BlastRadiusText.Share(radius.DegradedTrafficShare)).Append(" degrades");
            }

            sb.Append('\n');
            AppendWrapped(sb, "fails: ", BlastRadiusText.Workflows(radius.Fails), "    ");
        }
    }

    private void WriteAccepted(StringBuilder sb, ReviewReport report)
    {
        if (report.Accepted.IsEmpty)
        {
            return;
        }

        sb.Append('\n').Append(Paint(Bold, Invariant($"Accepted ({report.Accepted.Length})"))).Append('\n');
        foreach (var accepted in report.Accepted)
        {
            var until = accepted.Acceptance.Until is { } date
                ? "until " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : "no end date";
            sb.Append("  ").Append(accepted.Finding.Key).Append("  (").Append(until);
            if (!string.IsNullOrWhiteSpace(accepted.Acceptance.Owner))
            {
                sb.Append(", owner ").Append(OneLine(accepted.Acceptance.Owner));
            }

            sb.Append(")\n");
            AppendWrapped(sb, "reason: ", accepted.Acceptance.Reason, "    ");
        }
    }

    /// <summary>Wraps text after a label at <see cref="Width"/> columns, continuation lines under the text.</summary>
    private void AppendWrapped(StringBuilder sb, string label, string text, string indent = DetailIndent)
    {
        // The label may carry colour codes; only its visible characters count for the width.
        var visibleLabel = UseColor ? StripAnsi(label) : label;
        var hanging = indent + new string(' ', visibleLabel.Length);
        var line = new StringBuilder(indent).Append(label);
        var lineLength = indent.Length + visibleLabel.Length;
        var empty = true;
        foreach (var word in OneLine(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && lineLength + 1 + word.Length > Width)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append(hanging);
                lineLength = hanging.Length;
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
                lineLength++;
            }

            line.Append(word);
            lineLength += word.Length;
            empty = false;
        }

        sb.Append(line).Append('\n');
    }

    /// <summary>"2 high, 7 medium": the severities a step's findings have, most severe first.</summary>
    private static string StepCounts(IEnumerable<Finding> findings) =>
        string.Join(", ", findings.GroupBy(f => f.Severity).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {StepNames.SeverityId(g.Key)}")));

    private static IEnumerable<StepScore> Ordered(IEnumerable<StepScore> scores) => scores.OrderBy(s => StepNames.Rank(s.Step));

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.High => Red,
        Severity.Medium => Yellow,
        _ => Bold,
    };

    private static string Count(int n, string severity) => string.Create(CultureInfo.InvariantCulture, $"{n} {severity}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Messages and reasons come from the design file; a line break in one would break the layout.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string StripAnsi(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b')
            {
                while (i < text.Length && text[i] != 'm')
                {
                    i++;
                }

                continue;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    private string Paint(string code, string text) => UseColor && code.Length > 0 ? code + text + Reset : text;
}
