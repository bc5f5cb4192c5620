using System.Globalization;
using System.Text;
using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>
/// A design past a limit on what it describes is refused with PL3020 at the first thing past it (docs/format.md, Limits
/// for untrusted input): components, operations, workflows, queue deliveries and the depth of a chain of calls.
/// </summary>
public sealed class DesignLimitsTests
{
    [Fact]
    public void The_documented_defaults()
    {
        Assert.Equal(new DesignLimits(8_000, 8_000, 1_000, 100_000, 64, 1_000_000, 10_000), DesignLimits.Default);
    }

    [Fact]
    public void A_design_within_every_limit_loads_without_PL3020()
    {
        var result = Load(Chain(3), new DesignLimits(MaxComponents: 3, MaxOperations: 3, MaxWorkflows: 1, MaxCallDepth: 2));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void One_component_too_many_is_refused_at_that_component()
    {
        var diagnostic = Single(Load(Chain(3), new DesignLimits(MaxComponents: 2)));
        Assert.Equal("/components/s2", diagnostic.YamlPath);
        Assert.Equal(14, diagnostic.Span.Start.Line);
        Assert.StartsWith("the design has 3 components, more than the 2 a design may have", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_operation_too_many_is_refused_at_that_operation()
    {
        var diagnostic = Single(Load(Chain(3), new DesignLimits(MaxOperations: 2)));
        Assert.Equal("/components/s2/operations/op", diagnostic.YamlPath);
        Assert.StartsWith("the design has 3 operations, more than the 2 a design may have", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_call_too_many_is_refused_at_that_call()
    {
        // s0 -> s1 -> s2: two calls, one from each of the first two operations; at a limit of 1 the second, s1's, is refused.
        Assert.DoesNotContain(Load(Chain(3), new DesignLimits(MaxCalls: 2)).Diagnostics, d => d.IsError);
        var diagnostic = Single(Load(Chain(3), new DesignLimits(MaxCalls: 1)));
        Assert.Equal("/components/s1/operations/op/calls/0", diagnostic.YamlPath);
        Assert.Equal(13, diagnostic.Span.Start.Line);
        Assert.StartsWith("the design has 2 calls, more than the 1 a design may have", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_workflow_too_many_is_refused_at_that_workflow()
    {
        var yaml = "workflows:\n  a: { entry: s0.op, rate: 1/s }\n  b: { entry: s0.op, rate: 1/s }\n" + Chain(1)[Chain(1).IndexOf("components:", StringComparison.Ordinal)..];
        var diagnostic = Single(Load(yaml, new DesignLimits(MaxWorkflows: 1)));
        Assert.Equal("/workflows/b", diagnostic.YamlPath);
        Assert.Equal(5, diagnostic.Span.Start.Line);
        Assert.StartsWith("the design has 2 workflows, more than the 1 a design may have", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_deliveries_past_the_total_are_refused_at_the_consumers_of_the_queue_that_passes_it()
    {
        // q1 delivers 2 operations x 2 consumers = 4; q2 another 2 x 1 = 2: 6 in all, past a limit of 5, at q2's consumers.
        var yaml = """
            workflows:
              w: { entry: api.op, rate: 1/s }
            components:
              api: { kind: service, operations: { op: { calls: [{ to: q1.a, async: true }, { to: q2.a, async: true }] } } }
              q1: { kind: queue, consumers: [c.x, c.y], operations: { a: {}, b: {} } }
              q2: { kind: queue, consumers: [c.x], operations: { a: {}, b: {} } }
              c: { kind: worker, operations: { x: {}, y: {} } }
            """;
        var diagnostic = Single(Load(yaml, new DesignLimits(MaxDeliveries: 5)));
        Assert.Equal("/components/q2/consumers", diagnostic.YamlPath);
        Assert.Equal(8, diagnostic.Span.Start.Line);
        Assert.StartsWith("q2 delivers its 2 operations to 1 consumers: with the queues before it, 6 deliveries, more than the 5 a design may have", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Load(yaml, new DesignLimits(MaxDeliveries: 6)).Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_chain_of_calls_one_too_deep_is_refused_at_its_first_call()
    {
        // s0 -> s1 -> s2 -> s3 is 3 calls: refused at a limit of 2, at the call from s0, the first operation that starts one.
        var diagnostic = Single(Load(Chain(4), new DesignLimits(MaxCallDepth: 2)));
        Assert.Equal("/components/s0/operations/op/calls/0/to", diagnostic.YamlPath);
        Assert.Equal("a chain of 3 calls starts at s0.op (s0.op -> s1.op -> s2.op -> s3.op), more than the 2 a design may nest", diagnostic.Message);
        Assert.DoesNotContain(Load(Chain(4), new DesignLimits(MaxCallDepth: 3)).Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Async_calls_count_and_a_loop_of_async_hand_offs_counts_once()
    {
        // a -> b -> c -> a, all async: the walk from a stops where the chain comes back, so a starts a chain of 2 calls.
        var yaml = """
            workflows:
              w: { entry: a.op, rate: 1/s }
            components:
              a: { kind: worker, operations: { op: { calls: [{ to: b.op, async: true }] } } }
              b: { kind: worker, operations: { op: { calls: [{ to: c.op, async: true }] } } }
              c: { kind: worker, operations: { op: { calls: [{ to: a.op, async: true }] } } }
            """;
        Assert.DoesNotContain(Load(yaml, new DesignLimits(MaxCallDepth: 2)).Diagnostics, d => d.IsError);
        var diagnostic = Single(Load(yaml, new DesignLimits(MaxCallDepth: 1)));
        Assert.Equal("/components/a/operations/op/calls/0/to", diagnostic.YamlPath);
        Assert.StartsWith("a chain of 2 calls starts at a.op", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_ten_thousand_services_is_refused_quickly_and_without_recursion()
    {
        // Components and operations allowed past the 10,000 of the chain, so that its depth is what is refused.
        var diagnostic = Single(Load(Chain(10_000), DesignLimits.Default with { MaxComponents = 10_000, MaxOperations = 10_000 }));
        Assert.Equal("/components/s0/operations/op/calls/0/to", diagnostic.YamlPath);
        Assert.StartsWith("a chain of 9,999 calls starts at s0.op (s0.op -> s1.op -> s2.op -> ... -> s9998.op -> s9999.op), more than the 64", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_reached_summed_over_workflows_past_the_limit_are_refused_at_the_workflow_that_passes_it()
    {
        // a reaches api.a, q.m and the consumer c.x: 3; b enters at the same operation and counts nothing; d reaches api.d, q.m and c.x: 3.
        var yaml = """
            workflows:
              a: { entry: api.a, rate: 1/s }
              b: { entry: api.a, rate: 1/s }
              d: { entry: api.d, rate: 1/s }
            components:
              api: { kind: service, operations: { a: { calls: [{ to: q.m, async: true }] }, d: { calls: [{ to: q.m, async: true }] } } }
              q: { kind: queue, consumers: [c.x], operations: { m: {} } }
              c: { kind: worker, operations: { x: {} } }
            """;
        Assert.DoesNotContain(Load(yaml, new DesignLimits(MaxReach: 6)).Diagnostics, d => d.IsError);
        var diagnostic = Single(Load(yaml, new DesignLimits(MaxReach: 5)));
        Assert.Equal("/workflows/d", diagnostic.YamlPath);
        Assert.Equal(6, diagnostic.Span.Start.Line);
        Assert.StartsWith("the operations the workflows reach, summed over the workflows, pass 5 at workflow d", diagnostic.Message, StringComparison.Ordinal);
    }

    private static Diagnostics.Diagnostic Single(LoadResult result)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError && d.Code != "PL3020");
        return Assert.Single(result.Diagnostics, d => d.Code == "PL3020");
    }

    private static LoadResult Load(string yaml, DesignLimits limits) =>
        DesignLoader.LoadText("d.yaml", "plumbline: 1\nsystem: { name: limits }\n" + yaml, new LoadOptions { DesignLimits = limits });

    /// <summary>Services s0 ... s(n-1), each calling the next with a timeout; one workflow enters at s0. Component i starts on line 6 + 4i of the file.</summary>
    private static string Chain(int n)
    {
        var sb = new StringBuilder("workflows:\n  w: { entry: s0.op, rate: 1/s }\ncomponents:\n");
        for (var i = 0; i < n; i++)
        {
            var call = i + 1 < n ? string.Create(CultureInfo.InvariantCulture, $"{{ calls: [{{ to: s{i + 1}.op, timeout: 1s }}] }}") : "{}";
            sb.Append(CultureInfo.InvariantCulture, $"  s{i}:\n    kind: service\n    operations:\n      op: {call}\n");
        }

        return sb.ToString();
    }
}
