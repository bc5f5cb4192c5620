using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary>Where a decision record stands.</summary>
public enum DecisionStatus
{
    Proposed,
    Accepted,
    Superseded,
    Rejected,
}

/// <summary>A decision record (ADR): the options weighed, what was chosen, and what follows.</summary>
public sealed record Decision(
    string Id,
    string Title,
    DecisionStatus Status,
    DateOnly? Date,
    string? Context,
    ImmutableArray<string> Options,
    string? Chosen,
    string? Consequences,
    string Path)
{
    /// <summary>The components the decision is about (<c>components</c>), by name; empty when it names none.</summary>
    public ImmutableArray<string> Components { get; init; } = [];

    /// <summary>Whether the decision stands: proposed or accepted, not rejected or superseded.</summary>
    public bool Stands => Status is DecisionStatus.Proposed or DecisionStatus.Accepted;
}

/// <summary>A milestone tied to a team or org goal.</summary>
public sealed record Milestone(string Name, string? Okr, string? Stage, DateOnly? Due, ImmutableArray<string> Deliverables, string Path);
