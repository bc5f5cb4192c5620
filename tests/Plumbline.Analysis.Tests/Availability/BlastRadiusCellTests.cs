using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>A component in cells fails one cell at a time: the blast radius of each share is that cell's part, by hand.</summary>
public sealed class BlastRadiusCellTests
{
    private const string Design = """
        plumbline: 1
        system: { name: t }
        workflows:
          buy: { entry: api.buy, rate: 30/s }
          browse: { entry: api.browse, rate: 10/s }
        components:
          api:
            kind: service
            operations:
              buy: { calls: [ { to: db.write, timeout: 1s, probability: 50% } ] }
              browse: { calls: [ { to: q.publish, async: true } ] }
          q: { kind: queue, dead_letter: true, consumers: [db.write], operations: { publish: { type: write } } }
          db:
            kind: database
            instances: 4
            cells: { count: 4, key: shop_id, router: api }
            operations: { write: { type: write } }
        """;

    [Fact]
    public void One_of_four_cells_fails_a_quarter_of_what_reaches_it_weighed_by_rate()
    {
        var design = TestDesigns.Load(Design);
        var graph = CallGraph.Build(design);
        var radius = BlastRadius.Of(design, graph, Estimator.Estimate(design), "db");

        // buy waits on db for half its requests: one cell of four fails 0.5 / 4 = 12.5% of buy. browse reaches db only
        // through the queue: one cell degrades 1 / 4 of it. Weighed by rate over 40/s: 30 x 12.5% / 40 and 10 x 25% / 40.
        Assert.Equal(4, radius.Cells);
        var buy = Assert.Single(radius.Fails);
        Assert.Equal(("buy", 0.125, 30.0), (buy.Workflow, buy.Share, buy.Rate!.Value));
        var browse = Assert.Single(radius.Degrades);
        Assert.Equal(("browse", 0.25, 10.0), (browse.Workflow, browse.Share, browse.Rate!.Value));
        Assert.Equal(30 * 0.125 / 40, radius.FailedTrafficShare, 12);
        Assert.Equal(10 * 0.25 / 40, radius.DegradedTrafficShare, 12);
        Assert.True(radius.TrafficKnown);

        // Without an estimate every workflow weighs the same: 12.5% / 2 and 25% / 2, and no rate is known.
        var unweighed = BlastRadius.Of(design, graph, null, "db");
        Assert.Equal(0.125 / 2, unweighed.FailedTrafficShare, 12);
        Assert.Equal(0.25 / 2, unweighed.DegradedTrafficShare, 12);
        Assert.False(unweighed.TrafficKnown);
        Assert.Null(Assert.Single(unweighed.Fails).Rate);
    }
}
