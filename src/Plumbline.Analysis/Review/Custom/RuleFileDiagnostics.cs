using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// PL4xxx: the catalogue of problems in a rule file (docs/custom-rules.md), one method per code so codes
/// never collide and messages read alike. Reading the file and its YAML syntax reuse the design's PL1xxx codes
/// from <see cref="DiagnosticCodes"/>, since the same hardened reader reads both.
/// </summary>
public static class RuleFileDiagnostics
{
    /// <summary>What a condition's value may be, for help texts.</summary>
    internal const string ConditionForms =
        "write present, absent, a value, a list of values, or a mapping with equals, not, in, not_in, min, max or matches";

    /// <summary>PL4001: a key the rule file format does not have (at the top, in a rule, or in a condition's mapping).</summary>
    public static Diagnostic UnknownKey(SourceSpan span, string path, string key, string objectName, IReadOnlyList<string> known)
    {
        var suggestion = Suggestions.Closest(key, known);
        var help = suggestion is not null
            ? $"did you mean '{suggestion}'? {Article(objectName)} has: {string.Join(", ", known)}"
            : $"{Article(objectName)} has: {string.Join(", ", known)}";
        return Error("PL4001", span, path, $"unknown key '{key}' in {Article(objectName)}", help);
    }

    /// <summary>PL4002: a required key is missing (or has no value).</summary>
    public static Diagnostic MissingKey(SourceSpan span, string path, string key, string objectName, string what) =>
        Error("PL4002", span, path, $"{Article(objectName)} needs '{key}'", $"add '{key}:' with {what}");

    /// <summary>PL4003: a value of the wrong kind (a list where one value belongs, and so on).</summary>
    public static Diagnostic WrongType(SourceSpan span, string path, string expected, string found) =>
        Error("PL4003", span, path, $"expected {expected}, found {found}", null);

    /// <summary>PL4004: a <c>plumbline-rules</c> version this build does not read.</summary>
    public static Diagnostic UnsupportedVersion(SourceSpan span, string path, string version, int supported) =>
        Error("PL4004", span, path, $"rule file version '{version}' is not supported; this Plumbline reads version {supported}",
            $"write 'plumbline-rules: {supported}' or upgrade Plumbline");

    /// <summary>PL4005: a <c>step</c> that is not a process step.</summary>
    public static Diagnostic InvalidStep(SourceSpan span, string path, string value, IReadOnlyList<string> allowed) =>
        NotOneOf("PL4005", span, path, value, "a process step", allowed);

    /// <summary>PL4006: a <c>severity</c> that is not one of high, medium, low, info.</summary>
    public static Diagnostic InvalidSeverity(SourceSpan span, string path, string value, IReadOnlyList<string> allowed) =>
        NotOneOf("PL4006", span, path, value, "a severity", allowed);

    /// <summary>PL4007: an <c>applies_to</c> that names no kind of element.</summary>
    public static Diagnostic InvalidTarget(SourceSpan span, string path, string value, IReadOnlyList<string> allowed) =>
        NotOneOf("PL4007", span, path, value, "a kind of element", allowed);

    /// <summary>PL4008: a rule id that is not kebab-case.</summary>
    public static Diagnostic InvalidRuleId(SourceSpan span, string path, string id) =>
        Error("PL4008", span, path, $"'{id}' is not a valid rule id",
            "use kebab-case: lower-case letters and digits in words joined by '-', starting with a letter, at most 100 characters (team-owner-required)");

    /// <summary>PL4009: two rules with one id; the span is the second, the message names the first.</summary>
    /// <param name="span">The second (repeated) id.</param>
    /// <param name="path">Path of the repeated id.</param>
    /// <param name="id">The id.</param>
    /// <param name="first">The first one's id; its file is named when it differs from the second's.</param>
    public static Diagnostic DuplicateRuleId(SourceSpan span, string path, string id, SourceSpan first)
    {
        var where = first.Path == span.Path ? first.Start.ToString() : $"{first.Path}:{first.Start}";
        return Error("PL4009", span, path, $"the rule id '{id}' is already defined at {where}",
            "finding keys are 'rule-id@subject', so ids must be unique; rename one of the two rules");
    }

    /// <summary>PL4010: a rule id that a built-in rule already has.</summary>
    public static Diagnostic BuiltInRuleId(SourceSpan span, string path, string id) =>
        Error("PL4010", span, path, $"'{id}' is the id of a built-in rule",
            $"choose another id; a team prefix keeps clear of future built-ins ('team-{id}')");

    /// <summary>PL4011: a <c>matches</c> pattern that is not a valid .NET regular expression.</summary>
    /// <param name="span">The pattern.</param>
    /// <param name="path">Its path.</param>
    /// <param name="pattern">The pattern as written.</param>
    /// <param name="reason">The regex parser's explanation.</param>
    public static Diagnostic InvalidRegex(SourceSpan span, string path, string pattern, string reason) =>
        Error("PL4011", span, path, $"'{pattern}' is not a valid regular expression: {reason}",
            "write a .NET regular expression; quote it in single quotes so YAML leaves backslashes alone ('^[a-z]+-db$')");

