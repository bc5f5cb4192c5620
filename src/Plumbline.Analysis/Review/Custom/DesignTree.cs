using Plumbline.Design.Model;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// The design's YAML tree as the loader read it, kept by the design's source map, so declarative
/// rules see values exactly as written (<c>500ms</c>, not a double) and the model needs no
/// field-by-field mirror of the file.
/// </summary>
internal sealed class DesignTree
{
    private readonly SourceMap _map;

    private DesignTree(SourceMap map) => _map = map;

    /// <summary>The document's root, or null when the design was built in code rather than read from a file.</summary>
    public YamlNode? Root => _map.Root;

    /// <summary>The tree of the design under review.</summary>
    public static DesignTree Of(ReviewContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DesignTree(context.Design.SourceMap);
    }

    /// <summary>The node at a design path, a JSON pointer such as <c>/components/edge/operations/get/calls/0</c>; null when not there.</summary>
    public YamlNode? Find(string path) => _map.NodeAt(path);
}
