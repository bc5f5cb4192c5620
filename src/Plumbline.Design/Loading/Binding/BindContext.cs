using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary>What binding and validation share: the source, the tree, the diagnostics found, and the source map.</summary>
internal sealed class BindContext(SourceText source, YamlNode root)
{
    public SourceText Source { get; } = source;

    /// <summary>The diagnostics kept, at most <see cref="DiagnosticLimits.MaxCollected"/>, so a file of errors costs bounded memory.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Diagnostics reported past <see cref="DiagnosticLimits.MaxCollected"/>, counted only.</summary>
    public OmittedDiagnostics Omitted { get; private set; }

    public SourceMap SourceMap { get; } = new(source, root);

    public void Report(Diagnostic diagnostic)
    {
        if (Diagnostics.Count < DiagnosticLimits.MaxCollected)
        {
            Diagnostics.Add(diagnostic);
        }
        else
        {
            Omitted = Omitted.Add(diagnostic);
        }
    }

    /// <summary>The span of the value at a path, or of its nearest ancestor.</summary>
    public SourceSpan BuildSpan(string path) => SourceMap.ValueSpan(path);

    /// <summary>Escapes a name for use as one JSON-pointer segment.</summary>
    public static string Segment(string name) =>
        name.Contains('~', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal)
            ? name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : name;
}