    /// <summary>PL4012: a condition whose value is not a predicate (empty, an empty list, a nested list...).</summary>
    public static Diagnostic InvalidCondition(SourceSpan span, string path, string problem) =>
        Error("PL4012", span, path, problem, ConditionForms);

    /// <summary>PL4013: a <c>min</c> or <c>max</c> bound that is neither a number nor a quantity with a unit.</summary>
    public static Diagnostic InvalidBound(SourceSpan span, string path, string text) =>
        Error("PL4013", span, path, $"'{text}' is not a number or a quantity with a unit",
            "write a plain number (3, 0.5), a count (1.5K), a duration (500ms), a size (64MB), a rate (200/s) or a percent (99.9%)");

    /// <summary>PL4014: <c>min</c> above <c>max</c> in one condition, so no value can pass.</summary>
    public static Diagnostic EmptyRange(SourceSpan span, string path, string min, string max) =>
        Error("PL4014", span, path, $"min {min} is above max {max}, so no value passes", "swap the two bounds");

    /// <summary>PL4015: a field that elements of the rule's kind do not have.</summary>
    /// <param name="span">The field.</param>
    /// <param name="path">Its path.</param>
    /// <param name="field">The field as written (a dotted path).</param>
    /// <param name="segment">The part of it that is unknown.</param>
    /// <param name="objectName">What the unknown part was looked up in ("a component", "retries").</param>
    /// <param name="known">The fields that are there.</param>
    public static Diagnostic UnknownField(SourceSpan span, string path, string field, string segment, string objectName, IReadOnlyList<string> known)
    {
        var suggestion = Suggestions.Closest(segment, known);
        var prefix = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
        var what = segment == field ? $"'{field}'" : $"'{segment}' (in '{field}')";
        return Error("PL4015", span, path, $"{objectName} has no field {what}",
            $"{prefix}{objectName} has: {string.Join(", ", known)}");
    }

    /// <summary>PL4016: a field path with an empty part (<c>retries..max</c>, <c>.max</c>).</summary>
    public static Diagnostic InvalidField(SourceSpan span, string path, string field) =>
        Error("PL4016", span, path, $"'{field}' is not a field path",
            "write the design file's key, or keys joined by dots for nested ones (owner, retries.max, latency.p99)");

    /// <summary>PL4017: a <c>{placeholder}</c> in a message that names no field of the element.</summary>
    public static Diagnostic UnknownPlaceholder(SourceSpan span, string path, string placeholder, string objectName, IReadOnlyList<string> known)
    {
        var suggestion = Suggestions.Closest(placeholder, known);
        var prefix = suggestion is null ? string.Empty : $"did you mean '{{{suggestion}}}'? ";
        return Error("PL4017", span, path, $"the message uses '{{{placeholder}}}', which is not {{name}}, {{path}} or a field of {objectName}",
            $"{prefix}placeholders are {{name}}, {{path}} and fields: {string.Join(", ", known)}");
    }

    /// <summary>PL4018: a text that is given but empty (a title, why or fix of only spaces).</summary>
    public static Diagnostic EmptyValue(SourceSpan span, string path, string what) =>
        Error("PL4018", span, path, $"this is empty; it needs {what}", null);

    /// <summary>PL4019: <c>when</c> or <c>require</c> with no conditions.</summary>
    public static Diagnostic NoConditions(SourceSpan span, string path, string key) =>
        Error("PL4019", span, path, $"'{key}' has no conditions",
            key == "when"
                ? "remove 'when' to apply the rule to every element, or add a condition such as { kind: service }"
                : "add at least one condition, such as { owner: present }");

    /// <summary>PL4020 (warning): a rule file with no rules.</summary>
    public static Diagnostic NoRules(SourceSpan span, string path) =>
        new("PL4020", DiagnosticSeverity.Warning, span, path, "the rule file defines no rules", "add rules under 'rules:', or delete the file");

    /// <summary>Every code in the catalogue, in order; docs/custom-rules.md lists each.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        [.. Enumerable.Range(4001, 20).Select(n => "PL" + n.ToString(CultureInfo.InvariantCulture))];

    private static Diagnostic NotOneOf(string code, SourceSpan span, string path, string value, string what, IReadOnlyList<string> allowed)
    {
        var suggestion = Suggestions.Closest(value, allowed);
        var help = (suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ") + $"write one of: {string.Join(", ", allowed)}";
        return Error(code, span, path, $"'{value}' is not {what}", help);
    }

    private static Diagnostic Error(string code, SourceSpan span, string path, string message, string? help) =>
        new(code, DiagnosticSeverity.Error, span, path, message, help);

    private static string Article(string objectName) =>
        (objectName.Length > 0 && "aeiou".Contains(objectName[0], StringComparison.Ordinal) ? "an " : "a ") + objectName;
}
