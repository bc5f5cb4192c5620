using System.Collections.Immutable;
using System.Globalization;
using HdrHistogram;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Latency;
using Plumbline.Analysis.Recovery;
using Plumbline.Design.Model;
using Plumbline.Simulation.Engine;
using Plumbline.Simulation.Queueing;
using Plumbline.Simulation.Randomness;
using Plumbline.Simulation.Resilience;

namespace Plumbline.Simulation.Designs;

/// <summary>
/// One replication of a design under one scenario: requests arrive per workflow (Poisson, thinned to the scenario's
/// shape), each operation waits for a slot on an instance its caller's load balancer picks, does its own work, then
/// makes its calls in order (parallel ones together), each through its breaker, timeout, retries and fallback; async
/// calls and queue deliveries start work nobody waits for. A timed-out call's work carries on at the callee.
/// </summary>
/// <remarks>
/// Requests, operations in progress ("frames") and calls in progress live in pooled arrays of structs, so the hot path
/// allocates nothing once the pools have grown to the run's largest backlog; a stale timer or a late answer is
/// recognised by a generation number and ignored.
/// </remarks>
internal sealed class DesignRun
{
    private const int ArrivalEvent = 0;
    private const int OwnDoneEvent = 1;
    private const int SlotFreeEvent = 2;
    private const int TimeoutEvent = 3;
    private const int RetryEvent = 4;
    private const int WindowEvent = 5;
    private const int FaultStartEvent = 6;
    private const int FaultEndEvent = 7;
    private const int FailoverEvent = 8;
    private const int RpoMarkEvent = 9;
    private const int AutoscaleEvent = 10;
    private const int ScaledUpEvent = 11;

    /// <summary>Largest latency an HDR histogram keeps, microseconds (24 hours).</summary>
    private const long HighestMicroseconds = 86_400_000_000;

    private readonly DesignModel _model;
    private readonly CallGraph _graph;
    private readonly SimulationScenario _scenario;
    private readonly SimulationOptions _options;
    private readonly Simulator _sim = new(1024);
    private readonly Xoshiro256StarStar _rng;
    private readonly double _duration;
    private readonly double _warmUp;
    private readonly double _window;
    private readonly int _replication;

    // Operations and edges.
    private readonly int[] _opComponent;
    private readonly bool[] _opWrite;
    private readonly ServiceTime[] _own;
    private readonly int[][] _outgoing;
    private readonly CallEdge[] _edges;
    private readonly double[] _edgeProbability;
    private readonly int[] _timeoutChannel;
    private readonly EdgeHot[] _hot;
    private readonly CircuitBreaker?[] _breakers;

    // Components and instances.
    private readonly SimulatedComponent[] _components;
    private readonly bool[] _limited;
    private readonly LoadBalancing[] _balancing;
    private readonly int[] _firstInstance;
    private readonly int[] _instanceComponent;
    private readonly HeldSlots?[] _stations;
    private readonly int[] _down;
    private readonly int[] _faultsOn;
    private readonly int[] _primaries;
    private readonly bool[] _inactive;
    private readonly int[] _active;
    private readonly int[] _pending;
    private readonly double[] _slotTime;
    private readonly double[] _slotTimeAt;
    private readonly double[] _busyAtScale;
    private readonly double[] _slotTimeAtWarmUp;
    private readonly double[] _slotTimeAtWindow;
    private readonly Queue<(double Time, int Wanted)>?[] _wishes;
    private readonly int[] _scaleUps;
    private readonly int[] _scaleDowns;
    private readonly int[] _fewest;
    private readonly int[] _most;
    private readonly int[] _crashes;
    private readonly bool[] _promoted;
    private readonly bool[] _shardedWrites;
    private readonly long[] _writesAcknowledged;
    private readonly long[] _writesRefused;
    private readonly List<FailoverWork> _failovers = [];
    private readonly int[] _upCount;
    private readonly int[] _outstanding;
    private readonly int[] _roundRobin;

    // Client-side balancers: a call that states its own load_balancing picks with its caller instance's own view.
    private readonly int[] _clientBase;
    private readonly int[] _clientTurnBase;
    private readonly int[] _clientOutstanding;
    private readonly int[] _clientTurn;
    private readonly double[] _addSeconds;
    private readonly double[] _times;
    private readonly int[] _timesFaults;
    private readonly double[] _errorRate;
    private int _activeFaults;
    private bool _faultInWindow;

    // Workflows.
    private readonly int[] _entry;
    private readonly double[] _candidateRate;
    private readonly bool[] _shaped;
    private readonly double _maxMultiple;

    // Pools.
    private Frame[] _frames = new Frame[1024];
    private int[] _freeFrames = new int[1024];
    private int _freeFrameCount;
    private int _framesAllocated;
    private CallSlot[] _calls = new CallSlot[1024];
    private int[] _freeCalls = new int[1024];
    private int _freeCallCount;
    private int _callsAllocated;
    private int _inFlight;
    private string? _stoppedBy;

    // Figures.
    private readonly WorkflowTally[] _tallies;
    private readonly LongHistogram[] _histograms;
    private readonly LongHistogram[] _windowHistograms;
    private readonly long[] _windowCompleted;
    private readonly long[] _windowFailed;
    private readonly long[] _componentOps;
    private readonly long[] _componentRejected;
    private readonly double[] _busyAtWarmUp;
    private readonly double[] _waitingAtWarmUp;
    private readonly double[] _busyAtWindow;
    private readonly double[] _waitingAtWindow;
    private readonly long[] _callsIn;
    private readonly long[] _attemptsIn;
    private readonly long[] _windowCallsIn;
    private readonly long[] _windowAttemptsIn;
    private readonly EdgeTally[] _edgeTallies;
    private readonly List<SeriesWindow> _series = [];
    private readonly Slo[] _slos;
    private readonly int[] _sloWorkflow;
    private readonly int[][] _slosOf;
    private readonly List<(long Good, long Valid)>[] _sloWindows;
    private readonly long[] _sloWindowGood;
    private readonly long[] _sloWindowValid;
    private bool _warmedUp;

