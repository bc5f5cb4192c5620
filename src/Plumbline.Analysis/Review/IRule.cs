namespace Plumbline.Analysis.Review;

/// <summary>
/// A review rule: metadata beside a pure check. A rule reads no clock and no files; what it needs
/// comes from the <see cref="ReviewContext"/>. Findings come out in a stable order.
/// </summary>
public interface IRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Check(ReviewContext context);
}
