using Plumbline.Simulation.Engine;
using Plumbline.Simulation.Randomness;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// The classic hold model for future-event lists (Vaucher and Duval, 1975): fill the list with N events, then
/// repeatedly remove the earliest and insert it again an exponential time (mean 1) later, so the list stays at
/// N. Timed in thread CPU time per hold operation after a warm-up of max(N, 100,000) holds. For the heaps two ways are timed:
/// remove then insert, and one replace-top sift (what the engine does when an event schedules its successor).
/// </summary>
public static class HoldModel
{
    public static IReadOnlyList<(string List, double NsPerHold)> Measure(int pending, long holds, ulong seed)
    {
        var warm = Math.Max(pending, 100_000);
        return
        [
            ("binary heap, remove + insert", Time(holds, warm, BinaryPopPush(pending, seed))),
            ("binary heap, replace top", Time(holds, warm, BinaryReplace(pending, seed))),
            ("4-ary heap, remove + insert", Time(holds, warm, QuaternaryPopPush(pending, seed))),
            ("4-ary heap, replace top", Time(holds, warm, QuaternaryReplace(pending, seed))),
            ("engine's list, remove + insert", Time(holds, warm, EnginePopPush(pending, seed))),
            ("engine's list, replace top", Time(holds, warm, EngineReplace(pending, seed))),
            ("4-ary heap, 16-byte keys, remove + insert", Time(holds, warm, Keys16PopPush(pending, seed))),
            ("4-ary heap, 16-byte keys, replace top", Time(holds, warm, Keys16Replace(pending, seed))),
            ("radix heap, 128-bit keys", Time(holds, warm, Radix(pending, seed))),
            ("radix heap, 32-byte events", Time(holds, warm, RadixEvents(pending, seed))),
            ("calendar queue (Brown 1988)", Time(holds, warm, Calendar(pending, seed))),
            ("ladder queue over a 4-ary heap, replace top", Time(holds, warm, LadderReplace(pending, seed))),
            ("radix heap in 4-bit digits over a 4-ary heap, replace top", Time(holds, warm, Radix16Replace(pending, seed))),
        ];
    }

    private static double Time(long holds, long warm, Func<long, double> run)
    {
        run(warm);
        var clock = ThreadClock.Start();
        var check = run(holds);
        var ns = clock.Elapsed().Cpu * 1e9 / holds;
        return double.IsNaN(check) ? double.NaN : ns;
    }

    private static Func<long, double> BinaryPopPush(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new BinaryHeapList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN; // out of order: the list is broken
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> BinaryReplace(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new BinaryHeapList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var next = list.Peek().Time;
                if (next < t)
                {
                    return double.NaN;
                }

                t = next;
                list.ReplaceTop(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> QuaternaryPopPush(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new QuaternaryHeapList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN; // out of order: the list is broken
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> QuaternaryReplace(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new QuaternaryHeapList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var next = list.Peek().Time;
                if (next < t)
                {
                    return double.NaN;
                }

                t = next;
                list.ReplaceTop(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> EnginePopPush(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new FutureEventList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN; // out of order: the list is broken
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> EngineReplace(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new FutureEventList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var next = list.Peek().Time;
                if (next < t)
                {
                    return double.NaN;
                }

                t = next;
                list.ReplaceTop(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> LadderReplace(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new LadderList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var next = list.Peek().Time;
                if (next < t)
                {
                    return double.NaN;
                }

                t = next;
                list.ReplaceTop(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> Radix16Replace(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new Radix16List(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var next = list.Peek().Time;
                if (next < t)
                {
                    return double.NaN;
                }

                t = next;
                list.ReplaceTop(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> Calendar(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new CalendarList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, 0, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN; // out of order: the list is broken
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
            }

            return t;
        };
    }

    private static Func<long, double> Keys16PopPush(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new Quaternary16List(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, i, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN;
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, e.Target, 0));
            }

            return t;
        };
    }

    private static Func<long, double> Keys16Replace(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new Quaternary16List(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, i, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var next = list.PeekKey().Time;
                if (next < t)
                {
                    return double.NaN;
                }

                t = next;
                var e = list.ReplaceTop(new SimEvent(t + Exp(rng), seq++, 0, 0, 0));
                if (e.Time != t)
                {
                    return double.NaN;
                }
            }

            return t;
        };
    }

    private static Func<long, double> Radix(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new RadixList(n + 1);
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, i, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN;
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, e.Target, 0));
            }

            return t;
        };
    }

    private static Func<long, double> RadixEvents(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new RadixEventList();
        long seq = 0;
        for (var i = 0; i < n; i++)
        {
            list.Enqueue(new SimEvent(Exp(rng), seq++, 0, i, 0));
        }

        return holds =>
        {
            double t = 0;
            for (long h = 0; h < holds; h++)
            {
                var e = list.Dequeue();
                if (e.Time < t)
                {
                    return double.NaN;
                }

                t = e.Time;
                list.Enqueue(new SimEvent(t + Exp(rng), seq++, 0, e.Target, 0));
            }

            return t;
        };
    }

    private static double Exp(Xoshiro256StarStar rng) => -Math.Log(rng.NextDoubleNonZero());
}
