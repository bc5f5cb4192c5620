using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary>
/// Reads one mapping as the object named <c>def</c> in a key table (<see cref="FormatKeys"/> for a
/// design, <see cref="Pricing.CatalogKeys"/> for a price catalog): refuses unknown keys (with a
/// suggestion), and reads typed fields, reporting a positioned diagnostic for each bad value and
/// returning null for it so binding goes on and finds every error. A YAML null (<c>key:</c> with
/// nothing after it) counts as absent. Children opened with <see cref="Map"/> use the same table.
/// </summary>
internal sealed class MapReader
{
    private readonly BindContext _context;
    private readonly KeyTable _keys;

    private MapReader(YamlMapping mapping, string path, string def, BindContext context, KeyTable keys)
    {
        Mapping = mapping;
        Path = path;
        Def = def;
        _context = context;
        _keys = keys;
    }

    public YamlMapping Mapping { get; }


    public string Path { get; }

    public string Def { get; }

    public SourceSpan Span => Mapping.Span;

    /// <summary>Opens a node as an object of the design format; reports and returns null when it is not a mapping.</summary>
    public static MapReader? Open(YamlNode node, string path, string def, BindContext context) =>
        Open(node, path, def, context, KeyTable.Design);

    /// <summary>Opens a node as an object of the format whose keys are <paramref name="keys"/>.</summary>
    public static MapReader? Open(YamlNode node, string path, string def, BindContext context, KeyTable keys)
    {
        if (node is not YamlMapping mapping)
        {
            context.Report(DiagnosticCodes.WrongType(node.Span, path, "a mapping of keys to values", node));
            return null;
        }

        var reader = new MapReader(mapping, path, def, context, keys);
        reader.CheckKeys();
        return reader;
    }

    /// <summary>Where to point about the whole mapping: its first key.</summary>
    public SourceSpan FirstLine => FirstLineOfMapping();

    public string ChildPath(string key) => Path + "/" + BindContext.Segment(key);

    /// <summary>The value node for a key, or null when absent or a YAML null.</summary>
    public YamlNode? Node(string key)
    {
        foreach (var entry in Mapping.Entries)
        {
            if (entry.Key.Value == key)
            {
                if (entry.Value is YamlScalar { IsNull: true })
                {
                    return null;
                }

                return entry.Value;
            }
        }

        return null;
    }

    public bool Has(string key) => Node(key) is not null;

    /// <summary>The span of a key if present, else of the whole mapping: where to point about that key.</summary>
    public SourceSpan KeySpan(string key)
    {
        foreach (var entry in Mapping.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key.Span;
            }
        }

