using Plumbline.Analysis.Latency;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>SplitMix64 (Steele, Lea and Flood, 2014) as a struct uniform source, so tests seed and replay their draws.</summary>
internal struct SplitMix64(ulong seed) : IUniformSource
{
    private ulong _state = seed;

    public double NextDouble()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
