using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// Designs past 1,024 steps, whose latency the estimate holds on a coarser grid, and the note that says so. Seconds each, so
/// scripts/mutation leaves them out of the analysis run: the step count and the grid are pinned there on small inputs
/// (WorkflowLatencyTests).
/// </summary>
public sealed class LatencyGridTests
{
    [Fact]
    public void A_design_with_more_operations_on_paths_than_the_full_grid_says_how_coarse_its_latency_is()
    {
        // One operation calling 599 others in turn, each call one attempt: 600 operations and 599 attempts are 1,199 steps,
        // so 4,096 x 1,024 / 1,199 = 3,498 cells, down to 2,048.
        var yaml = new System.Text.StringBuilder("plumbline: 1\nsystem: { name: fan }\nworkflows:\n  go: { entry: hub.op, rate: 1/s }\ncomponents:\n");
        yaml.Append("  hub:\n    kind: service\n    operations:\n      op:\n        latency: { p50: 1ms, p99: 5ms }\n        calls:\n");
        for (var i = 1; i < 600; i++)
        {
            yaml.Append($"          - {{ to: be.op{i}, timeout: 10s }}\n");
        }

        yaml.Append("  be:\n    kind: service\n    operations:\n");
        for (var i = 1; i < 600; i++)
        {
            yaml.Append($"      op{i}: {{ latency: {{ p50: 1ms, p99: 5ms }} }}\n");
        }

        var report = Estimator.Estimate(TestDesigns.Load(yaml.ToString()));

        Assert.Contains(report.Notes, n => n.StartsWith("Latency: the synchronous paths compose 1,199 steps (600 operations and the attempts of their calls), more than 1,024, so each distribution is held on 2,048 cells instead of 4,096", StringComparison.Ordinal));
        // The path's p50 is still the sum's: a log-normal of median 1 ms and p99 5 ms has sigma = ln 5 / 2.3263
        // = 0.6918 and mean exp(sigma^2 / 2) = 1.2704 ms; 600 of them sum to a mean of 0.7622 s with a standard
        // deviation of sqrt(600) x 1.0164 ms = 0.0244 s, near normal, so the p50 is within a few ms of the mean.
        var p50 = Assert.Single(report.Latency).P50.Value!.Value;
        Assert.InRange(p50, 0.755, 0.765);
    }

    [Fact]
    public void Each_attempt_of_each_call_counts_as_a_step_so_a_wide_retried_fan_out_coarsens_the_grid()
    {
        // One operation making 300 calls, each with retries: 2 (3 attempts): 301 operations and 300 x 3 = 900 attempts
        // are 1,201 steps, so 4,096 x 1,024 / 1,201 = 3,492 cells, down to 2,048. Counted by operations alone (301) the
        // full grid would compose 900 attempts at 4,096 cells each.
        var yaml = new System.Text.StringBuilder("plumbline: 1\nsystem: { name: fan }\nworkflows:\n  go: { entry: hub.op, rate: 1/s }\ncomponents:\n");
        yaml.Append("  hub:\n    kind: service\n    operations:\n      op:\n        latency: { p50: 1ms, p99: 5ms }\n        calls:\n");
        for (var i = 1; i <= 300; i++)
        {
            yaml.Append($"          - {{ to: be.op{i}, timeout: 1s, retries: 2 }}\n");
        }

        yaml.Append("  be:\n    kind: service\n    operations:\n");
        for (var i = 1; i <= 300; i++)
        {
            yaml.Append($"      op{i}: {{ latency: {{ p50: 1ms, p99: 5ms }} }}\n");
        }

        var report = Estimator.Estimate(TestDesigns.Load(yaml.ToString()));

        Assert.Contains(report.Notes, n => n.StartsWith("Latency: the synchronous paths compose 1,201 steps (301 operations and the attempts of their calls), more than 1,024, so each distribution is held on 2,048 cells instead of 4,096", StringComparison.Ordinal));
    }
}