        return FirstLineOfMapping();
    }

    public SourceSpan ValueSpan(string key) => Node(key)?.Span ?? KeySpan(key);

    /// <summary>Reports a missing required key at the start of the mapping.</summary>
    public void ReportMissing(string key, string what) =>
        _context.Report(DiagnosticCodes.MissingKey(FirstLineOfMapping(), Path, key, Def, what));

    public YamlScalar? Scalar(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar)
        {
            return scalar;
        }

        _context.Report(DiagnosticCodes.WrongType(node.Span, ChildPath(key), "a single value", node));
        return null;
    }

    public string? String(string key) => Scalar(key)?.Value;

    /// <summary>A value that must be given: reports it missing when absent.</summary>
    public YamlScalar? Required(string key, string what)
    {
        var scalar = Scalar(key);
        if (scalar is null && !Has(key))
        {
            ReportMissing(key, what);
        }

        return scalar;
    }

    /// <summary>An exact decimal number, more than <paramref name="exclusiveMin"/> and at most <paramref name="max"/>.</summary>
    public decimal? Decimal(string key, decimal exclusiveMin, decimal max)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsPlain || !decimal.TryParse(scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _context.Report(DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "a number"));
            return null;
        }

        if (value <= exclusiveMin || value > max)
        {
            _context.Report(DiagnosticCodes.OutOfRange(scalar.Span, ChildPath(key), scalar.Value, string.Create(CultureInfo.InvariantCulture, $"more than {exclusiveMin} and at most {max}")));
            return null;
        }

        return value;
    }

    /// <summary>
    /// A required name (<see cref="Names"/>): the system's name when <paramref name="dots"/> (which allows '.'),
    /// else an entity's; one that breaks the rule is PL2007 and is returned as it is, so binding goes on.
    /// </summary>
    public string RequiredName(string key, string what, string kind, bool dots = false)
    {
        var value = RequiredString(key, what);
        if (!string.IsNullOrWhiteSpace(value) && !Names.IsValid(value, dots))
        {
            _context.Report(DiagnosticCodes.InvalidName(ValueSpan(key), ChildPath(key), value, kind, dots));
        }

        return value;
    }

    public string RequiredString(string key, string what)
    {
        var value = String(key);
        if (value is null)
        {
            if (!Has(key))
            {
                ReportMissing(key, what);
            }

            return string.Empty;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            _context.Report(DiagnosticCodes.EmptyValue(ValueSpan(key), ChildPath(key), what));
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsPlain && scalar.Value is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (scalar.IsPlain && scalar.Value is "false" or "False" or "FALSE")
        {
            return false;
        }

        _context.Report(DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "true or false"));
        return null;
    }

    public int? Int(string key, int min, int max)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        var digits = scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!scalar.IsPlain || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // All digits but too many of them is a range problem, not a type problem.
            _context.Report(scalar.IsPlain && digits.Length > 0 && digits.TrimStart('-', '+').All(char.IsAsciiDigit)
                ? DiagnosticCodes.OutOfRange(scalar.Span, ChildPath(key), scalar.Value, RangeText(min, max))
                : DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "a whole number"));
            return null;
        }

        if (value < min || value > max)
        {
            _context.Report(DiagnosticCodes.OutOfRange(scalar.Span, ChildPath(key), scalar.Value, RangeText(min, max)));
            return null;
        }

        return (int)value;
    }

    public double? Number(string key, double min, double max, bool minExclusive = false)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsPlain || !TryParseNumber(scalar.Value, out var value))
        {
            var overflows = scalar.IsPlain && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && double.IsInfinity(huge);
            _context.Report(overflows
                ? DiagnosticCodes.OutOfRange(scalar.Span, ChildPath(key), scalar.Value, double.IsPositiveInfinity(max) ? $"at least {Fmt(min)} and finite" : $"between {Fmt(min)} and {Fmt(max)}")
                : DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "a number"));
            return null;
        }

        if (value < min || value > max || (minExclusive && value <= min))
        {
            var low = minExclusive ? $"more than {Fmt(min)}" : $"at least {Fmt(min)}";
            var range = double.IsPositiveInfinity(max) ? low : $"{low} and at most {Fmt(max)}";
            _context.Report(DiagnosticCodes.OutOfRange(scalar.Span, ChildPath(key), scalar.Value, range));
            return null;
        }

        return value;
    }

    /// <summary>A probability or share: a number in [0, 1] or a percentage up to 100%.</summary>
    public double? Ratio(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        var result = Units.Ratio.Parse(scalar.Value);
        if (!result.Success)
        {
            _context.Report(DiagnosticCodes.InvalidUnit(scalar.Span, ChildPath(key), result.Error!));
            return null;
        }

        return result.Value;
    }

    public Duration? Duration(string key) => Unit(key, Units.Duration.Parse);

    public ByteSize? Size(string key) => Unit(key, ByteSize.Parse);

    public Count? Count(string key) => Unit(key, Units.Count.Parse);

    public Rate? Rate(string key) => Unit(key, Units.Rate.Parse);

    public GrowthRate? Growth(string key) => Unit(key, GrowthRate.Parse);

    public Money? Money(string key) => Unit(key, Units.Money.Parse);

    /// <summary>A percentage in [0%, 100%].</summary>
    public Percent? Percent(string key)
    {
        var value = Unit(key, Units.Percent.Parse);
        if (value is { } p && (p.Fraction < 0 || p.Fraction > 1))
        {
            _context.Report(DiagnosticCodes.OutOfRange(ValueSpan(key), ChildPath(key), p.ToString(), "between 0% and 100%"));
            return null;
        }

        return value;
    }

    public T? Unit<T>(string key, Func<string, UnitParseResult<T>> parse)
        where T : struct
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        // The path is written only for an error: a value that parses needs none, and a path is as long as the names above it.
        var result = parse(scalar.Value);
        if (!result.Success)
        {
            _context.Report(DiagnosticCodes.InvalidUnit(scalar.Span, ChildPath(key), result.Error!));
            return null;
        }

        return result.Value;
    }

    public static T? ParseUnit<T>(YamlScalar scalar, string path, Func<string, UnitParseResult<T>> parse, BindContext context)
        where T : struct
    {
        var result = parse(scalar.Value);
        if (!result.Success)
        {
            context.Report(DiagnosticCodes.InvalidUnit(scalar.Span, path, result.Error!));
            return null;
        }

        return result.Value;
    }

    public DateOnly? Date(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _context.Report(DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "a date written YYYY-MM-DD, such as 2027-03-31"));
        return null;
    }

    public TEnum? Enum<TEnum>(string key)
        where TEnum : struct, System.Enum
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        return EnumNames<TEnum>.TryParse(scalar.Value, out var value) ? value : ParseEnum<TEnum>(scalar, ChildPath(key), _context);
    }

    public static TEnum? ParseEnum<TEnum>(YamlScalar scalar, string path, BindContext context)
        where TEnum : struct, System.Enum
    {
        if (EnumNames<TEnum>.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        var snake = EnumNames.ToSnake(scalar.Value.Replace('-', '_').Replace(' ', '_'));
        context.Report(DiagnosticCodes.InvalidEnum(
            scalar.Span, path, scalar.Value, EnumNames<TEnum>.Names,
            EnumNames<TEnum>.TryParse(snake, out _) ? snake : Suggestions.Closest(scalar.Value, EnumNames<TEnum>.Names)));
        return null;
    }

    /// <summary>A list of strings; a single value is accepted as a list of one.</summary>
    public ImmutableArray<string> StringList(string key, bool allowSingle = false)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }

        if (node is YamlScalar single)
        {
            if (allowSingle)
            {
                return [single.Value];
            }

            _context.Report(DiagnosticCodes.WrongType(node.Span, ChildPath(key), "a list of values, such as [a, b]", node));
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            _context.Report(DiagnosticCodes.WrongType(node.Span, ChildPath(key), "a list of values, such as [a, b]", node));
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>(sequence.Items.Length);
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var item = sequence.Items[i];
            if (item is YamlScalar scalar && !scalar.IsNull)
            {
                builder.Add(scalar.Value);
            }
            else
            {
                var itemPath = ChildPath(key) + "/" + i.ToString(CultureInfo.InvariantCulture);
                _context.Report(DiagnosticCodes.WrongType(item.Span, itemPath, "a single value", item));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Items of a list under a key, each with its path; reports when the value is not a list.</summary>
    public IEnumerable<(YamlNode Node, string Path)> Items(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }

        return Items(node, ChildPath(key), _context);
    }

    public static IEnumerable<(YamlNode Node, string Path)> Items(YamlNode node, string path, BindContext context)
    {
        if (node is not YamlSequence sequence)
        {
            context.Report(DiagnosticCodes.WrongType(node.Span, path, "a list (items starting with '- ')", node));
            return [];
        }

        var items = new List<(YamlNode, string)>(sequence.Items.Length);
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var itemPath = path + "/" + i.ToString(CultureInfo.InvariantCulture);
            items.Add((sequence.Items[i], itemPath));
        }

        return items;
    }

    /// <summary>Entries of a mapping of names to objects (components, workflows, operations); names are checked.</summary>
    public IEnumerable<(YamlScalar Key, YamlNode Value, string Path)> NamedEntries(string key, string what) =>
        NamedEntries(key, what, name => Names.IsValid(name), (span, path, name, kind) => DiagnosticCodes.InvalidName(span, path, name, kind));

    /// <summary>Entries of a mapping of names to objects; each name is checked with <paramref name="isValid"/> and reported with <paramref name="invalid"/>.</summary>
    public IEnumerable<(YamlScalar Key, YamlNode Value, string Path)> NamedEntries(
        string key, string what, Func<string, bool> isValid, Func<SourceSpan, string, string, string, Diagnostic> invalid)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlMapping mapping)
        {
            _context.Report(DiagnosticCodes.WrongType(node.Span, ChildPath(key), $"a mapping of {what} names to their definitions", node));
            return [];
        }

        var basePath = ChildPath(key);
        var entries = new List<(YamlScalar, YamlNode, string)>(mapping.Entries.Length);
        foreach (var entry in mapping.Entries)
        {
            var path = basePath + "/" + BindContext.Segment(entry.Key.Value);
            if (!isValid(entry.Key.Value))
            {
                _context.Report(invalid(entry.Key.Span, path, entry.Key.Value, what));
            }

            entries.Add((entry.Key, entry.Value, path));
        }

        return entries;
    }

    public MapReader? Map(string key, string def)
    {
        var node = Node(key);
        return node is null ? null : Open(node, ChildPath(key), def, _context, _keys);
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static string RangeText(int min, int max) =>
        max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";

    private static string Fmt(double value) => Quantities.Number(value, "0.###");

    private SourceSpan FirstLineOfMapping() =>
        Mapping.Entries.Length > 0 ? Mapping.Entries[0].Key.Span : Mapping.Span;

    private void CheckKeys()
    {
        var known = _keys.Sets[Def];
        foreach (var entry in Mapping.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                _context.Report(DiagnosticCodes.UnknownKey(
                    entry.Key.Span, ChildPath(entry.Key.Value), entry.Key.Value, Def, _keys.All[Def]));
            }
        }
    }
}

/// <summary>The keys a format accepts in each of its objects, by the object's name in its JSON Schema's <c>$defs</c>.</summary>
internal sealed record KeyTable(IReadOnlyDictionary<string, IReadOnlyList<string>> All, FrozenDictionary<string, FrozenSet<string>> Sets)
{
    /// <summary>The design format's keys.</summary>
    public static KeyTable Design { get; } = new(FormatKeys.All, FormatKeys.Sets);

    /// <summary>The price catalog format's keys.</summary>
    public static KeyTable Catalog { get; } = new(Pricing.CatalogKeys.All, Pricing.CatalogKeys.Sets);
}

/// <summary>The rule for names of components, workflows, operations and entities, and for the system's name.</summary>
internal static class Names
{
    /// <summary>The longest name: 100 characters.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// ASCII letters, digits, '-' and '_', starting with a letter or digit, at most <see cref="MaxLength"/> characters;
    /// no dots, since '.' separates component and operation, unless <paramref name="dots"/> (the system's name).
    /// </summary>
    public static bool IsValid(string name, bool dots = false)
    {
        if (name.Length == 0 || name.Length > MaxLength || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_') && !(dots && c == '.'))
            {
                return false;
            }
        }

        return true;
    }
}
