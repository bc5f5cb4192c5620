using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Documents;

/// <summary>
/// A semantic diff of two designs: elements matched by name (a call by its caller, target and place among the
/// caller's calls to that target), each compared field by field as the file states it; the estimate's figures and the
/// cost compared by subject; findings compared by key. Pure: no I/O, no clock.
/// </summary>
public static class DesignDiffer
{
    /// <summary>Two figures closer than this share of the larger are the same (rounding noise, not a change).</summary>
    public const double Tolerance = 1e-9;

    /// <param name="simulated">Both sides' simulated SLO results, when both were simulated; their achieved shares are compared too.</param>
    public static DesignDiff Diff(DesignDocument before, DesignDocument after, (IReadOnlyList<SimulatedFigure> Before, IReadOnlyList<SimulatedFigure> After)? simulated = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<ElementChange>();
        var (b, a) = (before.Design, after.Design);
        changes.AddRange(Compare("requirements", [("requirements", b.Requirements)], [("requirements", a.Requirements)], RequirementFields));
        changes.AddRange(Compare("component", b.Components.Select(c => (c.Name, c)), a.Components.Select(c => (c.Name, c)), ComponentFields));
        changes.AddRange(Compare("call", Calls(b), Calls(a), CallFields));
        changes.AddRange(Compare("workflow", b.Workflows.Select(w => (w.Name, w)), a.Workflows.Select(w => (w.Name, w)), WorkflowFields));
        changes.AddRange(Compare("entity", b.Data.Select(e => (e.Name, e)), a.Data.Select(e => (e.Name, e)), EntityFields));
        changes.AddRange(Compare("slo", b.Slos.Select(s => (s.Name, s)), a.Slos.Select(s => (s.Name, s)), SloFields));

        var figures = new List<FigureMove>();
        figures.AddRange(Moves(MovedFigure.PeakUtilisation, FigureUnit.Ratio,
            before.Estimate.Components.Select(c => (c.Component, c.PeakUtilisation.Value)), after.Estimate.Components.Select(c => (c.Component, c.PeakUtilisation.Value))));
        figures.AddRange(Moves(MovedFigure.Storage, FigureUnit.Bytes,
            before.Estimate.StorageByOwner.Select(s => (s.Component, Last(s.Horizons))), after.Estimate.StorageByOwner.Select(s => (s.Component, Last(s.Horizons)))));
        figures.AddRange(Moves(MovedFigure.Availability, FigureUnit.Availability,
            before.Estimate.Workflows.Select(w => (w.Workflow, w.Availability.Availability.Value)), after.Estimate.Workflows.Select(w => (w.Workflow, w.Availability.Availability.Value))));
        if (simulated is { } slos)
        {
            figures.AddRange(Moves(MovedFigure.SimulatedSlo, FigureUnit.Ratio,
                slos.Before.Select(s => (s.Subject, (double?)s.Achieved)), slos.After.Select(s => (s.Subject, (double?)s.Achieved))));
        }

        var costBefore = before.Cost.Now.Components.ToDictionary(c => c.Component, c => c.Total, StringComparer.Ordinal);
        var costAfter = after.Cost.Now.Components.ToDictionary(c => c.Component, c => c.Total, StringComparer.Ordinal);
        var costs = Names(costBefore.Keys, costAfter.Keys)
            .Select(n => new CostMove(n, costBefore.TryGetValue(n, out var x) ? x : null, costAfter.TryGetValue(n, out var y) ? y : null))
            .Where(m => m.Before != m.After)
            .ToImmutableArray();

        var keysBefore = before.Review.Findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var keysAfter = after.Review.Findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return new DesignDiff(
            b.System.Name,
            a.System.Name,
            [.. changes],
            [.. figures],
            after.Cost.Currency,
            new CostMove("total", before.Cost.Now.Total, after.Cost.Now.Total),
            costs,
            [.. after.Review.Findings.Where(f => !keysBefore.Contains(f.Key))],
            [.. before.Review.Findings.Where(f => !keysAfter.Contains(f.Key))]);
    }

    /// <summary>The guardrails <paramref name="diff"/> breaks, each as a sentence; empty when it keeps them all.</summary>
    public static ImmutableArray<string> Breaches(DesignDiff diff, DiffGuardrails guardrails)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(guardrails);
        var breaches = new List<string>();
        if (guardrails.NewFinding is { } severity)
        {
            var introduced = diff.Introduced.Where(f => f.Severity <= severity).ToList();
            if (introduced.Count > 0)
            {
                breaches.Add($"{introduced.Count} new finding{(introduced.Count == 1 ? string.Empty : "s")} at or above {EnumNames.Text(severity)}: {string.Join(", ", introduced.Select(f => f.Key))}");
            }
        }