    public DesignRun(DesignModel model, SimulationScenario scenario, SimulationOptions options, int replication)
    {
        _model = model;
        _graph = model.Graph;
        _scenario = scenario;
        _options = options;
        _replication = replication;
        _duration = scenario.Duration ?? options.Duration;
        _warmUp = Math.Min(options.WarmUp, _duration / 2);
        _window = Math.Max(options.Window, _duration / SimulationOptions.MaxWindows);
        _rng = Xoshiro256StarStar.ForStream(options.Seed, replication);

        _opComponent = [.. _graph.ComponentOf];
        _opWrite = [.. model.Writes];
        _own = [.. model.OwnTimes];
        _outgoing = [.. _graph.Outgoing.Select(o => o.ToArray())];
        _edges = [.. _graph.Edges];
        _edgeProbability = [.. model.EdgeProbabilities];
        _timeoutChannel = new int[_edges.Length];
        _hot = new EdgeHot[_edges.Length];
        _breakers = new CircuitBreaker?[_edges.Length];
        _edgeTallies = new EdgeTally[_edges.Length];
        for (var e = 0; e < _edges.Length; e++)
        {
            var call = _edges[e].Call;
            var count = call?.Count ?? 1;
            _hot[e] = new EdgeHot
            {
                To = _edges[e].To,
                ToComponent = _opComponent[_edges[e].To],
                Kind = _edges[e].Kind,
                Parallel = call?.Parallel ?? false,
                Probability = _edgeProbability[e],
                Whole = (int)Math.Floor(count),
                Fraction = count - Math.Floor(count),
            };
            _timeoutChannel[e] = call?.Timeout is { } t && _edges[e].Kind == EdgeKind.Sync ? _sim.AddChannel(t.Seconds) : -1;
            _breakers[e] = call?.CircuitBreaker is { } policy && _edges[e].Kind == EdgeKind.Sync ? new CircuitBreaker(policy) : null;
        }

        _components = [.. model.Components];
        _limited = [.. _components.Select(c => c.Limited)];
        _balancing = [.. _components.Select(c => c.Balancing)];
        _firstInstance = new int[_components.Length + 1];
        for (var c = 0; c < _components.Length; c++)
        {
            _firstInstance[c + 1] = _firstInstance[c] + _components[c].MaxCopies;
        }

        var instances = _firstInstance[^1];
        _instanceComponent = new int[instances];
        _stations = new HeldSlots?[instances];
        _down = new int[instances];
        _faultsOn = new int[instances];
        _inactive = new bool[instances];
        _primaries = new int[_components.Length];
        _active = new int[_components.Length];
        _pending = new int[_components.Length];
        _slotTime = new double[_components.Length];
        _slotTimeAt = new double[_components.Length];
        _busyAtScale = new double[_components.Length];
        _slotTimeAtWarmUp = new double[_components.Length];
        _slotTimeAtWindow = new double[_components.Length];
        _wishes = new Queue<(double, int)>?[_components.Length];
        _scaleUps = new int[_components.Length];
        _scaleDowns = new int[_components.Length];
        _fewest = new int[_components.Length];
        _most = new int[_components.Length];
        _crashes = new int[instances];
        _promoted = new bool[instances];
        _shardedWrites = new bool[_components.Length];
        _writesAcknowledged = new long[_components.Length];
        _writesRefused = new long[_components.Length];
        _outstanding = new int[instances];
        _upCount = new int[_components.Length];
        for (var c = 0; c < _components.Length; c++)
        {
            var scaled = _components[c].Autoscale is not null;
            _primaries[c] = scaled ? _components[c].MaxCopies : _components[c].Primaries;
            _active[c] = _components[c].InitialCopies;
            _upCount[c] = _components[c].MaxCopies;
            _wishes[c] = scaled ? new Queue<(double, int)>() : null;
            for (var i = _firstInstance[c]; i < _firstInstance[c + 1]; i++)
            {
                _instanceComponent[i] = c;
                var replica = i - _firstInstance[c] >= _primaries[c];
                _stations[i] = _components[c].Limited
                    ? new HeldSlots(replica ? _components[c].ReplicaSlots : _components[c].Slots, options.QueuePerInstance)
                    : null;
            }
        }

        for (var c = 0; c < _components.Length; c++)
        {
            // A store's writes go to their shard's primary (by key), not to any primary the balancer likes.
            _shardedWrites[c] = model.Recovery[c] is not null && _primaries[c] > 1 && _components[c].Autoscale is null;
        }

        _roundRobin = new int[_components.Length];
        (_clientBase, _clientTurnBase, _clientOutstanding, _clientTurn) = ClientBalancers(_edges, _opComponent, _components);
        _addSeconds = new double[_components.Length];
        _times = new double[_components.Length];
        Array.Fill(_times, 1.0);
        _timesFaults = new int[_components.Length];
        _errorRate = new double[_components.Length];
        _componentOps = new long[_components.Length];
        _componentRejected = new long[_components.Length];
        _busyAtWarmUp = new double[_components.Length];
        _waitingAtWarmUp = new double[_components.Length];
        _busyAtWindow = new double[_components.Length];
        _waitingAtWindow = new double[_components.Length];
        _callsIn = new long[_components.Length];
        _attemptsIn = new long[_components.Length];
        _windowCallsIn = new long[_components.Length];
        _windowAttemptsIn = new long[_components.Length];

        var workflows = model.Design.Workflows;
        _entry = new int[workflows.Length];
        _candidateRate = new double[workflows.Length];
        _shaped = new bool[workflows.Length];
        _maxMultiple = Math.Max(scenario.MaxMultiple, 1e-12);
        for (var w = 0; w < workflows.Length; w++)
        {
            _entry[w] = _graph.IndexOf(workflows[w].Entry);
            _shaped[w] = scenario.Shapes(workflows[w].Name);
            _candidateRate[w] = _entry[w] < 0 ? 0 : _shaped[w] ? model.WorkflowAverages[w] * _maxMultiple : model.WorkflowRates[w];
        }

        _tallies = new WorkflowTally[workflows.Length];
        _histograms = new LongHistogram[workflows.Length];
        _windowHistograms = new LongHistogram[workflows.Length];
        for (var w = 0; w < workflows.Length; w++)
        {
            _histograms[w] = new LongHistogram(HighestMicroseconds, 3);
            _windowHistograms[w] = new LongHistogram(HighestMicroseconds, 2);
        }

        _windowCompleted = new long[workflows.Length];
        _windowFailed = new long[workflows.Length];

        _slos = [.. model.Design.Slos.Where(s => workflows.Any(w => w.Name == s.Workflow))];
        _sloWorkflow = [.. _slos.Select(s => workflows.IndexOf(workflows.First(w => w.Name == s.Workflow)))];
        _sloWindows = [.. _slos.Select(_ => new List<(long, long)>())];
        _slosOf = [.. Enumerable.Range(0, workflows.Length).Select(w => Enumerable.Range(0, _slos.Length).Where(s => _sloWorkflow[s] == w).ToArray())];
        _sloWindowGood = new long[_slos.Length];
        _sloWindowValid = new long[_slos.Length];
    }

    /// <summary>Runs the replication, reporting the share of simulated time done to <paramref name="progress"/>.</summary>
    public SimulationRun Run(Action<double>? progress = null)
    {
        for (var w = 0; w < _entry.Length; w++)
        {
            ScheduleArrival(w);
        }

        _sim.ScheduleAt(Math.Min(_window, _duration), WindowEvent);
        for (var c = 0; c < _components.Length; c++)
        {
            for (var i = _firstInstance[c] + _active[c]; i < _firstInstance[c + 1]; i++)
            {
                _inactive[i] = true;
                Refresh(i);
            }

            _slotTime[c] = 0;
            _slotTimeAt[c] = 0;
            (_fewest[c], _most[c]) = (_active[c], _active[c]);
            if (_components[c].Autoscale is not null && SimulatedAutoscaling.Interval < _duration)
            {
                _sim.ScheduleAt(SimulatedAutoscaling.Interval, AutoscaleEvent, c);
            }
        }
        for (var f = 0; f < _scenario.Faults.Length; f++)
        {
            var fault = _scenario.Faults[f];
            if (fault.Start < _duration)
            {
                PlanFailovers(f, fault);
                _sim.ScheduleAt(Math.Max(0, fault.Start), FaultStartEvent, f);
                if (fault.End < _duration)
                {
                    _sim.ScheduleAt(Math.Max(fault.Start, fault.End), FaultEndEvent, f);
                }
            }
        }

        var handler = new Handler(this);
        var chunk = Math.Max(_window, _duration / 100);
        var until = 0.0;
        while (until < _duration && _stoppedBy is null)
        {
            until = Math.Min(_duration, until + chunk);
            if (!_warmedUp && until >= _warmUp)
            {
                // Stop at the end of the warm-up exactly, to take the baselines there.
                _sim.Run(ref handler, _warmUp);
                WarmUpEnds();
            }

            _sim.Run(ref handler, until);
            if (_sim.EventsHandled >= _options.MaxEvents && _stoppedBy is null && until < _duration)
            {
                _stoppedBy = string.Create(CultureInfo.InvariantCulture, $"the event limit ({_options.MaxEvents}) at {_sim.Now:0.###}s");
            }

            progress?.Invoke(until / _duration);
        }

        return Results();
    }

