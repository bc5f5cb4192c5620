using System.Globalization;
using System.Text;
using Plumbline.Analysis.Documents;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Review;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Diff;

/// <summary>
/// A design diff as Markdown to paste as a pull-request comment: a summary line, the guardrails broken (when any were
/// set), the changed elements, the figures that moved, the cost, and the findings introduced and resolved. Text from
/// the designs is escaped.
/// </summary>
public static class DiffMarkdownRenderer
{
    /// <param name="before">The old side as the user named it (a file or <c>REV:path</c>).</param>
    /// <param name="after">The new side as the user named it.</param>
    /// <param name="breaches">The guardrails broken; null when none were set.</param>
    public static void Write(TextWriter writer, DesignDiff diff, string before, string after, IReadOnlyList<string>? breaches)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diff);
        var sb = new StringBuilder();
        sb.Append("## Design changes: ").Append(E(diff.After)).Append("\n\n");
        sb.Append('`').Append(Code(before)).Append("` to `").Append(Code(after)).Append("`\n\n");
        var high = diff.Introduced.Count(f => f.Severity == Severity.High);
        sb.Append("**Changes:** ").Append(E(DiffWords.Summary(diff))).Append(". ");
        sb.Append(Invariant($"**Findings:** {diff.Introduced.Length} introduced ({high} high), {diff.Resolved.Length} resolved. "));
        sb.Append("**Cost:** ").Append(E(DiffWords.Money(diff.Total.Before, diff.Currency))).Append(" to ")
          .Append(E(DiffWords.Money(diff.Total.After, diff.Currency))).Append(" a month (")
          .Append(DiffWords.Change((double?)diff.Total.Relative)).Append(").\n\n");
        if (breaches is not null)
        {
            if (breaches.Count == 0)
            {
                sb.Append("Guardrails: all kept.\n\n");
            }
            else
            {
                sb.Append("**Guardrails broken:**\n\n");
                foreach (var breach in breaches)
                {
                    sb.Append("- ").Append(E(breach)).Append('\n');
                }

                sb.Append('\n');
            }
        }

        sb.Append("### Design\n\n");
        if (diff.Changes.IsEmpty)
        {
            sb.Append("No component, call, workflow, entity, SLO or requirement figure changed.\n\n");
        }
        else
        {
            sb.Append("| Change | Element | Field | Before | After |\n|---|---|---|---|---|\n");
            foreach (var change in diff.Changes)
            {
                var element = E(change.Area) + " `" + Code(change.Name) + "`";
                if (change.Fields.IsEmpty)
                {
                    sb.Append("| ").Append(DiffWords.Kind(change.Kind)).Append(" | ").Append(element).Append(" | | | |\n");
                    continue;
                }

                foreach (var field in change.Fields)
                {
                    sb.Append("| ").Append(DiffWords.Kind(change.Kind)).Append(" | ").Append(element).Append(" | ").Append(E(field.Field))
                      .Append(" | ").Append(E(field.Before ?? "-")).Append(" | ").Append(E(field.After ?? "-")).Append(" |\n");
                }
            }

            sb.Append('\n');
        }

        sb.Append("### Figures that moved\n\n");
        if (diff.Figures.IsEmpty && diff.Costs.IsEmpty)
        {
            sb.Append("No peak utilisation, storage, availability or cost moved.\n\n");
        }
        else
        {
            sb.Append("| Figure | Subject | Before | After | Change |\n|---|---|--:|--:|--:|\n");
            foreach (var move in diff.Figures)
            {
                sb.Append("| ").Append(DiffWords.Figure(move.Figure)).Append(" | ").Append(E(move.Subject)).Append(" | ")
                  .Append(E(DiffWords.Value(move, move.Before))).Append(" | ").Append(E(DiffWords.Value(move, move.After))).Append(" | ")
                  .Append(DiffWords.Change(move.Relative)).Append(" |\n");
            }

            foreach (var cost in diff.Costs)
            {
                sb.Append("| monthly cost | ").Append(E(cost.Subject)).Append(" | ").Append(E(DiffWords.Money(cost.Before, diff.Currency))).Append(" | ")
                  .Append(E(DiffWords.Money(cost.After, diff.Currency))).Append(" | ").Append(DiffWords.Change((double?)cost.Relative)).Append(" |\n");
            }

            sb.Append('\n');
        }

        Findings(sb, "Findings introduced", diff.Introduced);
        Findings(sb, "Findings resolved", diff.Resolved);
        sb.Append("<sub>plumbline diff</sub>\n");
        TerminalWriter.Over(writer).Write(sb.ToString());
    }

    private static void Findings(StringBuilder sb, string title, IReadOnlyCollection<Finding> findings)
    {
        sb.Append("### ").Append(title).Append("\n\n");
        if (findings.Count == 0)
        {
            sb.Append("None.\n\n");
            return;
        }

        foreach (var finding in findings.OrderBy(f => f.Severity))
        {
            sb.Append("- **").Append(StepNames.SeverityId(finding.Severity)).Append("** `").Append(Code(finding.Key)).Append("`: ").Append(E(finding.Message)).Append('\n');
        }

        sb.Append('\n');
    }

    private static string E(string text) => ReviewMarkdownRenderer.Escape(text);

    private static string Code(string text) => text.Replace('`', '\'').Replace('\n', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
