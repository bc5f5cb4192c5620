using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A request-serving service that keeps state of its own, with no decision explaining why.</summary>
public sealed class StatefulService : IRule
{
    public RuleInfo Info { get; } = new("stateful-service", ProcessStep.Architecture, Severity.Medium,
        "A service keeps state of its own",
        "A service that holds state (sessions, in-memory data) cannot be scaled, restarted or replaced freely: losing an instance loses its users' state and load balancing must pin clients to instances.",
        "Move the state to a store or cache the instances share and mark the service stateless: true; if it must hold state (connections, a stream processor), record why in a decision that lists it in its components.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var component in context.Design.Components)
        {
            if (component.Stateless != false || component.Kind is not (ComponentKind.Service or ComponentKind.Gateway))
            {
                continue;
            }

            if (context.Design.Decisions.Any(d => d.Stands && d.Components.Contains(component.Name, StringComparer.Ordinal)))
            {
                continue;
            }

            yield return Info.At(context.Span(component.Path + "/stateless"), component.Name,
                $"{component.Name} is a {EnumNames.Text(component.Kind)} with stateless: false and no decision names it in its components to say why; its instances cannot be replaced or scaled without losing state");
        }
    }
}
