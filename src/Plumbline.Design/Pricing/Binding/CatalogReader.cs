using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Pricing.Binding;

/// <summary>
/// Reads one mapping of a price catalog as the object named <c>def</c> in <see cref="CatalogKeys"/>:
/// refuses unknown keys with a suggestion and reads typed fields, reporting a positioned diagnostic
/// for each bad value and returning null for it, so binding goes on and finds every error. Units
/// and words are parsed by the design loader's own helpers, so both formats read values alike.
/// A YAML null counts as absent.
/// </summary>
internal sealed class CatalogReader
{
    private readonly BindContext _context;

    private CatalogReader(YamlMapping mapping, string path, string def, BindContext context)
    {
        Mapping = mapping;
        Path = path;
        Def = def;
        _context = context;
    }

    public YamlMapping Mapping { get; }

    public string Path { get; }

    public string Def { get; }

    public static CatalogReader? Open(YamlNode node, string path, string def, BindContext context)
    {
        if (node is not YamlMapping mapping)
        {
            context.Report(DiagnosticCodes.WrongType(node.Span, path, "a mapping of keys to values", node));
            return null;
        }

        var reader = new CatalogReader(mapping, path, def, context);
        var known = CatalogKeys.Sets[def];
        foreach (var entry in mapping.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                context.Report(DiagnosticCodes.UnknownKey(entry.Key.Span, reader.ChildPath(entry.Key.Value), entry.Key.Value, def, CatalogKeys.All[def]));
            }
        }

        return reader;
    }

    public string ChildPath(string key) => Path + "/" + BindContext.Segment(key);

    public YamlNode? Node(string key) =>
        Mapping[key] is { } node && node is not YamlScalar { IsNull: true } ? node : null;

    public bool Has(string key) => Node(key) is not null;

    public SourceSpan FirstLine => Mapping.Entries.Length > 0 ? Mapping.Entries[0].Key.Span : Mapping.Span;

    public void ReportMissing(string key, string what) =>
        _context.Report(DiagnosticCodes.MissingKey(FirstLine, Path, key, Def, what));

    public YamlScalar? Scalar(string key)
    {
        var node = Node(key);
        if (node is null or YamlScalar)
        {
            return (YamlScalar?)node;
        }

        _context.Report(DiagnosticCodes.WrongType(node.Span, ChildPath(key), "a single value", node));
        return null;
    }

    public YamlScalar? Required(string key, string what)
    {
        var scalar = Scalar(key);
        if (scalar is null && !Has(key))
        {
            ReportMissing(key, what);
        }

        return scalar;
    }

    public string? String(string key) => Scalar(key)?.Value;

    public string RequiredString(string key, string what)
    {
        var scalar = Required(key, what);
        if (scalar is not null && string.IsNullOrWhiteSpace(scalar.Value))
        {
            _context.Report(DiagnosticCodes.EmptyValue(scalar.Span, ChildPath(key), what));
        }

        return scalar?.Value ?? string.Empty;
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

    /// <summary>A whole number in [min, max].</summary>
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
            _context.Report(DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "a whole number"));
            return null;
        }

        if (value < min || value > max)
        {
            _context.Report(DiagnosticCodes.OutOfRange(scalar.Span, ChildPath(key), scalar.Value, $"between {min} and {max}"));
            return null;
        }

        return (int)value;
    }

    /// <summary>A decimal number, more than <paramref name="exclusiveMin"/> and at most <paramref name="max"/>.</summary>
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

    public T? Unit<T>(string key, Func<string, UnitParseResult<T>> parse)
        where T : struct
    {
        var scalar = Scalar(key);
        return scalar is null ? null : MapReader.ParseUnit(scalar, ChildPath(key), parse, _context);
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

        _context.Report(DiagnosticCodes.WrongValue(scalar.Span, ChildPath(key), scalar.Value, "a date written YYYY-MM-DD, such as 2026-12-02"));
        return null;
    }

    public TEnum? Enum<TEnum>(string key)
        where TEnum : struct, System.Enum
    {
        var scalar = Scalar(key);
        return scalar is null ? null : MapReader.ParseEnum<TEnum>(scalar, ChildPath(key), _context);
    }

    public CatalogReader? Map(string key, string def) =>
        Node(key) is { } node ? Open(node, ChildPath(key), def, _context) : null;

    /// <summary>Entries of a mapping of names to objects; each name is checked.</summary>
    public ImmutableArray<(YamlScalar Key, YamlNode Value, string Path)> NamedEntries(string key, string what)
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

        var builder = ImmutableArray.CreateBuilder<(YamlScalar, YamlNode, string)>(mapping.Entries.Length);
        foreach (var entry in mapping.Entries)
        {
            var path = ChildPath(key) + "/" + BindContext.Segment(entry.Key.Value);
            if (!IsValidName(entry.Key.Value))
            {
                _context.Report(DiagnosticCodes.InvalidCatalogName(entry.Key.Span, path, entry.Key.Value, what));
            }

            builder.Add((entry.Key, entry.Value, path));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Letters, digits, '.', '-' and '_', starting with a letter or digit: instance types such as <c>db.t4g.medium</c> have dots.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 100
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
