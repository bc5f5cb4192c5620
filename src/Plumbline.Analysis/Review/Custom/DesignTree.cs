using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// The design's YAML tree, re-read from the design's own text once per review and shared by every declarative
/// rule of that review, so rules see values exactly as written (<c>500ms</c>, not a double) and the model
/// needs no field-by-field mirror of the file.
/// </summary>
internal sealed class DesignTree
{
    private static readonly ConditionalWeakTable<ReviewContext, DesignTree> PerReview = new();

    private DesignTree(YamlNode? root) => Root = root;

    /// <summary>The document's root, or null when the design has no text (built in code) or it does not re-read.</summary>
    public YamlNode? Root { get; }

    /// <summary>The tree for this review, read on first use.</summary>
    public static DesignTree Of(ReviewContext context) => PerReview.GetValue(context, Read);

    /// <summary>The node at a design path, a JSON pointer such as <c>/components/edge/operations/get/calls/0</c>; null when not there.</summary>
    public YamlNode? Find(string path)
    {
        var node = Root;
        if (node is null || path.Length == 0)
        {
            return node;
        }

        foreach (var raw in path.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                YamlMapping mapping => mapping[segment],
                YamlSequence sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < sequence.Items.Length => sequence.Items[index],
                _ => null,
            };

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static DesignTree Read(ReviewContext context)
    {
        if (context.Design.SourceMap.Source is not { } source)
        {
            return new DesignTree(null);
        }

        // The text already passed the loader under whatever limits it was given; read it again under limits
        // at least as wide, so a design loaded with raised limits is not refused here.
        var defaults = YamlLimits.Default;
        var limits = defaults with
        {
            MaxBytes = Math.Max(defaults.MaxBytes, Encoding.UTF8.GetByteCount(source.Text) + 1),
            MaxDepth = Math.Max(defaults.MaxDepth, 1024),
            MaxNodes = int.MaxValue,
            MaxScalarLength = Math.Max(defaults.MaxScalarLength, source.Text.Length),
        };
        return new DesignTree(SafeYamlReader.ReadText(source.Path, source.Text, limits).Root);
    }
}
