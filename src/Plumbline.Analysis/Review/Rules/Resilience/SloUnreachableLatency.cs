using Plumbline.Analysis.Estimates.Figures;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A latency SLO whose threshold the workflow's synchronous path cannot meet at the objective's percentile.</summary>
public sealed class SloUnreachableLatency : IRule
{
    public RuleInfo Info { get; } = new("slo-unreachable-latency", ProcessStep.Resilience, Severity.High,
        "The architecture cannot meet a latency SLO",
        "A request waits for everything on its synchronous path: when the latencies the design states, composed along the calls, already exceed the SLO's threshold at its percentile at average load, the objective fails on a quiet day, before any incident.",
        "Take calls off the synchronous path (cache, precompute, hand off async), make independent calls in parallel, tighten the slowest operation's tail, or set the threshold to what the path can deliver.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var latency in context.Estimate.Latency)
        {
            foreach (var objective in latency.Objectives)
            {
                if (objective.Meets != false)
                {
                    continue;
                }

                var slo = context.Design.Slos.FirstOrDefault(s => s.Name == objective.Slo && s.Workflow == latency.Workflow);
                if (slo is null)
                {
                    continue;
                }

                var level = LatencyFigures.Label(objective.Objective);
                var owns = objective.Average.Inputs.Where(i => i.Source != FigureSources.Derived && i.Name.Contains(" own ", StringComparison.Ordinal)).ToList();
                var listed = string.Join(" + ", owns.Take(6).Select(i => $"{i.Name} {Quantities.Duration(i.Value)}")) + (owns.Count > 6 ? $" + {owns.Count - 6} more" : string.Empty);
                var sum = owns.Sum(i => i.Value);
                var peak = objective.Peak.Value is { } p && p > objective.Average.Value ? $" ({Quantities.Duration(p)} at peak load)" : string.Empty;
                var note = owns.Count > 1 ? $" (their sum, {Quantities.Duration(sum)}, is not the answer: percentiles do not add)" : string.Empty;
                yield return Info.At(context.Span(slo.Path + "/threshold"), slo.Name,
                    $"{slo.Name} asks {Quantities.Availability(objective.Objective)} of {latency.Workflow} within {Quantities.Duration(objective.Threshold)}, but its synchronous path's {level} is {Quantities.Duration(objective.Average.Value!.Value)} at average load{peak}, composed as distributions from {listed}{note}");
            }
        }
    }
}