    private void WarmUpEnds()
    {
        _warmedUp = true;
        var now = _sim.Now;
        for (var c = 0; c < _components.Length; c++)
        {
            (_busyAtWarmUp[c], _waitingAtWarmUp[c]) = (BusyTime(c, now), WaitingTime(c, now));
            _slotTimeAtWarmUp[c] = SlotTime(c, now);
            (_fewest[c], _most[c], _scaleUps[c], _scaleDowns[c]) = (_active[c], _active[c], 0, 0);
        }
    }

    private void Handle(in SimEvent e)
    {
        switch (e.Kind)
        {
            case ArrivalEvent:
                Arrive(e.Target);
                break;
            case OwnDoneEvent:
                OwnDone(e.Target);
                break;
            case SlotFreeEvent:
                SlotFree(e.Target);
                break;
            case TimeoutEvent:
                if (TimeoutLive(e.Target, e.Tag))
                {
                    AttemptResult(e.Target, e.Tag, FailureCause.Timeout, false);
                }

                break;
            case RetryEvent:
                if (_calls[e.Target].Gen == e.Tag && _calls[e.Target].InUse)
                {
                    Attempt(e.Target);
                }

                break;
            case WindowEvent:
                CloseWindow();
                break;
            case FaultStartEvent:
                ApplyFault(_scenario.Faults[e.Target], +1);
                FailoversStart(e.Target);
                break;
            case FaultEndEvent:
                ApplyFault(_scenario.Faults[e.Target], -1);
                FailoversEnd(e.Target);
                break;
            case AutoscaleEvent:
                Autoscale(e.Target);
                break;
            case ScaledUpEvent:
                Activate(e.Target, e.Tag);
                break;
            case FailoverEvent:
                Promote(_failovers[e.Target]);
                break;
            case RpoMarkEvent:
                _failovers[e.Target].AcknowledgedAtMark = _writesAcknowledged[_failovers[e.Target].Component];
                break;
        }
    }

    /// <summary>An attempt's timeout still matters: the call is in use and on the same attempt (its generation moves on at each answer).</summary>
    private bool TimeoutLive(int call, int gen) => _calls[call].Gen == gen && _calls[call].InUse;

    // ---- Arrivals ----

    private void ScheduleArrival(int w)
    {
        var rate = _candidateRate[w];
        if (rate > 0)
        {
            var gap = -Math.Log(_rng.NextDoubleNonZero()) / rate;
            if (_sim.Now + gap < _duration)
            {
                _sim.Schedule(gap, ArrivalEvent, w);
            }
        }
    }

    private void Arrive(int w)
    {
        ScheduleArrival(w);
        if (_shaped[w] && _rng.NextDouble() * _maxMultiple >= _scenario.Multiple(_sim.Now))
        {
            return; // thinned: the shape's rate is below its maximum now
        }

        var frame = NewFrame(_entry[w], -1, 0);
        if (frame < 0)
        {
            return;
        }

        ref var f = ref _frames[frame];
        f.Workflow = w;
        f.Start = _sim.Now;
        f.Measured = _warmedUp;
        if (f.Measured)
        {
            _tallies[w].InFlight++;
        }

        Invoke(frame);
    }

    // ---- Operations ----

    private void Invoke(int frame)
    {
        ref var f = ref _frames[frame];
        var c = _opComponent[f.Op];
        if (_warmedUp)
        {
            _componentOps[c]++;
        }

        var instance = f.Edge >= 0 && _clientBase[f.Edge] >= 0 ? PickForCaller(ref f, c) : PickInstance(c, _opWrite[f.Op]);
        if (instance < 0)
        {
            if (_opWrite[f.Op])
            {
                _writesRefused[c]++;
            }

            Complete(frame, FailureCause.Unavailable);
            return;
        }

        f.Instance = instance;
        f.Crashes = _crashes[instance];
        _outstanding[instance]++;
        if (_stations[instance] is { } station)
        {
            switch (station.Arrive(frame, _sim.Now, !f.Delivered))
            {
                case Admission.Started:
                    StartOwn(frame);
                    break;
                case Admission.Queued when station.Waiting == 1:
                    // The first to wait: a slot's release is an event from now until nobody waits.
                    _sim.ScheduleAt(station.NextRelease, SlotFreeEvent, instance);
                    break;
                case Admission.Rejected:
                    _outstanding[instance]--;
                    f.Instance = -1;
                    if (_warmedUp)
                    {
                        _componentRejected[c]++;
                    }

                    Complete(frame, FailureCause.Rejected);
                    break;
            }

            return;
        }

        StartOwn(frame);
    }

    private void StartOwn(int frame)
    {
        ref var f = ref _frames[frame];
        var c = _opComponent[f.Op];
        var own = (_own[f.Op].Sample(_rng.NextDouble()) * _times[c]) + _addSeconds[c];
        _sim.Schedule(own, OwnDoneEvent, frame);
        if (_limited[c])
        {
            var replica = f.Instance - _firstInstance[c] >= _primaries[c];
            var component = _components[c];
            var (factor, capacity) = replica ? (component.ReplicaHold, component.ReplicaCapacity) : (component.Hold, component.CapacityPerInstance);
            var hold = factor > 0
                ? own * factor
                : (-Math.Log(_rng.NextDoubleNonZero()) / capacity * _times[c]) + _addSeconds[c];
            _stations[f.Instance]!.Hold(_sim.Now, _sim.Now + hold);
        }
    }

    /// <summary>While jobs wait at an instance, its earliest slot comes free: the longest waiting starts.</summary>
    private void SlotFree(int instance)
    {
        var station = _stations[instance]!;
        var next = station.Release(_sim.Now);
        if (next >= 0)
        {
            StartOwn(next);
        }

        if (station.Waiting > 0)
        {
            _sim.ScheduleAt(station.NextRelease, SlotFreeEvent, instance);
        }
    }

    private void OwnDone(int frame)
    {
        ref var f = ref _frames[frame];
        _outstanding[f.Instance]--;
        if (_crashes[f.Instance] != f.Crashes)
        {
            // The instance crashed while this work was on it (in progress or waiting): the work is lost.
            Complete(frame, FailureCause.Unavailable);
            return;
        }

        var rate = _errorRate[_opComponent[f.Op]];
        if (rate > 0 && _rng.NextDouble() < rate)
        {
            Complete(frame, FailureCause.Error);
            return;
        }

        if (_opWrite[f.Op])
        {
            _writesAcknowledged[_opComponent[f.Op]]++;
        }

        Advance(frame);
    }

