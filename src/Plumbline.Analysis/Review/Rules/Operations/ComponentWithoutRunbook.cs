using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A stateful or external component that no runbook covers, by its components list or by name in its text.</summary>
public sealed class ComponentWithoutRunbook : IRule
{
    public RuleInfo Info { get; } = new("component-without-runbook", ProcessStep.OnCall, Severity.Low,
        "A stateful or external component has no runbook",
        "Stateful and external components fail in ways a restart does not fix (a primary down, a disk full, a vendor outage), and they are where incidents last longest; each needs a written way to detect and mitigate its failure.",
        "Add a runbook for the component's failure mode, or list the component under an existing runbook's components.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var runbooks = design.Operations.Runbooks;
        if (runbooks.IsEmpty)
        {
            yield break;
        }

        var critical = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workflow in design.Workflows.Where(w => w.Criticality == Criticality.Critical))
        {
            critical.UnionWith(context.SyncComponentsOf(workflow));
        }

        foreach (var component in design.Components)
        {
            if (!(component.IsStateful || component.Kind == ComponentKind.External) || runbooks.Any(r => Covers(r, component.Name)))
            {
                continue;
            }

            var what = component.Kind == ComponentKind.External ? "external" : "stateful";
            yield return critical.Contains(component.Name)
                ? Info.At(context.KeySpan(component.Path), component.Name,
                    $"{what} component {component.Name} is on a critical workflow's path but no runbook covers it", Severity.Medium)
                : Info.At(context.KeySpan(component.Path), component.Name,
                    $"{what} component {component.Name} has no runbook covering it");
        }
    }

    internal static bool Covers(Runbook runbook, string component) =>
        runbook.Components.Contains(component)
        || Mentions(runbook.Failure, component) || Mentions(runbook.Detect, component) || runbook.Mitigate.Any(m => Mentions(m, component));

    /// <summary>Whether the text names the component as a word of its own ("links-db primary down" names links-db, not links).</summary>
    private static bool Mentions(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsNameChar(text[at - 1])) && (end == text.Length || !IsNameChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
