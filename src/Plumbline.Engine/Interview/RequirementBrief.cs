using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Engine.Interview;

/// <summary>A primary persona, their top workflow (a workflow name) and how much failure they tolerate (the lowest tolerance makes a workflow critical).</summary>
public sealed record PersonaAnswer(string Name, string Workflow, FailureTolerance Tolerance);

/// <summary>A main data entity: its sensitivity, how long it is kept (a duration or "forever"), and how it is read.</summary>
public sealed record EntityAnswer(string Name, string Classification, string? Retention, ImmutableArray<string> Access);

/// <summary>A system this one depends on, who owns it and its SLA (a percent), when known.</summary>
public sealed record DependencyAnswer(string Name, string? Owner, string? Sla);

/// <summary>
/// The answers to the requirement-brief interview, defaults already filled in for skipped questions,
/// and the skipped questions themselves (they become <c>requirements.open_questions</c>). Values that
/// reach the YAML unquoted (names, units) were checked when they were read.
/// </summary>
public sealed record RequirementBrief
{
    public required string Name { get; init; }

    public required string Summary { get; init; }

    public ImmutableArray<string> ScopeIn { get; init; } = [];

    public ImmutableArray<string> ScopeOut { get; init; } = [];

    public ImmutableArray<string> SuccessCriteria { get; init; } = [];

    public required ImmutableArray<PersonaAnswer> Personas { get; init; }

    public required ImmutableArray<EntityAnswer> Entities { get; init; }

    /// <summary>Monthly active users as a count (<c>10M</c>), or null when the scale was given as a rate.</summary>
    public string? MonthlyActive { get; init; }

    /// <summary>Requests to the whole system (<c>200/s</c>), or null when the scale was given as users.</summary>
    public string? TotalRate { get; init; }

    /// <summary>True when the scale is the default rather than an answer.</summary>
    public bool ScaleAssumed { get; init; }

    public required string Growth { get; init; }

    public required string PeakToAverage { get; init; }

    public ImmutableArray<DependencyAnswer> Dependencies { get; init; } = [];

    public required string Outcome { get; init; }

    public required string MetricName { get; init; }

    public string? MetricTarget { get; init; }

    public ImmutableArray<string> OpenQuestions { get; init; } = [];
}
