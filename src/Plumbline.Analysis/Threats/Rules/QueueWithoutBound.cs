using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Denial of service: a queue that grows without bound when producers outrun consumers.</summary>
public sealed class QueueWithoutBound : ThreatRule
{
    public override RuleInfo Info { get; } = new("queue-without-bound", ProcessStep.Security, Severity.Medium,
        "A queue has no bound",
        "A flood of messages (a retry storm, a scripted client, a stuck consumer) fills an unbounded queue until its disks or memory run out and the broker fails for every producer at once.",
        "Bound the queue: a retention that drops old messages, or a rate_limit on the queue (or its producers) that refuses a flood.");

    public override Stride Stride => Stride.DenialOfService;

    public override int? Cwe => 770;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var queue in context.Design.Components)
        {
            if (queue.Kind != ComponentKind.Queue)
            {
                continue;
            }

            var answered = queue.Retention is { } r ? $"retention {r} ({ThreatModel.Dotted(queue.Path + "/retention")})"
                : !queue.RateLimits.IsEmpty ? $"rate_limit ({ThreatModel.Dotted(queue.Path + "/rate_limit")})"
                : null;
            yield return Answered(context, queue.Name, queue.Path,
                $"{queue.Name} takes messages with no stated retention or rate limit",
                ThreatSeverity.Of(Classification.Internal, context.Model.ExposureOf(queue.Name)), answered);
        }
    }
}
