using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>Retry amplification: the product of attempts down synchronous calls, and how a long path is written, by hand.</summary>
public sealed class RetryAmplificationTests
{
    internal const string Layers = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: edge.checkout, rate: 10/s }
        components:
          edge:
            kind: gateway
            operations:
              checkout:
                calls:
                  - to: api.checkout
                    timeout: 5s
                    retries: { max: 2, backoff: exponential, base: 100ms, jitter: full }
          api:
            kind: service
            operations:
              checkout:
                calls:
                  - to: orders.create
                    timeout: 1s
                    retries: { max: 2, backoff: exponential, base: 50ms, jitter: full }
                  - { to: events.publish, async: true, timeout: 100ms, retries: { max: 2, backoff: constant, base: 10ms, jitter: full } }
          orders:
            kind: service
            operations:
              create:
                type: write
                idempotent: true
                calls:
                  - to: db.insert
                    timeout: 100ms
                    retries: { max: 1, backoff: exponential, base: 10ms, jitter: full }
          db:
            kind: database
            operations:
              insert: { type: write, idempotent: true }
          events:
            kind: queue
            dead_letter: true
            consumers: [worker.handle]
            operations:
              publish: { type: write, idempotent: true }
          worker:
            kind: worker
            operations:
              handle:
                calls:
                  - to: db.insert
                    timeout: 100ms
                    retries: { max: 2, backoff: exponential, base: 10ms, jitter: full }
        """;

    [Fact]
    public void Amplification_is_the_product_of_attempts_down_synchronous_calls()
    {
        var design = TestDesigns.Load(Layers);
        var graph = CallGraph.Build(design);
        var all = RetryAmplification.Of(design, graph);
        double Of(string component, string op) => all.Single(a => graph.Operations[a.Operation].Ref.ToString() == $"{component}.{op}").Factor;

        Assert.Equal(1, Of("edge", "checkout"));
        Assert.Equal(3, Of("api", "checkout"));
        Assert.Equal(9, Of("orders", "create"));
        Assert.Equal(18, Of("db", "insert"));        // 3 x 3 x 2; the worker's own chain is only 3
        Assert.Equal(1, Of("worker", "handle"));     // a delivery starts a new chain
        Assert.Equal(9, Of("events", "publish"));    // an async call's retries count against the queue: 3 x 3
    }

    [Fact]
    public void A_deep_path_is_described_by_its_ends_and_its_figure_lists_24_calls_and_folds_the_rest()
    {
        // 31 services in a chain, each call retried once: s30.op gets 2^30 attempts. Its path of 30 calls is
        // written as the first 5 and last 5 with the 20 between counted; the estimate's figure lists 24 calls
        // (2 attempts each) and folds the other 6 into one input, 2^6 = 64.
        var yaml = new System.Text.StringBuilder("plumbline: 1\nsystem: { name: chain }\nworkflows:\n  go: { entry: s0.op, rate: 1/s }\ncomponents:\n");
        for (var i = 0; i < 31; i++)
        {
            var call = i + 1 < 31 ? $"{{ calls: [{{ to: s{i + 1}.op, timeout: {40 - i}s, retries: {{ max: 1, backoff: constant, base: 10ms, jitter: full }} }}] }}" : "{}";
            yaml.Append($"  s{i}: {{ kind: service, operations: {{ op: {call} }} }}\n");
        }

        var design = TestDesigns.Load(yaml.ToString());
        var graph = CallGraph.Build(design);
        var last = RetryAmplification.Of(design, graph).Single(a => graph.Operations[a.Operation].Ref.ToString() == "s30.op");

        Assert.Equal(Math.Pow(2, 30), last.Factor);
        Assert.Equal("s0.op -> s1.op (x2) -> s2.op (x2) -> s3.op (x2) -> s4.op (x2) -> s5.op (x2) -> ... (20 more calls) -> s26.op (x2) -> s27.op (x2) -> s28.op (x2) -> s29.op (x2) -> s30.op (x2) = 1073741824x", last.Describe(graph));
        var figure = Estimator.Estimate(design).Operations.Single(o => o.Operation == "s30.op").WorstCaseAmplification;
        Assert.Equal(25, figure.Inputs.Length);
        Assert.All(figure.Inputs.Take(24), i => Assert.Equal(2, i.Value));
        Assert.Equal(("attempts of the 6 further calls with retries on the path (product)", 64.0), (figure.Inputs[24].Name, figure.Inputs[24].Value));
    }

    [Fact]
    public void Each_operation_holds_one_call_and_its_callers_chain_not_its_whole_path()
    {
        // db.insert's worst chain is orders.create's and then the call into it: 3 x 3 x 2 = 18 over three calls.
        var design = TestDesigns.Load(Layers);
        var graph = CallGraph.Build(design);
        var all = RetryAmplification.Of(design, graph);
        AmplifiedOperation Of(string name) => all.Single(a => graph.Operations[a.Operation].Ref.ToString() == name);

        var insert = Of("db.insert");
        Assert.Equal(3, insert.Length);
        Assert.Same(Of("orders.create"), insert.Before);
        Assert.Equal("orders.create", graph.Operations[insert.Last!.From].Ref.ToString());
        Assert.Equal(["edge.checkout->api.checkout", "api.checkout->orders.create", "orders.create->db.insert"],
            insert.Path.Select(e => $"{graph.Operations[e.From].Ref}->{graph.Operations[e.To].Ref}"));
        Assert.Equal(0, Of("edge.checkout").Length);
        Assert.Null(Of("edge.checkout").Last);
        Assert.Equal(0, Of("worker.handle").Length); // a delivery starts a new chain
    }

    [Fact]
    public void On_a_loop_of_retried_async_calls_each_path_goes_round_once_and_the_operations_below_extend_it()
    {
        // a.op -> b.op -> a.op, each hand-off retried once, and b.op -> c.op: the worst chains go round the loop, so a.op
        // and b.op hold their paths (each call of the loop once), and c.op's is b.op's and its own call.
        const string yaml = """
            plumbline: 1
            system: { name: loop }
            workflows:
              go: { entry: a.op, rate: 1/s }
            components:
              a:
                kind: service
                operations:
                  op:
                    calls:
                      - { to: b.op, async: true, timeout: 1s, retries: { max: 1, backoff: exponential, base: 10ms, jitter: full } }
              b:
                kind: service
                operations:
                  op:
                    calls:
                      - { to: a.op, async: true, timeout: 1s, retries: { max: 1, backoff: exponential, base: 10ms, jitter: full } }
                      - { to: c.op, timeout: 1s }
              c:
                kind: service
                operations:
                  op: {}
            """;
        var design = TestDesigns.Load(yaml);
        var graph = CallGraph.Build(design);
        var all = RetryAmplification.Of(design, graph);
        AmplifiedOperation Of(string name) => all.Single(a => graph.Operations[a.Operation].Ref.ToString() == name);
        string Text(AmplifiedOperation a) => string.Join(" ", a.Path.Select(e => $"{graph.Operations[e.From].Ref}->{graph.Operations[e.To].Ref}"));

        Assert.Equal("a.op->b.op b.op->a.op", Text(Of("a.op")));
        Assert.Equal("b.op->a.op a.op->b.op", Text(Of("b.op")));
        Assert.Equal("b.op->a.op a.op->b.op b.op->c.op", Text(Of("c.op")));
        Assert.Same(Of("b.op"), Of("c.op").Before);
        Assert.Equal(3, Of("c.op").Length);
        Assert.Equal(Of("b.op").Factor, Of("c.op").Factor);
        Assert.Equal($"b.op -> a.op (x2) -> b.op (x2) -> c.op = {Of("c.op").Factor:0.##}x", Of("c.op").Describe(graph));
    }
}
