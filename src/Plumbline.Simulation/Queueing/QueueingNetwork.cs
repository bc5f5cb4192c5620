using Plumbline.Analysis.Latency;
using Plumbline.Simulation.Engine;
using Plumbline.Simulation.Randomness;

namespace Plumbline.Simulation.Queueing;

/// <summary>One station of a <see cref="QueueingNetwork"/>.</summary>
/// <param name="Servers">Servers, one or more.</param>
/// <param name="ServiceTime">Service time in seconds.</param>
/// <param name="QueueCapacity">Waiting room; <see cref="int.MaxValue"/> for no limit.</param>
public sealed record StationSpec(int Servers, ServiceTime ServiceTime, int QueueCapacity = int.MaxValue);

/// <summary>What one station measured after the warm-up.</summary>
/// <param name="Arrivals">Jobs that arrived, rejected ones included.</param>
/// <param name="Rejected">Jobs turned away because the queue was full.</param>
/// <param name="Served">Jobs whose service started after arriving in the measured period and completed.</param>
/// <param name="MeanWait">Mean time in the queue, seconds, over the served jobs.</param>
/// <param name="WaitedFraction">Fraction of the served jobs that waited at all.</param>
/// <param name="MeanSojourn">Mean time at the station (wait plus service), seconds.</param>
/// <param name="Utilisation">Mean busy servers over servers.</param>
/// <param name="MeanQueueLength">Time-weighted mean number waiting.</param>
public sealed record StationResult(
    long Arrivals,
    long Rejected,
    long Served,
    double MeanWait,
    double WaitedFraction,
    double MeanSojourn,
    double Utilisation,
    double MeanQueueLength);

/// <summary>A run of a <see cref="QueueingNetwork"/>: each station, and the jobs that passed through all.</summary>
/// <param name="MeanSojourn">Mean time from arrival at the first station to leaving the last, seconds.</param>
/// <param name="Events">Events the engine handled (arrivals and departures, and the end of the warm-up).</param>
public sealed record NetworkResult(IReadOnlyList<StationResult> Stations, long Completed, double MeanSojourn, long Events);

/// <summary>
/// An open tandem network: Poisson arrivals at one rate, then each station in turn (c servers, FIFO,
/// bounded queue). The textbook models (M/M/1, M/M/c, M/D/1, M/M/1/K, Jackson tandems) are instances, so
/// the engine is checked against queueing theory through it; it is also the benchmark's model.
/// Observations count jobs that arrive after the warm-up; the stations' time averages restart then.
/// </summary>
public sealed class QueueingNetwork
{
    private const int ArrivalEvent = 0;
    private const int DepartureEvent = 1;
    private const int WarmUpEvent = 2;

    private readonly ServiceTime _interArrival;
    private readonly StationSpec[] _specs;
    private readonly Station[] _stations;
    private readonly Xoshiro256StarStar _rng;
    private readonly Simulator _simulator = new();
    private readonly Tally[] _tallies;
    private double _warmUp;
    private double[] _systemArrival = new double[256];
    private double[] _stationArrival = new double[256];
    private double[] _serviceStart = new double[256];
    private int[] _free = new int[256];
    private int _freeCount;
    private int _allocated;
    private long _completed;
    private double _sojournSum;