    /// <summary>Makes the frame's next calls: async ones and deliveries at once, then the next synchronous call or parallel group.</summary>
    private void Advance(int frame)
    {
        var outgoing = _outgoing[_frames[frame].Op];
        while (_frames[frame].Cursor < outgoing.Length)
        {
            var e = outgoing[_frames[frame].Cursor++];
            ref readonly var edge = ref _hot[e];
            if (edge.Kind == EdgeKind.Delivery)
            {
                Spawn(edge.To, delivered: true);
                continue;
            }

            var copies = Copies(e);
            if (copies == 0)
            {
                continue;
            }

            if (edge.Kind == EdgeKind.Async)
            {
                for (var k = 0; k < copies; k++)
                {
                    Spawn(edge.To, delivered: false, e, _frames[frame].Instance);
                }

                continue;
            }

            if (!edge.Parallel)
            {
                _frames[frame].Pending = 1;
                StartCall(frame, e, copies);
                return;
            }

            // A parallel group: this call's copies and every following parallel call's, all at once.
            var started = 0;
            _frames[frame].Pending = int.MaxValue / 2; // held up until every call of the group has started
            for (var k = 0; k < copies; k++)
            {
                started++;
                StartCall(frame, e, 1);
            }

            while (_frames[frame].Cursor < outgoing.Length && _hot[outgoing[_frames[frame].Cursor]] is { Kind: EdgeKind.Sync, Parallel: true })
            {
                var next = outgoing[_frames[frame].Cursor++];
                var n = Copies(next);
                for (var k = 0; k < n; k++)
                {
                    started++;
                    StartCall(frame, next, 1);
                }
            }

            // Calls that finished while the group was starting have already counted down from the hold.
            ref var f = ref _frames[frame];
            f.Pending -= (int.MaxValue / 2) - started;
            if (f.Pending > 0)
            {
                return;
            }

            if (f.Failure != FailureCause.None)
            {
                Complete(frame, f.Failure);
                return;
            }
        }

        Complete(frame, FailureCause.None);
    }

    private int Copies(int e)
    {
        ref readonly var edge = ref _hot[e];
        if (edge.Probability < 1 && _rng.NextDouble() >= edge.Probability)
        {
            return 0;
        }

        return edge.Whole + (edge.Fraction > 0 && _rng.NextDouble() < edge.Fraction ? 1 : 0);
    }

    private void Spawn(int op, bool delivered, int edge = -1, int callerInstance = -1)
    {
        var frame = NewFrame(op, -1, 0);
        if (frame >= 0)
        {
            _frames[frame].Delivered = delivered;
            _frames[frame].Edge = edge;
            _frames[frame].CallerInstance = callerInstance;
            Invoke(frame);
        }
    }

    /// <summary>An operation finished (or failed): answer its caller, or record its request.</summary>
    private void Complete(int frame, FailureCause failure)
    {
        ref var f = ref _frames[frame];
        var (parentCall, parentGen, workflow, degraded) = (f.ParentCall, f.ParentGen, f.Workflow, f.Degraded);
        if (f.ClientSlot >= 0)
        {
            _clientOutstanding[f.ClientSlot]--; // the caller has its answer
        }

        if (workflow >= 0)
        {
            Record(workflow, f.Start, f.Measured, failure, degraded);
        }

        FreeFrame(frame);
        if (parentCall >= 0)
        {
            AttemptResult(parentCall, parentGen, failure, degraded);
        }
    }

    // ---- Calls ----

    private void StartCall(int frame, int e, int copies)
    {
        var call = NewCall();
        ref var c = ref _calls[call];
        c.Frame = frame;
        c.Edge = e;
        c.CopiesLeft = copies;
        c.Attempt = 0;
        c.FallbackOp = -1;
        c.Decorrelated = 0;
        c.Degraded = false;
        c.Measured = _warmedUp;
        var callee = _hot[e].ToComponent;
        _windowCallsIn[callee] += copies;
        if (c.Measured)
        {
            _edgeTallies[e].Calls += copies;
            _callsIn[callee] += copies;
        }

        Attempt(call);
    }

    private void Attempt(int call)
    {
        ref var c = ref _calls[call];
        var fallback = c.FallbackOp >= 0;
        var breaker = fallback ? null : _breakers[c.Edge];
        if (!fallback)
        {
            var callee = _hot[c.Edge].ToComponent;
            _windowAttemptsIn[callee]++;
            if (c.Measured)
            {
                _edgeTallies[c.Edge].Attempts++;
                _attemptsIn[callee]++;
            }
        }

        c.Admitted = false;
        if (breaker is not null)
        {
            if (!breaker.TryAcquire(_sim.Now))
            {
                AttemptResult(call, c.Gen, FailureCause.CircuitOpen, false);
                return;
            }

            c.Admitted = true;
        }

        var op = fallback ? c.FallbackOp : _hot[c.Edge].To;
        var gen = c.Gen;
        var callerInstance = _frames[c.Frame].Instance;
        var frame = NewFrame(op, call, gen);
        if (frame < 0)
        {
            return;
        }

        if (!fallback)
        {
            _frames[frame].Edge = _calls[call].Edge;
            _frames[frame].CallerInstance = callerInstance;
        }

        if (!fallback && _timeoutChannel[_calls[call].Edge] is var channel and >= 0)
        {
            _sim.ScheduleOnChannel(channel, TimeoutEvent, call, gen);
        }

        Invoke(frame);
    }

    /// <summary>An attempt's outcome (the callee's answer, a timeout, a refusal); stale ones were filtered out by the caller or here.</summary>
    private void AttemptResult(int call, int gen, FailureCause failure, bool degraded)
    {
        ref var c = ref _calls[call];
        if (!c.InUse || c.Gen != gen)
        {
            return; // an answer after the caller gave up on this attempt
        }

        c.Gen++;
        var edge = c.Edge;
        if (c.Admitted && _breakers[edge] is { } breaker)
        {
            if (failure == FailureCause.None)
            {
                breaker.RecordSuccess(_sim.Now);
            }
            else
            {
                breaker.RecordFailure(_sim.Now);
            }
        }

        c.Admitted = false;
        c.Degraded |= degraded;
        if (failure == FailureCause.None)
        {
            if (--c.CopiesLeft > 0)
            {
                c.Attempt = 0;
                c.Decorrelated = 0;
                c.FallbackOp = -1;
                Attempt(call);
                return;
            }

            CallDone(call, FailureCause.None);
            return;
        }

        var callSpec = _edges[edge].Call!;
        if (c.FallbackOp < 0 && failure != FailureCause.CircuitOpen && callSpec.Retries is { } retries && c.Attempt < retries.Max)
        {
            var delay = RetryDelays.Delay(retries, c.Attempt, _rng.NextDouble(), ref c.Decorrelated);
            c.Attempt++;
            if (delay > 0)
            {
                _sim.Schedule(delay, RetryEvent, call, c.Gen);
            }
            else
            {
                Attempt(call);
            }

            return;
        }

        if (c.FallbackOp < 0 && _model.Fallbacks[edge] >= 0)
        {
            c.FallbackOp = _model.Fallbacks[edge];
            c.Degraded = true;
            Attempt(call);
            return;
        }

        if (c.FallbackOp < 0 && !string.IsNullOrEmpty(callSpec.Fallback) && callSpec.FallbackTo is null)
        {
            // A fallback in words: the caller carries on with a degraded answer.
            c.Degraded = true;
            CallDone(call, FailureCause.None);
            return;
        }

        CallDone(call, failure);
    }

    private void CallDone(int call, FailureCause failure)
    {
        ref var c = ref _calls[call];
        var (frame, degraded, measured, edge) = (c.Frame, c.Degraded, c.Measured, c.Edge);
        FreeCall(call);
        if (measured && failure != FailureCause.None)
        {
            _edgeTallies[edge].Failed++;
        }

        ref var f = ref _frames[frame];
        f.Degraded |= degraded;
        if (failure != FailureCause.None && f.Failure == FailureCause.None)
        {
            f.Failure = failure;
        }

        if (--f.Pending > 0)
        {
            return;
        }

        if (f.Pending < 0)
        {
            f.Pending = 0;
        }

        if (f.Failure != FailureCause.None)
        {
            Complete(frame, f.Failure);
        }
        else
        {
            Advance(frame);
        }
    }

