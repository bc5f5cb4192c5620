using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary>
/// A whole design, as read from one file: every section of format version 1. Sections the file
/// leaves out are empty, never null, so analysis code does not branch on absence.
/// </summary>
public sealed record SystemDesign(
    int FormatVersion,
    SystemInfo System,
    Requirements Requirements,
    Business Business,
    ImmutableArray<Workflow> Workflows,
    Api Api,
    ImmutableArray<Entity> Data,
    ImmutableArray<Component> Components,
    ImmutableArray<Slo> Slos,
    OperationsPlan Operations,
    Security Security,
    CostPlan Cost,
    ValidationPlan Validation,
    ImmutableArray<Decision> Decisions,
    ImmutableArray<Milestone> Milestones,
    SourceMap SourceMap)
{
    private Dictionary<string, Component>? _componentsByName;
    private Dictionary<string, Workflow>? _workflowsByName;

    /// <summary>Regions and their zones, with the availability of each as a failure domain; empty when the file has none.</summary>
    public ImmutableArray<Region> Regions { get; init; } = [];

    /// <summary>The component with this name, or null.</summary>
    public Component? FindComponent(string name)
    {
        _componentsByName ??= Components.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return _componentsByName.GetValueOrDefault(name);
    }

    /// <summary>The workflow with this name, or null.</summary>
    public Workflow? FindWorkflow(string name)
    {
        _workflowsByName ??= Workflows.ToDictionary(w => w.Name, StringComparer.Ordinal);
        return _workflowsByName.GetValueOrDefault(name);
    }

    /// <summary>The operation an <see cref="OperationRef"/> names, or null if it does not resolve.</summary>
    public Operation? FindOperation(OperationRef reference) =>
        FindComponent(reference.Component)?.FindOperation(reference.Operation);
}

/// <summary>
/// A region: a failure domain holding zones. <see cref="Availability"/> is the region's own (an outage
/// that takes every zone in it); <see cref="ZoneAvailability"/> is each zone's own.
/// </summary>
public sealed record Region(string Name, ImmutableArray<string> Zones, Units.Percent? Availability, Units.Percent? ZoneAvailability, string Path);

/// <summary><c>system:</c> what is being designed and who owns it.</summary>
public sealed record SystemInfo(string Name, string? Summary, ImmutableArray<string> Owners, string Path);
