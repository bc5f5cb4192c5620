using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Config;

/// <summary>
/// PL6xxx: the catalogue of problems in a project configuration (<c>.plumbline.yaml</c>) and a baseline file
/// (docs/config.md), one method per code so codes never collide and messages read alike. Reading the file and its
/// YAML syntax reuse the design's PL1xxx codes, since the same hardened reader reads them.
/// </summary>
public static class ConfigDiagnostics
{
    /// <summary>PL6001: a key the file's format does not have.</summary>
    public static Diagnostic UnknownKey(SourceSpan span, string path, string key, string objectName, IReadOnlyList<string> known)
    {
        var suggestion = Suggestions.Closest(key, known);
        var help = (suggestion is not null ? $"did you mean '{suggestion}'? " : string.Empty) + $"{Article(objectName)} has: {string.Join(", ", known)}";
        return Error("PL6001", span, path, $"unknown key '{key}' in {Article(objectName)}", help);
    }

    /// <summary>PL6002: a required key is missing, or has no value (a reason left empty).</summary>
    public static Diagnostic MissingKey(SourceSpan span, string path, string key, string objectName, string what) =>
        Error("PL6002", span, path, $"{Article(objectName)} needs '{key}'", $"add '{key}:' with {what}");

    /// <summary>PL6003: a value of the wrong kind.</summary>
    public static Diagnostic WrongType(SourceSpan span, string path, string expected, string found) =>
        Error("PL6003", span, path, $"expected {expected}, found {found}", null);

    /// <summary>PL6004: a format version this build does not read.</summary>
    public static Diagnostic UnsupportedVersion(SourceSpan span, string path, string what, string versionKey, string version, int supported) =>
        Error("PL6004", span, path, $"{what} version '{version}' is not supported; this Plumbline reads version {supported}",
            $"write '{versionKey}: {supported}' or upgrade Plumbline");

    /// <summary>PL6005: a <c>severity</c> that is not high, medium, low, info or off.</summary>
    public static Diagnostic InvalidSeverity(SourceSpan span, string path, string value, IReadOnlyList<string> allowed)
    {
        var suggestion = Suggestions.Closest(value, allowed);
        return Error("PL6005", span, path, $"'{value}' is not a severity",
            (suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ") + $"write one of: {string.Join(", ", allowed)}");
    }

    /// <summary>PL6006: a rule id that no built-in rule and no team rule of this review has.</summary>
    public static Diagnostic UnknownRule(SourceSpan span, string path, string id, IReadOnlyCollection<string> known)
    {
        var suggestion = Suggestions.Closest(id, [.. known]);
        return Error("PL6006", span, path, $"no rule has the id '{id}'",
            (suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ") + "rule ids are listed in docs/rules/README.md; a team rule's id is in its rule file");
    }

    /// <summary>PL6007: a baseline entry that is not a finding key (<c>rule@subject</c>).</summary>
    public static Diagnostic NotAFindingKey(SourceSpan span, string path, string value) =>
        Error("PL6007", span, path, $"'{value}' is not a finding key",
            "a finding key is the rule id, '@' and the subject, as check prints it after 'key:' (missing-timeout@api.get->db.read); write the baseline with --write-baseline");

    /// <summary>PL6008 (warning): a key listed twice in a baseline; the second is ignored.</summary>
    public static Diagnostic RepeatedKey(SourceSpan span, string path, string key, SourceSpan first) =>
        new("PL6008", DiagnosticSeverity.Warning, span, path, $"'{key}' is already listed at {first.Start}", "remove one of the two lines");

    /// <summary>Every code in the catalogue, in order; docs/config.md lists each.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        [.. Enumerable.Range(6001, 8).Select(n => "PL" + n.ToString(CultureInfo.InvariantCulture))];

    private static Diagnostic Error(string code, SourceSpan span, string path, string message, string? help) =>
        new(code, DiagnosticSeverity.Error, span, path, message, help);

    private static string Article(string objectName) =>
        (objectName.Length > 0 && "aeiou".Contains(objectName[0], StringComparison.Ordinal) ? "an " : "a ") + objectName;
}