        if (guardrails.CostUp is { } share && diff.Total.Relative is { } relative && (double)relative > share)
        {
            breaches.Add($"the monthly cost rose by {Quantities.Percent((double)relative)}, more than {Quantities.Percent(share)}: {Quantities.Money(diff.Total.Before ?? 0, diff.Currency)} to {Quantities.Money(diff.Total.After ?? 0, diff.Currency)}");
        }

        if (guardrails.AvailabilityDrop)
        {
            foreach (var move in diff.Figures.Where(f => f.Figure == MovedFigure.Availability && f.Before is { } x && f.After is { } y && y < x))
            {
                breaches.Add($"{move.Subject}'s availability fell from {Quantities.Availability(move.Before!.Value)} to {Quantities.Availability(move.After!.Value)}");
            }
        }

        if (guardrails.UtilisationOver is { } limit)
        {
            foreach (var move in diff.Figures.Where(f => f.Figure == MovedFigure.PeakUtilisation && f.After is { } y && y > limit && !(f.Before > limit)))
            {
                breaches.Add($"{move.Subject}'s peak utilisation is {Quantities.Percent(move.After!.Value)}, over {Quantities.Percent(limit)}");
            }
        }

        return [.. breaches];
    }

    private static double? Last(ImmutableArray<Figure> horizons) => horizons.IsDefaultOrEmpty ? null : horizons[^1].Value;

    /// <summary>Figures by subject in both, in the new design's order then the removed ones; only those that moved.</summary>
    private static IEnumerable<FigureMove> Moves(MovedFigure figure, FigureUnit unit, IEnumerable<(string Subject, double? Value)> before, IEnumerable<(string Subject, double? Value)> after)
    {
        var old = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (subject, value) in before)
        {
            old.TryAdd(subject, value);
        }

        var now = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (subject, value) in after)
        {
            now.TryAdd(subject, value);
        }

        foreach (var name in Names(old.Keys, now.Keys))
        {
            var x = old.GetValueOrDefault(name);
            var y = now.GetValueOrDefault(name);
            if (!Same(x, y) || old.ContainsKey(name) != now.ContainsKey(name))
            {
                yield return new FigureMove(figure, name, x, y, unit);
            }
        }
    }

    private static bool Same(double? x, double? y) => (x, y) switch
    {
        (null, null) => true,
        ({ } p, { } q) => p == q || Math.Abs(p - q) <= Tolerance * Math.Max(Math.Abs(p), Math.Abs(q)),
        _ => false,
    };

    /// <summary>The new side's names in order, then the names only the old side has, in its order.</summary>
    private static List<string> Names(IEnumerable<string> before, IEnumerable<string> after)
    {
        var names = after.ToList();
        var seen = names.ToHashSet(StringComparer.Ordinal);
        names.AddRange(before.Where(seen.Add));
        return names;
    }

    private static IEnumerable<ElementChange> Compare<T>(string area, IEnumerable<(string Name, T Item)> before, IEnumerable<(string Name, T Item)> after, (string Field, Func<T, string?> Value)[] fields)
    {
        var old = new Dictionary<string, T>(StringComparer.Ordinal);
        var oldOrder = new List<string>();
        foreach (var (name, item) in before)
        {
            if (old.TryAdd(name, item))
            {
                oldOrder.Add(name);
            }
        }

        var now = new Dictionary<string, T>(StringComparer.Ordinal);
        var nowOrder = new List<string>();
        foreach (var (name, item) in after)
        {
            if (now.TryAdd(name, item))
            {
                nowOrder.Add(name);
            }
        }

        foreach (var name in Names(oldOrder, nowOrder))
        {
            if (!old.TryGetValue(name, out var x))
            {
                yield return new ElementChange(area, name, ChangeKind.Added, []);
            }
            else if (!now.TryGetValue(name, out var y))
            {
                yield return new ElementChange(area, name, ChangeKind.Removed, []);
            }
            else
            {
                var differ = fields.Select(f => new FieldChange(f.Field, f.Value(x), f.Value(y))).Where(f => f.Before != f.After).ToImmutableArray();
                if (!differ.IsEmpty)
                {
                    yield return new ElementChange(area, name, ChangeKind.Changed, differ);
                }
            }
        }
    }

    /// <summary>Each call named <c>caller.op -&gt; target.op</c>, with <c> #2</c> for a second call from the same operation to the same target.</summary>
    private static IEnumerable<(string Name, Call Call)> Calls(SystemDesign design)
    {
        foreach (var operation in design.Components.SelectMany(c => c.Operations))
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var call in operation.Calls)
            {
                var name = call.From + " -> " + call.To;
                var n = seen[name] = seen.GetValueOrDefault(name) + 1;
                yield return (n == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} #{n}"), call);
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => Quantities.Significant(d, 6),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum e => EnumNames.ToSnake(e.ToString()),
        _ => value.ToString(),
    };

    private static string? List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? null : text;
    }

    private static readonly (string Field, Func<Requirements, string?> Value)[] RequirementFields =
    [
        ("monthly_active", r => Text(r.Users.MonthlyActive)),
        ("daily_active", r => Text(r.Users.DailyActive)),
        ("peak_concurrent", r => Text(r.Users.PeakConcurrent)),
        ("growth", r => Text(r.Growth)),
        ("peak_to_average", r => Text(r.PeakToAverage)),
        ("budget", r => Text(r.Constraints.Budget)),
    ];

    private static readonly (string Field, Func<Component, string?> Value)[] ComponentFields =
    [
        ("kind", c => Text(c.Kind)),
        ("engine", c => c.Engine),
        ("model", c => Text(c.Model)),
        ("instances", c => Text(c.Instances)),
        ("replicas", c => Text(c.Replicas)),
        ("zones", c => List(c.Zones)),
        ("capacity", c => Text(c.Capacity)),
        ("availability", c => Text(c.Availability)),
        ("sla", c => Text(c.Sla)),
        ("memory", c => Text(c.Memory)),
        ("hit_ratio", c => Text(c.HitRatio)),
        ("storage_per_node", c => Text(c.StoragePerNode)),
        ("shard_key", c => c.ShardKey),
        ("partitions", c => Text(c.Partitions)),
        ("retention", c => Text(c.Retention)),
        ("owner", c => c.Owner),
        ("runs_on", c => c.Hosting.RunsOn),
        ("multi_region", c => Text(c.MultiRegion)),
        ("operations", c => List(c.Operations.Select(o => o.Name))),
    ];

    private static readonly (string Field, Func<Call, string?> Value)[] CallFields =
    [
        ("timeout", c => Text(c.Timeout)),
        ("retries", c => c.Retries is { } r ? Text(r.Max) : null),
        ("backoff", c => Text(c.Retries?.Backoff)),
        ("circuit_breaker", c => c.CircuitBreaker is { } b ? $"{b.FailureRate} over {b.Window}, {Text(b.MinCalls)} calls, open {b.OpenFor}" : null),
        ("async", c => Text(c.Async)),
        ("fallback", c => c.Fallback),
        ("probability", c => Text(c.Probability)),
        ("count", c => Text(c.Count)),
    ];

    private static readonly (string Field, Func<Workflow, string?> Value)[] WorkflowFields =
    [
        ("entry", w => w.Entry.ToString()),
        ("rate", w => Text(w.Rate)),
        ("per_user", w => Text(w.PerUser)),
        ("peak_rate", w => Text(w.PeakRate)),
        ("request", w => Text(w.Request)),
        ("response", w => Text(w.Response)),
        ("type", w => Text(w.Type)),
        ("criticality", w => Text(w.Criticality)),
    ];

    private static readonly (string Field, Func<Entity, string?> Value)[] EntityFields =
    [
        ("owner", e => e.Owner),
        ("record_size", e => Text(e.RecordSize)),
        ("new_records", e => Text(e.NewRecords)),
        ("initial_records", e => Text(e.InitialRecords)),
        ("retention", e => e.RetainForever ? "forever" : Text(e.Retention)),
        ("classification", e => Text(e.Classification)),
        ("pii", e => Text(e.Pii)),
        ("consistency", e => Text(e.Consistency)),
    ];

    private static readonly (string Field, Func<Design.Model.Slo, string?> Value)[] SloFields =
    [
        ("workflow", s => s.Workflow),
        ("sli", s => Text(s.Sli)),
        ("objective", s => Text(s.Objective)),
        ("threshold", s => Text(s.Threshold)),
        ("window", s => Text(s.Window)),
    ];
}
