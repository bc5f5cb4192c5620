using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// The spreads work one entry after another in the same scratch space: what one entry leaves there must not reach the
/// next, and a workflow whose entry the graph lacks (a design built in code, which the loader would refuse) reaches nothing.
/// </summary>
public sealed class WorkflowSpreadsReuseTests
{
    private const double Precision = 1e-12;

    /// <summary>outer calls inner, which calls db.get on half its executions; both are entries.</summary>
    private const string Design = """
        plumbline: 1
        system: { name: nested }
        workflows:
          outer: { entry: api.outer, rate: 1/s }
          inner: { entry: api.inner, rate: 1/s }
        components:
          api:
            kind: service
            operations:
              outer:
                calls:
                  - { to: api.inner, timeout: 1s }
              inner:
                calls:
                  - { to: db.get, probability: 0.5, timeout: 1s }
          db: { kind: database, operations: { get: {} } }
        """;

    private static int Op(CallGraph graph, string name)
    {
        Assert.True(OperationRef.TryParse(name, out var reference));
        return graph.IndexOf(reference);
    }

    [Fact]
    public void An_entry_reached_by_an_earlier_entry_spreads_its_own_share_once()
    {
        var design = TestDesigns.Load(Design);
        var graph = CallGraph.Build(design);
        var db = graph.ComponentIndex["db"];

        // outer: 1 x 1 x 0.5 = 0.5 of its requests reach db.get; inner: 0.5. Had inner's walk kept outer's operations in front
        // of its own, it would pass api.inner's share on twice: 1 - (1 - 0.5) x (1 - 0.5) = 0.75.
        var touches = WorkflowSpreads.For(design, graph).Touches(db);
        Assert.Equal([0, 1], touches.Select(t => t.Workflow));
        Assert.Equal(0.5, touches[0].Hard, Precision);
        Assert.Equal(0.5, touches[1].Hard, Precision);
        Assert.Equal(0.5, touches[1].Any, Precision);
    }

    [Fact]
    public void A_workflow_whose_entry_the_graph_lacks_reaches_nothing()
    {
        // ghost, first, enters at api.gone, which no component has; outer and inner are rows 0 and 1.
        var loaded = TestDesigns.Load(Design);
        var ghost = loaded.Workflows[0] with { Name = "ghost", Entry = new OperationRef("api", "gone") };
        var design = loaded with { Workflows = [ghost, .. loaded.Workflows] };
        var graph = CallGraph.Build(design);
        var spreads = WorkflowSpreads.For(design, graph);

        foreach (var op in new[] { "api.outer", "api.inner", "db.get" }.Select(name => Op(graph, name)))
        {
            Assert.False(spreads.WaitsOn(0, op));
            Assert.False(spreads.Reaches(0, op));
            Assert.False(spreads.FailsWithout(0, op));
        }

        Assert.Empty(spreads.WaitedOn(0));
        Assert.Empty(spreads.FailingOperations(0));
        Assert.True(spreads.FailsWithout(2, Op(graph, "db.get")));
        Assert.Equal([1, 2], spreads.Touches(graph.ComponentIndex["db"]).Select(t => t.Workflow));
    }
}
