using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Loading;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// A field of an element as a rule names it: a key of the design file, or keys joined by dots to reach nested
/// ones (<c>retries.max</c>, <c>backup.every</c>, <c>latency.p99</c>); a number indexes a list (<c>zones.0</c>).
/// <c>name</c> is the element's stable name when the element has no <c>name</c> key of its own.
/// </summary>
internal sealed record FieldPath(string Text, ImmutableArray<string> Segments)
{
    /// <summary>The field, or null when a part is empty (<c>retries..max</c>, <c>.max</c>, an empty key).</summary>
    public static FieldPath? TryParse(string text)
    {
        var segments = text.Split('.');
        return segments.Any(s => s.Length == 0) ? null : new FieldPath(text, [.. segments]);
    }

    public bool IsName => Segments is ["name"];

    /// <summary>
    /// The node the field reaches in an element's YAML, or null when the field is absent or a YAML null. The
    /// element node is null or a YAML null for an operation written with nothing (<c>publish:</c>).
    /// </summary>
    public YamlNode? Resolve(YamlNode? element, RuleTarget target, string subject)
    {
        YamlNode? node = element is YamlMapping ? element : null;
        for (var i = 0; i < Segments.Length && node is not null; i++)
        {
            var segment = Segments[i];
            node = node switch
            {
                YamlMapping mapping => mapping[segment],
                YamlSequence sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < sequence.Items.Length => sequence.Items[index],
                YamlScalar scalar when i == 1 && FieldCatalog.IsShorthand(target, Segments[0], segment) => scalar,
                _ => null,
            };
        }

        if (node is null or YamlScalar { IsNull: true })
        {
            // Not plain, so a component called 'null' is still a name.
            return IsName ? new YamlScalar(SourceSpan.None, subject, IsPlain: false) : null;
        }

        return node;
    }

    public override string ToString() => Text;
}

/// <summary>Where a field path leaves the format: the unknown part, what it was looked up in, and what is there.</summary>
internal sealed record FieldProblem(string Segment, string ObjectName, IReadOnlyList<string> Known);

/// <summary>
/// The fields each kind of element has, from <see cref="FormatKeys"/>, so a typo in a rule's field is an error
/// when the rule file loads rather than a rule that silently never fires. Parts below a key whose value has
/// no fixed keys (a list, a mapping of names) are not checked.
/// </summary>
internal static class FieldCatalog
{
    /// <summary>Objects with fixed keys nested in an element, by (element object, key).</summary>
    private static readonly FrozenDictionary<(string Object, string Key), string> Nested =
        new Dictionary<(string, string), string>
        {
            [("component", "capacity")] = "capacity",
            [("component", "autoscaling")] = "autoscaling",
            [("component", "backup")] = "backup",
            [("operation", "latency")] = "latency",
            [("call", "retries")] = "retries",
            [("call", "circuit_breaker")] = "circuit_breaker",
        }.ToFrozenDictionary();

    /// <summary>The fields a rule may name at the top of an element: the format's keys, and <c>name</c>.</summary>
    public static IReadOnlyList<string> TopFields(RuleTarget target)
    {
        var keys = FormatKeys.All[RuleTargets.FormatObject(target)];
        return keys.Contains("name") ? keys : ["name", .. keys];
    }

    /// <summary>True for the one shorthand that puts a nested field's value in the parent: <c>retries: 2</c> is <c>retries: { max: 2 }</c>.</summary>
    public static bool IsShorthand(RuleTarget target, string key, string nested) =>
        target == RuleTarget.Calls && key == "retries" && nested == "max";

    /// <summary>Null when every checked part of the field exists in the format; otherwise the first that does not.</summary>
    public static FieldProblem? Check(RuleTarget target, FieldPath field)
    {
        var obj = RuleTargets.FormatObject(target);
        IReadOnlyList<string>? known = TopFields(target);
        var where = RuleTargets.Readable(target);
        for (var i = 0; i < field.Segments.Length && known is not null; i++)
        {
            var segment = field.Segments[i];
            if (!known.Contains(segment))
            {
                return new FieldProblem(segment, where, known);
            }

            if (Nested.TryGetValue((obj, segment), out var nested))
            {
                obj = nested;
                known = FormatKeys.All[nested];
                where = $"'{string.Join('.', field.Segments.Take(i + 1))}'";
            }
            else
            {
                known = null;
            }
        }

        return null;
    }
}
