using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A queue whose consumers cannot keep up: at peak (or always) messages arrive faster than they are processed.</summary>
public sealed class QueueBacklogGrows : IRule
{
    public RuleInfo Info { get; } = new("queue-backlog-grows", ProcessStep.Scale, Severity.Medium,
        "A queue's consumers fall behind",
        "When messages arrive faster than the slowest consumer group processes them, the backlog grows and so does the delay of everything downstream; if it outgrows retention, messages are lost.",
        "Add consumer instances (and partitions to spread them over), raise the consumers' capacity by batching, or make sure the backlog drains after the peak within the delay users accept.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var queue in context.Estimate.Queues)
        {
            if (queue.BacklogPerHour.Value is not { } backlog || backlog <= 0 || queue.ConsumerCapacity.Value is not { } capacity
                || context.Design.FindComponent(queue.Component) is not { } component)
            {
                continue;
            }

            var average = queue.PublishAverage.Value ?? 0;
            var never = average > capacity;
            var span = component.Consumers.IsEmpty ? context.KeySpan(component.Path) : context.Span(component.Path + "/consumers");
            yield return Info.At(span, component.Name,
                $"{component.Name} receives {Quantities.Rate(queue.PublishPeak.Value ?? 0)} at peak but its slowest consumer handles {Quantities.Rate(capacity)}: the backlog grows by {Quantities.Significant(Math.Round(backlog))} messages an hour{(never ? $", and even the average {Quantities.Rate(average)} is more than the consumers handle, so it never drains" : " until the peak passes")}",
                never ? Severity.High : Severity.Medium);
        }
    }
}
