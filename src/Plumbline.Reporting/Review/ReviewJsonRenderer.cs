using System.Globalization;
using System.Text.Json;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Review;

/// <summary>
/// Writes a review as JSON with <see cref="Utf8JsonWriter"/> (no reflection, safe under Native AOT):
/// <c>system</c>, <c>file</c>, <c>summary</c> (open causes by severity, their count, the repeats listed under
/// them, accepted, rules and rules passed), <c>scores</c> (one per step in process order), <c>findings</c> (one per
/// cause: its head, with <c>cause</c>, <c>causeSeverity</c> and the <c>related</c> findings that repeat it) and <c>accepted</c>.
/// A finding has key, rule, step (snake_case, as in the rule docs), severity (high, medium, low,
/// info), file, line, column, endLine, endColumn (1-based, UTF-16 columns), message, why, fix and
/// docs (the rule's page); an accepted finding also has reason, until (YYYY-MM-DD or null) and owner.
/// </summary>
public static class ReviewJsonRenderer
{
    /// <summary>Writes the review as one indented JSON object.</summary>
    /// <param name="stream">Where to write UTF-8.</param>
    /// <param name="report">The review.</param>
    /// <param name="file">The design file as the user named it.</param>
    public static void Write(Stream stream, ReviewReport report, string file, RuleLinks? links = null)
    {
        links ??= RuleLinks.Default;
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(file);
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("system", report.SystemName);
        w.WriteString("file", file);

        w.WriteStartObject("summary");
        w.WriteNumber("high", report.Count(Severity.High));
        w.WriteNumber("medium", report.Count(Severity.Medium));
        w.WriteNumber("low", report.Count(Severity.Low));
        w.WriteNumber("info", report.Count(Severity.Info));
        w.WriteNumber("open", report.Groups.Length);
        w.WriteNumber("repeats", report.Repeats);
        w.WriteNumber("accepted", report.Accepted.Length);
        w.WriteNumber("disabled", report.Disabled.Length);
        w.WriteNumber("baselined", report.Baselined.Length);
        w.WriteNumber("rules", report.Scores.Sum(s => s.Rules));
        w.WriteNumber("rulesPassed", report.Scores.Sum(s => s.RulesPassed));
        w.WriteEndObject();

        w.WriteStartArray("scores");
        foreach (var score in report.Scores.OrderBy(s => StepNames.Rank(s.Step)))
        {
            w.WriteStartObject();
            w.WriteString("step", StepNames.Id(score.Step));
            w.WriteString("name", StepNames.Name(score.Step));
            w.WriteNumber("rules", score.Rules);
            w.WriteNumber("rulesPassed", score.RulesPassed);
            w.WriteNumber("completeness", Math.Round(score.Completeness, 4));
            w.WriteNumber("high", score.High);
            w.WriteNumber("medium", score.Medium);
            w.WriteNumber("low", score.Low);
            w.WriteNumber("info", score.Info);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var group in report.Groups)
        {
            w.WriteStartObject();
            WriteFinding(w, group.Head, file, links);
            w.WriteString("cause", group.Cause);
            w.WriteString("causeSeverity", StepNames.SeverityId(group.Severity));
            w.WriteStartArray("related");
            foreach (var related in group.Related)
            {
                w.WriteStartObject();
                WriteFinding(w, related, file, links);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("blastRadius");
        foreach (var radius in report.BlastRadius)
        {
            w.WriteStartObject();
            w.WriteString("component", radius.Component);
            JsonNumbers.Write(w, "failedTrafficShare", radius.FailedTrafficShare);
            JsonNumbers.Write(w, "degradedTrafficShare", radius.DegradedTrafficShare);
            w.WriteBoolean("trafficKnown", radius.TrafficKnown);
            WriteImpacts(w, "fails", radius.Fails);
            WriteImpacts(w, "degrades", radius.Degrades);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("accepted");
        foreach (var accepted in report.Accepted)
        {
            w.WriteStartObject();
            WriteFinding(w, accepted.Finding, file, links);
            w.WriteString("reason", accepted.Acceptance.Reason);
            if (accepted.Acceptance.Until is { } until)
            {
                w.WriteString("until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("until");
            }

            if (accepted.Acceptance.Owner is { } owner)
            {
                w.WriteString("owner", owner);
            }
            else
            {
                w.WriteNull("owner");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("disabled");
        foreach (var disabled in report.Disabled)
        {
            w.WriteStartObject();
            WriteFinding(w, disabled.Finding, file, links);
            WriteSetting(w, disabled.Setting);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (report.Baseline is { } baseline)
        {
            w.WriteStartObject("baseline");
            w.WriteString("file", baseline.File);
            w.WriteStartArray("known");
            foreach (var finding in report.Baselined)
            {
                w.WriteStringValue(finding.Key);
            }

            w.WriteEndArray();
            w.WriteStartArray("gone");
            foreach (var key in report.BaselineGone)
            {
                w.WriteStringValue(key);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("baseline");
        }

        w.WriteEndObject();
    }

    /// <summary>The project configuration's setting behind a finding: its file and line, the severity or off, and the reason.</summary>
    private static void WriteSetting(Utf8JsonWriter w, Analysis.Review.Config.RuleSetting setting)
    {
        w.WriteStartObject("setting");
        w.WriteString("file", setting.Span.Path);
        w.WriteNumber("line", setting.Span.Start.Line);
        w.WriteString("severity", setting.Setting);
        w.WriteString("reason", setting.Reason);
        w.WriteEndObject();
    }

    /// <summary>The review as a JSON string with a trailing newline.</summary>
    public static string Render(ReviewReport report, string file, RuleLinks? links = null)
    {
        return JsonOutput.RenderStream(stream => Write(stream, report, file, links));
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding finding, string file, RuleLinks links)
    {
        var place = FindingPlace.Of(finding, file);
        w.WriteString("key", finding.Key);
        w.WriteString("rule", finding.Rule.Id);
        w.WriteString("subject", finding.Subject);
        w.WriteString("step", StepNames.Id(finding.Rule.Step));
        w.WriteString("severity", StepNames.SeverityId(finding.Severity));
        w.WriteString("file", place.File);
        w.WriteNumber("line", place.Line);
        w.WriteNumber("column", place.Column);
        w.WriteNumber("endLine", place.EndLine);
        w.WriteNumber("endColumn", place.EndColumn);
        w.WriteString("title", finding.Rule.Title);
        w.WriteString("message", finding.Message);
        w.WriteString("why", finding.Rule.Why);
        w.WriteString("fix", finding.Rule.Fix);
        if (links.For(finding.Rule) is { } docs)
        {
            w.WriteString("docs", docs);
        }
        else
        {
            w.WriteNull("docs");
        }

        if (finding.Setting is { } setting)
        {
            WriteSetting(w, setting);
        }
    }

    private static void WriteImpacts(Utf8JsonWriter w, string name, IEnumerable<Analysis.Availability.WorkflowImpact> impacts)
    {
        w.WriteStartArray(name);
        foreach (var impact in impacts)
        {
            w.WriteStartObject();
            w.WriteString("workflow", impact.Workflow);
            w.WriteString("criticality", Design.Text.EnumNames.ToSnake(impact.Criticality));
            JsonNumbers.Write(w, "share", impact.Share);
            if (impact.Rate is { } rate)
            {
                JsonNumbers.Write(w, "rate", rate);
            }
            else
            {
                w.WriteNull("rate");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
