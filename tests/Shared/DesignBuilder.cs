using System.Globalization;
using System.Text;

namespace Plumbline.Tests.Shared;

/// <summary>
/// A small design for a test, built in C# and written out as the YAML the loader reads (the tests exercise loading too),
/// so that each test states only what differs: its components and their figures, their operations and calls, its
/// workflows and any other top-level section. With <c>using static Plumbline.Tests.Shared.DesignBuilder;</c>:
/// <code>
/// DesignOf(
///     Api("100%", Call("db.insert", "100ms", fallback: "spool.publish")),
///     Component("db", "database", "99%").Op("insert", "type: write"),
///     Component("spool", "queue", "95%").Op("publish", "type: write"))
/// </code>
/// is system t, workflow w entering at api.op at 10/s, and those three components in that order. Anything without a
/// builder of its own (quorum, cells, regions, data, SLOs) is written as the one line of YAML it is in the file.
/// </summary>
internal sealed record DesignBuilder
{
    /// <summary>The workflow a design has unless it states its own: w, entering at api.op at 10/s.</summary>
    public const string DefaultWorkflow = "w: { entry: api.op, rate: 10/s }";

    public required IReadOnlyList<DesignComponent> Components { get; init; }

    public string System { get; init; } = "t";

    /// <summary>Each workflow as its line under <c>workflows:</c>.</summary>
    public IReadOnlyList<string> WorkflowLines { get; init; } = [DefaultWorkflow];

    /// <summary>Top-level sections written as they are (requirements, regions, data, slos), after the workflows.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>The components in the order given, which is the order of the file (the call graph's order follows it).</summary>
    public static DesignBuilder DesignOf(params IEnumerable<DesignComponent> components) => new() { Components = [.. components] };

    public DesignBuilder Named(string system) => this with { System = system };

    public DesignBuilder Workflows(params IEnumerable<string> lines) => this with { WorkflowLines = [.. lines] };

    public DesignBuilder With(string section) => this with { Sections = [.. Sections, section] };

    /// <summary>A component of any kind, with its availability when stated.</summary>
    public static DesignComponent Component(string name, string kind, string? availability = null) =>
        new(name, kind) { Fields = availability is null ? [] : [$"availability: {availability}"] };

    public static DesignComponent Service(string name, string? availability = null) => Component(name, "service", availability);

    /// <summary>The usual entry: api, a service at <paramref name="availability"/>, whose operation op makes these calls.</summary>
    public static DesignComponent Api(string? availability, params DesignCall[] calls) => Service("api", availability).Op("op", calls);

    /// <summary>
    /// A call to <paramref name="to"/> (component.operation), each setting written only when given: a timeout of 1s unless
    /// stated (null for none), a probability, a count, a fallback to another operation or a degraded answer in words.
    /// </summary>
    public static DesignCall Call(
        string to,
        string? timeout = "1s",
        double? probability = null,
        double? count = null,
        string? fallback = null,
        string? degrade = null,
        bool async = false,
        string? more = null) =>
        new(to) { Timeout = timeout, Probability = probability, Count = count, Fallback = fallback, Degrade = degrade, Async = async, More = more };

    /// <summary>
    /// s0 calling s1 calling ... s(length - 1), each through operation op: each service as <paramref name="service"/> makes
    /// it from its name (a plain service by default), each call as <paramref name="call"/> makes it from the operation called.
    /// </summary>
    public static IEnumerable<DesignComponent> Chain(int length, Func<string, DesignCall> call, Func<string, DesignComponent>? service = null) =>
        Enumerable.Range(0, length).Select(i =>
        {
            var part = (service ?? (name => Service(name)))($"s{i}");
            return i + 1 < length ? part.Op("op", call($"s{i + 1}.op")) : part.Op("op");
        });

    /// <summary>
    /// A <see cref="Chain"/> of services of 2 instances serving 1,000/s each, system chain, with workflow go entering at s0
    /// at 1,000/s and peaks 3 times the average: each hop's calls multiply the load, for figures that grow past any number.
    /// </summary>
    public static DesignBuilder ChainOfServices(int length, Func<string, DesignCall> call) =>
        DesignOf(Chain(length, call, name => Service(name).Instances(2).With("capacity: 1000/s")))
            .Named("chain")
            .Workflows("go: { entry: s0.op, rate: 1000/s }")
            .With("requirements: { peak_to_average: 3 }");

