using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Threats;

/// <summary>The data flows, assets and reaches a design yields, worked out by hand from the design.</summary>
public sealed class ThreatModelTests
{
    private const string Shop = """
        plumbline: 1
        system: { name: shop }
        requirements:
          personas:
            - { name: buyer, workflows: [order] }
        workflows:
          order: { entry: api.place, rate: 10/s, type: write }
        api:
          endpoints:
            - { name: place, route: POST /orders, workflow: order, auth: oauth, idempotency: key, writes: [Order] }
        data:
          - { entity: Order, owner: db, classification: restricted, retention: 7y }
          - { entity: Customer, owner: db, classification: internal, pii: true, retention: 2y }
        components:
          api:
            kind: service
            security: { grants: [Order] }
            operations:
              place:
                calls:
                  - { to: cache.get, timeout: 10ms }
                  - { to: db.get_customer, timeout: 1s }
                  - { to: db.insert, timeout: 1s, security: { in_transit: none } }
                  - { to: events.publish, async: true }
          cache: { kind: cache, hit_ratio: 0.9, security: { authn: redis acl }, operations: { get: {} } }
          db:
            kind: database
            security: { at_rest: none }
            operations:
              get_customer: { type: read, reads: [Customer] }
              insert: { type: write, writes: [Order] }
          events: { kind: queue, retention: 1d, consumers: [worker.handle], operations: { publish: {} } }
          worker: { kind: worker, operations: { handle: { type: write, calls: [{ to: db.insert, timeout: 1s }] } } }
        security:
          boundaries:
            - { name: internet, contains: [buyer], trusted: false }
            - { name: edge, contains: [api] }
            - { name: private, contains: [cache, db, events, worker] }
          authn: { users: oauth, services: mtls }
          encryption: { in_transit: tls 1.3, at_rest: kms }
        """;

    private static ThreatModel Model() => ThreatModel.Build(TestDesigns.Load(Shop));

    [Fact]
    public void Flows_are_the_entries_then_every_call_and_delivery_in_file_order()
    {
        var ids = Model().Flows.Select(f => f.Id).ToList();
        Assert.Equal(
        [
            "order",
            "api.place->cache.get",
            "api.place->db.get_customer",
            "api.place->db.insert",
            "api.place->events.publish",
            "worker.handle->db.insert",
            "events->worker.handle",
        ], ids);
    }

    [Fact]
    public void The_entry_carries_what_its_endpoints_name_and_comes_from_the_internet()
    {
        var entry = Model().Flows[0];
        Assert.Equal(FlowKind.Entry, entry.Kind);
        Assert.Equal("buyer", entry.From);
        Assert.Equal(["Order"], entry.Carries);
        Assert.Equal(Classification.Restricted, entry.Classification);
        Assert.True(entry.Writes);
        Assert.Equal(Exposure.Internet, entry.Exposure);
        Assert.Equal(("internet", "edge"), (entry.FromBoundary, entry.ToBoundary));
        Assert.Equal("oauth", entry.Authn.Value);
        Assert.Equal("api.endpoints[0].auth", entry.Authn.Source);
    }

    [Fact]
    public void A_calls_own_control_overrides_the_callees_and_the_systems()
    {
        var model = Model();
        var insert = model.Flows.Single(f => f.Id == "api.place->db.insert");
        Assert.False(insert.InTransit.IsSet);
        Assert.Equal("components.api.operations.place.calls[2].security.in_transit", insert.InTransit.Source);
        var cache = model.Flows.Single(f => f.Id == "api.place->cache.get");
        Assert.Equal("redis acl", cache.Authn.Value);
        Assert.Equal("components.cache.security.authn", cache.Authn.Source);
        var customer = model.Flows.Single(f => f.Id == "api.place->db.get_customer");
        Assert.Equal("mtls", customer.Authn.Value);
        Assert.Equal("security.authn.services", customer.Authn.Source);
        Assert.Equal(Exposure.CrossBoundary, customer.Exposure);
    }

    [Fact]
    public void A_store_operation_carries_what_it_states_and_a_cache_holds_what_the_calls_behind_it_carry()
    {
        var model = Model();
        Assert.Equal(["Customer"], model.Flows.Single(f => f.Id == "api.place->db.get_customer").Carries);
        // The call after the cache is its miss path, so the cache holds Customer; the publish after it is async and backs nothing.
        var cache = model.Flows.Single(f => f.Id == "api.place->cache.get");
        Assert.Equal(["Customer"], cache.Carries);
        Assert.Equal(Classification.Confidential, cache.Classification);
        Assert.True(cache.Pii);
    }

    [Fact]
    public void A_queue_carries_what_its_consumers_write()
    {
        var model = Model();
        Assert.Equal(["Order"], model.Flows.Single(f => f.Id == "api.place->events.publish").Carries);
        var delivery = model.Flows.Single(f => f.Kind == FlowKind.Delivery);
        Assert.Equal(["Order"], delivery.Carries);
        Assert.Equal("events.consumers[0]", ThreatModel.Dotted(delivery.Path).Replace("components.", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Assets_are_each_entity_at_its_owner_then_the_copies_flows_leave()
    {
        var assets = Model().Assets.Select(a => (a.Id, a.Home, a.AtRest.Source)).ToList();
        Assert.Equal(
        [
            ("Order@db", true, "components.db.security.at_rest"),
            ("Customer@db", true, "components.db.security.at_rest"),
            ("Customer@cache", false, "security.encryption.at_rest"),
            ("Order@events", false, "security.encryption.at_rest"),
        ], assets);
    }

    [Fact]
    public void Reaches_say_who_owns_and_who_is_granted()
    {
        var reaches = Model().Reaches.Select(r => (r.Component, r.Entity, r.Writes, r.Granted)).ToList();
        Assert.Equal(
        [
            ("api", "Customer", false, false),
            ("api", "Order", true, true),
            ("worker", "Order", true, false),
        ], reaches);
    }

    [Theory]
    [InlineData("insert_payment", "Payment")]
    [InlineData("get-users", "User")]
    [InlineData("insertClickCount", "ClickCount")]
    [InlineData("insert_click", "Click")]
    [InlineData("query", "Click,ClickCount,Payment,User")]
    public void A_store_operation_named_after_an_entity_carries_that_one(string operation, string expected)
    {
        string[] owned = ["Click", "ClickCount", "Payment", "User"];
        Assert.Equal(expected, string.Join(',', EntityNames.Named(operation, owned)));
    }
}
