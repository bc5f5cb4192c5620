using System.Text;
using Plumbline.Design.Yaml;
using Xunit;
using static Plumbline.Tests.Shared.YamlTestHelpers;

namespace Plumbline.Design.Tests.Yaml;

/// <summary>
/// Inputs built to hurt a YAML loader (docs/DEPENDENCIES.md, "Hostile YAML"). Each must be refused with a
/// positioned diagnostic in milliseconds; the timeouts only guard against a regression hanging the run.
/// </summary>
public class HostileYamlTests
{
    private const int Guard = 5000;

    // ---- PL1004 billion laughs ----

    [Fact(Timeout = Guard)]
    public async Task Billion_laughs_is_refused_at_the_first_alias()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append(FormattableString.Invariant($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9))}]\n"));
        }

        var result = await Task.Run(() => Read(yaml.ToString()), TestContext.Current.CancellationToken);

        Error(result, "PL1004", "2:10");
        Assert.Null(result.Root);
    }

    // ---- PL1003 depth ----

    [Theory(Timeout = Guard)]
    [InlineData(100_000, true)]
    [InlineData(100_000, false)]
    [InlineData(30_000, true)]
    [InlineData(10_000, true)]
    public async Task Deeply_nested_flow_lists_are_refused_at_the_first_level_past_the_cap(int depth, bool closed)
    {
        var yaml = new string('[', depth) + (closed ? new string(']', depth) : string.Empty);

        var result = await Task.Run(() => Read(yaml), TestContext.Current.CancellationToken);

        var diagnostic = OnlyError(result, "PL1003", "1:65");
        Assert.Contains("64", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("/0/0/0", diagnostic.YamlPath[..6]);
        Assert.Null(result.Root);
    }

    [Fact(Timeout = Guard)]
    public async Task Deeply_nested_flow_mappings_are_refused()
    {
        var yaml = string.Concat(Enumerable.Repeat("{a: ", 100_000));

        OnlyError(await Task.Run(() => Read(yaml), TestContext.Current.CancellationToken), "PL1003", "1:257");
    }

    [Fact(Timeout = Guard)]
    public async Task Deeply_nested_block_mappings_are_refused()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        yaml.Append(' ', 2_000).Append("k: v\n");

        var diagnostic = OnlyError(await Task.Run(() => Read(yaml.ToString()), TestContext.Current.CancellationToken), "PL1003", "65:65");
        Assert.StartsWith("/k/k/k/", diagnostic.YamlPath, StringComparison.Ordinal);
    }

    [Fact(Timeout = Guard)]
    public async Task A_long_line_of_nested_block_lists_is_refused()
    {
        var yaml = string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n";

        OnlyError(await Task.Run(() => Read(yaml), TestContext.Current.CancellationToken), "PL1003", "1:129");
    }

    [Fact]
    public void The_depth_limit_counts_lists_and_mappings_from_the_root()
    {
        var limits = new YamlLimits(MaxDepth: 2);

        Assert.NotNull(Root(Read("a: {b: 1}\n", limits)));
        var diagnostic = OnlyError(Read("a: {b: [1]}\n", limits), "PL1003", "1:8");
        Assert.Equal("/a/b", diagnostic.YamlPath);
    }

    [Fact]
    public void Sixty_four_levels_are_allowed_by_default()
    {
        var root = Root(Read(new string('[', 64) + "x" + new string(']', 64)));

        Assert.Equal(64, Walk(root).Where(n => n.Node is YamlSequence).Max(n => n.Depth) + 1);
    }

    // ---- PL1001 size ----

    [Fact(Timeout = Guard)]
    public async Task A_16_MB_file_is_refused_by_size_before_it_is_decoded()
    {
        var bytes = new byte[16 * 1024 * 1024];
        Array.Fill(bytes, (byte)'[');

        var result = await Task.Run(() => SafeYamlReader.Read(FilePath, bytes), TestContext.Current.CancellationToken);

        var diagnostic = OnlyError(result, "PL1001", "1:1");
        Assert.Contains("16 MiB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("4 MiB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("16,777,216", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Source);
    }

    [Fact(Timeout = Guard)]
    public async Task A_16_MB_string_is_refused_by_size()
    {
        var text = new string('[', 16 * 1024 * 1024);

        var result = await Task.Run(() => Read(text), TestContext.Current.CancellationToken);

        Assert.Contains("4 MiB", OnlyError(result, "PL1001", "1:1").Message, StringComparison.Ordinal);
        Assert.Null(result.Source);
    }

    [Fact]
    public void One_byte_over_the_limit_reads_as_more_than_the_limit()
    {
        var bytes = Enumerable.Repeat((byte)' ', (4 * 1024 * 1024) + 1).ToArray();

        var diagnostic = OnlyError(ReadBytes(bytes), "PL1001", "1:1");

        Assert.Contains("the file is 4.1 MiB, over the 4 MiB limit (4,194,305 > 4,194,304 bytes)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_limit_counts_UTF8_bytes_including_a_BOM()
    {
        var limits = new YamlLimits(MaxBytes: 10);

        Assert.NotNull(Root(ReadBytes(Encoding.UTF8.GetBytes("a: 1234567"), limits)));
        Assert.NotNull(Root(Read("a: 1234567", limits)));
        OnlyError(ReadBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: 12345")], limits), "PL1001", "1:1");
        Assert.Contains("11 bytes", OnlyError(Read("a: 123456é", limits), "PL1001", "1:1").Message, StringComparison.Ordinal);
    }

    // ---- PL1005 nodes, PL1006 scalar length ----

    [Fact]
    public void The_node_budget_stops_reading_at_the_first_node_over_it()
    {
        var diagnostic = OnlyError(Read("[1,2,3,4,5,6,7,8,9,10,11]", new YamlLimits(MaxNodes: 10)), "PL1005", "1:20");

        Assert.Equal("/9", diagnostic.YamlPath);
    }

    [Fact]
    public void A_node_past_the_limit_is_refused_and_the_default_limit_is_a_million()
    {
        // 100,001 nodes against a limit of 100,000 exercises the same check at a tenth of the cost;
        // the default itself is asserted separately.
        var yaml = "[" + string.Concat(Enumerable.Repeat("0,", 100_000)) + "0]";

        var result = Read(yaml, new YamlLimits(MaxNodes: 100_000));

        Assert.Contains("100,000", OnlyError(result, "PL1005", "1:200000").Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000, YamlLimits.Default.MaxNodes);
    }

    [Theory]
    [InlineData("a: 123456\n", "1:4")]
    [InlineData("123456: a\n", "1:1")]
    [InlineData("a: |\n  12\n  34\n", "1:4")]
    public void A_value_or_key_longer_than_the_limit_is_refused(string yaml, string position)
    {
        OnlyError(Read(yaml, new YamlLimits(MaxScalarLength: 5)), "PL1006", position);
    }

    [Fact]
    public void A_value_of_64_Ki_characters_is_the_default_limit()
    {
        Assert.NotNull(Root(Read("a: " + new string('x', 64 * 1024))));
        var diagnostic = OnlyError(Read("a: " + new string('x', (64 * 1024) + 1)), "PL1006", "1:4");

        Assert.Contains("65,537", diagnostic.Message, StringComparison.Ordinal);
    }
}
