using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Plumbline.Reporting.Formatting;

/// <summary>
/// Writes YAML through YamlDotNet's emitter, which quotes and escapes whatever a value holds, so text from a
/// design can never break out of its scalar. Values that a YAML 1.1 reader would take for a number, a
/// boolean or null (<c>30</c>, <c>yes</c>, <c>~</c>) are double-quoted, since the tools reading these files
/// want strings.
/// </summary>
public sealed partial class YamlWriter
{
    private readonly Emitter _emitter;

    public YamlWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n"));
    }

    public void StartDocument(bool explicitStart = false)
    {
        if (!_started)
        {
            _emitter.Emit(new StreamStart());
            _started = true;
        }

        _emitter.Emit(new DocumentStart(null, null, !explicitStart));
    }

    public void EndDocument() => _emitter.Emit(new DocumentEnd(true));

    public void EndStream() => _emitter.Emit(new StreamEnd());

    public void Comment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            _emitter.Emit(new Comment(OneLine(line), false));
        }
    }

    public void StartMap() => _emitter.Emit(new MappingStart());

    public void EndMap() => _emitter.Emit(new MappingEnd());

    public void StartList() => _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));

    public void EndList() => _emitter.Emit(new SequenceEnd());

    /// <summary>A key: always plain text chosen by Plumbline.</summary>
    public void Key(string key) => Scalar(key);

    /// <summary>A string value, plain when that reads back as the same string, else quoted.</summary>
    public void Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var style = SafePlain().IsMatch(value) && !Ambiguous().IsMatch(value) ? ScalarStyle.Plain
            : value.Any(char.IsControl) ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted;
        _emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, value, style, true, true));
    }

    /// <summary>A number written as given: <c>30</c>, <c>0.999</c>.</summary>
    public void Number(string number) => _emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, number, ScalarStyle.Plain, true, false));

    /// <summary>A boolean.</summary>
    public void Bool(bool value) => Number(value ? "true" : "false");

    /// <summary>Several lines of text, as a literal block where YAML allows one.</summary>
    public void Block(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            Scalar(value);
            return;
        }

        _emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, value, ScalarStyle.Literal, true, true));
    }

    public void Pair(string key, string value)
    {
        Key(key);
        Scalar(value);
    }

    private bool _started;

    private static string OneLine(string text) => new([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_:./-]*$")]
    private static partial Regex SafePlain();

    /// <summary>Words YAML 1.1 or 1.2 readers take for booleans or null.</summary>
    [GeneratedRegex(@"^(y|n|yes|no|on|off|true|false|null)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}
