using Plumbline.Design.Text;

namespace Plumbline.Design.Model;

/// <summary>
/// Where each node of the design came from: a JSON-pointer-style path (<c>/components/edge/capacity</c>)
/// to the span of its value and, for mapping entries, its key. Model records carry their path, so
/// analysis can point findings and explanations at the file without the model holding spans.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (SourceSpan Key, SourceSpan Value)> _spans;

    public SourceMap(SourceText? source, Dictionary<string, (SourceSpan Key, SourceSpan Value)> spans)
    {
        Source = source;
        _spans = spans;
    }

    public static SourceMap Empty { get; } = new(null, []);

    public SourceText? Source { get; }

    public int Count => _spans.Count;

    /// <summary>The span of the value at a path; falls back to the nearest ancestor that has one.</summary>
    public SourceSpan ValueSpan(string path) => Find(path).Value;

    /// <summary>The span of the key at a path (the value's span for list items); falls back to the nearest ancestor.</summary>
    public SourceSpan KeySpan(string path) => Find(path).Key;

    /// <summary>1-based line of the value at a path, or 0.</summary>
    public int LineOf(string path) => ValueSpan(path).Start.Line;

    private (SourceSpan Key, SourceSpan Value) Find(string path)
    {
        var current = path;
        while (true)
        {
            if (_spans.TryGetValue(current, out var found))
            {
                return found;
            }

            var slash = current.LastIndexOf('/');
            if (slash <= 0)
            {
                return _spans.TryGetValue(string.Empty, out var root) ? root : default;
            }

            current = current[..slash];
        }
    }
}
