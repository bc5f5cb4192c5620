using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Plumbline.Design.Yaml;

/// <summary>
/// Builds our tree from YamlDotNet parser events in one loop with an explicit stack, never recursion and
/// never YamlStream (which overflows the stack on deep input and expands aliases when walked).
/// Errors that make the tree meaningless or the input expensive stop the loop at once (limits, aliases,
/// syntax, a second document); the others (bad or repeated keys, tags, anchors) drop the offending part and
/// go on, so one run reports them all.
/// </summary>
internal sealed class YamlTreeBuilder
{
    /// <summary>Reporting stops here so a generated file with 100,000 repeated keys does not flood the output.</summary>
    private const int MaxReportedProblems = 100;

    /// <summary>Past this many entries a mapping looks its keys up in a dictionary instead of scanning them.</summary>
    private const int LinearKeyScanLimit = 8;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly YamlLimits _limits;
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    // One frame object per depth, reused by every collection at that depth, so building allocates only the nodes.
    private readonly List<Frame> _frames = [];
    private int _depth;
    private int _nodeCount;
    private int _documentCount;
    private long _lastGoodEnd;
    private YamlNode? _root;

    private YamlTreeBuilder(SourceText source, YamlLimits limits)
    {
        _source = source;
        _text = source.Text;
        _limits = limits;
    }

    public static YamlReadResult Build(SourceText source, YamlLimits limits) => new YamlTreeBuilder(source, limits).Run();

    private YamlReadResult Run()
    {
        var parser = new Parser(new StringReader(_text));
        while (true)
        {
            // Only the parser's own work is guarded: an exception from our code is a bug and must surface.
            bool moved;
            try
            {
                moved = parser.MoveNext();
            }
            catch (YamlException ex)
            {
                return Stopped(SyntaxError(ex));
            }
            catch (Exception ex)
            {
                // YamlDotNet's scanner throws InvalidOperationException (no mark) for an unclosed '[' or '{'
                // followed by more lines; whatever else it throws, the input is what is wrong.
                return Stopped(ParserFailure(ex));
            }

            if (!moved)
            {
                break;
            }

            var current = parser.Current;
            if (current is null)
            {
                continue;
            }

            if (!Handle(current))
            {
                return Stopped();
            }

            _lastGoodEnd = Math.Max(_lastGoodEnd, current.End.Index);
        }

        if (_depth != 0 || (_root is null && _documentCount > 0))
        {
            return Stopped(DiagnosticCodes.YamlSyntaxError(At(_lastGoodEnd), CurrentPath(), "the document ends too early"));
        }

        if (_root is null or YamlScalar { IsPlain: true, Value.Length: 0 })
        {
            return Stopped(DiagnosticCodes.EmptyFile(new SourceSpan(_source, 0, 0)));
        }

        return new YamlReadResult(_source, _root, _diagnostics.ToImmutable());
    }

    /// <summary>Handles one event; false when reading must stop.</summary>
    private bool Handle(ParsingEvent current)
    {
        switch (current)
        {
            case Scalar scalar:
                if (!CheckNode(scalar))
                {
                    return false;
                }

                if (scalar.Value.Length > _limits.MaxScalarLength)
                {
                    return Fatal(DiagnosticCodes.ValueTooLong(SpanOf(scalar), CurrentPath(), scalar.Value.Length, _limits.MaxScalarLength));
                }

                Add(new YamlScalar(ScalarSpan(scalar), scalar.Value, scalar.Style == ScalarStyle.Plain));
                return true;

            case MappingStart mapping:
                return CheckNode(mapping) && Push(mapping, isMapping: true, mapping.Style == MappingStyle.Flow);

            case SequenceStart sequence:
                return CheckNode(sequence) && Push(sequence, isMapping: false, sequence.Style == SequenceStyle.Flow);

            case MappingEnd or SequenceEnd when _depth > 0:
                Pop(current);
                return true;

            case AnchorAlias alias:
                return Fatal(DiagnosticCodes.AliasNotAllowed(SpanOf(alias), CurrentPath(), alias.Value.Value));

            case DocumentStart:
                _documentCount++;
                return _documentCount == 1 || Fatal(DiagnosticCodes.MultipleDocuments(SpanOf(current)));

            default:
                // StreamStart, StreamEnd, DocumentEnd; comments are skipped by the scanner.
                return true;
        }
    }

