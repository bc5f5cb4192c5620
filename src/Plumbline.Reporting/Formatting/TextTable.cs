using System.Text;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Formatting;

/// <summary>
/// A plain-text table for terminals: a header, rows, columns padded to fit, numbers right-aligned.
/// No colours or box characters, so it reads the same in a log, a pipe or a test.
/// </summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="headers">Column titles; a title starting with '>' is right-aligned (the '>' is not printed).</param>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _rightAligned = [.. headers.Select(h => h.StartsWith('>'))];
        _headers = [.. headers.Select(h => h.TrimStart('>'))];
    }

    public int RowCount => _rows.Count;

    public TextTable Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"expected {_headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        // A cell is one value on one line: a line break or control character from a file is escaped, not obeyed.
        _rows.Add([.. cells.Select(TerminalText.Escape)]);
        return this;
    }

    /// <summary>Writes the table with each line indented.</summary>
    public void Write(TextWriter writer, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(writer);
        var widths = new int[_headers.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(_headers[i].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));
        }

        WriteRow(writer, indent, _headers, widths);
        WriteRow(writer, indent, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, indent, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string indent, string[] cells, int[] widths)
    {
        var sb = new StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            var last = i == cells.Length - 1;
            var cell = _rightAligned[i] ? cells[i].PadLeft(widths[i]) : last ? cells[i] : cells[i].PadRight(widths[i]);
            sb.Append(cell);
            if (!last)
            {
                sb.Append("  ");
            }
        }

        writer.WriteLine(sb.ToString().TrimEnd());
    }
}
