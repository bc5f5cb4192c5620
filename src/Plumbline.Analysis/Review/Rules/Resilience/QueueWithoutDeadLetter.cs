using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A queue with no dead-letter queue: a message that always fails blocks its partition or is lost.</summary>
public sealed class QueueWithoutDeadLetter : IRule
{
    public RuleInfo Info { get; } = new("queue-without-dead-letter", ProcessStep.Resilience, Severity.Medium,
        "A queue has no dead-letter queue",
        "A poison message that fails every time is either retried forever (blocking its partition and burning consumers) or dropped silently; a dead-letter queue parks it where someone can look.",
        "Set dead_letter: true, alert when the dead-letter queue is not empty, and add a runbook for inspecting and replaying it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var component in context.Design.Components)
        {
            if (component.Kind != ComponentKind.Queue || component.DeadLetter == true)
            {
                continue;
            }

            var span = component.DeadLetter is null ? context.KeySpan(component.Path) : context.Span(component.Path + "/dead_letter");
            var consumers = component.Consumers.IsEmpty ? "its consumers" : string.Join(", ", component.Consumers);
            yield return Info.At(span, component.Name,
                $"{component.Name} has no dead-letter queue{(component.DeadLetter == false ? " (dead_letter: false)" : string.Empty)}, so a message that {consumers} can never process is retried forever or lost");
        }
    }
}
