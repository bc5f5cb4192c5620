using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>
/// capacity-unstated fires where the unknown ceiling hides a risk (a queue, a store of record, state a critical workflow
/// fails without) and not on a stateless fleet or derived state nothing critical waits on; each case with its twin.
/// </summary>
public sealed class CapacityUnstatedTests
{
    /// <summary>
    /// A shop: a stateless api fleet over an orders database (store of record), a cache with a fallback, a search index of
    /// derived data, a session service holding state, and a queue to workers. <c>CRIT</c> is checkout's criticality.
    /// </summary>
    private const string Shop = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 20/s, criticality: CRIT }
          browse: { entry: api.browse, rate: 200/s, criticality: critical }
          search: { entry: api.search, rate: 50/s, criticality: medium }
        data:
          - { entity: Order, owner: orders-db, classification: internal, retention: 1y }
          - { entity: OrderIndex, owner: search-index, derived_from: [orders-db], classification: internal, retention: 1y }
        components:
          api:
            kind: service
            instances: 4
            operations:
              checkout:
                calls:
                  - { to: sessions.get, timeout: 100ms }
                  - { to: orders-db.insert, timeout: 200ms }
                  - { to: jobs.publish, timeout: 100ms }
              browse:
                calls:
                  - { to: cache.get, timeout: 50ms, fallback: read orders-db }
              search:
                calls:
                  - { to: search-index.search, timeout: 200ms }
          sessions:
            kind: service
            stateless: false
            instances: 3
            operations: { get: {} }
          cache:
            kind: cache
            memory: 4GB
            operations: { get: {} }
          search-index:
            kind: search
            operations: { search: {} }
          orders-db:
            kind: database
            operations:
              insert: { type: write, idempotent: true }
          jobs:
            kind: queue
            operations:
              publish: { type: write }
            consumers: [worker.run]
          worker:
            kind: service
            operations: { run: { type: write, idempotent: true } }
        """;

    private static List<Finding> Findings(string criticality) =>
        ReviewKit.Findings(Shop.Replace("CRIT", criticality, StringComparison.Ordinal), "capacity-unstated");

    [Fact]
    public void A_store_of_record_a_queue_and_state_a_critical_workflow_fails_without_are_raised()
    {
        var findings = Findings("critical");

        Assert.Equal(["capacity-unstated@jobs", "capacity-unstated@orders-db", "capacity-unstated@sessions"], findings.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(Severity.Low, f.Severity));

        // 20/s of checkouts, each one insert: 20/s on average, 60/s at peak (3x the average, the assumed peak).
        Assert.Equal(
            "orders-db takes 60/s at peak but states no capacity, so its utilisation and headroom are unknown; it is the store of record of its data, which must be moved to grow it",
            Assert.Single(findings, f => f.Subject == "orders-db").Message);
        Assert.EndsWith("; a queue's backlog grows without bound once producers outrun it", Assert.Single(findings, f => f.Subject == "jobs").Message, StringComparison.Ordinal);
        Assert.EndsWith("; it holds state that checkout (critical) fails without", Assert.Single(findings, f => f.Subject == "sessions").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_only_a_lesser_workflow_fails_without_is_shown_as_unknown_in_the_estimate_not_raised()
    {
        // The same sessions service, waited on by a checkout of high criticality: no critical workflow fails without it.
        var findings = Findings("high");
        Assert.DoesNotContain(findings, f => f.Subject == "sessions");
        Assert.Contains(findings, f => f.Subject == "orders-db");
    }

    [Fact]
    public void A_stateless_fleet_a_cache_behind_a_fallback_and_a_derived_index_are_not_raised()
    {
        var subjects = Findings("critical").Select(f => f.Subject).ToList();

        // api and worker grow by adding instances; browse falls back to the database when the cache fails; the search
        // index is derived from orders-db and only search (medium) fails without it.
        Assert.DoesNotContain("api", subjects);
        Assert.DoesNotContain("worker", subjects);
        Assert.DoesNotContain("cache", subjects);
        Assert.DoesNotContain("search-index", subjects);
    }

    [Fact]
    public void A_stated_capacity_answers_it()
    {
        var stated = Shop.Replace("CRIT", "critical", StringComparison.Ordinal)
            .Replace("    kind: database\n", "    kind: database\n    capacity: { reads: 5000/s, writes: 1000/s }\n", StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewKit.Findings(stated, "capacity-unstated"), f => f.Subject == "orders-db");
    }
}
