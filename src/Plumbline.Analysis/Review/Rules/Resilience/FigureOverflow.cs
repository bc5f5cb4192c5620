namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A figure of the estimate past any number: a load multiplied along a chain of calls, or growth compounded over a horizon.</summary>
public sealed class FigureOverflow : IRule
{
    public RuleInfo Info { get; } = new("figure-overflow", ProcessStep.Scale, Severity.High,
        "A figure is beyond any number",
        "A figure past the largest number the estimate can hold (about 1.8e308) is no longer an estimate: everything computed from it is infinite, so capacity, headroom and storage say nothing, and the counts or growth behind it are almost certainly not what was meant.",
        "Check the count and retries of each call on the path (they multiply at every hop), or state growth as a rate that can hold over the horizon (100%/day compounds to 2^365 a year).");

    public IEnumerable<Finding> Check(ReviewContext context) =>
        context.Estimate.Overflows.Select(o => Info.At(context.Span(o.Path), o.Subject, o.Message));
}
