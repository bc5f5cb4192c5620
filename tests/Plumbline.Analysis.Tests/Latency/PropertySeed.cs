using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// Property tests run from a fixed CsCheck seed, written to the test output so a failure can be
/// replayed; set PLUMBLINE_SEED to run from another (CsCheck prints the seed of any failing case).
/// </summary>
internal static class PropertySeed
{
    public static string Log(string fixedSeed)
    {
        var seed = Environment.GetEnvironmentVariable("PLUMBLINE_SEED") is { Length: > 0 } chosen ? chosen : fixedSeed;
        TestContext.Current.TestOutputHelper?.WriteLine($"CsCheck seed: {seed}");
        return seed;
    }
}
