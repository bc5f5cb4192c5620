using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary>
/// A whole design, as read from one file: every section of format version 1. Sections the file
/// leaves out are empty, never null, so analysis code does not branch on absence. Immutable: the
/// lookups by name are built when the design is made (at bind time) and again whenever <c>with</c>
/// replaces the list they index, so an edited copy never answers with the old names.
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
    private IReadOnlyDictionary<string, Component> _componentsByName = ByName(Components, c => c.Name);
    private IReadOnlyDictionary<string, Workflow> _workflowsByName = ByName(Workflows, w => w.Name);

    public ImmutableArray<Workflow> Workflows
    {
        get;
        init
        {
            field = value;
            _workflowsByName = ByName(value, w => w.Name);
        }
    } = Workflows;

    public ImmutableArray<Component> Components
    {
        get;
        init
        {
            field = value;
            _componentsByName = ByName(value, c => c.Name);
        }
    } = Components;

    /// <summary>Regions and their zones, with the availability of each as a failure domain; empty when the file has none.</summary>
    public ImmutableArray<Region> Regions { get; init; } = [];

    /// <summary>The component with this name, or null.</summary>
    public Component? FindComponent(string name) => _componentsByName.GetValueOrDefault(name);

    /// <summary>The workflow with this name, or null.</summary>
    public Workflow? FindWorkflow(string name) => _workflowsByName.GetValueOrDefault(name);

    /// <summary>The operation an <see cref="OperationRef"/> names, or null if it does not resolve.</summary>
    public Operation? FindOperation(OperationRef reference) =>
        FindComponent(reference.Component)?.FindOperation(reference.Operation);

    /// <summary>The first element of each name (a duplicate name is a diagnostic at bind time, and the first one wins).</summary>
    private static Dictionary<string, T> ByName<T>(ImmutableArray<T> items, Func<T, string> name)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items.IsDefault ? [] : items)
        {
            byName.TryAdd(name(item), item);
        }

        return byName;
    }
}

/// <summary>
/// A region: a failure domain holding zones. <see cref="Availability"/> is the region's own (an outage
/// that takes every zone in it); <see cref="ZoneAvailability"/> is each zone's own.
/// </summary>
public sealed record Region(string Name, ImmutableArray<string> Zones, Units.Percent? Availability, Units.Percent? ZoneAvailability, string Path);

/// <summary><c>system:</c> what is being designed and who owns it.</summary>
public sealed record SystemInfo(string Name, string? Summary, ImmutableArray<string> Owners, string Path);
