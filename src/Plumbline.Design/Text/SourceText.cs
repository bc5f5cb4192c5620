namespace Plumbline.Design.Text;

/// <summary>
/// The text of one design file and a table of line starts, so a span (offset, length) becomes
/// line:column only when it is printed.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path the text was read from, as the user gave it.</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line and column (in UTF-16 units, as editors count) of an offset.</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string GetLine(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}

/// <summary>A 1-based line and column.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => FormattableString.Invariant($"{Line}:{Column}");
}

/// <summary>A region of a source file: offset and length in UTF-16 units.</summary>
public readonly record struct SourceSpan(SourceText? Source, int Offset, int Length)
{
    public static SourceSpan None => default;

    public bool IsNone => Source is null;

    public LinePosition Start => Source?.GetPosition(Offset) ?? new LinePosition(0, 0);

    public LinePosition End => Source?.GetPosition(Offset + Length) ?? new LinePosition(0, 0);

    public string Path => Source?.Path ?? string.Empty;

    public override string ToString() => IsNone ? "<no position>" : $"{Path}:{Start}";
}
