using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary><c>rate_limit</c> as a structure: each limit's rate and the keys it is counted per.</summary>
public sealed class RateLimitFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: gateway.route, rate: 10/s }
        api:
          endpoints:
            - { name: checkout, route: POST /checkout, workflow: checkout, rate_limit: 20/s per api_key }
        components:
          gateway:
            kind: gateway
            rate_limit:
              - 40000/s
              - 50/s per app per shop
              - { rate: 400/s, per: shop_id }
              - { rate: 10/s, per: [app, user] }
              - { rate: 1000/s, per: global }
            operations: { route: {} }
          api:
            kind: service
            rate_limit: 200/s per client
            operations: { get: {} }
        """;

    [Fact]
    public void Every_form_is_read_as_its_rate_and_keys()
    {
        var result = DesignLoader.LoadText("shop.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var design = result.Design!;
        var limits = design.FindComponent("gateway")!.RateLimits;
        Assert.Equal(5, limits.Length);
        Assert.Equal([40000.0, 50, 400, 10, 1000], limits.Select(l => l.Rate.PerSecond));
        Assert.Equal(["", "app|shop", "shop_id", "app|user", ""], limits.Select(l => string.Join("|", l.Per)));
        Assert.Equal([true, false, false, false, true], limits.Select(l => l.IsGlobal));
        Assert.Equal("/components/gateway/rate_limit/1", limits[1].Path);
        Assert.Equal("50/s per app per shop", limits[1].ToString());
        Assert.Equal("app and shop", limits[1].Scope);

        var one = Assert.Single(design.FindComponent("api")!.RateLimits);
        Assert.Equal(["client"], one.Per);
        Assert.Equal("/components/api/rate_limit", one.Path);

        var endpoint = Assert.Single(Assert.Single(design.Api.Endpoints).RateLimits);
        Assert.Equal(20, endpoint.Rate.PerSecond);
        Assert.Equal(["api_key"], endpoint.Per);
    }

    [Fact]
    public void A_limit_bounds_one_key_only_when_counted_per_that_key_alone()
    {
        var limits = DesignLoader.LoadText("shop.yaml", Design).Design!.FindComponent("gateway")!.RateLimits;
        Assert.True(limits[2].CountsPerKeyAlone("shop"));      // per shop_id bounds one shop
        Assert.False(limits[1].CountsPerKeyAlone("shop"));     // per app and shop bounds each pair, not one shop
        Assert.False(limits[0].CountsPerKeyAlone("shop"));     // global
    }

    [Theory]
    [InlineData("shop", "shop_id", true)]
    [InlineData("shop", "shopId", true)]
    [InlineData("shop-id", "SHOP", true)]
    [InlineData("tenant.id", "tenant", true)]
    [InlineData("paid", "pa", false)]
    [InlineData("user", "user_name", false)]
    public void Keys_are_compared_as_designs_write_them(string a, string b, bool same) =>
        Assert.Equal(same, KeyNames.Same(a, b));

    [Theory]
    [InlineData("- 50/s per app per shop", "- 50/s per app per 9shop", "/components/gateway/rate_limit/1")]
    [InlineData("- { rate: 400/s, per: shop_id }", "- { per: shop_id }", "/components/gateway/rate_limit/2")]
    [InlineData("per: [app, user]", "per: [app, \"us er\"]", "/components/gateway/rate_limit/3/per/1")]
    [InlineData("- 40000/s", "- 40000/q", "/components/gateway/rate_limit/0")]
    [InlineData("rate_limit: 200/s per client", "rate_limit: 200/s per", "/components/api/rate_limit")]
    [InlineData("rate_limit: 20/s per api_key", "rate_limit: 20/s per api key", "/api/endpoints/0/rate_limit")]
    public void A_wrong_limit_is_an_error_at_its_own_path(string from, string to, string path)
    {
        var broken = Design.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Design, broken);
        var result = DesignLoader.LoadText("shop.yaml", broken);
        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.YamlPath == path);
        Assert.True(diagnostic.Span.Start.Line > 0);
    }
}
