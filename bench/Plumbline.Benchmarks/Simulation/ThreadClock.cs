using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// Wall time and this thread's CPU time together. On a machine shared with other builds the CPU time is the
/// steadier figure: time spent descheduled is not counted (cache damage from the neighbours still is).
/// </summary>
public readonly partial struct ThreadClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    private readonly long _wallStart;
    private readonly double _cpuStart;

    private ThreadClock(long wall, double cpu)
    {
        _wallStart = wall;
        _cpuStart = cpu;
    }

    public static ThreadClock Start() => new(Stopwatch.GetTimestamp(), ThreadCpuSeconds());

    public (double Wall, double Cpu) Elapsed() =>
        (Stopwatch.GetElapsedTime(_wallStart).TotalSeconds, ThreadCpuSeconds() - _cpuStart);

    /// <summary>CPU seconds used by the calling thread; NaN where the clock is not available.</summary>
    public static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return ClockGetTime(ClockThreadCpuTime, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds * 1e-9) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
