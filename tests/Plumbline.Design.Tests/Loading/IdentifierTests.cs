using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>The system's name and entity names follow the documented rule: ASCII letters, digits, '-', '_' (and '.' for the system), at most 100 characters.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("url-shortener")]
    [InlineData("payments.ledger_v2")]
    [InlineData("3d-viewer")]
    public void A_system_name_by_the_rule_loads(string name)
    {
        var result = Load($"system: {{ name: \"{name}\" }}\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PL2007");
    }

    [Theory]
    [InlineData("\\e]0;pwned\\a\\e[2J")]
    [InlineData("shop\\0")]
    [InlineData("my shop")]
    [InlineData("caf\\u00e9")]
    [InlineData("\\U0001F600-shop")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    public void A_system_name_against_the_rule_is_PL2007_at_the_name(string name)
    {
        var result = Load($"system: {{ name: \"{name}\" }}\n");
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "PL2007");
        Assert.Equal("/system/name", diagnostic.YamlPath);
        Assert.EndsWith("is not a valid system name", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Span.Start.Line);
    }

    [Fact]
    public void A_system_name_of_101_characters_is_too_long_and_100_is_not()
    {
        Assert.DoesNotContain(Load($"system: {{ name: {new string('a', 100)} }}\n").Diagnostics, d => d.Code == "PL2007");
        Assert.Single(Load($"system: {{ name: {new string('a', 101)} }}\n").Diagnostics, d => d.Code == "PL2007");
    }

    [Fact]
    public void An_entity_name_is_a_name()
    {
        var result = Load("system: { name: shop }\ndata:\n  - entity: \"Click Event\"\n  - entity: ClickEvent\n");
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "PL2007");
        Assert.Equal("'Click Event' is not a valid entity name", diagnostic.Message);
        Assert.Equal("/data/0/entity", diagnostic.YamlPath);
    }

    private static LoadResult Load(string rest) => DesignLoader.LoadText("d.yaml", "plumbline: 1\n" + rest);
}
