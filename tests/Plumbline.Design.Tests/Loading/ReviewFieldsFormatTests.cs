using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>The fields the review reads instead of text: cells, skew, consumer shares, consistency, derived data, decisions' components.</summary>
public sealed class ReviewFieldsFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: lb.route, rate: 100/s, skew: { key: shop_id, hottest: 30% } }
          browse: { entry: lb.route, rate: 100/s, skew: { key: sku, zipf: 1.1, keys: 1M } }
        data:
          - { entity: Order, owner: pod-db, consistency: strong }
          - { entity: OrderView, owner: cache, derived_from: [Order, pod-db] }
        components:
          lb:
            kind: load_balancer
            operations: { route: {} }
          pod-db:
            kind: database
            instances: 100
            replicas: 200
            quorum: 2 of 3
            consistency: strong
            cells: { count: 100, key: shop_id, router: lb }
            operations: { write: { consistency: strong }, read: { consistency: eventual } }
          cache:
            kind: cache
            operations: { get: {} }
          events:
            kind: queue
            consumers: [mailer.send, { to: audit.take, share: 1% }]
            operations: { publish: {} }
          mailer: { kind: worker, operations: { send: {} } }
          audit: { kind: worker, operations: { take: {} } }
        decisions:
          - { id: ADR-1, title: Pods, status: accepted, components: [pod-db, lb] }
        """;

    [Fact]
    public void Every_field_is_read_as_written()
    {
        var result = DesignLoader.LoadText("shop.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var design = result.Design!;

        var db = design.FindComponent("pod-db")!;
        Assert.Equal(new Cells(100, "shop_id", "lb", "/components/pod-db/cells"), db.Cells);
        Assert.Equal(100, db.CellCount);
        Assert.Equal(1, design.FindComponent("cache")!.CellCount);
        Assert.Equal(Consistency.Strong, db.Consistency);
        Assert.Equal(Consistency.Eventual, db.FindOperation("read")!.Consistency);
        Assert.Null(design.FindComponent("cache")!.FindOperation("get")!.Consistency);

        Assert.Equal(new Skew("shop_id", 0.3, null, null, "/workflows/checkout/skew"), design.Workflows[0].Skew);
        Assert.Equal(new Skew("sku", null, 1.1, 1e6, "/workflows/browse/skew"), design.Workflows[1].Skew);

        var events = design.FindComponent("events")!;
        Assert.Equal([new OperationRef("mailer", "send"), new OperationRef("audit", "take")], events.Consumers);
        Assert.Equal(1, events.ShareOf(new OperationRef("mailer", "send")));
        Assert.Equal(0.01, events.ShareOf(new OperationRef("audit", "take")), 12);

        Assert.False(design.Data[0].IsDerived);
        Assert.Equal(["Order", "pod-db"], design.Data[1].DerivedFrom);
        Assert.Equal(["pod-db", "lb"], design.Decisions[0].Components);
        Assert.True(design.Decisions[0].Stands);
    }

    [Theory]
    [InlineData("instances: 100", "instances: 150", "/components/pod-db/instances", "150 instances do not spread evenly over 100 cells")]
    [InlineData("replicas: 200", "replicas: 150", "/components/pod-db/replicas", "150 replicas do not spread evenly over 100 cells")]
    [InlineData("router: lb }", "router: lbb }", "/components/pod-db/cells/router", "lbb")]
    [InlineData("cells: { count: 100, key: shop_id, router: lb }", "cells: { key: shop_id }", "/components/pod-db/cells", "count")]
    [InlineData("skew: { key: shop_id, hottest: 30% }", "skew: { key: shop_id, hottest: 30%, zipf: 1 }", "/workflows/checkout/skew/zipf", "zipf")]
    [InlineData("skew: { key: shop_id, hottest: 30% }", "skew: { key: shop_id }", "/workflows/checkout/skew", "hottest")]
    [InlineData("zipf: 1.1, keys: 1M", "zipf: 1.1", "/workflows/browse/skew", "keys")]
    [InlineData("share: 1%", "share: 0", "/components/events/consumers/1/share", "above 0")]
    [InlineData("to: audit.take", "to: audit.gone", "/components/events/consumers/1", "gone")]
    [InlineData("derived_from: [Order, pod-db]", "derived_from: [Ordr]", "/data/1/derived_from/0", "Ordr")]
    [InlineData("components: [pod-db, lb]", "components: [pod-dbb]", "/decisions/0/components/0", "pod-dbb")]
    [InlineData("consistency: strong\n    cells", "consistency: linearizable\n    cells", "/components/pod-db/consistency", "linearizable")]
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
    public void Consistency_and_cells_are_refused_on_kinds_that_cannot_take_them()
    {
        var result = DesignLoader.LoadText("x.yaml", """
            plumbline: 1
            system: { name: x }
            components:
              api: { kind: service, consistency: strong, operations: { get: {} } }
              browser: { kind: client, cells: { count: 2 }, operations: { go: {} } }
            """);
        Assert.Contains(result.Diagnostics, d => d.YamlPath == "/components/api/consistency");
        Assert.Contains(result.Diagnostics, d => d.YamlPath == "/components/browser/cells");
    }
}
