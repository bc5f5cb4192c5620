using Plumbline.Analysis.Estimates;

namespace Plumbline.Analysis.Review;

/// <summary>The settings a review runs with; rules read them, never a clock.</summary>
/// <param name="Today">The date acceptances and backups are judged against.</param>
/// <param name="AmplificationThreshold">Worst-case retry amplification above which a path is flagged; default 10.</param>
/// <param name="Estimates">Assumptions for the estimates some rules rest on.</param>
public sealed record ReviewOptions(DateOnly Today, double AmplificationThreshold = 10, EstimateOptions? Estimates = null);
