using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary><c>requirements:</c> the requirement brief (process step 1).</summary>
public sealed record Requirements(
    Scope Scope,
    ImmutableArray<string> EdgeCases,
    ImmutableArray<Persona> Personas,
    Constraints Constraints,
    UserBase Users,
    GrowthRate? Growth,
    double? PeakToAverage,
    ImmutableArray<Dependency> Dependencies,
    ImmutableArray<OpenQuestion> OpenQuestions,
    string Path)
{
    /// <summary>The smallest <c>peak_to_average</c> the format accepts: 1 (the peak is at least the average).</summary>
    public const double MinPeakToAverage = 1;

    /// <summary>The largest <c>peak_to_average</c> the format accepts: 1000.</summary>
    public const double MaxPeakToAverage = 1000;

    /// <summary>The month the design's arithmetic uses (<c>month:</c>); null when unstated (the average month).</summary>
    public Units.MonthConvention? Month { get; init; }

    public static Requirements Empty { get; } = new(
        Scope.Empty, [], [], Constraints.Empty, UserBase.Empty, null, null, [], [], "/requirements");
}

/// <summary>What is in and out of scope, and how success is judged.</summary>
public sealed record Scope(ImmutableArray<string> In, ImmutableArray<string> Out, ImmutableArray<string> SuccessCriteria, string Path)
{
    public static Scope Empty { get; } = new([], [], [], "/requirements/scope");
}

/// <summary>How much a persona tolerates failure: drives how critical its workflows are.</summary>
public enum FailureTolerance
{
    Low,
    Medium,
    High,
}

/// <summary>A primary user type, the workflows they use and how much failure they tolerate.</summary>
public sealed record Persona(string Name, string? Description, ImmutableArray<string> Workflows, FailureTolerance? FailureTolerance, string Path);

/// <summary>Time, budget and compliance limits.</summary>
public sealed record Constraints(Money? Budget, DateOnly? Deadline, ImmutableArray<string> Compliance, ImmutableArray<string> Other, string Path)
{
    public static Constraints Empty { get; } = new(null, null, [], [], "/requirements/constraints");
}

/// <summary>How many people use the system. Counts, not rates.</summary>
public sealed record UserBase(Count? MonthlyActive, Count? DailyActive, Count? PeakConcurrent, string Path)
{
    public static UserBase Empty { get; } = new(null, null, null, "/requirements/users");
}

/// <summary>Which way a dependency points: upstream systems we call, downstream systems that call us or consume our data.</summary>
public enum DependencyDirection
{
    Upstream,
    Downstream,
}

/// <summary>A system outside this design that it depends on or that depends on it.</summary>
public sealed record Dependency(string Name, DependencyDirection Direction, Percent? Sla, string? Owner, string? Component, string Path);

/// <summary>A question from the brief not yet answered; <see cref="IsOpen"/> until an answer is recorded.</summary>
public sealed record OpenQuestion(string Question, string? Owner, DateOnly? Due, string? Answer, string Path)
{
    public bool IsOpen => string.IsNullOrWhiteSpace(Answer);
}
