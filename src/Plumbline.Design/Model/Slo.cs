using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>What an SLO measures.</summary>
public enum SliKind
{
    Availability,
    Latency,
}

/// <summary>
/// A service level objective on a workflow. A latency SLO says <see cref="Objective"/> of requests
/// finish within <see cref="Threshold"/>.
/// </summary>
/// <param name="Window">Rolling window; default 30d.</param>
public sealed record Slo(string Name, string Workflow, SliKind Sli, Percent Objective, Duration? Threshold, Duration Window, string? Description, string Path)
{
    /// <summary>The error budget as a fraction of requests: 1 - objective.</summary>
    public double ErrorBudget => 1 - Objective.Fraction;
}
