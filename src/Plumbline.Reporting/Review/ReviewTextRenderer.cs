using System.Globalization;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Causes;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Terminal;

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
public sealed class ReviewTextRenderer(bool useColor = false, bool verbose = false, RuleLinks? links = null)
{
    /// <summary>Why and fix are wrapped to this many columns, so the report reads the same in any terminal or log.</summary>
    public const int Width = 100;

    private const TerminalStyle Bold = TerminalStyle.Bold;
    private const TerminalStyle Red = TerminalStyle.Red;
    private const TerminalStyle Yellow = TerminalStyle.Yellow;
    private const TerminalStyle Cyan = TerminalStyle.Cyan;
    private const TerminalStyle Dim = TerminalStyle.Dim;
    private const TerminalStyle Plain = TerminalStyle.Plain;

    /// <summary>Findings' detail lines sit under the path: two spaces, the widest label, two spaces.</summary>
    private const string DetailIndent = "          ";

    private readonly RuleLinks _links = links ?? RuleLinks.Default;

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
        var sb = new TerminalBuilder(UseColor);
        WriteHeader(sb, report, file);
        WriteScoreboard(sb, report);
        WriteFindings(sb, report, file, writer);
        WriteBlastRadius(sb, report);
        WriteAccepted(sb, report);
        WriteDisabled(sb, report);
        if (!report.Findings.IsEmpty)
        {
            sb.Append('\n').Append("Accept a finding by its key under security.accepted_risks (finding, reason, until); see docs/review.md.\n");
        }

        sb.WriteTo(writer);
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