    /// <summary>The checks every node gets: the node budget (fatal), then tags and anchors (reported, not fatal).</summary>
    private bool CheckNode(NodeEvent node)
    {
        if (++_nodeCount > _limits.MaxNodes)
        {
            return Fatal(DiagnosticCodes.TooManyNodes(SpanOf(node), CurrentPath(), _limits.MaxNodes));
        }

        if (!node.Anchor.IsEmpty)
        {
            Report(DiagnosticCodes.AnchorNotAllowed(SpanOf(node), CurrentPath(), node.Anchor.Value));
        }

        if (!node.Tag.IsEmpty)
        {
            Report(DiagnosticCodes.TagNotAllowed(SpanOf(node), CurrentPath(), DisplayTag(node.Tag.Value)));
        }

        return true;
    }

    /// <summary>Shows a core-schema tag the way it was written (<c>!!str</c>), not expanded.</summary>
    private static string DisplayTag(string tag)
    {
        const string CorePrefix = "tag:yaml.org,2002:";
        return tag.StartsWith(CorePrefix, StringComparison.Ordinal) ? string.Concat("!!", tag.AsSpan(CorePrefix.Length)) : tag;
    }

    private bool Push(NodeEvent start, bool isMapping, bool isFlow)
    {
        if (_depth >= _limits.MaxDepth)
        {
            // Stop at the first event past the cap: the parser's cost grows with depth, so reading on would be slow.
            return Fatal(DiagnosticCodes.NestingTooDeep(SpanOf(start), CurrentPath(), _limits.MaxDepth));
        }

        if (_depth == _frames.Count)
        {
            _frames.Add(new Frame());
        }

        _frames[_depth++].Reset(isMapping, isFlow, Clamp(start.Start.Index));
        return true;
    }

    private void Pop(ParsingEvent end)
    {
        var frame = _frames[--_depth];

        // A flow collection ends after its bracket; YamlDotNet's end event marks the bracket itself, zero-width.
        // A block collection ends where its last child does, not at the next line's start.
        int endOffset;
        if (frame.IsFlow)
        {
            endOffset = Clamp(end.Start.Index);
            if (endOffset < _text.Length && _text[endOffset] is ']' or '}')
            {
                endOffset++;
            }
        }
        else
        {
            endOffset = frame.End;
        }

        var span = new SourceSpan(_source, frame.Start, Math.Max(0, endOffset - frame.Start));
        YamlNode node = frame.IsMapping
            ? new YamlMapping(span, ImmutableArray.Create<YamlEntry>(CollectionsMarshal.AsSpan(frame.Entries)))
            : new YamlSequence(span, ImmutableArray.Create<YamlNode>(CollectionsMarshal.AsSpan(frame.Items)));
        frame.Clear();
        Add(node);
    }

