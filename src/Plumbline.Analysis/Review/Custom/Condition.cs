using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// One test of a field's value as written in the design. <see cref="Failure"/> says, in a few words, why the
/// value fails (for the finding's message), or returns null when it passes. A field that is absent (or a YAML
/// null) fails every test except <c>absent</c>, <c>not</c> and <c>not_in</c>.
/// </summary>
internal abstract record Predicate
{
    /// <summary>Null when <paramref name="value"/> passes; otherwise why not, naming <paramref name="field"/>.</summary>
    public abstract string? Failure(string field, YamlNode? value);

    /// <summary>The value in a message: its text, list items joined, or a mapping as written on one line.</summary>
    public static string Show(YamlNode? value) => value switch
    {
        null => "(none)",
        YamlScalar scalar => scalar.Value,
        YamlSequence sequence when sequence.Items.All(i => i is YamlScalar) =>
            string.Join(", ", sequence.Items.Cast<YamlScalar>().Select(s => s.Value)),
        _ => AsWritten(value),
    };

    private protected static string Missing(string field) => $"'{field}' is missing";

    private protected static string Is(string field, YamlNode value) => $"'{field}' is {Quote(value)}";

    private static string Quote(YamlNode value) => value is YamlScalar ? $"'{Show(value)}'" : Show(value);

    private static string AsWritten(YamlNode node)
    {
        var source = node.Span.Source;
        if (source is null || node.Span.Offset + node.Span.Length > source.Text.Length)
        {
            return node.KindName;
        }

        var text = string.Join(' ', source.Text.Substring(node.Span.Offset, node.Span.Length)
            .Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}

/// <summary><c>present</c>: the field is given (and not a YAML null).</summary>
internal sealed record PresentPredicate : Predicate
{
    public override string? Failure(string field, YamlNode? value) => value is null ? Missing(field) : null;
}

/// <summary><c>absent</c>: the field is not given, or is a YAML null.</summary>
internal sealed record AbsentPredicate : Predicate
{
    public override string? Failure(string field, YamlNode? value) => value is null ? null : $"'{field}' is set to {Show(value)}";
}

/// <summary>A value, or <c>equals:</c>: the field is a single value with exactly this text (case-sensitive).</summary>
internal sealed record EqualsPredicate(string Expected) : Predicate
{
    public override string? Failure(string field, YamlNode? value) => value switch
    {
        null => Missing(field),
        YamlScalar s when s.Value == Expected => null,
        _ => $"{Is(field, value)}, not '{Expected}'",
    };
}

/// <summary><c>not:</c>: the field is absent, or anything but this text.</summary>
internal sealed record NotEqualsPredicate(string Excluded) : Predicate
{
    public override string? Failure(string field, YamlNode? value) =>
        value is YamlScalar s && s.Value == Excluded ? Is(field, value) : null;
}

/// <summary>A list, or <c>in:</c>: the field is a single value with one of these texts.</summary>
internal sealed record InPredicate(ImmutableArray<string> Allowed) : Predicate
{
    public override string? Failure(string field, YamlNode? value) => value switch
    {
        null => Missing(field),
        YamlScalar s when Allowed.Contains(s.Value) => null,
        _ => $"{Is(field, value)}, not one of {string.Join(", ", Allowed)}",
    };
}

/// <summary><c>not_in:</c>: the field is absent, or none of these texts.</summary>
internal sealed record NotInPredicate(ImmutableArray<string> Excluded) : Predicate
{
    public override string? Failure(string field, YamlNode? value) =>
        value is YamlScalar s && Excluded.Contains(s.Value) ? Is(field, value) : null;
}

/// <summary><c>min:</c> / <c>max:</c>: the field reads as a number or quantity at least / at most the bound.</summary>
internal sealed record BoundPredicate(Bound Bound, bool IsMax) : Predicate
{
    public override string? Failure(string field, YamlNode? value)
    {
        if (value is null)
        {
            return Missing(field);
        }

        if (value is not YamlScalar scalar || Bound.CompareValue(scalar.Value) is not { } comparison)
        {
            return $"{Is(field, value)}, which does not compare with {Bound}";
        }

        return IsMax
            ? comparison <= 0 ? null : $"'{field}' is {scalar.Value}, above the max of {Bound}"
            : comparison >= 0 ? null : $"'{field}' is {scalar.Value}, below the min of {Bound}";
    }
}

/// <summary><c>matches:</c>: the field is a single value that the regular expression matches (anywhere, unless anchored).</summary>
internal sealed record MatchesPredicate(Regex Pattern) : Predicate
{
    public override string? Failure(string field, YamlNode? value)
    {
        if (value is not YamlScalar scalar)
        {
            return value is null ? Missing(field) : $"{Is(field, value)}, not a single value";
        }

        // The pattern was built with the non-backtracking engine (RuleFileLoader.PatternOptions): linear in the value's length.
        return Pattern.IsMatch(scalar.Value) ? null : $"{Is(field, value)}, which does not match '{Pattern}'";
    }
}

/// <summary>One field and the predicates its value must all pass (several when a mapping gives, say, min and max).</summary>
internal sealed record Condition(FieldPath Field, ImmutableArray<Predicate> Predicates)
{
    /// <summary>Null when the element's value passes every predicate; otherwise the first failure.</summary>
    public string? Failure(YamlNode? element, RuleTarget target, string subject)
    {
        var value = Field.Resolve(element, target, subject);
        foreach (var predicate in Predicates)
        {
            if (predicate.Failure(Field.Text, value) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }
}