    private static void WriteHeader(TerminalBuilder sb, ReviewReport report, string file)
    {
        var high = report.Count(Severity.High);
        var medium = report.Count(Severity.Medium);
        var low = report.Count(Severity.Low);
        var info = report.Count(Severity.Info);
        var passed = report.Scores.Sum(s => s.RulesPassed);
        var rules = report.Scores.Sum(s => s.Rules);

        sb.Append(Bold, $"Design review: {TerminalText.Escape(report.SystemName)}").Append(" (").Append(TerminalText.Escape(file)).Append(")\n");
        sb.Append("Open findings: ");
        sb.Append(high > 0 ? Red : Plain, Count(high, "high")).Append(", ");
        sb.Append(medium > 0 ? Yellow : Plain, Count(medium, "medium")).Append(", ");
        sb.Append(Count(low, "low")).Append(", ").Append(Count(info, "info"));
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $"{(report.Repeats > 0 ? $" ({report.Repeats} more listed under their cause)" : string.Empty)}. Accepted: {report.Accepted.Length}."));
        if (!report.Disabled.IsEmpty)
        {
            sb.Append(Invariant($" Turned off: {report.Disabled.Length}."));
        }

        if (report.Baseline is not null)
        {
            sb.Append(Invariant($" Baselined: {report.Baselined.Length}."));
        }

        sb.Append(Invariant($" Rules passed: {passed} of {rules}.\n"));
    }

    private static void WriteScoreboard(TerminalBuilder sb, ReviewReport report)
    {
        sb.Append('\n').Append(Bold, "Scoreboard").Append('\n');
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
        sb.Append(writer.ToString());
    }

    /// <summary>Text built past this many characters is written out between findings, so a long report is never held whole.</summary>
    private const int FlushAt = 1 << 16;

    private void WriteFindings(TerminalBuilder sb, ReviewReport report, string file, TextWriter writer)
    {
        if (report.Findings.IsEmpty)
        {
            sb.Append('\n').Append("No open findings.\n");
            return;
        }

        foreach (var step in report.Groups.GroupBy(g => g.Head.Rule.Step).OrderBy(g => StepNames.Rank(g.Key)))
        {
            sb.Append('\n').Append(Bold, StepNames.Name(step.Key)).Append("  (").Append(StepCounts(step.Select(g => g.Severity))).Append(")\n");
            var explained = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in step)
            {
                var finding = group.Head;
                var label = StepNames.SeverityLabel(group.Severity);
                sb.Append("  ").Append(SeverityColor(group.Severity), label).Append(' ', 8 - label.Length);
                sb.Append(Bold, TerminalText.Escape(FindingPlace.Of(finding, file).ToString())).Append("  ").Append(OneLine(finding.Message)).Append('\n');
                sb.Append(DetailIndent).Append(Dim, "key: " + OneLine(finding.Key)).Append('\n');
                if (finding.Setting is { } setting)
                {
                    AppendWrapped(sb, Dim, "severity", $"{setting.Setting}, set by {setting.Span.Path}:{setting.Span.Start} ({setting.Reason})");
                }

                WriteRelated(sb, group, file);
                if (Verbose || explained.Add(finding.Rule.Id))
                {
                    AppendWrapped(sb, Cyan, "why", finding.Rule.Why);
                    AppendWrapped(sb, Cyan, "fix", finding.Rule.Fix);
                    if (_links.For(finding.Rule) is { } docs)
                    {
                        sb.Append(DetailIndent).Append(Dim, "docs: " + OneLine(docs.ToString())).Append('\n');
                    }
                }

                if (sb.Length > FlushAt)
                {
                    sb.WriteTo(writer);
                    sb.Clear();
                }
            }
        }
    }

    /// <summary>The findings that repeat a group's cause: one line each (severity, place, key), the message too when verbose.</summary>
    private void WriteRelated(TerminalBuilder sb, FindingGroup group, string file)
    {
        if (group.Related.IsDefaultOrEmpty)
        {
            return;
        }

        sb.Append(DetailIndent).Append(Dim, Invariant($"same cause ({OneLine(group.Cause)}), {group.Related.Length} more:")).Append('\n');
        foreach (var related in group.Related)
        {
            var label = StepNames.SeverityId(related.Severity);
            sb.Append(DetailIndent).Append("  ").Append(label).Append(' ', Math.Max(1, 8 - label.Length))
              .Append(TerminalText.Escape(FindingPlace.Of(related, file).ToString())).Append("  ").Append(OneLine(related.Key)).Append('\n');
            if (Verbose)
            {
                AppendWrapped(sb, Plain, "message", related.Message, DetailIndent + "          ");
            }
        }
    }

    private static void WriteBlastRadius(TerminalBuilder sb, ReviewReport report)
    {
        var widest = report.BlastRadius.Where(b => b.FailedTrafficShare > 0 || !b.Fails.IsEmpty).Take(BlastRadiusText.Shown).ToList();
        if (widest.Count == 0)
        {
            return;
        }

        sb.Append('\n').Append(Bold, "Blast radius").Append("  (if one component fails: the traffic that fails with it)\n");
        var width = widest.Max(b => OneLine(b.Component).Length);
        foreach (var radius in widest)
        {
            sb.Append("  ").Append(OneLine(radius.Component).PadRight(width)).Append("  ")
              .Append(BlastRadiusText.Share(radius.FailedTrafficShare).PadLeft(4)).Append(" fails");
            if (radius.DegradedTrafficShare > 0)
            {
                sb.Append(", ").Append(BlastRadiusText.Share(radius.DegradedTrafficShare)).Append(" degrades");
            }

            sb.Append('\n');
            AppendWrapped(sb, Plain, "fails", BlastRadiusText.Workflows(radius.Fails), "    ");
        }
    }

    private static void WriteAccepted(TerminalBuilder sb, ReviewReport report)
    {
        if (report.Accepted.IsEmpty)
        {
            return;
        }

        sb.Append('\n').Append(Bold, Invariant($"Accepted ({report.Accepted.Length})")).Append('\n');
        foreach (var accepted in report.Accepted)
        {
            var until = accepted.Acceptance.Until is { } date
                ? "until " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : "no end date";
            sb.Append("  ").Append(OneLine(accepted.Finding.Key)).Append("  (").Append(until);
            if (!string.IsNullOrWhiteSpace(accepted.Acceptance.Owner))
            {
                sb.Append(", owner ").Append(OneLine(accepted.Acceptance.Owner));
            }

            sb.Append(")\n");
            AppendWrapped(sb, Plain, "reason", accepted.Acceptance.Reason, "    ");
        }
    }

    /// <summary>The findings the project configuration turned off: one line per setting, with how many and its reason.</summary>
    private static void WriteDisabled(TerminalBuilder sb, ReviewReport report)
    {
        if (report.Disabled.IsEmpty)
        {
            return;
        }

        sb.Append('\n').Append(Bold, Invariant($"Turned off ({report.Disabled.Length})")).Append('\n');
        foreach (var setting in report.Disabled.GroupBy(d => d.Setting).OrderBy(g => g.Key.Span.Offset))
        {
            var n = setting.Count();
            sb.Append("  ").Append(OneLine(setting.Key.Rule)).Append(Invariant($"  ({n} finding{(n == 1 ? string.Empty : "s")}, "))
              .Append(TerminalText.Escape(setting.Key.Span.Path)).Append(':').Append(Invariant($"{setting.Key.Span.Start}")).Append(")\n");
            AppendWrapped(sb, Plain, "reason", setting.Key.Reason, "    ");
        }
    }

    /// <summary>Wraps text after a label (<c>why: </c>) at <see cref="Width"/> columns, continuation lines under the text.</summary>
    private static void AppendWrapped(TerminalBuilder sb, TerminalStyle labelStyle, string label, string text, string indent = DetailIndent)
    {
        var hanging = indent + new string(' ', label.Length + 2);
        var line = new TerminalBuilder(sb.UseColor).Append(indent).Append(labelStyle, label).Append(": ");
        var lineLength = hanging.Length;
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

    /// <summary>"2 high, 7 medium": the severities a step's causes have, most severe first.</summary>
    private static string StepCounts(IEnumerable<Severity> severities) =>
        string.Join(", ", severities.GroupBy(s => s).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {StepNames.SeverityId(g.Key)}")));

    private static IEnumerable<StepScore> Ordered(IEnumerable<StepScore> scores) => scores.OrderBy(s => StepNames.Rank(s.Step));

    private static TerminalStyle SeverityColor(Severity severity) => severity switch
    {
        Severity.High => Red,
        Severity.Medium => Yellow,
        _ => Bold,
    };

    private static string Count(int n, string severity) => string.Create(CultureInfo.InvariantCulture, $"{n} {severity}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>
    /// Messages and reasons come from the design or a rule file: line breaks and tabs become spaces (they would
    /// break the layout), and any other control character or bidirectional override is escaped.
    /// </summary>
    private static string OneLine(string text) =>
        TerminalText.Escape(string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
