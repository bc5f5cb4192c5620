using System.Collections.Immutable;
using Plumbline.Analysis.Review;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Review;

/// <summary>
/// How reports name and order the process steps. The order is the one a review walks: the
/// requirement brief and business value first, then steps 1 to 10, then the thinking areas that
/// run through them (on-call, security, org alignment). It is listed here rather than taken from
/// the <see cref="ProcessStep"/> values, so reordering the enum cannot reorder the reports.
/// </summary>
public static class StepNames
{
    /// <summary>Every step, in the order reports print them.</summary>
    public static ImmutableArray<ProcessStep> Order { get; } =
    [
        ProcessStep.RequirementBrief,
        ProcessStep.BusinessValue,
        ProcessStep.Requirements,
        ProcessStep.ApiAndData,
        ProcessStep.Architecture,
        ProcessStep.Storage,
        ProcessStep.Resilience,
        ProcessStep.Scale,
        ProcessStep.Observability,
        ProcessStep.Security,
        ProcessStep.Cost,
        ProcessStep.Validation,
        ProcessStep.OnCall,
        ProcessStep.SecurityThinking,
        ProcessStep.OrgAlignment,
    ];

    /// <summary>The heading a person reads: "Requirement brief", "5. Resilience", "On-call readiness".</summary>
    public static string Name(ProcessStep step) => step switch
    {
        ProcessStep.RequirementBrief => "Requirement brief",
        ProcessStep.BusinessValue => "Business value",
        ProcessStep.Requirements => "1. Clarify requirements",
        ProcessStep.ApiAndData => "2. API contracts and data model",
        ProcessStep.Architecture => "3. High-level architecture",
        ProcessStep.Storage => "4. Storage and access patterns",
        ProcessStep.Resilience => "5. Resilience",
        ProcessStep.Scale => "6. Scale strategy",
        ProcessStep.Observability => "7. Observability and operations",
        ProcessStep.Security => "8. Security and compliance",
        ProcessStep.Cost => "9. Cost and FinOps",
        ProcessStep.Validation => "10. Iterate and validate",
        ProcessStep.OnCall => "On-call readiness",
        ProcessStep.SecurityThinking => "Security thinking",
        ProcessStep.OrgAlignment => "Org alignment",
        _ => Id(step),
    };

    /// <summary>The machine name, as in the design file and the rule docs: <c>api_and_data</c>, <c>on_call</c>.</summary>
    public static string Id(ProcessStep step) => EnumNames.ToSnake(step);

    /// <summary>Position of a step in <see cref="Order"/>; steps added to the enum later sort last.</summary>
    public static int Rank(ProcessStep step)
    {
        var index = Order.IndexOf(step);
        return index < 0 ? Order.Length + (int)step : index;
    }

    /// <summary>The severity's name in machine output: <c>high</c>, <c>medium</c>, <c>low</c>, <c>info</c>.</summary>
    public static string SeverityId(Severity severity) => severity switch
    {
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "info",
    };

    /// <summary>The severity as the terminal report labels it: <c>HIGH</c>, <c>MEDIUM</c>, <c>LOW</c>, <c>INFO</c>.</summary>
    public static string SeverityLabel(Severity severity) => SeverityId(severity).ToUpperInvariant();
}
