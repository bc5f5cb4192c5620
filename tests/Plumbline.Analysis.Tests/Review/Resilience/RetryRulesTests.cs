using Plumbline.Analysis.Review;
using Plumbline.Analysis.Availability;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Retry amplification, backoff, jitter and idempotency.</summary>
public sealed class RetryRulesTests
{
    private const string Layers = """
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
        var context = ReviewKit.Context(Layers);
        var all = RetryAmplification.Of(context.Design, context.Graph);
        double Of(string component, string op) => all.Single(a => context.Graph.Operations[a.Operation].Ref.ToString() == $"{component}.{op}").Factor;

        Assert.Equal(1, Of("edge", "checkout"));
        Assert.Equal(3, Of("api", "checkout"));
        Assert.Equal(9, Of("orders", "create"));
        Assert.Equal(18, Of("db", "insert"));        // 3 x 3 x 2; the worker's own chain is only 3
        Assert.Equal(1, Of("worker", "handle"));     // a delivery starts a new chain
        Assert.Equal(9, Of("events", "publish"));    // an async call's retries count against the queue: 3 x 3
    }

    [Fact]
    public void The_finding_names_the_call_that_crosses_the_threshold_and_shows_the_path()
    {
        var finding = Assert.Single(ReviewKit.Review(Layers).Of("retry-amplification"));
        Assert.Equal("retry-amplification@db.insert", finding.Key);
        Assert.Equal("db.insert can get 18 attempts per request when every layer retries, above the 10x threshold: edge.checkout -> api.checkout (x3) -> orders.create (x3) -> db.insert (x2) = 18x", finding.Message);
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

        var context = ReviewKit.Context(yaml.ToString());
        var last = RetryAmplification.Of(context.Design, context.Graph).Single(a => context.Graph.Operations[a.Operation].Ref.ToString() == "s30.op");

        Assert.Equal(Math.Pow(2, 30), last.Factor);
        Assert.Equal("s0.op -> s1.op (x2) -> s2.op (x2) -> s3.op (x2) -> s4.op (x2) -> s5.op (x2) -> ... (20 more calls) -> s26.op (x2) -> s27.op (x2) -> s28.op (x2) -> s29.op (x2) -> s30.op (x2) = 1073741824x", last.Describe(context.Graph));
        var figure = context.Estimate.Operations.Single(o => o.Operation == "s30.op").WorstCaseAmplification;
        Assert.Equal(25, figure.Inputs.Length);
        Assert.All(figure.Inputs.Take(24), i => Assert.Equal(2, i.Value));
        Assert.Equal(("attempts of the 6 further calls with retries on the path (product)", 64.0), (figure.Inputs[24].Name, figure.Inputs[24].Value));
    }

    [Fact]
    public void The_threshold_comes_from_the_options()
    {
        var design = ReviewKit.Load(Layers);
        var findings = Reviewer.Review(design, new ReviewOptions(ReviewKit.Today, AmplificationThreshold: 5)).Findings.Of("retry-amplification");

        // orders.create and events.publish reach 9 > 5 first; db.insert's caller is then already above, so it is not reported again.
        Assert.Equal(["retry-amplification@events.publish", "retry-amplification@orders.create"], findings.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Retries_without_delay_and_delays_without_jitter()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read: { entry: api.get, rate: 5/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    calls:
                      - { to: db.a, timeout: 10ms, retries: 2 }
                      - { to: db.b, timeout: 10ms, retries: { max: 2, backoff: exponential } }
                      - { to: db.c, timeout: 10ms, retries: { max: 2, backoff: exponential, base: 5ms } }
                      - { to: db.d, timeout: 10ms, retries: { max: 2, backoff: exponential, base: 5ms, jitter: none } }
                      - { to: db.e, timeout: 10ms, retries: { max: 2, backoff: linear, base: 5ms, jitter: equal } }
                      - { to: db.f, timeout: 10ms, retries: { max: 0 } }
              db:
                kind: database
                operations: { a: {}, b: {}, c: {}, d: {}, e: {}, f: {} }
            """);
        Assert.Equal(["api.get->db.a", "api.get->db.b"], findings.Of("retry-without-backoff").Select(f => f.Subject));
        Assert.Equal(["api.get->db.c", "api.get->db.d"], findings.Of("retry-without-jitter").Select(f => f.Subject));
    }

    private static string Idempotency(string target, string endpoint) => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          place-order: { entry: api.place_order, rate: 5/s, type: write }
        api:
          endpoints:
            - { name: place_order, route: POST /orders, workflow: place-order{{endpoint}} }
        components:
          api:
            kind: service
            operations:
              place_order:
                type: write
                calls:
                  - to: db.{{target}}
                    timeout: 200ms
                    retries: { max: 1, backoff: exponential, base: 50ms, jitter: full }
          db:
            kind: database
            operations:
              insert_order: {}
              save: { type: write, idempotent: false }
              upsert: { type: write, idempotent: true }
              get_order: {}
        """;

    [Theory]
    [InlineData("insert_order", "", Severity.Medium)]             // a write by its name, idempotency unstated everywhere
    [InlineData("insert_order", ", idempotency: none", Severity.High)]
    [InlineData("insert_order", ", idempotency: key", Severity.Low)]
    [InlineData("save", ", idempotency: key", Severity.High)]     // explicitly not idempotent
    public void A_retried_write_is_rated_by_what_the_design_says_about_idempotency(string target, string endpoint, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Idempotency(target, endpoint)).Of("retry-without-idempotency"));
        Assert.Equal(severity, finding.Severity);
        Assert.Equal($"retry-without-idempotency@api.place_order->db.{target}", finding.Key);
    }

    [Theory]
    [InlineData("upsert")]
    [InlineData("get_order")]
    public void Idempotent_writes_and_reads_may_be_retried(string target) =>
        Assert.Empty(ReviewKit.Review(Idempotency(target, "")).Of("retry-without-idempotency"));
}
