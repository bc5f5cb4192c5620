using System.Runtime.CompilerServices;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// The ceiling: M/M/c written by hand with no engine. A 16-byte struct event (time and kind), a binary heap
/// in an array that replaces its top when an event schedules its successor, xoshiro256** in locals, a ring
/// buffer of waiting arrival times, and the mean wait as its one statistic. Nothing a general engine needs
/// (sequence numbers for ties, targets, handlers, stations, statistics per station) is here.
/// </summary>
public static class MinimalMmc
{
    public static (long Events, double MeanWait) Run(double lambda, int servers, double mu, double duration, ulong seed)
    {
        var heap = new Ev[64];
        var count = 0;
        var waiting = new double[1024];
        int head = 0, tail = 0, queued = 0;
        var busy = 0;
        long events = 0, served = 0;
        double waitSum = 0;
        var rng = new MinimalRng(seed);
        var meanArrival = 1 / lambda;
        var meanService = 1 / mu;

        heap[count++] = new Ev(rng.Exponential(meanArrival), 0);
        while (count > 0)
        {
            var e = heap[0];
            if (e.Time > duration)
            {
                break;
            }

            events++;
            var now = e.Time;
            if (e.Kind == 0)
            {
                // Arrival: the next arrival replaces this event at the top of the heap.
                ReplaceTop(heap, count, new Ev(now + rng.Exponential(meanArrival), 0));
                if (busy < servers)
                {
                    busy++;
                    Push(ref heap, ref count, new Ev(now + rng.Exponential(meanService), 1));
                }
                else
                {
                    if (queued == waiting.Length)
                    {
                        Grow(ref waiting, ref head, ref tail, queued);
                    }

                    waiting[tail] = now;
                    tail = (tail + 1) & (waiting.Length - 1);
                    queued++;
                }
            }
            else
            {
                served++;
                if (queued > 0)
                {
                    waitSum += now - waiting[head];
                    head = (head + 1) & (waiting.Length - 1);
                    queued--;
                    ReplaceTop(heap, count, new Ev(now + rng.Exponential(meanService), 1));
                }
                else
                {
                    busy--;
                    count--;
                    if (count > 0)
                    {
                        ReplaceTop(heap, count, heap[count]);
                    }
                }
            }
        }

        return (events, served > 0 ? waitSum / served : 0);
    }

    private static void Push(ref Ev[] heap, ref int count, Ev item)
    {
        if (count == heap.Length)
        {
            Array.Resize(ref heap, count * 2);
        }

        var i = count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[parent].Time <= item.Time)
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    private static void ReplaceTop(Ev[] heap, int count, Ev item)
    {
        var i = 0;
        while (true)
        {
            var child = (i << 1) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].Time < heap[child].Time)
            {
                child++;
            }

            if (heap[child].Time >= item.Time)
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = item;
    }

    private static void Grow(ref double[] ring, ref int head, ref int tail, int queued)
    {
        var bigger = new double[ring.Length * 2];
        for (var k = 0; k < queued; k++)
        {
            bigger[k] = ring[(head + k) & (ring.Length - 1)];
        }

        ring = bigger;
        head = 0;
        tail = queued;
    }

    private readonly record struct Ev(double Time, int Kind);
}

/// <summary>xoshiro256** kept in a struct local, so its state can live in registers (the minimal loops' generator).</summary>
internal struct MinimalRng
{
    private ulong _s0, _s1, _s2, _s3;

    public MinimalRng(ulong seed)
    {
        var x = seed;
        _s0 = Mix(ref x);
        _s1 = Mix(ref x);
        _s2 = Mix(ref x);
        _s3 = Mix(ref x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Exponential(double mean)
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return -Math.Log(((result >> 11) + 1) * (1.0 / (1UL << 53))) * mean;
    }

    private static ulong Mix(ref ulong x)
    {
        var z = x += 0x9e3779b97f4a7c15;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }
}
