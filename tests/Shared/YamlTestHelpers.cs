using Plumbline.Design.Diagnostics;
using Plumbline.Design.Yaml;
using Xunit;

namespace Plumbline.Tests.Shared;

/// <summary>Short ways to read YAML and assert on its tree and diagnostics.</summary>
internal static class YamlTestHelpers
{
    public const string FilePath = "design.yaml";

    public static YamlReadResult Read(string text, YamlLimits? limits = null) => SafeYamlReader.ReadText(FilePath, text, limits);

    public static YamlReadResult ReadBytes(byte[] bytes, YamlLimits? limits = null) => SafeYamlReader.Read(FilePath, bytes, limits);

    /// <summary>Asserts the read succeeded and returns the root.</summary>
    public static YamlNode Root(YamlReadResult result)
    {
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Root!;
    }

    /// <summary>Asserts exactly one diagnostic with this code, at this 1-based line:column, and returns it.</summary>
    public static Diagnostic Error(YamlReadResult result, string code, string position)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(" | ", result.Diagnostics)}");
        var diagnostic = matching[0];
        Assert.True(diagnostic.IsError);
        Assert.Equal(position, diagnostic.Span.Start.ToString());
        Assert.Equal(FilePath, diagnostic.Span.Path);
        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Help));
        return diagnostic;
    }

    /// <summary>Asserts the result holds exactly this one diagnostic, and returns it.</summary>
    public static Diagnostic OnlyError(YamlReadResult result, string code, string position)
    {
        var diagnostic = Error(result, code, position);
        Assert.Single(result.Diagnostics);
        return diagnostic;
    }

    /// <summary>Follows keys (strings) and list indexes (ints) from a node.</summary>
    public static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string key => Assert.IsType<YamlMapping>(node)[key] ?? throw new Xunit.Sdk.XunitException($"no key '{key}'"),
                int index => Assert.IsType<YamlSequence>(node).Items[index],
                _ => throw new ArgumentException("path steps are strings or ints", nameof(path)),
            };
        }

        return node;
    }

    public static string Value(YamlNode node) => Assert.IsType<YamlScalar>(node).Value;

    public static string Pos(YamlNode node) => node.Span.Start.ToString();

    /// <summary>The source text a node's span covers.</summary>
    public static string SpanText(YamlNode node) => node.Span.Source!.Text.Substring(node.Span.Offset, node.Span.Length);

    /// <summary>Every node of a tree, without recursion (trees from hostile input are bounded but may be deep).</summary>
    public static IEnumerable<(YamlNode Node, int Depth)> Walk(YamlNode root)
    {
        var stack = new Stack<(YamlNode, int)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            yield return (node, depth);
            switch (node)
            {
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push((item, depth + 1));
                    }

                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push((entry.Key, depth + 1));
                        stack.Push((entry.Value, depth + 1));
                    }

                    break;
            }
        }
    }
}
