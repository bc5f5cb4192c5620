using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Denial of service: one internet request fans out into many calls, and nothing limits a client.</summary>
public sealed class InternetFanOutAmplification : ThreatRule
{
    /// <summary>The fan-out (calls per request on one call) from which one request is an amplifier: 10.</summary>
    public const double Threshold = 10;

    public override RuleInfo Info { get; } = new("internet-fan-out-amplification", ProcessStep.Security, Severity.Medium,
        "One internet request fans out into many calls",
        "When one cheap request from outside becomes ten or more calls inside, an attacker's traffic is multiplied by the design itself; the fan-out's target saturates long before the entry looks busy.",
        "Limit clients at the entry (a rate_limit on the workflow's endpoint or path), or cap the fan-out per request.");

    public override Stride Stride => Stride.DenialOfService;

    public override int? Cwe => 405;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure != Exposure.Internet)
            {
                continue;
            }

            var workflow = context.WorkflowOf(flow)!;
            var wide = WidestCall(context, workflow);
            if (wide is null)
            {
                continue;
            }

            var limit = context.RateLimitOn(workflow);
            yield return Answered(context, flow.Id, workflow.Path,
                $"one request to {flow.Id} makes {Plumbline.Design.Text.Quantities.Number(wide.Count)} calls {wide.Id} on its path",
                Severity.Medium, limit is null ? null : $"rate limit on {limit}");
        }
    }

    private static Call? WidestCall(ThreatContext context, Workflow workflow)
    {
        var graph = context.Review.Graph;
        var entry = graph.IndexOf(workflow.Entry);
        if (entry < 0)
        {
            return null;
        }

        Call? widest = null;
        var seen = new HashSet<int> { entry };
        var queue = new Queue<int>([entry]);
        while (queue.Count > 0)
        {
            foreach (var e in graph.Outgoing[queue.Dequeue()])
            {
                var edge = graph.Edges[e];
                if (edge.Kind != EdgeKind.Sync)
                {
                    continue;
                }

                if (edge.Call is { } call && call.Count >= Threshold && (widest is null || call.Count > widest.Count))
                {
                    widest = call;
                }

                if (seen.Add(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return widest;
    }
}
