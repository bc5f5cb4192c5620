using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Recovery;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Slo;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Documents;

/// <summary>
/// Everything a design document shows, worked out once from one design: the design as written, its estimate,
/// review, SLOs, threat model, recovery and cost. Each part is the same report its own command prints, so the
/// document and the commands never disagree. A simulation, being optional and slower, travels beside it.
/// </summary>
/// <param name="Design">The design as loaded.</param>
/// <param name="Estimate">The estimate at the review's estimate options.</param>
/// <param name="Review">The review with the built-in rules, the team rules found beside the design, and its price catalog.</param>
/// <param name="Slo">Every SLO worked out, with the design's alert windows (or the shipped ones).</param>
/// <param name="Threats">The STRIDE threat model, judged on the review's date.</param>
/// <param name="Recovery">Each store's RPO and RTO per failure, restore times and durability.</param>
/// <param name="Cost">The cost at the design's price catalog.</param>
public sealed record DesignDocument(
    SystemDesign Design,
    EstimateReport Estimate,
    ReviewReport Review,
    SloReport Slo,
    ThreatReport Threats,
    RecoveryReport Recovery,
    CostReport Cost);
