using System.Globalization;
using System.Text;
using System.Text.Json;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Causes;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Threats;

namespace Plumbline.Reporting.Review;

/// <summary>
/// Writes a review as SARIF 2.1.0, the format code-scanning tools load (GitHub code scanning, Azure
/// DevOps, VS Code's SARIF viewer). One run that names itself: <c>tool.driver</c> with its name, full
/// name and version lists every rule with its title, why (full description), fix (help text), its
/// documentation page as Markdown (help.markdown, so a code-scanning user reads it without following a
/// link), the page's address when the docs base is absolute (<see cref="RuleLinks"/>, <c>helpUri</c>),
/// default level and its step and severity as properties; <c>automationDetails.id</c> names the design
/// (<c>plumbline/&lt;path&gt;/</c>, so each design's upload is its own category); with a
/// <see cref="SarifContext"/>, every path is relative to a stated base (<c>SRCROOT</c>, the repository root
/// when there is one) and <c>versionControlProvenance</c> names the commit. Each finding is a result with
/// the rule's id and index, its own level (SARIF's <c>result.level</c>, which overrides the rule's default;
/// a finding raised above its rule's default, say on a critical workflow, says so there and in its
/// properties), the message (its text, and when the rule wrote it from a template, the template's stable
/// id and the values, the templates listed in the rule's <c>messageStrings</c>), the finding key as the partial fingerprint <c>plumblineKey</c> (so a tool
/// tracks a finding across runs as the file changes around it) and one location with a region, the
/// region's text as its snippet and the lines around it as a context region. Accepted findings are
/// results too, with an in-source suppression giving the reason.
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

    /// <summary>The tool's name in <c>tool.driver.name</c> and the start of every <c>automationDetails.id</c>.</summary>
    public const string ToolName = "plumbline";

    /// <param name="stream">Where to write UTF-8.</param>
    /// <param name="report">The review.</param>
    /// <param name="file">The design file as the user named it.</param>
    /// <param name="toolVersion">Plumbline's version, for <c>tool.driver.version</c>.</param>
    /// <param name="links">Where rule pages live.</param>
    /// <param name="context">The base paths are relative to and the commit; without one, a relative path stays as
    /// typed (relative to <see cref="SourceRoot"/>, unstated) and a rooted one is a <c>file://</c> URI.</param>
    public static void Write(Stream stream, ReviewReport report, string file, string toolVersion, RuleLinks? links = null, SarifContext? context = null)
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

        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", ToolName);
        w.WriteString("fullName", $"Plumbline {toolVersion} design review");
        w.WriteString("version", toolVersion);
        w.WriteString("semanticVersion", toolVersion);
        if (links.IsAbsolute)
        {
            w.WriteString("informationUri", links.Base);
        }

        // Each rule's message templates, as its messageStrings, by their stable ids.
        var templates = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var finding in report.Findings.Concat(report.Accepted.Select(a => a.Finding)))
        {
            if (finding.Template is { } template)
            {
                if (!templates.TryGetValue(finding.Rule.Id, out var strings))
                {
                    templates[finding.Rule.Id] = strings = new SortedDictionary<string, string>(StringComparer.Ordinal);
                }

                strings.TryAdd(template.Id, template.Text);
            }
        }

        w.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            WriteRule(w, rule.Info, links, templates.GetValueOrDefault(rule.Info.Id));
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        var design = ArtifactUri(file, context, out var designRelative);
        w.WriteStartObject("automationDetails");
        w.WriteString("id", AutomationId(designRelative ? Uri.UnescapeDataString(design) : Path.GetFileName(file)));
        w.WriteEndObject();

        if (context?.Provenance is { } provenance)
        {
            w.WriteStartArray("versionControlProvenance");
            w.WriteStartObject();
            w.WriteString("repositoryUri", provenance.RepositoryUri);
            if (provenance.RevisionId is { } revision)
            {
                w.WriteString("revisionId", revision);
            }

            if (provenance.Branch is { } branch)
            {
                w.WriteString("branch", branch);
            }

            w.WriteStartObject("mappedTo");
            w.WriteString("uriBaseId", SourceRoot);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot);
        if (context is not null)
        {
            w.WriteString("uri", FolderUri(context.BaseFolder));
        }

        w.WriteStartObject("description");
        w.WriteString("text", context?.BaseDescription ?? "The folder plumbline check ran in; relative design file paths resolve against it.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteString("columnKind", "utf16CodeUnits");

        w.WriteStartArray("results");
        foreach (var group in report.Groups)
        {
            WriteResult(w, group.Head, file, context, ruleIndex, acceptance: null, group: group, baselineState: report.Baseline is null ? null : "new");
        }

        foreach (var finding in report.Baselined)
        {
            WriteResult(w, finding, file, context, ruleIndex, acceptance: null, baselineState: "unchanged");
        }

        foreach (var accepted in report.Accepted)
        {
            WriteResult(w, accepted.Finding, file, context, ruleIndex, accepted.Acceptance.Reason);
        }

        // Turned off by the project configuration: suppressed outside the design, with the setting's reason.
        foreach (var disabled in report.Disabled)
        {
            WriteResult(w, disabled.Finding, file, context, ruleIndex, disabled.Setting.Reason, suppression: "external");
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The review as a SARIF string with a trailing newline.</summary>
    public static string Render(ReviewReport report, string file, string toolVersion, RuleLinks? links = null, SarifContext? context = null)
    {
        return JsonOutput.RenderStream(stream => Write(stream, report, file, toolVersion, links, context));
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

    /// <summary>
    /// A path as a SARIF artifact URI relative to the context's base (forward slashes, each segment
    /// percent-encoded), whatever the user typed: a relative path is read against the working directory, an
    /// absolute one made relative. A path outside the base is an absolute <c>file://</c> URI. Without a context,
    /// <see cref="ArtifactUri(string, out bool)"/>.
    /// </summary>
    public static string ArtifactUri(string path, SarifContext? context, out bool relative)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (context is null)
        {
            return ArtifactUri(path, out relative);
        }

        var full = Path.GetFullPath(path, context.WorkingDirectory);
        var fromBase = Path.GetRelativePath(context.BaseFolder, full);
        relative = !Path.IsPathRooted(fromBase) && fromBase != ".." && !fromBase.StartsWith("../", StringComparison.Ordinal) && !fromBase.StartsWith("..\\", StringComparison.Ordinal);
        return ArtifactUri(relative ? fromBase : full, out _);
    }

    /// <summary>The run's <c>automationDetails.id</c>: <c>plumbline/</c>, the design's path from the base, and a closing slash (the id names a category, not one run).</summary>
    public static string AutomationId(string designPath)
    {
        ArgumentNullException.ThrowIfNull(designPath);
        return ToolName + "/" + designPath.Replace('\\', '/').TrimStart('/') + "/";
    }

    /// <summary>A folder as an absolute <c>file://</c> URI ending in '/', as <c>originalUriBaseIds</c> needs.</summary>
    public static string FolderUri(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var uri = ArtifactUri(Path.GetFullPath(folder), out _);
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static void WriteRule(Utf8JsonWriter w, RuleInfo info, RuleLinks links, SortedDictionary<string, string>? messageStrings)
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

        if (messageStrings is { Count: > 0 })
        {
            w.WriteStartObject("messageStrings");
            foreach (var (id, text) in messageStrings)
            {
                w.WriteStartObject(id);
                w.WriteString("text", text);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(info.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("step", StepNames.Id(info.Step));
        w.WriteString("severity", StepNames.SeverityId(info.Severity));
        if (ThreatCatalogue.Classify(info.Id) is { } threat)
        {
            WriteThreatProperties(w, info.Severity, threat.Stride, threat.Cwe);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// What code scanning reads to file a rule as a security rule: <c>tags</c> with <c>security</c>, the STRIDE
    /// category and the CWE in the <c>external/cwe/cwe-N</c> form CodeQL uses (so alerts filter by CWE), and a
    /// <c>security-severity</c> score whose band gives the alert's security severity (high 7.0-8.9, medium
    /// 4.0-6.9, low 0.1-3.9); informational rules get no score.
    /// </summary>
    private static void WriteThreatProperties(Utf8JsonWriter w, Severity severity, Stride stride, int? cwe)
    {
        w.WriteStartArray("tags");
        w.WriteStringValue("security");
        w.WriteStringValue("stride/" + ThreatWords.Id(stride));
        if (cwe is { } n)
        {
            w.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"external/cwe/cwe-{n}"));
        }

        w.WriteEndArray();
        if (SecuritySeverity(severity) is { } score)
        {
            w.WriteString("security-severity", score);
        }
    }

    /// <summary>The SARIF security-severity score in the band of a rule's severity, or null for informational rules.</summary>
    public static string? SecuritySeverity(Severity severity) => severity switch
    {
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => null,
    };

    /// <summary>
    /// One result: a finding, or the head of a group of findings with one cause (<paramref name="group"/>), whose level is
    /// the group's most severe and whose <c>relatedLocations</c> are the findings that repeat the cause, each with its key
    /// and message. The repeats are not results of their own: one cause is one alert.
    /// </summary>
    private static void WriteResult(Utf8JsonWriter w, Finding finding, string file, SarifContext? context, Dictionary<string, int> ruleIndex, string? acceptance,
        FindingGroup? group = null, string? baselineState = null, string suppression = "inSource")
    {
        var severity = group?.Severity ?? finding.Severity;
        w.WriteStartObject();
        w.WriteString("ruleId", finding.Rule.Id);
        if (ruleIndex.TryGetValue(finding.Rule.Id, out var index))
        {
            w.WriteNumber("ruleIndex", index);
        }

        w.WriteString("level", Level(severity));
        w.WriteStartObject("message");
        w.WriteString("text", finding.Message);
        if (finding.Template is { } template)
        {
            w.WriteString("id", template.Id);
            w.WriteStartArray("arguments");
            foreach (var argument in template.Arguments)
            {
                w.WriteStringValue(argument);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, finding.Key);
        w.WriteEndObject();

        if (baselineState is not null)
        {
            w.WriteString("baselineState", baselineState);
        }

        w.WriteStartArray("locations");
        w.WriteStartObject();
        WritePhysicalLocation(w, finding, file, context, withContext: true);
        w.WriteEndObject();
        w.WriteEndArray();

        if (group is { Related.IsDefaultOrEmpty: false })
        {
            w.WriteStartArray("relatedLocations");
            for (var i = 0; i < group.Related.Length; i++)
            {
                var related = group.Related[i];
                w.WriteStartObject();
                w.WriteNumber("id", i + 1);
                WritePhysicalLocation(w, related, file, context, withContext: false);
                w.WriteStartObject("message");
                w.WriteString("text", $"{related.Key}: {related.Message}");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (acceptance is not null)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", suppression);
            w.WriteString("status", "accepted");
            w.WriteString("justification", acceptance);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        w.WriteString("step", StepNames.Id(finding.Rule.Step));
        w.WriteString("severity", StepNames.SeverityId(severity));
        if (severity != finding.Rule.Severity)
        {
            w.WriteString("ruleSeverity", StepNames.SeverityId(finding.Rule.Severity));
        }

        if (group is { Related.IsDefaultOrEmpty: false })
        {
            w.WriteString("cause", group.Cause);
            w.WriteStartArray("related");
            foreach (var related in group.Related)
            {
                w.WriteStringValue(related.Key);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A <c>physicalLocation</c>: the design file from the base, the finding's region and its snippet, and the lines around it when asked.</summary>
    private static void WritePhysicalLocation(Utf8JsonWriter w, Finding finding, string file, SarifContext? context, bool withContext)
    {
        var place = FindingPlace.Of(finding, file);
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        var uri = ArtifactUri(place.File, context, out var relative);
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
        if (!finding.Span.IsNone)
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", RegionText(finding.Span));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (withContext && !finding.Span.IsNone)
        {
            WriteContextRegion(w, finding.Span);
        }

        w.WriteEndObject();
    }

    /// <summary>The text of a region, as SARIF's snippet: exactly the characters the region covers.</summary>
    private static string RegionText(SourceSpan span)
    {
        var text = span.Source!.Text;
        var start = Math.Clamp(span.Offset, 0, text.Length);
        return text.Substring(start, Math.Clamp(span.Length, 0, text.Length - start));
    }

    /// <summary>The whole lines of the region and one line either side, with their text: what a reader shows around it.</summary>
    private static void WriteContextRegion(Utf8JsonWriter w, SourceSpan span)
    {
        var source = span.Source!;
        var first = Math.Max(1, span.Start.Line - 1);
        var last = Math.Min(source.LineCount, Math.Max(span.Start.Line, span.End.Line) + 1);
        var lines = new StringBuilder();
        for (var line = first; line <= last; line++)
        {
            lines.Append(source.GetLine(line)).Append('\n');
        }

        w.WriteStartObject("contextRegion");
        w.WriteNumber("startLine", first);
        w.WriteNumber("endLine", Math.Max(first, last));
        w.WriteStartObject("snippet");
        w.WriteString("text", lines.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
