using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Xunit;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// Retry amplification's paths and the worst-case time of calls made in turn, by hand: a path short enough to write
/// whole, ties between paths, operations no workflow reaches, and the arguments each entry point checks.
/// </summary>
public sealed class RetryPathTests
{
    private static (SystemDesign Design, CallGraph Graph, Func<string, AmplifiedOperation> Of) Amplify(string components, string workflows = "  w: { entry: api.op, rate: 1/s }")
    {
        var design = TestDesigns.Load($"""
            plumbline: 1
            system: {"{"} name: t {"}"}
            workflows:
            {workflows}
            components:
            {components}
            """);
        var graph = CallGraph.Build(design);
        var all = RetryAmplification.Of(design, graph);
        return (design, graph, name => all.Single(a => graph.Operations[a.Operation].RefText == name));
    }

    [Fact]
    public void A_path_of_seven_calls_is_written_whole_and_a_call_without_retries_without_its_attempts()
    {
        // s0 -> s1 -> ... -> s7, every other call retried once: 2^4 = 16 attempts at s7, all 7 calls written.
        var yaml = new System.Text.StringBuilder();
        foreach (var i in Enumerable.Range(0, 8))
        {
            var retries = i % 2 == 0 ? ", retries: { max: 1, backoff: constant, base: 10ms, jitter: full }" : string.Empty;
            var call = i < 7 ? $"{{ calls: [{{ to: s{i + 1}.op, timeout: 1s{retries} }}] }}" : "{}";
            yaml.Append($"  s{i}: {{ kind: service, operations: {{ op: {call} }} }}\n");
        }

        var (_, graph, of) = Amplify(yaml.ToString(), "  w: { entry: s0.op, rate: 1/s }");

        Assert.Equal("s0.op -> s1.op (x2) -> s2.op -> s3.op (x2) -> s4.op -> s5.op (x2) -> s6.op -> s7.op (x2) = 16x", of("s7.op").Describe(graph));
        Assert.Equal(7, of("s7.op").Path.Length);
        // s1.op, the graph's second operation, is reached by one call.
        Assert.Single(of("s1.op").Path);
        Assert.Equal("s0.op = 1x", of("s0.op").Describe(graph));
    }

    [Fact]
    public void Of_two_paths_as_bad_the_first_in_order_is_kept_and_what_no_workflow_reaches_is_left_out()
    {
        // api calls a and b, each retried twice (x3), and both call c once: c gets 3 attempts either way; the path kept is
        // the first, through a. idle.op is reached by no workflow.
        var (_, graph, of) = Amplify("""
              api:
                kind: service
                operations:
                  op:
                    calls:
                      - { to: a.get, timeout: 1s, retries: { max: 2, backoff: constant, base: 10ms, jitter: full } }
                      - { to: b.get, timeout: 1s, retries: { max: 2, backoff: constant, base: 10ms, jitter: full } }
              a: { kind: service, operations: { get: { calls: [{ to: c.get, timeout: 1s }] } } }
              b: { kind: service, operations: { get: { calls: [{ to: c.get, timeout: 1s }] } } }
              c: { kind: service, operations: { get: {} } }
              idle: { kind: service, operations: { op: { calls: [{ to: c.get, timeout: 1s, retries: { max: 5, backoff: constant, base: 10ms, jitter: full } }] } } }
            """);

        Assert.Equal("api.op -> a.get (x3) -> c.get = 3x", of("c.get").Describe(graph));
        Assert.Throws<InvalidOperationException>(() => of("idle.op"));
    }

    [Fact]
    public void A_queue_delivery_starts_a_new_chain_whatever_the_publish_retries()
    {
        // The publish is retried twice (3 attempts on the queue), but its consumer runs once per message: 1x.
        var (_, _, of) = Amplify("""
              api:
                kind: service
                operations:
                  op:
                    calls:
                      - { to: q.publish, async: true, timeout: 1s, retries: { max: 2, backoff: constant, base: 10ms, jitter: full } }
              q: { kind: queue, dead_letter: true, consumers: [w.handle], operations: { publish: { type: write } } }
              w: { kind: worker, operations: { handle: {} } }
            """);

        Assert.Equal(3, of("q.publish").Factor);
        Assert.Equal(1, of("w.handle").Factor);
    }

