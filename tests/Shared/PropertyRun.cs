using System.Globalization;
using CsCheck;
using Xunit;

namespace Plumbline.Tests.Shared;

/// <summary>
/// Property tests with a seed that is logged and can be replayed. Each run draws its cases from one
/// seed: <c>PLUMBLINE_SEED</c> (hex) when set, otherwise a fresh one. The seed goes to the test's
/// output every run and into the message of a failure, so <c>PLUMBLINE_SEED=&lt;seed&gt; ./scripts/test</c>
/// (or <c>dotnet test</c>) runs exactly the same cases again. Cases run in parallel, each from its own
/// seed derived in order from the run's, so the cases do not depend on scheduling. A failing case is
/// then shrunk by CsCheck, whose own seed (<c>CsCheck_Seed</c>) replays the smallest one.
/// </summary>
internal static class PropertyRun
{
    public const string SeedVariable = "PLUMBLINE_SEED";

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iter"/> values of <paramref name="gen"/>.</summary>
    /// <param name="threads">Cases run at once; 1 for an assertion that shares state. Default: one per core.</param>
    /// <param name="print">How a failing case is shown (CsCheck's own form when null); for text, escape what a terminal would obey.</param>
    public static void SampleReplayable<T>(this Gen<T> gen, Action<T> assert, long iter = 100, int threads = -1, Func<T, string>? print = null)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(assert);
        var seed = RunSeed();
        TestContext.Current.TestOutputHelper?.WriteLine($"property seed {seed:X16} ({iter} cases); replay with {SeedVariable}={seed:X16}");

        var run = new PCG(1, seed);
        var caseSeeds = new ulong[iter];
        for (var i = 0; i < iter; i++)
        {
            caseSeeds[i] = run.Next64();
        }

        var firstFailure = long.MaxValue;
        Parallel.For(0, iter, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var value = gen.Generate(new PCG(1, caseSeeds[i]), null, out _);
            try
            {
                assert(value);
            }
#pragma warning disable CA1031 // Any exception is a failing case; the first one in case order is reported below.
            catch (Exception)
#pragma warning restore CA1031
            {
                InterlockedMin(ref firstFailure, i);
            }
        });

        if (firstFailure == long.MaxValue)
        {
            return;
        }

        var failing = new PCG(1, caseSeeds[firstFailure]);
        var caseSeed = failing.ToString();
        var replay = $"property seed {seed:X16}: case {firstFailure} of {iter} failed; replay the run with {SeedVariable}={seed:X16}";
        try
        {
            gen.Sample(assert, seed: caseSeed, iter: Math.Max(iter, 100), threads: threads, print: print);
        }
        catch (Exception shrunk)
        {
            throw new Xunit.Sdk.XunitException($"{replay}\n{shrunk.Message}", shrunk);
        }

        // CsCheck did not see the case fail again: report it as it was.
        try
        {
            assert(gen.Generate(new PCG(1, caseSeeds[firstFailure]), null, out _));
        }
        catch (Exception again)
        {
            throw new Xunit.Sdk.XunitException($"{replay}\n{again.Message}", again);
        }

        throw new Xunit.Sdk.XunitException(replay + " (the case passes when run again: the assertion is not deterministic)");
    }

    /// <summary>The two-value form, for <c>Gen.Select(a, b)</c> and <c>a.Select(b)</c>.</summary>
    public static void SampleReplayable<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, long iter = 100, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(assert);
        gen.SampleReplayable(t => assert(t.Item1, t.Item2), iter, threads);
    }

    /// <summary>The predicate form: the property holds when <paramref name="property"/> returns true.</summary>
    public static void SampleReplayable<T>(this Gen<T> gen, Func<T, bool> property, long iter = 100, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(property);
        gen.SampleReplayable(t => Assert.True(property(t), $"the property does not hold for {t}"), iter, threads);
    }

    public static void SampleReplayable<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> property, long iter = 100, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(property);
        gen.SampleReplayable(t => property(t.Item1, t.Item2), iter, threads);
    }

    public static void SampleReplayable<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, long iter = 100, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(assert);
        gen.SampleReplayable(t => assert(t.Item1, t.Item2, t.Item3), iter, threads);
    }

    public static void SampleReplayable<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, bool> property, long iter = 100, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(property);
        gen.SampleReplayable(t => property(t.Item1, t.Item2, t.Item3), iter, threads);
    }

    private static ulong RunSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrWhiteSpace(text))
        {
            Assert.True(ulong.TryParse(text.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var given),
                $"{SeedVariable}='{text}' is not a hexadecimal seed such as 0123456789ABCDEF");
            return given;
        }

        return (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63);
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
