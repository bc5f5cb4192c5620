using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary><c>public:</c> on a workflow and on an endpoint: the reason an entry needs no authentication.</summary>
public sealed class PublicEntryFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: qa }
        workflows:
          view: { entry: web.page, rate: 5/s, public: questions are read anonymously }
          ask: { entry: web.post, rate: 1/s }
        api:
          endpoints:
            - { name: question, route: "GET /q/{id}", workflow: view, public: search engines index them }
            - { name: post, route: POST /q, workflow: ask, auth: session }
        components:
          web: { kind: service, operations: { page: {}, post: {} } }
        """;

    [Fact]
    public void Public_is_read_as_written_and_makes_the_endpoints_auth_none()
    {
        var result = DesignLoader.LoadText("qa.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var design = result.Design!;
        Assert.Equal("questions are read anonymously", design.Workflows[0].Public);
        Assert.Null(design.Workflows[1].Public);
        Assert.Equal("search engines index them", design.Api.Endpoints[0].Public);
        Assert.Equal(AuthScheme.None, design.Api.Endpoints[0].Auth);
        Assert.Null(design.Api.Endpoints[1].Public);
        Assert.Equal(AuthScheme.Session, design.Api.Endpoints[1].Auth);
    }

    [Fact]
    public void A_public_endpoint_with_another_auth_is_an_error_at_its_auth()
    {
        var broken = Design.Replace("workflow: view, public:", "workflow: view, auth: oauth, public:", StringComparison.Ordinal);
        var result = DesignLoader.LoadText("qa.yaml", broken);
        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.YamlPath == "/api/endpoints/0/auth");
        Assert.Equal(8, diagnostic.Span.Start.Line);
        Assert.Contains("oauth", diagnostic.Message, StringComparison.Ordinal);
    }
}
