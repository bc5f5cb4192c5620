using System.Globalization;
using System.Text;
using Plumbline.Analysis.Review;

using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Review;

/// <summary>
/// Writes a review as a design-review document in Markdown: a summary, the scoreboard as a table,
/// the open findings per step as lists (each with its key, and a rule's why, fix and docs link at
/// its first finding in a step), and the accepted risks as a table. Text that comes from the design
/// file is escaped, so a name like <c>get_link</c> prints as written.
/// </summary>
public static class ReviewMarkdownRenderer
{
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The review.</param>
    /// <param name="file">The design file as the user named it.</param>
    public static void Write(TextWriter writer, ReviewReport report, string file, RuleLinks? links = null)
    {
        links ??= RuleLinks.Default;
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(file);
        var sb = new StringBuilder();
        sb.Append("# Design review: ").Append(Escape(report.SystemName)).Append("\n\n");
        sb.Append("Design file: `").Append(Code(file)).Append("`\n\n");
        var passed = report.Scores.Sum(s => s.RulesPassed);
        var rules = report.Scores.Sum(s => s.Rules);
        sb.Append(Invariant($"**Open findings:** {report.Count(Severity.High)} high, {report.Count(Severity.Medium)} medium, "));
        sb.Append(Invariant($"{report.Count(Severity.Low)} low, {report.Count(Severity.Info)} info"));
        sb.Append(report.Repeats > 0 ? Invariant($" ({report.Repeats} more listed under their cause). ") : ". ");
        sb.Append(Invariant($"**Accepted:** {report.Accepted.Length}. **Rules passed:** {passed} of {rules}.\n"));

        sb.Append("\n## Scoreboard\n\n");
        sb.Append("| Step | Rules passed | Complete | High | Medium | Low | Info |\n");
        sb.Append("|---|---:|---|---:|---:|---:|---:|\n");
        foreach (var score in report.Scores.OrderBy(s => StepNames.Rank(s.Step)))
        {
            sb.Append("| ").Append(StepNames.Name(score.Step)).Append(" | ");
            sb.Append(score.Rules == 0 ? "-" : Invariant($"{score.RulesPassed} of {score.Rules}")).Append(" | ");
            sb.Append(score.Rules == 0 ? "no rules" : "`" + ReviewTextRenderer.Bar(score.Completeness) + "`").Append(" | ");
            sb.Append(Invariant($"{score.High} | {score.Medium} | {score.Low} | {score.Info} |\n"));
        }

        sb.Append("\n## Findings\n");
        if (report.Findings.IsEmpty)
        {
            sb.Append("\nNo open findings.\n");
        }

        foreach (var step in report.Groups.GroupBy(g => g.Head.Rule.Step).OrderBy(g => StepNames.Rank(g.Key)))
        {
            sb.Append("\n### ").Append(StepNames.Name(step.Key)).Append("\n\n");
            var explained = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in step)
            {
                var finding = group.Head;
                sb.Append("- **").Append(StepNames.SeverityLabel(group.Severity)).Append("** `")
                  .Append(Code(FindingPlace.Of(finding, file).ToString())).Append("` ")
                  .Append(Escape(finding.Message)).Append('\n');
                sb.Append("  - key: `").Append(Code(finding.Key)).Append("`\n");
                if (!group.Related.IsDefaultOrEmpty)
                {
                    sb.Append(Invariant($"  - same cause (`{Code(group.Cause)}`), {group.Related.Length} more:\n"));
                    foreach (var related in group.Related)
                    {
                        sb.Append("    - ").Append(StepNames.SeverityId(related.Severity)).Append(" `")
                          .Append(Code(FindingPlace.Of(related, file).ToString())).Append("` `").Append(Code(related.Key)).Append("`\n");
                    }
                }

                if (explained.Add(finding.Rule.Id))
                {
                    sb.Append("  - why: ").Append(Escape(finding.Rule.Why)).Append('\n');
                    sb.Append("  - fix: ").Append(Escape(finding.Rule.Fix)).Append('\n');
                    var title = links.For(finding.Rule) is { } docs ? $"[{Escape(finding.Rule.Title)}]({docs})" : Escape(finding.Rule.Title);
                    sb.Append("  - rule: ").Append(title).Append(" (`").Append(finding.Rule.Id).Append("`)\n");
                }
            }
        }

        var widest = report.BlastRadius.Where(b => !b.Fails.IsEmpty).Take(BlastRadiusText.Shown).ToList();
        if (widest.Count > 0)
        {
            sb.Append("\n## Blast radius\n\n");
            sb.Append("If one component fails: the share of all traffic that fails or degrades with it, and the workflows it takes down.\n\n");
            sb.Append("| Component | Fails | Degrades | Workflows that fail |\n");
            sb.Append("|---|---:|---:|---|\n");
            foreach (var radius in widest)
            {
                sb.Append("| ").Append(Escape(radius.Component)).Append(" | ").Append(BlastRadiusText.Share(radius.FailedTrafficShare))
                  .Append(" | ").Append(BlastRadiusText.Share(radius.DegradedTrafficShare))
                  .Append(" | ").Append(Escape(BlastRadiusText.Workflows(radius.Fails))).Append(" |\n");
            }
        }

        sb.Append("\n## Accepted risks\n\n");
        if (report.Accepted.IsEmpty)
        {
            sb.Append("None. A finding is accepted by its key under `security.accepted_risks`, with a reason and an end date.\n");
        }
        else
        {
            sb.Append("| Finding | Reason | Until | Owner |\n");
            sb.Append("|---|---|---|---|\n");
            foreach (var accepted in report.Accepted)
            {
                var risk = accepted.Acceptance;
                sb.Append("| `").Append(Code(accepted.Finding.Key)).Append("` | ").Append(Escape(risk.Reason)).Append(" | ")
                  .Append(risk.Until is { } until ? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-").Append(" | ")
                  .Append(risk.Owner is { } owner ? Escape(owner) : "-").Append(" |\n");
            }
        }

        // Names, messages and reasons come from files: the document goes out through the terminal's sanitising writer.
        TerminalWriter.Over(writer).Write(sb.ToString());
    }

    /// <summary>Escapes text so Markdown shows it as written, in a list item or a table cell, on one line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#':
                    sb.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Text inside a code span: backticks cannot be escaped there, so they become quotes.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace('\n', ' ');

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
