using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Plumbline.Simulation.Queueing;
using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Simulation.Tests.Queueing;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_model_and_seed_give_the_same_bytes()
    {
        var first = Digest(Run(2026));
        var second = Digest(Run(2026));
        Assert.Equal(first, second);
        Assert.NotEqual(first, Digest(Run(2027)));
    }

    private static NetworkResult Run(ulong seed) => new QueueingNetwork(
        900, [new StationSpec(10, ServiceTime.Exponential(0.01)), new StationSpec(2, ServiceTime.LogNormal(-6, 0.5), QueueCapacity: 5)], seed)
        .Run(duration: RunLength.Pick(20, 2), warmUp: RunLength.Pick(2.0, 0.2));

    private static string Digest(NetworkResult r)
    {
        // Every figure at full precision ("R" round-trips a double bit for bit).
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{r.Completed} {r.MeanSojourn:R} {r.Events}\n");
        foreach (var s in r.Stations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Arrivals} {s.Rejected} {s.Served} {s.MeanWait:R} {s.WaitedFraction:R} {s.MeanSojourn:R} {s.Utilisation:R} {s.MeanQueueLength:R}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
