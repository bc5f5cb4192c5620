using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Plumbline.Analysis.Review;

/// <summary>
/// A finding's message as its rule wrote it: the template (the literal text, each value a numbered
/// placeholder <c>{0}</c>, literal braces doubled) and the values as they were formatted, so a reader can
/// group results by message and show them in its own words (SARIF's <c>message.id</c> and <c>arguments</c>
/// with the rule's <c>messageStrings</c>). <see cref="Id"/> is stable: it is drawn from the template's text,
/// so the same message reads the same id in every run and on every machine, and a reworded message is a
/// new one.
/// </summary>
public sealed record MessageTemplate(string Text, ImmutableArray<string> Arguments)
{
    private readonly Plumbline.Design.Model.NameCache _id = new();

    /// <summary>A short stable id: <c>m</c> and the first 8 hex digits of the template's SHA-256; hashed when first read (SARIF reads it), not for every finding.</summary>
    public string Id => _id.Get(Text, string.Empty, string.Empty, static (text, _, _) => "m" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8]);

    public bool Equals(MessageTemplate? other) =>
        other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal) && Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Text, StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            hash.Add(argument, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}

/// <summary>
/// Builds a finding's message from an interpolated string the way <c>$"..."</c> would (values formatted
/// with the invariant culture, the only one Plumbline runs with), and keeps its template beside it. A rule writes
/// <c>Info.At(span, subject, $"... {value} ...")</c> as before; the compiler prefers this handler to the
/// string overload, so every interpolated message carries its template without the rule saying so.
/// </summary>
[InterpolatedStringHandler]
public ref struct FindingMessage
{
    private readonly StringBuilder _text;
    private readonly StringBuilder _template;
    private readonly ImmutableArray<string>.Builder _arguments;

    // One pair of builders per thread, taken while a message is built and given back by Build: a review writes a message
    // per finding, and builders grown afresh for each would allocate each message's text twice over on the way.
    [ThreadStatic]
    private static (StringBuilder Text, StringBuilder Template)? s_spare;

    public FindingMessage(int literalLength, int formattedCount)
    {
        if (s_spare is { } spare)
        {
            s_spare = null;
            _text = spare.Text.Clear();
            _template = spare.Template.Clear();
        }
        else
        {
            _text = new StringBuilder(literalLength + (formattedCount * 8));
            _template = new StringBuilder(literalLength + (formattedCount * 4));
        }

        _arguments = ImmutableArray.CreateBuilder<string>(formattedCount);
    }

    public readonly void AppendLiteral(string value)
    {
        _text.Append(value);
        _template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
    }

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, alignment: 0, format: null);

    public readonly void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, alignment: 0, format);

    public readonly void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, format: null);

    public readonly void AppendFormatted<T>(T value, int alignment, string? format)
    {
        var text = value is IFormattable formattable
            ? formattable.ToString(format, CultureInfo.InvariantCulture)
            : value?.ToString() ?? string.Empty;
        if (alignment != 0)
        {
            text = alignment > 0 ? text.PadLeft(alignment) : text.PadRight(-alignment);
        }

        _template.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
        _arguments.Add(text);
        _text.Append(text);
    }

    public readonly void AppendFormatted(string? value) => AppendFormatted<string?>(value);

    public readonly void AppendFormatted(ReadOnlySpan<char> value) => AppendFormatted<string>(value.ToString());

    /// <summary>The message as text, and its template.</summary>
    public readonly (string Text, MessageTemplate Template) Build()
    {
        var built = (_text.ToString(), new MessageTemplate(_template.ToString(), _arguments.ToImmutable()));
        if (_text.Capacity <= MaxKept && _template.Capacity <= MaxKept)
        {
            s_spare = (_text, _template);
        }

        return built;
    }

    /// <summary>Builders grown past this many characters are not kept for the next message.</summary>
    private const int MaxKept = 1 << 16;
}