    // ---- Instances ----

    /// <summary>An up instance of component <paramref name="c"/> by its load balancing (a write: a primary), or -1 when none is up.</summary>
    private int PickInstance(int c, bool write)
    {
        var first = _firstInstance[c];
        var n = write ? _primaries[c] : _firstInstance[c + 1] - first;
        if (_upCount[c] == 0)
        {
            return -1;
        }

        if (n == 1)
        {
            return _down[first] == 0 ? first : -1;
        }

        if (write && _shardedWrites[c])
        {
            var shard = first + _rng.NextInt(n);
            return _down[shard] == 0 ? shard : -1;
        }

        return Balance(_balancing[c], c, first, n, write, _outstanding, 0, ref _roundRobin[c]);
    }

    /// <summary>
    /// An up instance picked by the call's own balancer, the one its caller instance keeps: its own round-robin turn and
    /// its own count of calls outstanding at each instance (sent and not yet answered). A store's writes still go to
    /// their shard's primary.
    /// </summary>
    private int PickForCaller(ref Frame f, int c)
    {
        var write = _opWrite[f.Op];
        var first = _firstInstance[c];
        var n = write ? _primaries[c] : _firstInstance[c + 1] - first;
        if (_upCount[c] == 0 || (write && _shardedWrites[c]) || n == 1)
        {
            return PickInstance(c, write);
        }

        var edge = f.Edge;
        var callerComponent = _opComponent[_edges[edge].From];
        var caller = f.CallerInstance < 0 ? 0 : f.CallerInstance - _firstInstance[callerComponent];
        var rows = (_clientTurnBase[edge + 1] - _clientTurnBase[edge]);
        var row = rows == 1 ? 0 : Math.Clamp(caller, 0, rows - 1);
        var width = _components[c].MaxCopies;
        var rowStart = _clientBase[edge] + (row * width);
        var picked = Balance(_edges[edge].Call!.LoadBalancing!.Value, c, first, n, write, _clientOutstanding, rowStart - first, ref _clientTurn[_clientTurnBase[edge] + row]);
        if (picked >= 0)
        {
            f.ClientSlot = rowStart + (picked - first);
            _clientOutstanding[f.ClientSlot]++;
        }

        return picked;
    }

    /// <summary>
    /// An up instance among the first <paramref name="n"/> of component <paramref name="c"/> by <paramref name="policy"/>,
    /// seeing instance i's outstanding requests at <paramref name="outstanding"/>[<paramref name="offset"/> + i] and
    /// taking its round-robin turn from <paramref name="turn"/>; -1 when none is up.
    /// </summary>
    private int Balance(LoadBalancing policy, int c, int first, int n, bool write, int[] outstanding, int offset, ref int turn)
    {
        switch (policy)
        {
            case LoadBalancing.LeastOutstanding:
            {
                // The fewest outstanding; ties go to the first from the turn on, which moves past it, so an idle set of
                // instances is shared in turn rather than all sent to the first.
                var best = -1;
                var from = first + Math.Min(turn, n - 1);
                for (var i = from; i < first + n; i++)
                {
                    if (_down[i] == 0 && (best < 0 || outstanding[offset + i] < outstanding[offset + best]))
                    {
                        best = i;
                    }
                }

                for (var i = first; i < from; i++)
                {
                    if (_down[i] == 0 && (best < 0 || outstanding[offset + i] < outstanding[offset + best]))
                    {
                        best = i;
                    }
                }

                if (best >= 0)
                {
                    turn = (best - first + 1) % n;
                }

                return best;
            }

            case LoadBalancing.TwoChoices:
            {
                var a = NthUp(first, n, c, write);
                var b = NthUp(first, n, c, write);
                return outstanding[offset + b] < outstanding[offset + a] ? b : a;
            }

            case LoadBalancing.Random:
                return NthUp(first, n, c, write);
            default:
            {
                // The next up instance after the last one chosen, so the up instances share the load evenly.
                var start = turn;
                for (var j = 0; j < n; j++)
                {
                    var k = (start + j) % n;
                    if (_down[first + k] == 0)
                    {
                        turn = (k + 1) % n;
                        return first + k;
                    }
                }

                return -1;
            }
        }
    }

    /// <summary>
    /// Room for the client-side balancers of the calls that state a <c>load_balancing</c>: per call, a row for each of its
    /// caller's instances (one shared row when that would pass a million counters, or 16 million over every call; past that, the callee's own balancer), each row the callee's instances'
    /// outstanding counts, and a round-robin turn per row. -1 for a call without one.
    /// </summary>
    private static (int[] Base, int[] TurnBase, int[] Outstanding, int[] Turn) ClientBalancers(CallEdge[] edges, int[] opComponent, SimulatedComponent[] components)
    {
        const long MaxPerCall = 1_000_000;
        const long MaxTotal = 16_000_000;
        var bases = new int[edges.Length];
        var turnBase = new int[edges.Length + 1];
        long total = 0;
        var turns = 0;
        for (var e = 0; e < edges.Length; e++)
        {
            turnBase[e] = turns;
            if (edges[e] is not { Kind: EdgeKind.Sync or EdgeKind.Async, Call.LoadBalancing: not null })
            {
                bases[e] = -1;
                continue;
            }

            var callers = (long)components[opComponent[edges[e].From]].MaxCopies;
            var width = (long)components[opComponent[edges[e].To]].MaxCopies;
            var rows = callers * width <= MaxPerCall && total + (callers * width) <= MaxTotal ? callers : 1;
            if (total + width > MaxTotal)
            {
                bases[e] = -1; // past the bound: the callee's own balancer
                continue;
            }

            bases[e] = (int)total;
            total += rows * width;
            turns += (int)rows;
        }

        turnBase[edges.Length] = turns;
        return (bases, turnBase, new int[total], new int[turns]);
    }

    /// <summary>An up instance among the first <paramref name="n"/>, uniformly at random.</summary>
    private int NthUp(int first, int n, int c, bool write)
    {
        var up = write ? n : _upCount[c];
        if (up == n || write)
        {
            // All up (or a write, whose primaries are few): draw, and probe on from a down one.
            return UpFrom(first, n, _rng.NextInt(n));
        }

        var target = _rng.NextInt(up);
        for (var i = first; i < first + n; i++)
        {
            if (_down[i] == 0 && target-- == 0)
            {
                return i;
            }
        }

        return UpFrom(first, n, 0);
    }

