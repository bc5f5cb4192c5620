using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Engine.Interview;

/// <summary>A primary persona, their top workflow (a workflow name) and how much failure they tolerate (the lowest tolerance makes a workflow critical).</summary>
public sealed record PersonaAnswer(string Name, string Workflow, FailureTolerance Tolerance);

/// <summary>
/// A main data entity: its sensitivity, how long it is kept (a duration or "forever"), how it is read,
/// and the kind of store it lives in (blobs in an object store, records in an OLTP database...).
/// </summary>
public sealed record EntityAnswer(string Name, string Classification, string? Retention, ImmutableArray<string> Access, StorageModel Store)
{
    /// <summary>Where an entity lives when nobody said: an object store for blobs, else an OLTP database.</summary>
    public static StorageModel DefaultStore(ImmutableArray<string> access) =>
        access.Any(a => a == "blob" || a.StartsWith("blob(", StringComparison.Ordinal)) ? StorageModel.Object : StorageModel.Oltp;
}

/// <summary>A system this one depends on, who owns it and its SLA, when known.</summary>
public sealed record DependencyAnswer(string Name, string? Owner, Percent? Sla);

/// <summary>
/// A workflow's traffic as answered: the average (for the whole system, or per monthly active user when
/// <paramref name="PerUser"/>) and the peak for the whole system when it was given.
/// </summary>
public sealed record TrafficAnswer(Rate Average, bool PerUser, Rate? Peak);

/// <summary>A workflow of the design, named by a persona's answer: how tolerant its users are, whether it writes, whether it is the most critical.</summary>
public sealed record PlannedWorkflow(string Name, FailureTolerance Tolerance, bool IsWrite, bool IsCritical)
{
    public Criticality Criticality => IsCritical ? Criticality.Critical : Tolerance switch
    {
        FailureTolerance.Low => Criticality.Critical,
        FailureTolerance.Medium => Criticality.High,
        _ => Criticality.Medium,
    };
}

/// <summary>
/// The answers to the requirement-brief interview. It starts as <see cref="Default"/> (every answer at its
/// default) and each answer replaces one part, so at any moment it is a complete brief that
/// <see cref="BriefDesignWriter"/> can write. Skipped questions are kept in <see cref="OpenQuestions"/>
/// (they become <c>requirements.open_questions</c>); a figure left null was not answered and is written
/// with its default marked <c># assumed</c>. Values that reach the YAML unquoted (names, units) were
/// checked when they were read.
/// </summary>
public sealed partial record RequirementBrief
{
    /// <summary>The brief before any answer: every question at its default.</summary>
    public static RequirementBrief Default { get; } = new()
    {
        Name = "my-system",
        Summary = string.Empty,
        Personas = [new PersonaAnswer("user", "use", FailureTolerance.Medium)],
        Entities = [new EntityAnswer("Record", "internal", null, ["point_lookup(id)"], StorageModel.Oltp)],
        Outcome = "user trust",
        MetricName = "adoption",
    };

    public required string Name { get; init; }

    public required string Summary { get; init; }

    /// <summary>Teams or people who own the system (<c>system.owners</c>).</summary>
    public ImmutableArray<string> Owners { get; init; } = [];

    public ImmutableArray<string> ScopeIn { get; init; } = [];

    public ImmutableArray<string> ScopeOut { get; init; } = [];

    public ImmutableArray<string> SuccessCriteria { get; init; } = [];

    public required ImmutableArray<PersonaAnswer> Personas { get; init; }

    public required ImmutableArray<EntityAnswer> Entities { get; init; }

    /// <summary>Which entities each workflow reads or writes, by workflow name; a workflow not listed uses every entity.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> WorkflowData { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Monthly active users, or null when not given (then no per-user traffic is written).</summary>
    public Count? MonthlyActive { get; init; }

    /// <summary>Each workflow's traffic, by workflow name; a workflow not listed gets an assumed default.</summary>
    public ImmutableDictionary<string, TrafficAnswer> Traffic { get; init; } =
        ImmutableDictionary<string, TrafficAnswer>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Growth, or null when not answered (an assumed default is written).</summary>
    public GrowthRate? Growth { get; init; }

    /// <summary>Peak-to-average ratio, or null when not answered (an assumed default is written if a workflow has no peak of its own).</summary>
    public double? PeakToAverage { get; init; }

    public ImmutableArray<DependencyAnswer> Dependencies { get; init; } = [];

    public required string Outcome { get; init; }

    public required string MetricName { get; init; }

    public string? MetricTarget { get; init; }

    public ImmutableArray<string> OpenQuestions { get; init; } = [];

    /// <summary>One workflow per distinct persona workflow, in answer order; the least tolerant persona's workflows are critical.</summary>
    public ImmutableArray<PlannedWorkflow> Workflows()
    {
        var byName = new Dictionary<string, FailureTolerance>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var persona in Personas)
        {
            if (byName.TryGetValue(persona.Workflow, out var existing))
            {
                byName[persona.Workflow] = (FailureTolerance)Math.Min((int)existing, (int)persona.Tolerance);
            }
            else
            {
                byName[persona.Workflow] = persona.Tolerance;
                order.Add(persona.Workflow);
            }
        }

        var lowest = byName.Count == 0 ? FailureTolerance.Medium : byName.Values.Min();
        return [.. order.Select(n => new PlannedWorkflow(n, byName[n], WriteVerb().IsMatch(n), byName[n] == lowest))];
    }

    /// <summary>The entities <paramref name="workflow"/> reads or writes: as answered, else all of them.</summary>
    public ImmutableArray<EntityAnswer> DataOf(string workflow) =>
        WorkflowData.TryGetValue(workflow, out var names) ? [.. Entities.Where(e => names.Contains(e.Name))] : Entities;

    /// <summary>The kinds of store the entities live in, in the order they first appear.</summary>
    public ImmutableArray<StorageModel> Stores() => [.. Entities.Select(e => e.Store).Distinct()];

    /// <summary>Whether every workflow's peak was given with its traffic, so no design-wide peak-to-average is needed.</summary>
    public bool EveryWorkflowHasAPeak() => Workflows().All(w => Traffic.TryGetValue(w.Name, out var t) && t.Peak is not null);

    [GeneratedRegex("^(create|add|post|put|update|edit|delete|remove|upload|submit|send|place|book|pay|buy|order|checkout|shorten|write|register|sign-?up|publish|save)",
        RegexOptions.CultureInvariant)]
    private static partial Regex WriteVerb();
}
