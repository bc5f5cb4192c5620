using System.Collections.Immutable;
using Plumbline.Design.Text;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates;

/// <summary>A figure of the estimate past the largest number a double holds, and why, in words.</summary>
/// <param name="Subject">What overflowed: a component's name, or <c>growth</c>.</param>
/// <param name="Path">The design path to point at: the call that tips the load over, or <c>requirements/growth</c>.</param>
/// <param name="Message">What happened and what it means for the figures, one sentence.</param>
public sealed record OverflowExplanation(string Subject, string Path, string Message);

/// <summary>
/// Explains figures that are infinite (past about 1.8e308): a load multiplied along a long chain of calls (each
/// call's count and retries multiply it), or growth compounded over a horizon. Reports print such a figure as
/// "infinite" (JSON: null); the estimate notes this explanation and the review reports it as
/// <c>figure-overflow</c>, so an infinite figure is never left unexplained.
/// </summary>
public static class Overflow
{
    /// <summary>A load past this is more than any system serves: a thousand trillion a second.</summary>
    public const double BeyondAnySystem = 1e15;

    /// <summary>The explanations for an estimate's infinite figures, loads first (upstream-most component only), then growth.</summary>
    public static ImmutableArray<OverflowExplanation> Explain(LoadModel model, LoadVectors loads, ImmutableArray<ComponentCapacity> components, ImmutableArray<EntityStorage> storage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loads);
        var result = ImmutableArray.CreateBuilder<OverflowExplanation>();
        var graph = model.Graph;
        var values = model.BaselineValues();

        // Where load first becomes infinite: an operation none of whose callers is infinite already.
        var reported = new HashSet<int>();
        foreach (var op in graph.Order)
        {
            if (double.IsFinite(loads.Peak[op]) || graph.Incoming[op].Any(e => !double.IsFinite(loads.Peak[graph.Edges[e].From])))
            {
                continue;
            }

            var component = graph.ComponentOf[op];
            if (!reported.Add(component) || graph.Incoming[op].IsEmpty)
            {
                continue;
            }

            var edge = graph.Edges[graph.Incoming[op].MaxBy(e => loads.Peak[graph.Edges[e].From] * model.EdgeFactor(values, graph.Edges[e]))];
            var caller = graph.Operations[edge.From].Ref;
            var factor = model.EdgeFactor(values, edge);
            result.Add(new OverflowExplanation(
                graph.Components[component].Name,
                edge.Call?.Path ?? graph.Components[component].Path,
                $"the load on {graph.Operations[op].RefText} is beyond any number (past 1.8e308 a second): each call's count and retries multiply the load at every hop, "
                + $"and the call from {caller} (x{Quantities.Number(factor, "0.##")}) takes {Quantities.Number(loads.Peak[edge.From], "#,0")}/s past it; every figure that depends on it is infinite"));
        }

        if (model.Design.Requirements.Growth is { } growth && storage.Any(s => s.Horizons.Any(h => h.Bytes.Value is { } b && !double.IsFinite(b))))
        {
            var monthly = growth.MonthlyCompoundFactor;
            var daily = Math.Pow(monthly, 1 / Calendar.DaysPerMonth);
            var peak = components.Select(c => c.PeakLoad.Value ?? 0).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            var horizons = model.Options.Horizons.Where(h => storage.Any(s => s.Horizons.Any(x => x.Months == h && x.Bytes.Value is { } b && !double.IsFinite(b))))
                .Select(Horizon).ToList();
            var when = peak > 0 && daily > 1 && peak < BeyondAnySystem
                ? $": today's busiest peak of {Quantities.Number(peak, peak >= 100 ? "#,0" : "0.##")}/s would pass {Quantities.Number(BeyondAnySystem, "0")}/s, more than any system serves, within {Quantities.Number(Math.Ceiling(Math.Log(BeyondAnySystem / peak) / Math.Log(daily)), "#,0")} days"
                : string.Empty;
            result.Add(new OverflowExplanation(
                "growth",
                model.Design.Requirements.Path + "/growth",
                $"growth of {growth} multiplies the load by {Quantities.Number(daily, "0.###")} a day ({Quantities.Number(monthly, monthly >= 100 ? "#,0" : "0.##")} a month){when}; "
                + $"storage at the {string.Join(", ", horizons)} horizon{(horizons.Count == 1 ? string.Empty : "s")} is beyond any number and prints as infinite"));
        }

        return result.ToImmutable();
    }

    private static string Horizon(double months) =>
        months % 12 == 0 ? Quantities.Number(months / 12, "0") + "y" : Quantities.Number(months, "0.#") + " months";
}
