using Plumbline.Simulation.Designs;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>
/// A caller's own load balancing (<c>calls[].load_balancing</c>): the p99 of each policy against queueing theory. One
/// caller sends 9,000/s to ten instances of 1,000/s, each an M/M/1 server (exponential own time of mean 1ms on one slot),
/// so 90% busy; the request's latency is its wait plus its service at the instance picked.
/// </summary>
public sealed class LoadBalancingTests
{
    private const double Ms = 1e-3;

    private const string Yaml = """
        plumbline: 1
        system: { name: balancing }
        workflows:
          go: { entry: api.go, rate: 9000/s }
        components:
          api:
            kind: service
            operations:
              go:
                calls:
                  - { to: svc.work, load_balancing: POLICY }
          svc:
            kind: service
            instances: 10
            capacity: 1000/s
            load_balancing: round_robin
            operations:
              work: { latency: { mean: 1ms } }
        """;

    [Fact]
    public void Random_picks_make_each_instance_an_MM1_queue()
    {
        // A Poisson stream split at random is Poisson: each instance is M/M/1 at rho 0.9, its sojourn time exponential
        // with rate mu (1 - rho) = 100/s, so p99 = ln(100) / 100 = 46.05ms.
        // The callee states round robin; the call's own policy is the one used.
        Assert.Equal(Plumbline.Design.Model.LoadBalancing.Random, DesignSimulationTests.Load(Yaml.Replace("POLICY", "random", StringComparison.Ordinal)).Components[0].Operations[0].Calls[0].LoadBalancing);
        var p99 = P99("random");
        Assert.InRange(p99, 46.05 * Ms * 0.85, 46.05 * Ms * 1.15);
    }

    [Fact]
    public void Round_robin_evens_the_arrivals_and_beats_random()
    {
        // Every tenth arrival of a Poisson stream at 9,000/s: Erlang-10 gaps at 900/s, an E10/M/1 queue. Its sojourn time
        // is exponential with rate mu (1 - sigma), sigma the root of sigma = (10 x 900 / (10 x 900 + 1000 (1 - sigma)))^10:
        // 0.8233, so the rate is 176.7/s and p99 = ln(100) / 176.7 = 26.07ms, about half of random's 46ms.
        var p99 = P99("round_robin");
        Assert.InRange(p99, 26.07 * Ms * 0.85, 26.07 * Ms * 1.15);
    }

    [Fact]
    public void Least_outstanding_comes_near_one_shared_queue()
    {
        // Joining the shortest queue is no better than one queue in front of all ten servers (M/M/10: Erlang C 0.6687,
        // so P(T > t) = e^-1000t (1 + 0.6687 x 1000t) and p99 = 6.25ms), and better than round robin (26.07ms), which does
        // not look at the queues.
        var p99 = P99("least_outstanding");
        Assert.InRange(p99, 6.25 * Ms * 0.95, 26.07 * Ms * 0.6);
    }

    [Fact]
    public void Two_random_choices_take_most_of_the_gain_of_looking_at_every_queue()
    {
        // The power of two choices: with n large, the share of instances with at least i waiting is rho^(2^i - 1)
        // (Mitzenmacher), an arrival joins the shorter of two such queues, and its sojourn is that many services plus
        // its own: p99 = 8.79ms. Ten instances fall short of the limit, but the tail stays far under random's 46ms.
        var twoChoices = P99("two_choices");
        Assert.InRange(twoChoices, 8.79 * Ms * 0.9, 46.05 * Ms * 0.5);
        Assert.True(twoChoices > P99("least_outstanding"), "looking at every queue beats looking at two");
    }

    private static double P99(string policy)
    {
        var design = DesignSimulationTests.Load(Yaml.Replace("POLICY", policy, StringComparison.Ordinal));
        var options = new SimulationOptions(Duration: 120, WarmUp: 10);
        var result = DesignSimulation.Run(DesignModel.Compile(design, options), SimulationScenario.Steady, options, cancellation: TestContext.Current.CancellationToken);
        return result.Workflows[0].Latency.P99;
    }
}
