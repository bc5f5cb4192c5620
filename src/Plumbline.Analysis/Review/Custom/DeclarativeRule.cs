using System.Collections.Immutable;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// A rule a team wrote as data in a rule file (docs/custom-rules.md): for each element of its
/// <see cref="Target"/> kind that meets every <c>when</c> condition, a finding unless it meets every
/// <c>require</c> condition. Conditions read the design's YAML as written (see <see cref="DesignTree"/>).
/// Findings point at the element's key and use its stable name as subject, so they can be accepted by key
/// like any other. Built only by <see cref="RuleFileLoader"/>.
/// </summary>
public sealed class DeclarativeRule : IRule
{
    private readonly ImmutableArray<Condition> _when;
    private readonly ImmutableArray<Condition> _require;
    private readonly MessageTemplate? _message;

    internal DeclarativeRule(
        RuleInfo info,
        RuleTarget target,
        ImmutableArray<Condition> when,
        ImmutableArray<Condition> require,
        MessageTemplate? message,
        SourceSpan definition)
    {
        Info = info;
        Target = target;
        _when = when;
        _require = require;
        _message = message;
        Definition = definition;
    }

    public RuleInfo Info { get; }

    /// <summary>The kind of element the rule checks.</summary>
    public RuleTarget Target { get; }

    /// <summary>Where the rule is defined: its id in the rule file.</summary>
    public SourceSpan Definition { get; }

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = DesignTree.Of(context);
        if (tree.Root is null)
        {
            return [];
        }

        var findings = new List<Finding>();
        var deadline = context.Options.TeamRuleDeadline;
        foreach (var element in RuleTargets.Elements(Target, context))
        {
            // The team rules' time budget: stop between elements once it is spent (the reviewer reports the rule as unfinished).
            deadline.ThrowIfCancellationRequested();
            var node = tree.Find(element.Path);
            if (_when.Any(c => c.Failure(node, Target, element.Subject) is not null))
            {
                continue;
            }

            var failures = new List<string>();
            foreach (var condition in _require)
            {
                if (condition.Failure(node, Target, element.Subject) is { } failure)
                {
                    failures.Add(failure);
                }
            }

            if (failures.Count == 0)
            {
                continue;
            }

            var message = _message?.Render(node, Target, element) ?? $"{element.Subject}: {string.Join("; ", failures)}";
            findings.Add(Info.At(context.KeySpan(element.Path), element.Subject, message));
        }

        return findings;
    }

    public override string ToString() => $"{Info.Id} ({Definition})";
}