    private void Add(YamlNode node)
    {
        if (_depth == 0)
        {
            _root = node;
            return;
        }

        var frame = _frames[_depth - 1];
        var nodeEnd = node.Span.Offset + node.Span.Length;
        if (nodeEnd > frame.End)
        {
            frame.End = nodeEnd;
        }

        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
        }
        else if (!frame.ExpectValue)
        {
            AcceptKey(frame, node);
            frame.ExpectValue = true;
        }
        else
        {
            if (frame.PendingKey is { } key)
            {
                frame.AddEntry(new YamlEntry(key, node));
            }

            frame.PendingKey = null;
            frame.Segment = null;
            frame.ExpectValue = false;
        }
    }

    /// <summary>Takes a key, or reports why not and leaves PendingKey null so its entry is dropped.</summary>
    private void AcceptKey(Frame frame, YamlNode node)
    {
        frame.PendingKey = null;
        frame.Segment = null;
        if (node is not YamlScalar key)
        {
            Report(DiagnosticCodes.KeyNotScalar(node.Span, CurrentPath(), node.KindName));
            return;
        }

        if (key.IsNull)
        {
            Report(DiagnosticCodes.NullKey(key.Span, CurrentPath()));
            return;
        }

        frame.Segment = key.Value;
        var existing = frame.IndexOfKey(key.Value);
        if (existing >= 0)
        {
            var first = frame.Entries[existing].Key.Span.Start;
            frame.ExpectValue = true; // so the path names the repeated entry
            Report(DiagnosticCodes.DuplicateKey(key.Span, CurrentPath(), key.Value, first));
            return;
        }

        frame.PendingKey = key;
    }

    private Diagnostic SyntaxError(YamlException ex)
    {
        var start = Clamp(ex.Start.Index);
        var end = Math.Max(start, Clamp(ex.End.Index));
        var detail = CleanMessage(ex.Message);

        // YamlDotNet marks the enclosing mapping for a tab in indentation; point at the tab instead.
        if (detail.Contains("tab", StringComparison.Ordinal) && FindIndentationTab(start) is var tab && tab >= 0)
        {
            return DiagnosticCodes.YamlSyntaxError(new SourceSpan(_source, tab, 1), CurrentPath(), detail);
        }

        return DiagnosticCodes.YamlSyntaxError(new SourceSpan(_source, start, end - start), CurrentPath(), detail);
    }

    private Diagnostic ParserFailure(Exception ex)
    {
        for (var i = _depth - 1; i >= 0; i--)
        {
            var frame = _frames[i];
            if (frame.IsFlow)
            {
                var opener = frame.IsMapping ? "mapping '{'" : "list '['";
                return DiagnosticCodes.YamlSyntaxError(
                    At(_lastGoodEnd),
                    CurrentPath(),
                    $"the flow {opener} opened at {_source.GetPosition(frame.Start)} is not closed");
            }
        }

        return DiagnosticCodes.YamlSyntaxError(At(_lastGoodEnd), CurrentPath(), $"the YAML parser failed after this point ({ex.GetType().Name})");
    }

    /// <summary>
    /// YamlDotNet messages may start with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; we print
    /// our own position, so drop it, and start lower-case to read as part of our sentence.
    /// </summary>
    internal static string CleanMessage(string message)
    {
        var text = message.AsSpan().Trim();
        while (text.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var close = text.IndexOf(')');
            if (close < 0)
            {
                break;
            }

            text = text[(close + 1)..].TrimStart();
            if (text.StartsWith("-", StringComparison.Ordinal) || text.StartsWith(":", StringComparison.Ordinal))
            {
                text = text[1..].TrimStart();
            }
        }

        text = text.TrimEnd('.');
        if (text.IsEmpty)
        {
            return "the input is not valid YAML";
        }

        return string.Concat(char.ToLowerInvariant(text[0]).ToString(), text[1..]);
    }

    private int FindIndentationTab(int from)
    {
        var lineStart = from;
        while (lineStart > 0 && _text[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        for (var i = lineStart; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\t')
            {
                return i;
            }

            if (c != ' ')
            {
                // Not indentation any more: skip to the next line.
                var next = _text.IndexOf('\n', i);
                if (next < 0)
                {
                    return -1;
                }

                i = next;
            }
        }

        return -1;
    }

    private bool Fatal(Diagnostic diagnostic)
    {
        _diagnostics.Add(diagnostic);
        return false;
    }

    private void Report(Diagnostic diagnostic)
    {
        if (_diagnostics.Count < MaxReportedProblems)
        {
            _diagnostics.Add(diagnostic);
        }
    }

    private YamlReadResult Stopped(Diagnostic? last = null)
    {
        if (last is not null)
        {
            _diagnostics.Add(last);
        }

        return new YamlReadResult(_source, null, _diagnostics.ToImmutable());
    }

    /// <summary>
    /// The JSON-pointer path of the node being read now (<c>/components/api/calls/0</c>). Built only for
    /// diagnostics. Stops at a mapping that is waiting for a key: the node is then that key.
    /// </summary>
    private string CurrentPath()
    {
        if (_depth == 0)
        {
            return string.Empty;
        }

        var path = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            var frame = _frames[i];
            if (frame.IsMapping)
            {
                if (!frame.ExpectValue || frame.Segment is null)
                {
                    break;
                }

                path.Append('/').Append(frame.Segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
            else
            {
                path.Append('/').Append(frame.Items.Count.ToString(CultureInfo.InvariantCulture));
            }
        }

        return path.ToString();
    }

    private SourceSpan SpanOf(ParsingEvent e)
    {
        var start = Clamp(e.Start.Index);
        var end = Clamp(e.End.Index);
        return new SourceSpan(_source, start, Math.Max(0, end - start));
    }

    /// <summary>
    /// YamlDotNet marks an omitted key (<c>: value</c>) at 1:1, behind events already read; such an empty
    /// scalar is placed at the next non-blank character after the previous event instead (the ':').
    /// </summary>
    private SourceSpan ScalarSpan(Scalar scalar)
    {
        if (scalar.Value.Length != 0 || scalar.Start.Index >= _lastGoodEnd)
        {
            return SpanOf(scalar);
        }

        var offset = Clamp(_lastGoodEnd);
        while (offset < _text.Length)
        {
            var c = _text[offset];
            if (c == '#')
            {
                var lineEnd = _text.IndexOf('\n', offset);
                offset = lineEnd < 0 ? _text.Length : lineEnd;
            }
            else if (c is ' ' or '\t' or '\r' or '\n')
            {
                offset++;
            }
            else
            {
                break;
            }
        }

        return new SourceSpan(_source, offset, 0);
    }

    private SourceSpan At(long index) => new(_source, Clamp(index), 0);

    // Marks are UTF-16 offsets into the text we gave the parser; an empty scalar can be marked one past the end.
    private int Clamp(long index) => (int)Math.Clamp(index, 0, _text.Length);

    /// <summary>An open list or mapping. Reused: <see cref="Reset"/> on open, <see cref="Clear"/> on close.</summary>
    private sealed class Frame
    {
        public List<YamlNode> Items { get; } = [];

        public List<YamlEntry> Entries { get; } = [];

        public bool IsMapping { get; private set; }

        public bool IsFlow { get; private set; }

        public int Start { get; private set; }

        /// <summary>End offset of the last child read so far.</summary>
        public int End { get; set; }

        /// <summary>In a mapping: true after a key, while its value is read.</summary>
        public bool ExpectValue { get; set; }

        /// <summary>The accepted key waiting for its value, or null when the entry is dropped.</summary>
        public YamlScalar? PendingKey { get; set; }

        /// <summary>The current key's text for paths, even when the entry is dropped.</summary>
        public string? Segment { get; set; }

        /// <summary>Only for mappings larger than <see cref="LinearKeyScanLimit"/>; a fresh one each time so clearing costs nothing.</summary>
        private Dictionary<string, int>? KeyIndex { get; set; }

        public void Reset(bool isMapping, bool isFlow, int start)
        {
            IsMapping = isMapping;
            IsFlow = isFlow;
            Start = start;
            End = start;
            ExpectValue = false;
            PendingKey = null;
            Segment = null;
            KeyIndex = null;
        }

        public void Clear()
        {
            Items.Clear();
            Entries.Clear();
            KeyIndex = null;
            PendingKey = null;
            Segment = null;
        }

        public int IndexOfKey(string key)
        {
            if (KeyIndex is not null)
            {
                return KeyIndex.TryGetValue(key, out var index) ? index : -1;
            }

            for (var i = 0; i < Entries.Count; i++)
            {
                if (string.Equals(Entries[i].Key.Value, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        public void AddEntry(YamlEntry entry)
        {
            Entries.Add(entry);
            if (KeyIndex is not null)
            {
                KeyIndex[entry.Key.Value] = Entries.Count - 1;
            }
            else if (Entries.Count > LinearKeyScanLimit)
            {
                KeyIndex = new Dictionary<string, int>(Entries.Count * 2, StringComparer.Ordinal);
                for (var i = 0; i < Entries.Count; i++)
                {
                    KeyIndex[Entries[i].Key.Value] = i;
                }
            }
        }
    }
}