    /// <summary>
    /// <paramref name="api"/> with an operation op that calls each of <paramref name="callees"/> in turn (each call as
    /// <paramref name="call"/> makes it from the operation called), then each callee as <paramref name="callee"/> makes it
    /// from its name, with one operation, get.
    /// </summary>
    public static IEnumerable<DesignComponent> CallingEach(
        IEnumerable<string> callees, DesignComponent api, Func<string, DesignCall> call, Func<string, DesignComponent> callee)
    {
        var names = callees.ToList();
        return [api.Op("op", [.. names.Select(name => call($"{name}.get"))]), .. names.Select(name => callee(name).Op("get"))];
    }

    /// <summary>c0, c1, ... c(count - 1).</summary>
    public static IEnumerable<string> Numbered(int count, string prefix = "c") => Enumerable.Range(0, count).Select(i => $"{prefix}{i}");

    /// <summary>The design's YAML.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder($"plumbline: 1\nsystem: {{ name: {System} }}\nworkflows:\n");
            foreach (var line in WorkflowLines)
            {
                text.Append($"  {line}\n");
            }

            foreach (var section in Sections)
            {
                text.Append(section.TrimEnd()).Append('\n');
            }

            text.Append("components:\n");
            foreach (var component in Components)
            {
                component.WriteTo(text);
            }

            return text.ToString();
        }
    }

    public override string ToString() => Text;

    /// <summary>
    /// A design kept whole in tests/Shared/designs/ (copied beside the binaries of each test project that runs it), for a
    /// design more than one test project runs.
    /// </summary>
    public static string SharedFile(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "designs", fileName));

    internal static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A component: its kind, its other settings as lines of YAML, and its operations in order.</summary>
internal sealed record DesignComponent(string Name, string Kind)
{
    /// <summary>Settings written as they are, one <c>key: value</c> each (instances: 2, zones: [a, b], quorum: { ... }).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Each operation as its line under <c>operations:</c>.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    public DesignComponent With(params IEnumerable<string> fields) => this with { Fields = [.. Fields, .. fields] };

    public DesignComponent Instances(int count) => With($"instances: {count}");

    public DesignComponent Zones(params IEnumerable<string> zones) => With($"zones: [{string.Join(", ", zones)}]");

    /// <summary>An operation that makes these calls in order (none: it calls nothing).</summary>
    public DesignComponent Op(string name, params DesignCall[] calls) => Op(name, null, calls);

    /// <summary>An operation with settings of its own (type: write, latency: { ... }) and these calls.</summary>
    public DesignComponent Op(string name, string? fields, params DesignCall[] calls)
    {
        var parts = new List<string>();
        if (fields is not null)
        {
            parts.Add(fields);
        }

        if (calls.Length > 0)
        {
            parts.Add($"calls: [{string.Join(", ", calls.Select(c => c.Text))}]");
        }

        var body = parts.Count == 0 ? "{}" : $"{{ {string.Join(", ", parts)} }}";
        return this with { Operations = [.. Operations, $"{name}: {body}"] };
    }

    internal void WriteTo(StringBuilder text)
    {
        text.Append($"  {Name}:\n    kind: {Kind}\n");
        foreach (var field in Fields)
        {
            text.Append($"    {field}\n");
        }

        text.Append("    operations:\n");
        foreach (var operation in Operations)
        {
            text.Append($"      {operation}\n");
        }
    }
}

/// <summary>A call as its flow mapping: <c>{ to: db.get, probability: 0.5, count: 2, timeout: 1s, fallback: { to: spool.publish } }</c>.</summary>
internal sealed record DesignCall(string To)
{
    public string? Timeout { get; init; }

    public double? Probability { get; init; }

    public double? Count { get; init; }

    /// <summary>Another operation (component.operation) called when this call fails.</summary>
    public string? Fallback { get; init; }

    /// <summary>A degraded answer, in words, given when this call fails.</summary>
    public string? Degrade { get; init; }

    public bool Async { get; init; }

    /// <summary>Other settings written as they are (retries: { ... }, parallel: true).</summary>
    public string? More { get; init; }

    public string Text
    {
        get
        {
            var parts = new List<string> { $"to: {To}" };
            if (Probability is { } probability)
            {
                parts.Add($"probability: {DesignBuilder.Number(probability)}");
            }

            if (Count is { } count)
            {
                parts.Add($"count: {DesignBuilder.Number(count)}");
            }

            if (Async)
            {
                parts.Add("async: true");
            }

            if (Timeout is not null)
            {
                parts.Add($"timeout: {Timeout}");
            }

            if (More is not null)
            {
                parts.Add(More);
            }

            if (Fallback is not null)
            {
                parts.Add($"fallback: {{ to: {Fallback} }}");
            }

            if (Degrade is not null)
            {
                parts.Add($"fallback: {Degrade}");
            }

            return $"{{ {string.Join(", ", parts)} }}";
        }
    }
}
