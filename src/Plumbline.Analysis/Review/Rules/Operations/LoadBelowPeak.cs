using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A workflow that the load scenarios drive no higher than 90% of its peak multiple (peak over average).</summary>
public sealed class LoadBelowPeak : IRule
{
    public RuleInfo Info { get; } = new("load-below-peak", ProcessStep.Validation, Severity.Low,
        "Load scenarios stop short of a workflow's peak",
        "A load test that never reaches the expected peak proves the design at a load it will not be judged at; the bottleneck that shows between the tested rate and the real peak is found in production.",
        "Ramp a load scenario that drives the workflow to at least its peak multiple (peak_rate over rate, or peak_to_average), and hold it.");

    /// <summary>Share of the peak multiple a scenario must reach: 90%, so rounding in a stated multiple is not flagged.</summary>
    public const double Slack = 0.9;

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var load = design.Validation.Load;
        if (load.IsEmpty)
        {
            yield break;
        }

        var traffic = context.Estimate.Traffic;
        for (var w = 0; w < design.Workflows.Length && w < traffic.Length; w++)
        {
            var workflow = design.Workflows[w];
            if (traffic[w].Average.Value is not { } average || average <= 0 || traffic[w].Peak.Value is not { } peak)
            {
                continue;
            }

            var multiple = peak / average;
            var drivers = load.Where(s => s.Workflows.IsDefaultOrEmpty || s.Workflows.Contains(workflow.Name)).ToList();
            var reached = drivers.Count == 0 ? 0 : drivers.Max(s => Math.Max(s.Shape.From, s.Shape.To));
            if (reached >= multiple * Slack)
            {
                continue;
            }

            var span = context.KeySpan(workflow.Path);
            yield return drivers.Count == 0
                ? Info.At(span, workflow.Name, $"no load scenario drives {workflow.Name}, whose peak is {multiple:0.##}x its average ({Quantities.Count(peak)}/s)")
                : Info.At(span, workflow.Name, $"load scenarios drive {workflow.Name} to at most {reached:0.##}x its average, short of its {multiple:0.##}x peak ({Quantities.Count(peak)}/s)");
        }
    }
}
