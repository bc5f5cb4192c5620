using Plumbline.Analysis.Latency;
using Plumbline.Simulation.Engine;
using Plumbline.Simulation.Queueing;
using Plumbline.Simulation.Randomness;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// K independent M/M/c stations in one engine, each with its own Poisson arrivals: the same engine work per
/// event as one station, with about 10K events pending instead of about 10 (a large design at peak, every
/// pending event live). Optionally also N idle timers far in the future (timeouts that never fire), or a
/// timeout armed by every arrival that fires later and finds its job gone (what a design at peak keeps pending:
/// at 9,000 arrivals/s an 11 s timeout keeps about 100,000 timers in the list).
/// Built from the engine's parts as a model writer would: <see cref="Simulator"/>, <see cref="Station"/>,
/// <see cref="ServiceTime"/>, <see cref="Xoshiro256StarStar"/>.
/// </summary>
public sealed class ParallelMmc
{
    private const int Arrival = 0;
    private const int Departure = 1;
    private const int Timer = 2;

    private readonly Station[] _stations;
    private readonly ServiceTime _interArrival;
    private readonly ServiceTime _service;
    private readonly Xoshiro256StarStar _rng;
    private double[] _arrived = new double[1024];
    private int[] _free = new int[1024];
    private int _freeCount;
    private int _allocated;
    private readonly double _timeout;
    private readonly int _timeoutChannel = -1;
    private long _served;
    private double _waitSum;

    /// <param name="timeoutOnChannel">Timeouts go through a fixed-delay channel (the engine's way) instead of the list.</param>
    public ParallelMmc(int stations, double lambda, int servers, double mu, ulong seed, int idleTimers = 0, double timeout = 0, bool timeoutOnChannel = false)
    {
        _timeout = timeout;
        _stations = [.. Enumerable.Range(0, stations).Select(_ => new Station(servers))];
        _interArrival = ServiceTime.Exponential(1 / lambda);
        _service = ServiceTime.Exponential(1 / mu);
        _rng = new Xoshiro256StarStar(seed);
        Simulator = new Simulator(Math.Max(64, (stations * (servers + 1)) + idleTimers));
        for (var s = 0; s < stations; s++)
        {
            Simulator.Schedule(_interArrival.Sample(_rng.NextDouble()), Arrival, s);
        }

        if (timeout > 0 && timeoutOnChannel)
        {
            _timeoutChannel = Simulator.AddChannel(timeout);
        }

        for (var t = 0; t < idleTimers; t++)
        {
            Simulator.ScheduleAt(1e9 + t, Timer);
        }
    }

    public Simulator Simulator { get; }

    public double MeanWait => _served > 0 ? _waitSum / _served : 0;

    /// <summary>Arrivals and departures handled (timers not counted).</summary>
    public long ModelEvents { get; private set; }

    public long Run(double until)
    {
        var model = new Model(this);
        return Simulator.Run(ref model, until);
    }

    private void Handle(Simulator sim, in SimEvent e)
    {
        var now = sim.Now;
        var station = e.Target;
        if (e.Kind == Timer)
        {
            return;
        }

        ModelEvents++;
        if (e.Kind == Arrival)
        {
            sim.Schedule(_interArrival.Sample(_rng.NextDouble()), Arrival, station);
            if (_timeoutChannel >= 0)
            {
                sim.ScheduleOnChannel(_timeoutChannel, Timer, station);
            }
            else if (_timeout > 0)
            {
                sim.Schedule(_timeout, Timer, station);
            }

            var job = NewJob();
            if (_stations[station].Arrive(job, now) == Admission.Started)
            {
                sim.Schedule(_service.Sample(_rng.NextDouble()), Departure, station, job);
            }
            else
            {
                // Only a waiting job's arrival is read again (for its wait), as the minimal loop keeps only the waiting
                // arrivals' times: with many servers a job starts at once, and its slot would be a cache miss for nothing.
                _arrived[job] = now;
            }

            return;
        }

        _served++;
        _free[_freeCount++] = e.Tag;
        var next = _stations[station].Complete(now);
        if (next >= 0)
        {
            _waitSum += now - _arrived[next];
            sim.Schedule(_service.Sample(_rng.NextDouble()), Departure, station, next);
        }
    }

    private int NewJob()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_allocated == _arrived.Length)
        {
            Array.Resize(ref _arrived, _allocated * 2);
            Array.Resize(ref _free, _allocated * 2);
        }

        return _allocated++;
    }

    private readonly struct Model(ParallelMmc owner) : IModel
    {
        public void Handle(Simulator simulator, in SimEvent e) => owner.Handle(simulator, e);

        public bool Live(in SimEvent e) => true;
    }
}
