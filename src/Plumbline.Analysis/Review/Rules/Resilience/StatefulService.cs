using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A request-serving service that keeps state of its own, with no decision explaining why.</summary>
public sealed class StatefulService : IRule
{
    public RuleInfo Info { get; } = new("stateful-service", ProcessStep.Architecture, Severity.Medium,
        "A service keeps state of its own",
        "A service that holds state (sessions, in-memory data) cannot be scaled, restarted or replaced freely: losing an instance loses its users' state and load balancing must pin clients to instances.",
        "Move the state to a store or cache the instances share and mark the service stateless: true; if it must hold state (connections, a stream processor), record why in a decision that names it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var component in context.Design.Components)
        {
            if (component.Stateless != false || component.Kind is not (ComponentKind.Service or ComponentKind.Gateway))
            {
                continue;
            }

            if (context.Design.Decisions.Any(d => Mentions(component.Name, d.Title, d.Context, d.Chosen, d.Consequences) || d.Options.Any(o => Mentions(component.Name, o)))
                || context.Design.Business.Tradeoffs.Any(t => Mentions(component.Name, t.Choice, t.Gains, t.Costs, t.Impact)))
            {
                continue;
            }

            yield return Info.At(context.Span(component.Path + "/stateless"), component.Name,
                $"{component.Name} is a {EnumNames.Text(component.Kind)} with stateless: false and no decision says why; its instances cannot be replaced or scaled without losing state");
        }
    }

    private static bool Mentions(string name, params string?[] texts) =>
        texts.Any(t => t is not null && t.Contains(name, StringComparison.OrdinalIgnoreCase));
}
