using System.Globalization;
using System.Text.Json;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Review;

namespace Plumbline.Reporting.Threats;

/// <summary>
/// The threat model as JSON (<see cref="Utf8JsonWriter"/>, safe under Native AOT): <c>system</c>, <c>file</c>,
/// <c>today</c>, <c>summary</c>, <c>threats</c> (key, rule, title, stride, cwe, subject, severity, status, place,
/// message, mitigatedBy, mitigation, acceptance) and <c>dataFlow</c>: the boundaries, flows, assets and data
/// reaches a diagram draws; then <c>assumptions</c>.
/// </summary>
public static class ThreatJsonRenderer
{
    public static string Render(ThreatReport report, string file)
    {
        return JsonOutput.RenderStream(stream => Write(stream, report, file));
    }

    public static void Write(Stream stream, ThreatReport report, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("system", report.System);
        w.WriteString("file", file);
        w.WriteString("today", report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartObject("summary");
        w.WriteNumber("threats", report.Threats.Length);
        w.WriteNumber("open", report.Count(ThreatStatus.Open));
        w.WriteNumber("accepted", report.Count(ThreatStatus.Accepted));
        w.WriteNumber("mitigated", report.Count(ThreatStatus.Mitigated));
        w.WriteNumber("openHigh", report.Open(Severity.High));
        w.WriteNumber("openMedium", report.Open(Severity.Medium));
        w.WriteNumber("openLow", report.Open(Severity.Low));
        w.WriteNumber("openInfo", report.Open(Severity.Info));
        w.WriteNumber("rules", report.RuleCount);
        w.WriteEndObject();

        w.WriteStartArray("threats");
        foreach (var entry in report.Threats)
        {
            WriteThreat(w, entry, file);
        }

        w.WriteEndArray();

        w.WriteStartObject("dataFlow");
        w.WriteStartArray("boundaries");
        foreach (var b in report.Boundaries)
        {
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteBoolean("trusted", b.Trusted);
            JsonOutput.Strings(w, "members", b.Members);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("flows");
        foreach (var f in report.Flows)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("kind", ThreatWords.Id(f.Kind));
            w.WriteString("from", f.From);
            w.WriteString("to", f.To);
            w.WriteString("operation", f.ToOperation);
            JsonOutput.Strings(w, "carries", f.Carries);
            w.WriteString("classification", EnumNames.ToSnake(f.Classification));
            w.WriteBoolean("pii", f.Pii);
            w.WriteBoolean("writes", f.Writes);
            JsonOutput.String(w, "fromBoundary", f.FromBoundary);
            JsonOutput.String(w, "toBoundary", f.ToBoundary);
            w.WriteString("exposure", ThreatWords.Id(f.Exposure));
            WriteControl(w, "authn", f.Authn);
            WriteControl(w, "inTransit", f.InTransit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("assets");
        foreach (var a in report.Assets)
        {
            w.WriteStartObject();
            w.WriteString("entity", a.Entity);
            w.WriteString("holder", a.Holder);
            w.WriteBoolean("home", a.Home);
            w.WriteString("classification", EnumNames.ToSnake(a.Classification));
            w.WriteBoolean("pii", a.Pii);
            WriteControl(w, "atRest", a.AtRest);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("reaches");
        foreach (var r in report.Reaches)
        {
            w.WriteStartObject();
            w.WriteString("component", r.Component);
            w.WriteString("entity", r.Entity);
            w.WriteBoolean("writes", r.Writes);
            w.WriteBoolean("owner", r.Owner);
            w.WriteBoolean("granted", r.Granted);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        JsonOutput.Strings(w, "assumptions", report.Assumptions);
        w.WriteEndObject();
    }

    private static void WriteThreat(Utf8JsonWriter w, ThreatEntry entry, string file)
    {
        var t = entry.Threat;
        var place = ThreatWords.PlaceOf(t, file);
        w.WriteStartObject();
        w.WriteString("key", t.Key);
        w.WriteString("rule", t.Rule.Id);
        w.WriteString("title", t.Rule.Title);
        w.WriteString("stride", ThreatWords.Id(t.Stride));
        if (t.Cwe is { } cwe)
        {
            w.WriteString("cwe", ThreatWords.Cwe(cwe));
        }
        else
        {
            w.WriteNull("cwe");
        }

        w.WriteString("subject", t.Subject);
        w.WriteString("severity", StepNames.SeverityId(t.Severity));
        w.WriteString("status", ThreatWords.Id(entry.Status));
        w.WriteString("file", place.File);
        w.WriteNumber("line", place.Line);
        w.WriteNumber("column", place.Column);
        w.WriteNumber("endLine", place.EndLine);
        w.WriteNumber("endColumn", place.EndColumn);
        w.WriteString("message", t.Message);
        JsonOutput.String(w, "mitigatedBy", t.MitigatedBy);
        w.WriteString("mitigation", t.Rule.Fix);
        if (entry.Acceptance is { } risk)
        {
            w.WriteStartObject("acceptance");
            w.WriteString("reason", risk.Reason);
            JsonOutput.String(w, "until", risk.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            JsonOutput.String(w, "owner", risk.Owner);
            w.WriteBoolean("expired", entry.AcceptanceExpired);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("acceptance");
        }

        w.WriteEndObject();
    }

    private static void WriteControl(Utf8JsonWriter w, string name, Control control)
    {
        w.WriteStartObject(name);
        JsonOutput.String(w, "value", control.Value);
        w.WriteString("source", control.Source);
        w.WriteBoolean("set", control.IsSet);
        w.WriteEndObject();
    }


}
