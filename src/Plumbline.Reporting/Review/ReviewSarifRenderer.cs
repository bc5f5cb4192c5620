using System.Text;
using System.Text.Json;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Diagnostics;

namespace Plumbline.Reporting.Review;

/// <summary>
/// Writes a review as SARIF 2.1.0, the format code-scanning tools load (GitHub code scanning, Azure
/// DevOps, VS Code's SARIF viewer). One run; <c>tool.driver</c> lists every rule with its title,
/// why (full description), fix (help text), its documentation page as Markdown (help.markdown, so a
/// code-scanning user reads it without following a link), the page's address when the docs base is
/// absolute (<see cref="RuleLinks"/>, <c>helpUri</c>), default level and
/// its step and severity as properties. Each finding is a result with the rule's id and index, a
/// level, the message, the finding key as the partial fingerprint <c>plumblineKey</c> (so a tool
/// tracks a finding across runs as the file changes around it) and one location with a region.
/// Accepted findings are results too, with an in-source suppression giving the reason.
/// Written with <see cref="Utf8JsonWriter"/>: no reflection, safe under Native AOT.
/// </summary>
public static class ReviewSarifRenderer
{
    /// <summary>The OASIS schema the output conforms to, as its <c>$schema</c>.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The base that relative artifact paths resolve against: the folder the check ran in (a repository root, in CI).</summary>
    public const string SourceRoot = "SRCROOT";

    /// <summary>The key under <c>partialFingerprints</c> that carries the finding key, <c>rule@subject</c>.</summary>
    public const string FingerprintKey = "plumblineKey";

    /// <param name="stream">Where to write UTF-8.</param>
    /// <param name="report">The review.</param>
    /// <param name="file">The design file as the user named it; relative paths stay relative to <see cref="SourceRoot"/>.</param>
    /// <param name="toolVersion">Plumbline's version, for <c>tool.driver.version</c>.</param>
    public static void Write(Stream stream, ReviewReport report, string file, string toolVersion, RuleLinks? links = null)
    {
        links ??= RuleLinks.Default;
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(toolVersion);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Rules.Length; i++)
        {
            ruleIndex.TryAdd(report.Rules[i].Info.Id, i);
        }

        using var w = new Utf8JsonWriter(stream, DiagnosticJsonRenderer.WriterOptions);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "plumbline");
        w.WriteString("version", toolVersion);
        if (links.IsAbsolute)
        {
            w.WriteString("informationUri", links.Base);
        }

        w.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            WriteRule(w, rule.Info, links);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot);
        w.WriteStartObject("description");
        w.WriteString("text", "The folder plumbline check ran in; relative design file paths resolve against it.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteString("columnKind", "utf16CodeUnits");

        w.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(w, finding, file, ruleIndex, acceptance: null);
        }

        foreach (var accepted in report.Accepted)
        {
            WriteResult(w, accepted.Finding, file, ruleIndex, accepted.Acceptance.Reason);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The review as a SARIF string with a trailing newline.</summary>
    public static string Render(ReviewReport report, string file, string toolVersion, RuleLinks? links = null)
    {
        using var stream = new MemoryStream();
        Write(stream, report, file, toolVersion, links);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>SARIF's level for a severity: high is an error, medium a warning, low and info notes.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>A rule id as a SARIF rule name, PascalCase: <c>missing-timeout</c> is <c>MissingTimeout</c>.</summary>
    public static string PascalCase(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sb = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (c is '-' or '_' or '.')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// A file path as a SARIF artifact URI: forward slashes, each segment percent-encoded, a leading
    /// <c>./</c> dropped. A relative path stays relative (to <see cref="SourceRoot"/>); a rooted one
    /// becomes a <c>file://</c> URI.
    /// </summary>
    public static string ArtifactUri(string path, out bool relative)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        relative = !Path.IsPathRooted(path) && !normalized.StartsWith('/');
        var segments = normalized.Split('/').Select(s => s.Length == 2 && s[1] == ':' ? s : Uri.EscapeDataString(s));
        var joined = string.Join('/', segments);
        return relative ? joined : "file://" + (joined.StartsWith('/') ? joined : "/" + joined);
    }

    private static void WriteRule(Utf8JsonWriter w, RuleInfo info, RuleLinks links)
    {
        var docs = links.IsAbsolute ? links.For(info) : null;
        w.WriteStartObject();
        w.WriteString("id", info.Id);
        w.WriteString("name", PascalCase(info.Id));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", info.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", info.Why);
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", info.Fix);
        w.WriteString("markdown", info.Page
            ?? $"**Why it matters.** {ReviewMarkdownRenderer.Escape(info.Why)}\n\n**How to fix.** {ReviewMarkdownRenderer.Escape(info.Fix)}");
        w.WriteEndObject();
        if (docs is not null)
        {
            w.WriteString("helpUri", docs);
        }

        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(info.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("step", StepNames.Id(info.Step));
        w.WriteString("severity", StepNames.SeverityId(info.Severity));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding finding, string file, Dictionary<string, int> ruleIndex, string? acceptance)
    {
        var place = FindingPlace.Of(finding, file);
        w.WriteStartObject();
        w.WriteString("ruleId", finding.Rule.Id);
        if (ruleIndex.TryGetValue(finding.Rule.Id, out var index))
        {
            w.WriteNumber("ruleIndex", index);
        }

        w.WriteString("level", Level(finding.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", finding.Message);
        w.WriteEndObject();
        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, finding.Key);
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        var uri = ArtifactUri(place.File, out var relative);
        w.WriteString("uri", uri);
        if (relative)
        {
            w.WriteString("uriBaseId", SourceRoot);
        }

        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, place.Line));
        w.WriteNumber("startColumn", Math.Max(1, place.Column));
        w.WriteNumber("endLine", Math.Max(Math.Max(1, place.Line), place.EndLine));
        w.WriteNumber("endColumn", Math.Max(1, place.EndColumn));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        if (acceptance is not null)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "inSource");
            w.WriteString("status", "accepted");
            w.WriteString("justification", acceptance);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        w.WriteString("step", StepNames.Id(finding.Rule.Step));
        w.WriteString("severity", StepNames.SeverityId(finding.Severity));
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