    /// <param name="arrivalRate">Poisson arrivals per second, more than zero.</param>
    /// <param name="stations">The stations, in the order every job visits them.</param>
    /// <param name="seed">Seed of the one random stream the run draws from.</param>
    public QueueingNetwork(double arrivalRate, IReadOnlyList<StationSpec> stations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(stations);
        if (!(arrivalRate > 0) || !double.IsFinite(arrivalRate))
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, "The arrival rate must be a finite number more than zero.");
        }

        if (stations.Count == 0)
        {
            throw new ArgumentException("A network needs at least one station.", nameof(stations));
        }

        _interArrival = ServiceTime.Exponential(1 / arrivalRate);
        _specs = [.. stations];
        _stations = [.. _specs.Select(s => new Station(s.Servers, s.QueueCapacity))];
        _tallies = new Tally[_specs.Length];
        _rng = new Xoshiro256StarStar(seed);
    }

    /// <summary>
    /// Runs from time zero for <paramref name="duration"/> seconds; observations start after
    /// <paramref name="warmUp"/> seconds. A network runs once.
    /// </summary>
    public NetworkResult Run(double duration, double warmUp = 0)
    {
        if (_simulator.EventsHandled > 0 || _simulator.Pending > 0)
        {
            throw new InvalidOperationException("A queueing network runs once.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(warmUp);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, warmUp);
        _warmUp = warmUp;
        _simulator.Schedule(_interArrival.Sample(_rng.NextDouble()), ArrivalEvent);
        if (warmUp > 0)
        {
            _simulator.ScheduleAt(warmUp, WarmUpEvent);
        }

        var handler = new Handler(this);
        _simulator.Run(ref handler, duration);
        var now = _simulator.Now;
        var results = new StationResult[_stations.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var s = _stations[i];
            var t = _tallies[i];
            results[i] = new StationResult(
                s.Arrivals,
                s.Rejected,
                t.Count,
                t.Count > 0 ? t.WaitSum / t.Count : 0,
                t.Count > 0 ? (double)t.Waited / t.Count : 0,
                t.Count > 0 ? t.SojournSum / t.Count : 0,
                s.Utilisation(now),
                s.MeanQueueLength(now));
        }

        return new NetworkResult(results, _completed, _completed > 0 ? _sojournSum / _completed : 0, _simulator.EventsHandled);
    }

    private void Handle(Simulator sim, in SimEvent e)
    {
        switch (e.Kind)
        {
            case ArrivalEvent:
                sim.Schedule(_interArrival.Sample(_rng.NextDouble()), ArrivalEvent);
                var job = NewJob();
                _systemArrival[job] = sim.Now;
                ArriveAt(sim, 0, job);
                break;
            case DepartureEvent:
                Depart(sim, e.Target, e.Tag);
                break;
            default:
                foreach (var s in _stations)
                {
                    s.ResetStatistics(sim.Now);
                }

                break;
        }
    }

    private void ArriveAt(Simulator sim, int station, int job)
    {
        var now = sim.Now;
        _stationArrival[job] = now;
        switch (_stations[station].Arrive(job, now))
        {
            case Admission.Started:
                StartService(sim, station, job);
                break;
            case Admission.Rejected:
                FreeJob(job);
                break;
        }
    }

    private void StartService(Simulator sim, int station, int job)
    {
        _serviceStart[job] = sim.Now;
        sim.Schedule(_specs[station].ServiceTime.Sample(_rng.NextDouble()), DepartureEvent, station, job);
    }

    private void Depart(Simulator sim, int station, int job)
    {
        var now = sim.Now;
        var arrived = _stationArrival[job];
        if (arrived >= _warmUp)
        {
            ref var tally = ref _tallies[station];
            var wait = _serviceStart[job] - arrived;
            tally.Count++;
            tally.WaitSum += wait;
            tally.Waited += wait > 0 ? 1 : 0;
            tally.SojournSum += now - arrived;
        }

        var next = _stations[station].Complete(now);
        if (next >= 0)
        {
            StartService(sim, station, next);
        }

        if (station + 1 < _stations.Length)
        {
            ArriveAt(sim, station + 1, job);
            return;
        }

        if (_systemArrival[job] >= _warmUp)
        {
            _completed++;
            _sojournSum += now - _systemArrival[job];
        }

        FreeJob(job);
    }

    private int NewJob()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_allocated == _systemArrival.Length)
        {
            Array.Resize(ref _systemArrival, _allocated * 2);
            Array.Resize(ref _stationArrival, _allocated * 2);
            Array.Resize(ref _serviceStart, _allocated * 2);
            Array.Resize(ref _free, _allocated * 2);
        }

        return _allocated++;
    }

    private void FreeJob(int job) => _free[_freeCount++] = job;

    private struct Tally
    {
        public long Count;
        public long Waited;
        public double WaitSum;
        public double SojournSum;
    }

    private readonly struct Handler(QueueingNetwork network) : IModel
    {
        public void Handle(Simulator simulator, in SimEvent e) => network.Handle(simulator, e);

        public bool Live(in SimEvent e) => true;
    }
}
