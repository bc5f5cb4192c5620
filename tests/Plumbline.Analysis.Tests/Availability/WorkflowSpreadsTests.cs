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

    [Fact]
    public void Operations_past_the_first_64_and_workflows_past_the_first_are_kept_apart()
    {
        // api's two operations are 0 and 1, a's and b's 2 and 3, big's 70 are 4 to 73: big.op66 (70) and big.op67 (71) sit in
        // each row's second word. w and v enter at api.a, u at api.b: two rows, and touches gathered per row must still read in design order.
        // api.a calls b on half its requests and a on all; a calls b; b calls big.op66: big.op66 is run on every request
        // of w and v (1 - 0.5 x 0), which the walk gets right only if it finishes a before passing b's share on.
        var sb = new System.Text.StringBuilder("""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: api.a, rate: 1/s }
              u: { entry: api.b, rate: 1/s }
              v: { entry: api.a, rate: 1/s }
            components:
              api:
                kind: service
                operations:
                  a:
                    calls:
                      - { to: b.get, timeout: 1s, probability: 50% }
                      - { to: a.get, timeout: 1s }
                  b:
                    calls:
                      - { to: big.op67, timeout: 1s, fallback: { to: big.op1 } }
                      - { to: big.op69, async: true }
              a: { kind: service, operations: { get: { calls: [{ to: b.get, timeout: 1s }] } } }
              b: { kind: service, operations: { get: { calls: [{ to: big.op66, timeout: 1s }] } } }
              big:
                kind: service
                operations:

            """);
        foreach (var i in Enumerable.Range(0, 70))
        {
            sb.Append($"      op{i}: {{}}\n");
        }

        var design = TestDesigns.Load(sb.ToString());
        var graph = CallGraph.Build(design);
        var spreads = WorkflowSpreads.For(design, graph);
        int Op(string name)
        {
            Assert.True(Plumbline.Design.Model.OperationRef.TryParse(name, out var reference));
            return graph.IndexOf(reference);
        }

        Assert.Equal(new[] { "api.a", "a.get", "b.get", "big.op66" }.Select(Op).Order(), spreads.FailingOperations(0));
        Assert.Equal(spreads.FailingOperations(0), spreads.FailingOperations(2));
        Assert.Equal(new[] { "api.b", "big.op67" }.Select(Op).Order(), spreads.WaitedOn(1));
        Assert.Equal([Op("api.b")], spreads.FailingOperations(1));
        Assert.True(spreads.WaitsOn(0, Op("big.op66")));
        Assert.False(spreads.WaitsOn(0, Op("big.op67")));
        Assert.False(spreads.WaitsOn(1, Op("big.op66")));
        Assert.True(spreads.Reaches(1, Op("big.op69")));
        Assert.False(spreads.WaitsOn(1, Op("big.op69")));
        Assert.False(spreads.Reaches(0, Op("big.op69")));
        Assert.True(spreads.FailsWithout(0, Op("big.op66")));
        Assert.False(spreads.FailsWithout(1, Op("big.op67")));

        var big = graph.Components.ToList().FindIndex(c => c.Name == "big");
        Assert.Equal([0, 1, 2], spreads.Touches(big).Select(t => t.Workflow));
        Assert.Equal(new ComponentTouch(0, 1, 1, true), spreads.Touches(big)[0]);
        Assert.Equal(new ComponentTouch(1, 0, 1, false), spreads.Touches(big)[1]);
    }
}
