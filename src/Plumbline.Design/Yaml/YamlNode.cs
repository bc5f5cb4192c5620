using System.Collections.Immutable;
using Plumbline.Design.Text;

namespace Plumbline.Design.Yaml;

/// <summary>
/// A node of our own YAML tree, built from parser events by SafeYamlReader with a
/// depth cap and no aliases, so walking it is always bounded by the size of the file.
/// </summary>
public abstract record YamlNode(SourceSpan Span)
{
    /// <summary>A short name of the node's kind for messages: "a mapping", "a list", "a value".</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar. <paramref name="IsPlain"/> is false for quoted and block scalars, which are always strings.</summary>
public sealed record YamlScalar(SourceSpan Span, string Value, bool IsPlain) : YamlNode(Span)
{
    public override string KindName => "a value";

    /// <summary>True for a plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or empty plain scalar (YAML 1.2 core schema).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A sequence (list).</summary>
public sealed record YamlSequence(SourceSpan Span, ImmutableArray<YamlNode> Items) : YamlNode(Span)
{
    public override string KindName => "a list";
}

/// <summary>A mapping with scalar keys, in file order, keys unique.</summary>
public sealed record YamlMapping(SourceSpan Span, ImmutableArray<YamlEntry> Entries) : YamlNode(Span)
{
    public override string KindName => "a mapping";

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }
}

/// <summary>One key and its value.</summary>
public readonly record struct YamlEntry(YamlScalar Key, YamlNode Value);
