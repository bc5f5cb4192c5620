using System.Collections.Immutable;
using Plumbline.Design.Loading;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>The kind of design element a declarative rule looks at: its <c>applies_to</c>, written in snake_case.</summary>
public enum RuleTarget
{
    /// <summary><c>components.&lt;name&gt;</c>; subject: the component's name.</summary>
    Components,

    /// <summary><c>components.&lt;c&gt;.operations.&lt;o&gt;</c>; subject: <c>component.operation</c>.</summary>
    Operations,

    /// <summary><c>...operations.&lt;o&gt;.calls[]</c>; subject: the call id <c>caller.op-&gt;callee.op</c>.</summary>
    Calls,

    /// <summary><c>workflows.&lt;name&gt;</c>; subject: the workflow's name.</summary>
    Workflows,

    /// <summary><c>data[]</c>; subject: the entity's name.</summary>
    Entities,

    /// <summary><c>api.endpoints[]</c>; subject: the endpoint's name.</summary>
    Endpoints,

    /// <summary><c>slos[]</c>; subject: the SLO's name.</summary>
    Slos,

    /// <summary><c>requirements.personas[]</c>; subject: the persona's name.</summary>
    Personas,

    /// <summary><c>requirements.dependencies[]</c>; subject: the dependency's name.</summary>
    Dependencies,

    /// <summary><c>decisions[]</c>; subject: the decision's id.</summary>
    Decisions,
}

/// <summary>One element a rule is checked against: its stable name (the finding's subject) and its design path.</summary>
internal readonly record struct RuleElement(string Subject, string Path);

/// <summary>What each <see cref="RuleTarget"/> means: its word, its object in the format, and its elements in a design.</summary>
internal static class RuleTargets
{
    /// <summary>The <c>applies_to</c> words, in declaration order.</summary>
    public static ImmutableArray<string> Names { get; } =
        [.. Enum.GetValues<RuleTarget>().Select(t => EnumNames.ToSnake(t))];

    public static bool TryParse(string text, out RuleTarget target)
    {
        var index = Names.IndexOf(text);
        target = index < 0 ? default : (RuleTarget)index;
        return index >= 0;
    }

    public static string Name(RuleTarget target) => Names[(int)target];

    /// <summary>The element's object in <see cref="FormatKeys"/> (and the JSON Schema's <c>$defs</c>).</summary>
    public static string FormatObject(RuleTarget target) => target switch
    {
        RuleTarget.Components => "component",
        RuleTarget.Operations => "operation",
        RuleTarget.Calls => "call",
        RuleTarget.Workflows => "workflow",
        RuleTarget.Entities => "entity",
        RuleTarget.Endpoints => "endpoint",
        RuleTarget.Slos => "slo",
        RuleTarget.Personas => "persona",
        RuleTarget.Dependencies => "dependency",
        RuleTarget.Decisions => "decision",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>"a component", "an SLO": the element in messages.</summary>
    public static string Readable(RuleTarget target) => target switch
    {
        RuleTarget.Slos => "an SLO",
        RuleTarget.Entities => "an entity",
        RuleTarget.Endpoints => "an endpoint",
        RuleTarget.Operations => "an operation",
        _ => "a " + FormatObject(target),
    };

    /// <summary>The elements of a design that a rule of this target checks, in file order.</summary>
    public static IEnumerable<RuleElement> Elements(RuleTarget target, ReviewContext context)
    {
        var design = context.Design;
        return target switch
        {
            RuleTarget.Components => design.Components.Select(c => new RuleElement(c.Name, c.Path)),
            RuleTarget.Operations => design.Components.SelectMany(c => c.Operations).Select(o => new RuleElement(o.RefText, o.Path)),
            RuleTarget.Calls => context.Calls.Select(c => new RuleElement(c.Id, c.Call.Path)),
            RuleTarget.Workflows => design.Workflows.Select(w => new RuleElement(w.Name, w.Path)),
            RuleTarget.Entities => design.Data.Select(e => new RuleElement(e.Name, e.Path)),
            RuleTarget.Endpoints => design.Api.Endpoints.Select(e => new RuleElement(e.Name, e.Path)),
            RuleTarget.Slos => design.Slos.Select(s => new RuleElement(s.Name, s.Path)),
            RuleTarget.Personas => design.Requirements.Personas.Select(p => new RuleElement(p.Name, p.Path)),
            RuleTarget.Dependencies => design.Requirements.Dependencies.Select(d => new RuleElement(d.Name, d.Path)),
            RuleTarget.Decisions => design.Decisions.Select(d => new RuleElement(d.Id, d.Path)),
            _ => [],
        };
    }
}
