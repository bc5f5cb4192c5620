using System.Text;
using CsCheck;
using Plumbline.Design.Yaml;
using Xunit;

namespace Plumbline.Design.Tests.Yaml;

/// <summary>Whatever the bytes, Read returns: a tree, or at least one error, and every position is inside the file.</summary>
public class SafeYamlReaderPropertyTests
{
    private const string Valid = """
        name: shop
        components:
          api: {kind: service, replicas: 3, tags: [web, "public"]}
          db:
            kind: database
            size: '10 GB'
            notes: |
              several lines
              of text
        calls:
          - from: api
            to: db
            retry: {attempts: 3}
        """;

    // Characters that matter to YAML's grammar, plus a few that our reader refuses.
    private const string YamlAlphabet = "ab1 :-?,[]{}#&*!|>'\"%@`~\n\n\n  \t\r\\é😀\u0001\u0085";

    private static readonly YamlLimits Small = new(MaxBytes: 4096, MaxDepth: 8, MaxNodes: 200, MaxScalarLength: 64);

    [Fact]
    public void Arbitrary_bytes_never_throw_and_give_a_tree_or_an_error()
    {
        Gen.Byte.Array[0, 400].SampleReplayable(bytes => Check(SafeYamlReader.Read("fuzz.yaml", bytes)), iter: 5_000);
    }

    [Fact]
    public void Arbitrary_YAML_like_text_never_throws_and_gives_a_tree_or_an_error()
    {
        Gen.Char[YamlAlphabet].Array[0, 300].Select(chars => new string(chars))
            .SampleReplayable(text => Check(SafeYamlReader.ReadText("fuzz.yaml", text)), iter: 10_000);
    }

    [Fact]
    public void Arbitrary_YAML_like_text_respects_small_limits()
    {
        Gen.Char[YamlAlphabet].Array[0, 600].Select(chars => new string(chars))
            .SampleReplayable(text => Check(SafeYamlReader.ReadText("fuzz.yaml", text, Small), Small), iter: 5_000);
    }

    [Fact]
    public void Mutations_of_a_valid_design_never_throw_and_give_a_tree_or_an_error()
    {
        var original = Encoding.UTF8.GetBytes(Valid);
        Assert.True(SafeYamlReader.Read("design.yaml", original).Success);

        // A mutation: at a position, replace, insert or delete a byte (biased toward YAML's punctuation).
        var interesting = Gen.OneOf("[]{}:-,&*!|>'\"#\n\t ?~".Select(c => (byte)c).Concat(new byte[] { 0xC3, 0xFF, 0x00, 0x01 }).ToArray());
        var mutation = Gen.Select(Gen.Int[0, original.Length], Gen.Int[0, 2], Gen.Frequency((3, (IGen<byte>)interesting), (1, (IGen<byte>)Gen.Byte)));

        mutation.Array[1, 8].SampleReplayable(
            mutations =>
            {
                var bytes = new List<byte>(original);
                foreach (var (at, kind, value) in mutations)
                {
                    var position = Math.Min(at, bytes.Count);
                    switch (kind)
                    {
                        case 0 when position < bytes.Count:
                            bytes[position] = value;
                            break;
                        case 1:
                            bytes.Insert(position, value);
                            break;
                        case 2 when position < bytes.Count:
                            bytes.RemoveAt(position);
                            break;
                    }
                }

                Check(SafeYamlReader.Read("design.yaml", bytes.ToArray()));
            },
            iter: 10_000);
    }

    private static void Check(YamlReadResult result, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        Assert.True(result.Root is not null || result.Diagnostics.Any(d => d.IsError), "neither a tree nor an error");
        Assert.Equal(result.Root is not null && result.Diagnostics.IsEmpty, result.Success);

        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.StartsWith("PL1", diagnostic.Code, StringComparison.Ordinal);
            Assert.False(diagnostic.Span.IsNone);
            Assert.InRange(diagnostic.Span.Offset, 0, diagnostic.Span.Source!.Text.Length);
            Assert.InRange(diagnostic.Span.Offset + diagnostic.Span.Length, 0, diagnostic.Span.Source.Text.Length);
        }

        if (result.Root is null)
        {
            return;
        }

        var nodes = 0;
        foreach (var (node, depth) in YamlTestHelpers.Walk(result.Root))
        {
            nodes++;
            Assert.Same(result.Source, node.Span.Source);
            Assert.InRange(node.Span.Length, 0, result.Source!.Text.Length - node.Span.Offset);
            if (node is YamlSequence or YamlMapping)
            {
                Assert.True(depth < limits.MaxDepth, "too deep");
            }

            if (node is YamlScalar scalar)
            {
                Assert.True(scalar.Value.Length <= limits.MaxScalarLength, "value too long");
            }

            if (node is YamlMapping mapping)
            {
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    Assert.True(keys.Add(entry.Key.Value), "duplicate key in tree");
                    Assert.False(entry.Key.IsNull, "null key in tree");
                }
            }
        }

        Assert.True(nodes <= limits.MaxNodes, "too many nodes");
    }
}
