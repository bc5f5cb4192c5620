using System.Globalization;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Model;

/// <summary>
/// Where each node of the design came from. Model records carry a JSON-pointer-style path
/// (<c>/components/edge/capacity</c>); the map resolves it against the design's YAML tree to the
/// span of the value and, for mapping entries, of the key. Resolving on demand, rather than
/// recording a string per node while loading, keeps loading fast and memory small: only the
/// findings and explanations that are printed pay for a lookup.
/// </summary>
public sealed class SourceMap
{
    /// <summary>Mappings with more entries than this get a lookup table on first use.</summary>
    private const int IndexThreshold = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<YamlMapping, Dictionary<string, int>> _indexes = new(ReferenceEqualityComparer.Instance);

    public SourceMap(SourceText? source, YamlNode? root)
    {
        Source = source;
        Root = root;
    }

    public static SourceMap Empty { get; } = new(null, null);

    public SourceText? Source { get; }

    /// <summary>The design's YAML tree, for tools that read fields exactly as written (team rules).</summary>
    public YamlNode? Root { get; }

    /// <summary>The span of the value at a path; falls back to the nearest ancestor that exists.</summary>
    public SourceSpan ValueSpan(string path) => Find(path).Value;

    /// <summary>The span of the key at a path (the item itself for list items); falls back to the nearest ancestor.</summary>
    public SourceSpan KeySpan(string path) => Find(path).Key;

    /// <summary>1-based line of the value at a path (or its nearest ancestor), or 0 without a source.</summary>
    public int LineOf(string path) => ValueSpan(path).Start.Line;

    /// <summary>True when the path names a node that is in the file.</summary>
    public bool Has(string path) => Find(path).Exact;

    /// <summary>The node at a path, or null when the path does not resolve all the way.</summary>
    public YamlNode? NodeAt(string path)
    {
        var found = Find(path);
        return found.Exact ? found.Node : null;
    }

    private (SourceSpan Key, SourceSpan Value, YamlNode? Node, bool Exact) Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Root is null)
        {
            return (default, default, null, false);
        }

        var node = Root;
        var key = Root.Span;
        var position = path.StartsWith('/') ? 1 : 0;
        if (path.Length == 0)
        {
            return (key, node.Span, node, true);
        }

        while (position <= path.Length)
        {
            var slash = path.IndexOf('/', position);
            var end = slash < 0 ? path.Length : slash;
            var raw = path.AsSpan(position, end - position);
            var segment = raw.Contains('~') ? Unescape(raw).AsSpan() : raw;
            switch (node)
            {
                case YamlMapping mapping when IndexOf(mapping, segment) is var i && i >= 0:
                    key = mapping.Entries[i].Key.Span;
                    node = mapping.Entries[i].Value;
                    break;
                case YamlSequence sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Length:
                    node = sequence.Items[index];
                    key = node.Span;
                    break;
                default:
                    return (key, node.Span, node, false);
            }

            if (slash < 0)
            {
                break;
            }

            position = slash + 1;
        }

        return (key, node.Span, node, true);
    }

    /// <summary>The entry with this key, looked up by span: resolving a path allocates nothing once a mapping is indexed.</summary>
    private int IndexOf(YamlMapping mapping, ReadOnlySpan<char> key)
    {
        var entries = mapping.Entries;
        if (entries.Length <= IndexThreshold)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                if (key.SequenceEqual(entries[i].Key.Value))
                {
                    return i;
                }
            }

            return -1;
        }

        lock (_lock)
        {
            if (!_indexes.TryGetValue(mapping, out var index))
            {
                index = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
                for (var i = 0; i < entries.Length; i++)
                {
                    index.TryAdd(entries[i].Key.Value, i);
                }

                _indexes[mapping] = index;
            }

            return index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found) ? found : -1;
        }
    }

    private static string Unescape(ReadOnlySpan<char> segment) =>
        segment.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
