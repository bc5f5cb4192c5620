using System.Text.Json;
using Plumbline.Analysis.Documents;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Review;

namespace Plumbline.Reporting.Diff;

/// <summary>
/// A design diff as JSON for tools: the changes with each field before and after, the moved figures as numbers (null
/// where a side has none), the cost in exact amounts, the findings introduced and resolved by key, and the guardrails.
/// </summary>
public static class DiffJsonRenderer
{
    public static string Render(DesignDiff diff, string before, string after, IReadOnlyList<string>? breaches)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return JsonOutput.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("before", before);
            w.WriteString("after", after);
            w.WriteString("system", diff.After);
            w.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                w.WriteStartObject();
                w.WriteString("area", change.Area);
                w.WriteString("name", change.Name);
                w.WriteString("kind", DiffWords.Kind(change.Kind));
                w.WriteStartArray("fields");
                foreach (var field in change.Fields)
                {
                    w.WriteStartObject();
                    w.WriteString("field", field.Field);
                    w.WriteString("before", field.Before);
                    w.WriteString("after", field.After);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("figures");
            foreach (var move in diff.Figures)
            {
                w.WriteStartObject();
                w.WriteString("figure", DiffWords.FigureId(move.Figure));
                w.WriteString("subject", move.Subject);
                JsonNumbers.Write(w, "before", move.Before);
                JsonNumbers.Write(w, "after", move.After);
                JsonNumbers.Write(w, "relative", move.Relative);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("cost");
            w.WriteString("currency", diff.Currency);
            w.WritePropertyName("total");
            Cost(w, diff.Total);
            w.WriteStartArray("components");
            foreach (var cost in diff.Costs)
            {
                Cost(w, cost);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("findings");
            foreach (var (name, findings) in new[] { ("introduced", diff.Introduced), ("resolved", diff.Resolved) })
            {
                w.WriteStartArray(name);
                foreach (var finding in findings)
                {
                    w.WriteStartObject();
                    w.WriteString("key", finding.Key);
                    w.WriteString("rule", finding.Rule.Id);
                    w.WriteString("severity", StepNames.SeverityId(finding.Severity));
                    w.WriteString("message", finding.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            if (breaches is not null)
            {
                w.WriteStartObject("guardrails");
                w.WriteBoolean("kept", breaches.Count == 0);
                w.WriteStartArray("broken");
                foreach (var breach in breaches)
                {
                    w.WriteStringValue(breach);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }


    private static void Cost(Utf8JsonWriter w, CostMove move)
    {
        w.WriteStartObject();
        w.WriteString("subject", move.Subject);
        JsonNumbers.WriteMoney(w, "before", move.Before);
        JsonNumbers.WriteMoney(w, "after", move.After);
        JsonNumbers.WriteMoney(w, "relative", move.Relative);
        w.WriteEndObject();
    }

}