    private static WorstCaseTime Worst(DesignCall call) => RedundancyAndBudgetTests.Worst(call, dbLatency: null);

    [Fact]
    public void Calls_made_in_turn_wait_each_in_turn_and_parallel_ones_once()
    {
        // count 3 in turn: 3 x 1s = 3s; in parallel: the slowest of the three, 1s.
        var sequential = Worst(Call("db.get", count: 3));
        Assert.Equal(3, sequential.Seconds, 9);
        Assert.Equal("latency 0s + db.get 3 calls in turn x (1s) = 3s", sequential.Arithmetic);

        var parallel = Worst(Call("db.get", count: 3, more: "parallel: true"));
        Assert.Equal(1, parallel.Seconds, 9);
        Assert.DoesNotContain("in turn", parallel.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blast_radius_weighs_by_the_rates_known_and_an_unknown_component_has_none()
    {
        // w (10/s) fails without db; v's rate is unknown (per user, no users stated) and it never reaches db. The known
        // rate weighs: 10 / (10 + 0) = all of the traffic fails, not one workflow of two.
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: api.op, rate: 10/s }
              v: { entry: api.other, per_user: 30/month }
            components:
              api:
                kind: service
                operations:
                  op: { calls: [{ to: db.get, timeout: 1s }] }
                  other: {}
              db: { kind: database, operations: { get: {} } }
            """);
        var graph = CallGraph.Build(design);
        var radius = BlastRadius.Of(design, graph, Plumbline.Analysis.Estimates.Estimator.Estimate(design), "db");

        Assert.True(radius.TrafficKnown);
        Assert.Equal(1, radius.FailedTrafficShare, 12);
        Assert.Equal(["w"], radius.Fails.Select(f => f.Workflow));

        var none = BlastRadius.Of(design, graph, null, "nowhere");
        Assert.False(none.TrafficKnown);
        Assert.Empty(none.Fails);
        Assert.Equal(0, none.FailedTrafficShare);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var (design, graph, of) = Amplify("""
              api: { kind: service, operations: { op: { calls: [{ to: db.get, timeout: 1s }] } } }
              db: { kind: database, operations: { get: {} } }
            """);

        Assert.Throws<ArgumentNullException>("graph", () => of("db.get").Describe(null!));
        Assert.Throws<ArgumentNullException>("design", () => RetryAmplification.Of(null!, graph));
        Assert.Throws<ArgumentNullException>("graph", () => RetryAmplification.Of(design, null!));
        Assert.Throws<ArgumentNullException>("policy", () => TimeoutBudget.Delay(null!, 1));
        Assert.Throws<ArgumentNullException>("operation", () => TimeoutBudget.OwnLatency(null!));
        Assert.Throws<ArgumentNullException>("graph", () => TimeoutBudget.Of(null!, 0, []));
        Assert.Throws<ArgumentNullException>("worst", () => TimeoutBudget.Of(graph, 0, null!));
        Assert.Throws<ArgumentNullException>("graph", () => TimeoutBudget.All(null!));
        Assert.Throws<ArgumentNullException>("call", () => TimeoutBudget.Sequential(null!));
        Assert.Throws<ArgumentNullException>("call", () => Attempts.Max((Call)null!));
        Assert.Throws<ArgumentNullException>("component", () => StoreCopies.Of(null!));
        Assert.Throws<ArgumentNullException>("design", () => BlastRadius.Of(null!, graph, null, "db"));
        Assert.Throws<ArgumentNullException>("graph", () => BlastRadius.Of(design, null!, null, "db"));
    }
}
