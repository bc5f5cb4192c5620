using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// What each workflow's requests reach, worked by hand on one small design: a call made half the time, a call with a
/// fallback, an asynchronous hand-off to a queue whose consumer calls on, and two workflows entering at one operation.
/// </summary>
public sealed class WorkflowSpreadsTests
{
    private const string Design = """
        plumbline: 1
        system: { name: t }
        workflows:
          read: { entry: api.get, rate: 1/s }
          write: { entry: api.put, rate: 1/s }
          again: { entry: api.get, rate: 2/s }
        components:
          api:
            kind: service
            operations:
              get:
                calls:
                  - { to: db.get, timeout: 1s, probability: 50% }
                  - { to: store.insert, timeout: 1s, fallback: { to: spool.publish } }
              put:
                calls:
                  - { to: q.publish, async: true }
          db: { kind: database, operations: { get: {} } }
          store: { kind: database, operations: { insert: { type: write } } }
          spool: { kind: queue, dead_letter: true, consumers: [w.drain], operations: { publish: { type: write } } }
          q: { kind: queue, dead_letter: true, consumers: [w.consume], operations: { publish: { type: write } } }
          w:
            kind: worker
            operations:
              drain: {}
              consume: { calls: [ { to: db.get, timeout: 1s } ] }
        """;

    private static (WorkflowSpreads Spreads, CallGraph Graph) Build()
    {
        var design = TestDesigns.Load(Design);
        var graph = CallGraph.Build(design);
        return (WorkflowSpreads.For(design, graph), graph);
    }

    [Fact]
    public void A_workflow_waits_on_its_synchronous_calls_and_fails_with_those_without_a_fallback()
    {
        var (spreads, graph) = Build();
        int Op(string name)
        {
            Assert.True(Plumbline.Design.Model.OperationRef.TryParse(name, out var reference));
            return graph.IndexOf(reference);
        }

        // read: api.get waits on db.get (half its requests) and store.insert, which has a fallback: only db.get and api.get fail it.
        Assert.True(spreads.WaitsOn(0, Op("api.get")));
        Assert.True(spreads.WaitsOn(0, Op("db.get")));
        Assert.True(spreads.WaitsOn(0, Op("store.insert")));
        Assert.False(spreads.WaitsOn(0, Op("q.publish")));
        Assert.Equal(new[] { "api.get", "db.get" }.Select(Op).Order(), spreads.FailingOperations(0).Order());
        Assert.False(spreads.FailsWithout(0, Op("store.insert")));

        // write hands off to q asynchronously: it reaches q.publish, w.consume and db.get but waits on api.put alone.
        Assert.Equal([Op("api.put")], spreads.WaitedOn(1));
        Assert.True(spreads.Reaches(1, Op("q.publish")));
        Assert.True(spreads.Reaches(1, Op("w.consume")));
        Assert.True(spreads.Reaches(1, Op("db.get")));
        Assert.False(spreads.Reaches(1, Op("api.get")));
        Assert.False(spreads.FailsWithout(1, Op("db.get")));

        // again enters where read does and reaches the same.
        Assert.Equal(spreads.WaitedOn(0).Order(), spreads.WaitedOn(2).Order());
    }

    [Fact]
    public void A_component_s_touch_is_the_share_of_requests_reaching_it()
    {
        var (spreads, graph) = Build();
        ComponentTouch Touch(string component, int workflow) =>
            spreads.Touches(graph.Components.ToList().FindIndex(c => c.Name == component)).Single(t => t.Workflow == workflow);

        // db: read calls it half the time, synchronously and with no fallback; write reaches it through the queue only.
        Assert.Equal(new ComponentTouch(0, 0.5, 0.5, true), Touch("db", 0));
        Assert.Equal(new ComponentTouch(2, 0.5, 0.5, true), Touch("db", 2));
        Assert.Equal(new ComponentTouch(1, 0, 1, false), Touch("db", 1));

        // store: every read request calls it, but a fallback covers it.
        Assert.Equal(new ComponentTouch(0, 0, 1, false), Touch("store", 0));
        Assert.DoesNotContain(spreads.Touches(graph.Components.ToList().FindIndex(c => c.Name == "store")), t => t.Workflow == 1);
    }
}
