using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>An entity's skew: read as written, refused where wrong, at its own path, as a workflow's is.</summary>
public sealed class EntitySkewFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: posts }
        data:
          - { entity: Post, owner: db, skew: { key: post_id, hottest: 2% } }
          - { entity: Tag, owner: db, skew: { key: tag, zipf: 1.2, keys: 50K } }
          - { entity: User, owner: db }
        components:
          db: { kind: database, operations: { get: {} } }
        """;

    [Fact]
    public void Every_field_is_read_as_written()
    {
        var result = DesignLoader.LoadText("posts.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var data = result.Design!.Data;
        Assert.Equal(new Skew("post_id", 0.02, null, null, "/data/0/skew"), data[0].Skew);
        Assert.Equal(new Skew("tag", null, 1.2, 50_000, "/data/1/skew"), data[1].Skew);
        Assert.Null(data[2].Skew);
    }

    [Theory]
    [InlineData("hottest: 2% }", "hottest: 2%, zipf: 1 }", "/data/0/skew/zipf", "zipf")]
    [InlineData("{ key: post_id, hottest: 2% }", "{ key: post_id }", "/data/0/skew", "hottest")]
    [InlineData("zipf: 1.2, keys: 50K", "zipf: 1.2", "/data/1/skew", "keys")]
    [InlineData("hottest: 2%", "hottest: 120%", "/data/0/skew/hottest", "120%")]
    [InlineData("key: tag,", "key: tag, share: 1,", "/data/1/skew/share", "share")]
    public void A_wrong_value_is_an_error_at_its_own_path(string from, string to, string path, string says)
    {
        var broken = Design.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Design, broken);
        var result = DesignLoader.LoadText("posts.yaml", broken);
        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.YamlPath == path);
        Assert.True(diagnostic.Span.Start.Line > 0);
        Assert.Contains(says, diagnostic.Message + " " + diagnostic.Help, StringComparison.Ordinal);
    }
}