    /// <summary>The first up instance from offset <paramref name="k"/> on, wrapping.</summary>
    private int UpFrom(int first, int n, int k)
    {
        for (var j = 0; j < n; j++)
        {
            var i = first + ((k + j) % n);
            if (_down[i] == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private void ApplyFault(SimulatedFault fault, int sign)
    {
        _activeFaults += sign;
        _faultInWindow = true;
        switch (fault.Kind)
        {
            case FaultKind.ZoneDown:
                for (var i = 0; i < _instanceComponent.Length; i++)
                {
                    var c = _instanceComponent[i];
                    if (!_components[c].SpansZones && _components[c].Zones[i - _firstInstance[c]] == fault.Target)
                    {
                        SetDown(i, sign);
                    }
                }

                break;
            case FaultKind.InstanceDown when _graph.ComponentIndex.TryGetValue(fault.Target, out var target):
                var copies = _components[target].MaxCopies;
                var count = Math.Min(fault.Instances ?? copies, copies);
                for (var i = 0; i < count; i++)
                {
                    SetDown(_firstInstance[target] + i, sign);
                }

                break;
            case FaultKind.Slow when _graph.ComponentIndex.TryGetValue(fault.Target, out var slow):
                _addSeconds[slow] = Math.Max(0, _addSeconds[slow] + (sign * fault.AddSeconds));
                if (fault.Times != 1)
                {
                    // Overlapping multipliers compound; the last one to end restores exactly 1.
                    _timesFaults[slow] += sign;
                    _times[slow] = _timesFaults[slow] == 0 ? 1 : sign > 0 ? _times[slow] * fault.Times : _times[slow] / fault.Times;
                }

                break;
            case FaultKind.Fail when _graph.ComponentIndex.TryGetValue(fault.Target, out var failing):
                _errorRate[failing] = Math.Clamp(_errorRate[failing] + (sign * fault.ErrorRate), 0, 1);
                break;
        }
    }

    private void SetDown(int instance, int sign)
    {
        if (sign > 0 && _faultsOn[instance] == 0)
        {
            _crashes[instance]++; // a crash: what the instance holds is lost
        }

        _faultsOn[instance] = Math.Max(0, _faultsOn[instance] + sign);
        if (_faultsOn[instance] == 0)
        {
            _promoted[instance] = false; // the lost copy is back; the promoted one serves on as it
        }

        Refresh(instance);
    }

    /// <summary>An instance is down while a fault holds it, unless a copy was promoted in its place.</summary>
    private void Refresh(int instance)
    {
        var c = _instanceComponent[instance];
        var wasUp = _down[instance] == 0;
        _down[instance] = (_faultsOn[instance] > 0 && !_promoted[instance]) || _inactive[instance] ? 1 : 0;
        var isUp = _down[instance] == 0;
        if (wasUp != isUp)
        {
            _upCount[c] += isUp ? 1 : -1;
        }
    }

    // ---- Autoscaling ----

    /// <summary>Slot-seconds of the component's serving instances from the start to <paramref name="now"/>.</summary>
    private double SlotTime(int c, double now) => _slotTime[c] + (ActiveSlots(c) * (now - _slotTimeAt[c]));

    private double ActiveSlots(int c) =>
        _components[c].Autoscale is null ? _components[c].TotalSlots : (double)_components[c].Slots * _active[c];

    /// <summary>Changes the serving instances of an autoscaled component by <paramref name="delta"/>, keeping the slot-time integral.</summary>
    private void ChangeActive(int c, int delta)
    {
        var now = _sim.Now;
        _slotTime[c] = SlotTime(c, now);
        _slotTimeAt[c] = now;
        _active[c] += delta;
        _fewest[c] = Math.Min(_fewest[c], _active[c]);
        _most[c] = Math.Max(_most[c], _active[c]);
    }

    /// <summary>
    /// One decision of the autoscaler (see <see cref="SimulatedAutoscaling"/>): the utilisation of the serving instances
    /// since the last decision against the target, the instances wanted, more started (serving after the delay) or
    /// fewer removed once every wish of the cooldown was that low.
    /// </summary>
    private void Autoscale(int c)
    {
        var policy = _components[c].Autoscale!;
        var now = _sim.Now;
        if (now + SimulatedAutoscaling.Interval < _duration)
        {
            _sim.Schedule(SimulatedAutoscaling.Interval, AutoscaleEvent, c);
        }

        // The instances kept busy on average since the last decision, over the target: serving x utilisation / target
        // when the serving instances did not change, and still right when a scale-up landed in between.
        var busy = BusyTime(c, now);
        var busyInstances = (busy - _busyAtScale[c]) / (SimulatedAutoscaling.Interval * _components[c].Slots);
        _busyAtScale[c] = busy;
        var serving = _active[c];
        var exact = busyInstances / policy.Target;
        var wanted = Math.Abs((exact / serving) - 1) <= SimulatedAutoscaling.Tolerance
            ? serving
            : Math.Clamp((int)Math.Ceiling(exact - 1e-9), policy.Min, policy.Max);
        var wishes = _wishes[c]!;
        wishes.Enqueue((now, wanted));
        while (wishes.Count > 0 && wishes.Peek().Time < now - policy.Cooldown + 1e-9)
        {
            wishes.Dequeue();
        }

        var coming = serving + _pending[c];
        if (wanted > coming)
        {
            var more = wanted - coming;
            _pending[c] += more;
            if (_warmedUp)
            {
                _scaleUps[c]++;
            }

            _sim.Schedule(policy.Delay, ScaledUpEvent, c, more);
            return;
        }

        var floor = wishes.Max(w => w.Wanted);
        if (floor < serving && _pending[c] == 0 && now >= policy.Cooldown - 1e-9)
        {
            // The last instances stop taking work; what they hold finishes.
            for (var k = serving - 1; k >= floor; k--)
            {
                var i = _firstInstance[c] + k;
                _inactive[i] = true;
                Refresh(i);
            }

            ChangeActive(c, floor - serving);
            if (_warmedUp)
            {
                _scaleDowns[c]++;
            }
        }
    }

    /// <summary>Instances started by a scale-up begin serving.</summary>
    private void Activate(int c, int count)
    {
        _pending[c] -= count;
        var room = _components[c].MaxCopies - _active[c];
        count = Math.Min(count, room);
        for (var k = _active[c]; k < _active[c] + count; k++)
        {
            var i = _firstInstance[c] + k;
            _inactive[i] = false;
            Refresh(i);
        }

        ChangeActive(c, count);
    }

    // ---- Failover ----

    /// <summary>
    /// Before the run: each store whose primary the fault takes, with the recovery analysis's RPO and RTO for that failure
    /// (an instance for <c>instance_down</c>, a zone for <c>zone_down</c>); a mark at the fault's start less the RPO counts
    /// the writes acknowledged since, which the failure loses.
    /// </summary>
    private void PlanFailovers(int f, SimulatedFault fault)
    {
        for (var c = 0; c < _components.Length; c++)
        {
            if (_model.Recovery[c] is not { } store)
            {
                continue;
            }

            FailureScope scope;
            if (fault.Kind == FaultKind.InstanceDown && _components[c].Name == fault.Target && (fault.Instances ?? 1) > 0)
            {
                scope = FailureScope.Instance;
            }
            else if (fault.Kind == FaultKind.ZoneDown && !_components[c].SpansZones && Enumerable.Range(0, _primaries[c]).Any(i => _components[c].Zones[i] == fault.Target))
            {
                scope = FailureScope.Zone;
            }
            else
            {
                continue;
            }

            var domain = store.For(scope);
            var work = new FailoverWork(f, c, scope, domain.Path, fault.Start, domain.Rto.Value ?? double.PositiveInfinity, domain.Rpo.Value ?? double.PositiveInfinity);
            _failovers.Add(work);
            if (work.Rpo > 0)
            {
                var mark = double.IsFinite(work.Rpo) ? fault.Start - work.Rpo : 0;
                work.LostSinceStart = mark <= 0;
                _sim.ScheduleAt(Math.Max(0, mark), RpoMarkEvent, _failovers.Count - 1);
            }
        }
    }

    private void FailoversStart(int f)
    {
        for (var k = 0; k < _failovers.Count; k++)
        {
            var work = _failovers[k];
            if (work.Fault != f)
            {
                continue;
            }

            var c = work.Component;
            work.Started = true;
            work.RefusedAtStart = _writesRefused[c];
            work.Lost = work.Rpo > 0 ? _writesAcknowledged[c] - work.AcknowledgedAtMark : 0;
            var end = Math.Min(_scenario.Faults[f].End, _duration);
            if (double.IsFinite(work.Rto) && _sim.Now + work.Rto < end)
            {
                _sim.Schedule(work.Rto, FailoverEvent, k);
            }
        }
    }

    /// <summary>The failover completes: a surviving copy takes each lost primary's place, and writes resume.</summary>
    private void Promote(FailoverWork work)
    {
        if (work.Ended)
        {
            return;
        }

        var c = work.Component;
        for (var i = _firstInstance[c]; i < _firstInstance[c] + _primaries[c]; i++)
        {
            if (_faultsOn[i] > 0)
            {
                _promoted[i] = true;
                Refresh(i);
            }
        }

        work.End(_sim.Now, _writesRefused[c]);
    }

    private void FailoversEnd(int f)
    {
        foreach (var work in _failovers)
        {
            if (work.Fault == f && work.Started && !work.Ended)
            {
                work.End(_sim.Now, _writesRefused[work.Component]);
            }
        }
    }

    // ---- Figures ----

    private void Record(int w, double start, bool measured, FailureCause failure, bool degraded)
    {
        var latency = _sim.Now - start;
        _windowCompleted[w]++;
        var micros = (long)Math.Clamp(Math.Round(latency * 1e6), 0, HighestMicroseconds);
        if (failure == FailureCause.None)
        {
            _windowHistograms[w].RecordValue(micros);
        }
        else
        {
            _windowFailed[w]++;
        }

        foreach (var s in _slosOf[w])
        {
            var slo = _slos[s];
            if (slo.Sli == SliKind.Availability)
            {
                _sloWindowValid[s]++;
                _sloWindowGood[s] += failure == FailureCause.None ? 1 : 0;
            }
            else if (failure == FailureCause.None && slo.Threshold is { } threshold)
            {
                _sloWindowValid[s]++;
                _sloWindowGood[s] += latency <= threshold.Seconds ? 1 : 0;
            }
        }

        if (!measured)
        {
            return;
        }

        ref var t = ref _tallies[w];
        t.InFlight--;
        t.Requests++;
        switch (failure)
        {
            case FailureCause.None:
                t.Succeeded++;
                t.Degraded += degraded ? 1 : 0;
                _histograms[w].RecordValue(micros);
                break;
            case FailureCause.Timeout:
                t.Timeouts++;
                break;
            case FailureCause.Rejected:
                t.Rejected++;
                break;
            case FailureCause.Unavailable:
                t.Unavailable++;
                break;
            case FailureCause.Error:
                t.Errors++;
                break;
            case FailureCause.CircuitOpen:
                t.CircuitOpen++;
                break;
        }
    }

    private void CloseWindow()
    {
        var now = _sim.Now;
        var start = _series.Count * _window;
        var span = now - start;
        var workflows = ImmutableArray.CreateBuilder<WorkflowWindow>(_entry.Length);
        for (var w = 0; w < _entry.Length; w++)
        {
            var h = _windowHistograms[w];
            var ok = h.TotalCount > 0;
            workflows.Add(new WorkflowWindow(_windowCompleted[w], _windowFailed[w],
                ok ? h.GetValueAtPercentile(50) / 1e6 : double.NaN, ok ? h.GetValueAtPercentile(99) / 1e6 : double.NaN));
            if (ok)
            {
                h.Reset();
            }

            _windowCompleted[w] = 0;
            _windowFailed[w] = 0;
        }

        var utilisation = ImmutableArray.CreateBuilder<double>(_components.Length);
        var queue = ImmutableArray.CreateBuilder<double>(_components.Length);
        var amplification = ImmutableArray.CreateBuilder<double>(_components.Length);
        var up = ImmutableArray.CreateBuilder<int>(_components.Length);
        for (var c = 0; c < _components.Length; c++)
        {
            var busy = BusyTime(c, now);
            var waiting = WaitingTime(c, now);
            var slots = (double)_components[c].TotalSlots;
            var limited = _components[c].Limited && span > 0;
            var slotTime = SlotTime(c, now);
            var slotSpan = _components[c].Autoscale is null ? slots * span : slotTime - _slotTimeAtWindow[c];
            _slotTimeAtWindow[c] = slotTime;
            utilisation.Add(limited ? (busy - _busyAtWindow[c]) / slotSpan : double.NaN);
            queue.Add(limited ? (waiting - _waitingAtWindow[c]) / span : double.NaN);
            up.Add(_upCount[c]);
            amplification.Add(_windowCallsIn[c] > 0 ? (double)_windowAttemptsIn[c] / _windowCallsIn[c] : double.NaN);
            _busyAtWindow[c] = busy;
            _waitingAtWindow[c] = waiting;
            _windowCallsIn[c] = 0;
            _windowAttemptsIn[c] = 0;
        }

        _series.Add(new SeriesWindow(start, workflows.MoveToImmutable(), utilisation.MoveToImmutable(), _faultInWindow)
        {
            QueueLength = queue.MoveToImmutable(),
            Amplification = amplification.MoveToImmutable(),
            Instances = up.MoveToImmutable(),
        });
        _faultInWindow = _activeFaults > 0;
        var measured = start >= _warmUp - 1e-9;
        for (var s = 0; s < _slos.Length; s++)
        {
            _sloWindows[s].Add(measured ? (_sloWindowGood[s], _sloWindowValid[s]) : (-1, -1));
            _sloWindowGood[s] = 0;
            _sloWindowValid[s] = 0;
        }

        var next = (_series.Count + 1) * _window;
        if (now < _duration - 1e-9)
        {
            _sim.ScheduleAt(Math.Min(next, _duration), WindowEvent);
        }
    }

    private double BusyTime(int c, double now)
    {
        var total = 0.0;
        for (var i = _firstInstance[c]; i < _firstInstance[c + 1]; i++)
        {
            total += _stations[i]?.BusyTime(now) ?? 0;
        }

        return total;
    }

    private double WaitingTime(int c, double now)
    {
        var total = 0.0;
        for (var i = _firstInstance[c]; i < _firstInstance[c + 1]; i++)
        {
            total += _stations[i]?.WaitingTime(now) ?? 0;
        }

        return total;
    }

    private SimulationRun Results()
    {
        var end = _sim.Now;
        if (_stoppedBy is null && (_series.Count == 0 || _series[^1].Start + _window < end - 1e-9))
        {
            CloseWindow();
        }

        var measured = Math.Max(end - _warmUp, 1e-9);
        var workflows = ImmutableArray.CreateBuilder<WorkflowResult>();
        for (var w = 0; w < _entry.Length; w++)
        {
            var t = _tallies[w];
            workflows.Add(new WorkflowResult(_model.Design.Workflows[w].Name, t.Requests, t.Succeeded, t.Timeouts, t.Rejected, t.Unavailable,
                t.Errors, t.CircuitOpen, t.Degraded, t.InFlight, t.Succeeded / measured, Percentiles(_histograms[w])));
        }

        var components = ImmutableArray.CreateBuilder<ComponentResult>();
        for (var c = 0; c < _components.Length; c++)
        {
            var sc = _components[c];
            var slots = (double)sc.TotalSlots;
            var slotTime = sc.Autoscale is null ? slots * measured : SlotTime(c, end) - _slotTimeAtWarmUp[c];
            components.Add(new ComponentResult(sc.Name, sc.Instances, sc.Slots, sc.CapacityPerInstance,
                sc.Limited ? (BusyTime(c, end) - _busyAtWarmUp[c]) / slotTime : double.NaN,
                sc.Limited ? (WaitingTime(c, end) - _waitingAtWarmUp[c]) / measured : 0,
                _componentOps[c], _componentRejected[c])
            {
                CallsIn = _callsIn[c],
                AttemptsIn = _attemptsIn[c],
                FewestInstances = _fewest[c],
                MostInstances = _most[c],
                ScaleUps = _scaleUps[c],
                ScaleDowns = _scaleDowns[c],
            });
        }

        var calls = ImmutableArray.CreateBuilder<CallResult>();
        for (var e = 0; e < _edges.Length; e++)
        {
            if (_edges[e] is { Kind: EdgeKind.Sync, Call: { } call })
            {
                var t = _edgeTallies[e];
                calls.Add(new CallResult(call.Id, t.Calls, t.Attempts, t.Failed, _breakers[e]?.Opened ?? 0, _breakers[e]?.Refused ?? 0));
            }
        }

        var faultEnd = _scenario.Faults.IsDefaultOrEmpty ? (double?)null : _scenario.Faults.Max(f => Math.Min(f.End, end));
        var slos = ImmutableArray.CreateBuilder<SloResult>();
        for (var s = 0; s < _slos.Length; s++)
        {
            slos.Add(SloJudge.Judge(_slos[s], _sloWindows[s], _window, faultEnd));
        }

        var failovers = ImmutableArray.CreateBuilder<FailoverResult>();
        foreach (var work in _failovers.Where(w => w.Started))
        {
            if (!work.Ended)
            {
                work.End(end, _writesRefused[work.Component]);
            }

            failovers.Add(new FailoverResult(_components[work.Component].Name, work.Scope, work.Path, work.At, work.Rto, work.Rpo,
                work.DownFor, work.Refused, work.Lost, work.LostSinceStart, work.Recovered));
        }

        return new SimulationRun(_replication, end, _warmUp, _window, _sim.EventsHandled, _stoppedBy, workflows.ToImmutable(), components.ToImmutable(),
            calls.ToImmutable(), [.. _series], slos.ToImmutable())
        {
            Failovers = failovers.ToImmutable(),
            Histograms = [.. _histograms],
            SloWindows = [.. _sloWindows.Select(l => l.ToImmutableArray())],
            SloDefinitions = [.. _slos],
        };
    }

    internal static LatencyPercentiles Percentiles(LongHistogram h) =>
        h.TotalCount == 0
            ? LatencyPercentiles.Empty
            : new LatencyPercentiles(h.TotalCount, h.GetMean() / 1e6, h.GetValueAtPercentile(50) / 1e6, h.GetValueAtPercentile(90) / 1e6,
                h.GetValueAtPercentile(99) / 1e6, h.GetValueAtPercentile(99.9) / 1e6, h.GetMaxValue() / 1e6);

    // ---- Pools ----

    private int NewFrame(int op, int parentCall, int parentGen)
    {
        if (_inFlight >= _options.MaxInFlight)
        {
            _stoppedBy ??= string.Create(CultureInfo.InvariantCulture, $"the in-flight limit ({_options.MaxInFlight}) at {_sim.Now:0.###}s: the backlog grows without bound");
            _sim.Stop();
            return -1;
        }

        int frame;
        if (_freeFrameCount > 0)
        {
            frame = _freeFrames[--_freeFrameCount];
        }
        else
        {
            if (_framesAllocated == _frames.Length)
            {
                Array.Resize(ref _frames, _frames.Length * 2);
                Array.Resize(ref _freeFrames, _frames.Length);
            }

            frame = _framesAllocated++;
        }

        _inFlight++;
        _frames[frame] = new Frame { Op = op, ParentCall = parentCall, ParentGen = parentGen, Workflow = -1, Instance = -1, Edge = -1, ClientSlot = -1 };
        return frame;
    }

    private void FreeFrame(int frame)
    {
        _inFlight--;
        _freeFrames[_freeFrameCount++] = frame;
    }

    private int NewCall()
    {
        int call;
        if (_freeCallCount > 0)
        {
            call = _freeCalls[--_freeCallCount];
        }
        else
        {
            if (_callsAllocated == _calls.Length)
            {
                Array.Resize(ref _calls, _calls.Length * 2);
                Array.Resize(ref _freeCalls, _calls.Length);
            }

            call = _callsAllocated++;
        }

        _calls[call].InUse = true;
        return call;
    }

    private void FreeCall(int call)
    {
        _calls[call].InUse = false;
        _calls[call].Gen++;
        _freeCalls[_freeCallCount++] = call;
    }

    /// <summary>What the hot path reads of an edge, inline (no record or call to follow per call made).</summary>
    private struct EdgeHot
    {
        public int To;
        public int ToComponent;
        public EdgeKind Kind;
        public bool Parallel;
        public int Whole;
        public double Fraction;
        public double Probability;
    }

    /// <summary>An operation in progress on one instance.</summary>
    private struct Frame
    {
        public int Op;
        public int Instance;
        public int Crashes;
        public int Edge;
        public int CallerInstance;
        public int ClientSlot;
        public int ParentCall;
        public int ParentGen;
        public int Workflow;
        public int Cursor;
        public int Pending;
        public double Start;
        public FailureCause Failure;
        public bool Degraded;
        public bool Delivered;
        public bool Measured;
    }

    /// <summary>A call in progress: its attempts, retries, copies and fallback.</summary>
    private struct CallSlot
    {
        public int Frame;
        public int Edge;
        public int Gen;
        public int Attempt;
        public int CopiesLeft;
        public int FallbackOp;
        public double Decorrelated;
        public bool InUse;
        public bool Admitted;
        public bool Degraded;
        public bool Measured;
    }

    /// <summary>A store's primary lost to a fault, while it is worked out.</summary>
    private sealed class FailoverWork(int fault, int component, FailureScope scope, RecoveryPath path, double at, double rto, double rpo)
    {
        public int Fault { get; } = fault;

        public int Component { get; } = component;

        public FailureScope Scope { get; } = scope;

        public RecoveryPath Path { get; } = path;

        public double At { get; } = at;

        public double Rto { get; } = rto;

        public double Rpo { get; } = rpo;

        public long AcknowledgedAtMark { get; set; }

        public long RefusedAtStart { get; set; }

        public bool Started { get; set; }

        public bool LostSinceStart { get; set; }

        public long Lost { get; set; }

        public bool Ended { get; private set; }

        public bool Recovered { get; private set; }

        public double DownFor { get; private set; }

        public long Refused { get; private set; }

        public void End(double now, long refusedNow)
        {
            Ended = true;
            Recovered = double.IsFinite(Rto) && now >= At + Rto - 1e-9;
            DownFor = now - At;
            Refused = refusedNow - RefusedAtStart;
        }
    }

    private struct WorkflowTally
    {
        public long Requests;
        public long Succeeded;
        public long Timeouts;
        public long Rejected;
        public long Unavailable;
        public long Errors;
        public long CircuitOpen;
        public long Degraded;
        public long InFlight;
    }

    private struct EdgeTally
    {
        public long Calls;
        public long Attempts;
        public long Failed;
    }

    private readonly struct Handler(DesignRun run) : IModel
    {
        public void Handle(Simulator simulator, in SimEvent e) => run.Handle(e);

        /// <summary>A call's timeout (the only channel events) matters while its attempt is still waiting.</summary>
        public bool Live(in SimEvent e) => run.TimeoutLive(e.Target, e.Tag);
    }
}
