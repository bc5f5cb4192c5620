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

/// <summary><c>system:</c> what is being designed and who owns it.</summary>
public sealed record SystemInfo(string Name, string? Summary, ImmutableArray<string> Owners, string Path);
