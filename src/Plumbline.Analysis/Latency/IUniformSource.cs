namespace Plumbline.Analysis.Latency;

/// <summary>
/// A seeded source of uniform numbers on [0, 1), as <see cref="ServiceTime.Sample{TRandom}"/> reads
/// it. Implement it on the simulator's generator (a struct or a class); the call is generic, so a
/// struct implementation is inlined and nothing is boxed.
/// </summary>
public interface IUniformSource
{
    /// <summary>The next number, uniform on [0, 1).</summary>
    double NextDouble();
}
