using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Design.Loading.Binding;

/// <summary>What binding and validation share: the source, the diagnostics found, and the map from paths to spans.</summary>
internal sealed class BindContext(SourceText source)
{
    private readonly Dictionary<string, (SourceSpan Key, SourceSpan Value)> _spans = new(StringComparer.Ordinal);

    public SourceText Source { get; } = source;

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Report(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

    public void Record(string path, SourceSpan key, SourceSpan value) => _spans[path] = (key, value);

    public SourceMap BuildSourceMap() => new(Source, _spans);

    /// <summary>The recorded span of a path's value, or an empty span at the start of the file.</summary>
    public SourceSpan BuildSpan(string path) =>
        _spans.TryGetValue(path, out var found) ? found.Value : new SourceSpan(Source, 0, 0);

    /// <summary>Escapes a name for use as one JSON-pointer segment.</summary>
    public static string Segment(string name) =>
        name.Contains('~', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal)
            ? name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : name;
}
