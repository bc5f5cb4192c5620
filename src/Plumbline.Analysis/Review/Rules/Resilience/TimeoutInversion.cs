using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Availability;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A caller that gives up before its callee can finish its own retries: the callee's work is wasted and its retries only add load.</summary>
public sealed class TimeoutInversion : IRule
{
    public RuleInfo Info { get; } = new("timeout-inversion", ProcessStep.Resilience, Severity.Medium,
        "A caller's timeout is shorter than its callee's worst case",
        "When a callee's retries of one failing call (attempts x timeout + backoff) take longer than its caller waits, the caller gives up (and perhaps retries) while the callee is still working: the inner retries are wasted, writes may be duplicated, and load multiplies under exactly the slowness retries were meant to absorb.",
        "Budget timeouts from the top down: each layer's timeout above the sum of what it waits for (attempts x timeout + backoff), or fewer retries and shorter timeouts below it; retry at one layer only.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        var all = TimeoutBudget.All(facts.Graph);
        foreach (var site in context.Calls)
        {
            if (site.Call.Async || site.Call.Timeout is not { } timeout || facts.EdgeOf(site) is not { Kind: EdgeKind.Sync } edge)
            {
                continue;
            }

            var worst = TimeoutBudget.Of(facts.Graph, edge.To, all);
            if (!worst.HasCalls || worst.Seconds <= timeout.Seconds + 1e-9)
            {
                continue;
            }

            yield return Info.At(context.Span(site.Call.Path + "/timeout"), site.Id,
                $"{site.Id} waits {Quantities.Duration(timeout.Seconds)}, but {site.Call.To} needs {Quantities.Duration(worst.Seconds)} to retry one failing call to the end: {worst.Arithmetic}");
        }
    }
}
