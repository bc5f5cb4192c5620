using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Diagnostics;

/// <summary>PL2xxx: the shape of the design, its types, units and ranges.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>PL2001: a key the format does not have.</summary>
    public static Diagnostic UnknownKey(SourceSpan span, string path, string key, string objectName, IReadOnlyList<string> known)
    {
        var suggestion = Suggestions.Closest(key, known);
        var help = suggestion is not null
            ? $"did you mean '{suggestion}'?"
            : $"a {Readable(objectName)} has: {string.Join(", ", known)}";
        return Error("PL2001", span, path, $"unknown key '{key}' in {Article(objectName)}", help);
    }

    /// <summary>PL2002: a required key is missing.</summary>
    public static Diagnostic MissingKey(SourceSpan span, string path, string key, string objectName, string what) =>
        Error("PL2002", span, path, $"{Article(objectName)} needs '{key}'", $"add '{key}:' with {what}");

    /// <summary>PL2003: a value of the wrong kind (a list where a value belongs, and so on).</summary>
    public static Diagnostic WrongType(SourceSpan span, string path, string expected, YamlNode actual) =>
        Error("PL2003", span, path, $"expected {expected}, found {actual.KindName}", null);

    /// <summary>PL2004: a unit that does not parse.</summary>
    public static Diagnostic InvalidUnit(SourceSpan span, string path, string unitError) =>
        Error("PL2004", span, path, unitError, "see docs/format.md#units");

    /// <summary>PL2005: a value outside its range.</summary>
    public static Diagnostic OutOfRange(SourceSpan span, string path, string value, string range) =>
        Error("PL2005", span, path, $"{value} is out of range: it must be {range}", null);

    /// <summary>PL2006: a value that is not one of the allowed words.</summary>
    public static Diagnostic InvalidEnum(SourceSpan span, string path, string value, IReadOnlyList<string> allowed, string? suggestion) =>
        Error("PL2006", span, path, $"'{value}' is not one of: {string.Join(", ", allowed)}",
            suggestion is null ? null : $"did you mean '{suggestion}'?");

    /// <summary>PL2007: a name with characters that cannot be referenced.</summary>
    /// <param name="span">The name.</param>
    /// <param name="path">Its path.</param>
    /// <param name="name">The name as written.</param>
    /// <param name="what">What it names: "component", "system"...</param>
    /// <param name="dots">True where '.' is allowed (the system's name).</param>
    public static Diagnostic InvalidName(SourceSpan span, string path, string name, string what, bool dots = false) =>
        Error("PL2007", span, path, $"'{name}' is not a valid {what} name",
            dots
                ? "use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, at most 100 characters (no spaces)"
                : "use ASCII letters, digits, '-' and '_', starting with a letter or digit, at most 100 characters (no dots or spaces)");

    /// <summary>PL2008: a format version this build does not read.</summary>
    /// <param name="span">The version's value.</param>
    /// <param name="path">Its path, <c>/plumbline</c>.</param>
    /// <param name="read">What the file says, as a phrase: "2", "the text \"1\" (in quotes), not a number".</param>
    /// <param name="supported">The version this build reads.</param>
    public static Diagnostic UnsupportedVersion(SourceSpan span, string path, string read, int supported) =>
        Error("PL2008", span, path, $"the format version is {read}; this Plumbline reads version {supported}",
            $"write 'plumbline: {supported}' (a number, without quotes), or upgrade Plumbline if the design was written for a newer one");

    /// <summary>PL2009: two keys given where only one may be.</summary>
    public static Diagnostic MutuallyExclusive(SourceSpan span, string path, string a, string b) =>
        Error("PL2009", span, path, $"give either '{a}' or '{b}', not both", $"remove one of '{a}' and '{b}'");

    /// <summary>PL2010: none of a set of keys, one of which is needed.</summary>
    public static Diagnostic OneOfRequired(SourceSpan span, string path, string objectName, IReadOnlyList<string> keys) =>
        Error("PL2010", span, path, $"{Article(objectName)} needs one of: {string.Join(", ", keys.Select(k => $"'{k}'"))}",
            $"add one of {string.Join(", ", keys)}");

    /// <summary>PL2011: a value that is not what the field takes.</summary>
    public static Diagnostic WrongValue(SourceSpan span, string path, string value, string expected) =>
        Error("PL2011", span, path, $"'{value}' is not {expected}", null);

    /// <summary>PL2012: the same name defined twice.</summary>
    public static Diagnostic DuplicateName(SourceSpan span, string path, string what, string name, SourceSpan first) =>
        Error("PL2012", span, path, $"{what} '{name}' is defined twice; the first is at {first.Start}", $"rename or remove one of them");

    /// <summary>PL2013: a route not written as METHOD /path.</summary>
    public static Diagnostic InvalidRoute(SourceSpan span, string path, string route) =>
        Error("PL2013", span, path, $"'{route}' is not a route", "write the method and the path: 'GET /v1/links/{code}'");

    /// <summary>PL2014: an access pattern that does not parse.</summary>
    public static Diagnostic InvalidAccessPattern(SourceSpan span, string path, string text, IReadOnlyList<string> kinds, string? suggestion)
    {
        // In a flow list, [time_series(link, time)] is two items: the comma inside the parentheses splits it.
        var split = text.Count(c => c == '(') != text.Count(c => c == ')');
        var help = split
            ? "a comma inside [ ] ends the item, even within parentheses; quote it (\"time_series(link, time)\") or write the list one item per line"
            : (suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ") + $"write kind(field, ...) with a kind from: {string.Join(", ", kinds)}";
        return Error("PL2014", span, path, $"'{text}' is not an access pattern", help);
    }

    /// <summary>PL2015: a load shape that does not parse.</summary>
    public static Diagnostic InvalidLoadShape(SourceSpan span, string path, string text) =>
        Error("PL2015", span, path, $"'{text}' is not a load multiple", "write 'ramp: 1x to 3x', 'rate: 2x' or 'diurnal: 0.3x to 3x' (multiples of the design's average traffic)");

    /// <summary>PL2016: latency percentiles that fall as the percentile rises.</summary>
    public static Diagnostic LatencyPercentilesDecrease(SourceSpan span, string path, string lower, string higher) =>
        Error("PL2016", span, path, $"latency {higher} is less than {lower}", "a higher percentile cannot be faster than a lower one");

    /// <summary>PL2017: a reference not written component.operation.</summary>
    public static Diagnostic InvalidOperationRef(SourceSpan span, string path, string text) =>
        Error("PL2017", span, path, $"'{text}' is not a component.operation reference", "write the component and the operation joined by a dot: 'links-db.get'");

    /// <summary>PL2018: a field that has no effect on this kind of component.</summary>
    public static Diagnostic NotApplicable(SourceSpan span, string path, string key, string kind, string appliesTo) =>
        Warning("PL2018", span, path, $"'{key}' has no effect on {Article(kind)}", $"'{key}' applies to {appliesTo}");

    /// <summary>PL2019: a value that is given but empty.</summary>
    public static Diagnostic EmptyValue(SourceSpan span, string path, string what) =>
        Error("PL2019", span, path, $"this is empty; it needs {what}", null);

    /// <summary>PL2020: values that contradict each other within one object.</summary>
    public static Diagnostic Inconsistent(SourceSpan span, string path, string message, string help) =>
        Error("PL2020", span, path, message, help);

    private static string Readable(string objectName) => objectName == "slo" ? "SLO" : objectName.Replace('_', ' ');

    private static string Article(string objectName)
    {
        var readable = Readable(objectName);
        return (readable.Length > 0 && "aeiouAEIOS".Contains(readable[0], StringComparison.Ordinal) ? "an " : "a ") + readable;
    }
}
