using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>A workflow's rates and bandwidth, worked by hand, and what is unknown when a per-user rate has no users to scale.</summary>
public sealed class TrafficFigureTests
{
    [Fact]
    public void Bandwidth_is_the_average_rate_times_each_size_and_peak_is_average_times_the_factor()
    {
        var traffic = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 3 }
            workflows:
              read: { entry: api.get, rate: 20/s, request: 2KB, response: 5KB }
            components:
              api: { kind: service, operations: { get: {} } }
            """)).Traffic.Single();

        // 20/s x 2,000 B = 40,000 B/s in; 20/s x 5,000 B = 100,000 B/s out; peak 20/s x 3 = 60/s.
        Assert.Equal(40_000, traffic.RequestBandwidth.Value!.Value, 9);
        Assert.Equal([20, 2000], traffic.RequestBandwidth.Inputs.Select(i => i.Value));
        Assert.Equal(100_000, traffic.ResponseBandwidth.Value!.Value, 9);
        Assert.Equal(60, traffic.Peak.Value!.Value, 9);
        Assert.Equal("average x peak_to_average", traffic.Peak.Formula);
        Assert.Equal([20, 3], traffic.Peak.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void A_per_user_rate_without_users_is_unknown_noted_and_sized_nowhere()
    {
        var report = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 3 }
            workflows:
              read: { entry: api.get, per_user: 30/month, request: 2KB }
            components:
              api: { kind: service, operations: { get: {} } }
            """));
        var traffic = report.Traffic.Single();

        Assert.False(traffic.Average.IsKnown);
        Assert.False(traffic.Peak.IsKnown);
        Assert.Equal("no average rate", traffic.Peak.Formula);
        Assert.False(traffic.RequestBandwidth.IsKnown);
        Assert.Equal("no average rate", traffic.RequestBandwidth.Formula);
        Assert.False(traffic.ResponseBandwidth.IsKnown);
        Assert.Contains("Workflow 'read' is per user but requirements.users.monthly_active is not stated; its traffic is left out.", report.Notes);
    }
}
