using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>Bulkheads on calls and admission control on components: read as written, refused where wrong, at their own paths.</summary>
public sealed class OverloadFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: api.browse, rate: 100/s }
        components:
          api:
            kind: service
            admission: { max_in_flight: 200, max_queued: 50, max_queue_time: 100ms, by_criticality: true }
            operations:
              browse:
                calls:
                  - { to: search.query, timeout: 1s, bulkhead: { max_concurrent: 20, max_queued: 10 } }
                  - { to: search.query, timeout: 1s, bulkhead: { max_concurrent: 5 } }
          search:
            kind: search
            admission: { adaptive: true }
            operations: { query: {} }
        """;

    [Fact]
    public void Every_field_is_read_as_written()
    {
        var result = DesignLoader.LoadText("shop.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var design = result.Design!;

        var api = design.FindComponent("api")!;
        Assert.Equal(new AdmissionControl(200, 50, Duration.FromMilliseconds(100), false, true, "/components/api/admission"), api.Admission);
        Assert.Equal(new AdmissionControl(null, null, null, true, false, "/components/search/admission"), design.FindComponent("search")!.Admission);
        var calls = api.FindOperation("browse")!.Calls;
        Assert.Equal(new Bulkhead(20, 10, "/components/api/operations/browse/calls/0/bulkhead"), calls[0].Bulkhead);
        Assert.Equal(new Bulkhead(5, 0, "/components/api/operations/browse/calls/1/bulkhead"), calls[1].Bulkhead);
    }

    [Fact]
    public void Unstated_they_are_null()
    {
        var result = DesignLoader.LoadText("x.yaml", """
            plumbline: 1
            system: { name: x }
            components:
              api: { kind: service, operations: { get: { calls: [{ to: db.read, timeout: 1s }] } } }
              db: { kind: database, operations: { read: {} } }
            """);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Null(result.Design!.FindComponent("api")!.Admission);
        Assert.Null(result.Design.FindComponent("api")!.Operations[0].Calls[0].Bulkhead);
    }

    [Theory]
    [InlineData("{ max_concurrent: 5 }", "{ max_queued: 5 }", "/components/api/operations/browse/calls/1/bulkhead", "max_concurrent")]
    [InlineData("{ max_concurrent: 5 }", "{ max_concurrent: 0 }", "/components/api/operations/browse/calls/1/bulkhead/max_concurrent", "0")]
    [InlineData("{ max_concurrent: 5 }", "{ max_concurrent: 5, max_wait: 1s }", "/components/api/operations/browse/calls/1/bulkhead/max_wait", "max_wait")]
    [InlineData("max_queued: 10 }", "max_queued: -1 }", "/components/api/operations/browse/calls/0/bulkhead/max_queued", "-1")]
    [InlineData("admission: { adaptive: true }", "admission: { by_criticality: true }", "/components/search/admission", "max_in_flight")]
    [InlineData("admission: { adaptive: true }", "admission: { max_queued: 5, max_queue_time: 1s }", "/components/search/admission", "max_in_flight")]
    [InlineData("max_queue_time: 100ms", "max_queue_time: soon", "/components/api/admission/max_queue_time", "soon")]
    [InlineData("max_in_flight: 200", "max_in_flight: many", "/components/api/admission/max_in_flight", "many")]
    [InlineData("by_criticality: true", "by_criticality: first", "/components/api/admission/by_criticality", "first")]
    public void A_wrong_value_is_an_error_at_its_own_path(string from, string to, string path, string says)
    {
        var broken = Design.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Design, broken);
        var result = DesignLoader.LoadText("shop.yaml", broken);
        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.YamlPath == path);
        Assert.True(diagnostic.Span.Start.Line > 0);
        Assert.Contains(says, diagnostic.Message + " " + diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Admission_is_refused_on_a_client_or_an_external()
    {
        var result = DesignLoader.LoadText("x.yaml", """
            plumbline: 1
            system: { name: x }
            components:
              browser: { kind: client, admission: { max_in_flight: 2 }, operations: { go: {} } }
              vendor: { kind: external, admission: { adaptive: true }, operations: { pay: {} } }
            """);
        Assert.Contains(result.Diagnostics, d => d.YamlPath == "/components/browser/admission");
        Assert.Contains(result.Diagnostics, d => d.YamlPath == "/components/vendor/admission");
    }
}
