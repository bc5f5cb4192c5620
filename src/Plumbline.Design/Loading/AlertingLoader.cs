using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Embedded;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading;

/// <summary>
/// Reads alert windows: the windows Plumbline ships (<see cref="Default"/>, alert-windows/sre-workbook.yaml
/// embedded in this assembly) or a user's file of the same shape, whose root is what a design writes under
/// <c>operations.alerting</c>. Read through the safe YAML reader and bound with positioned diagnostics;
/// never throws on bad input.
/// </summary>
public static class AlertingLoader
{
    /// <summary>The shipped windows' file name, as reports name their origin.</summary>
    public const string DefaultFileName = "sre-workbook.yaml";

    /// <summary>How reports name the shipped windows.</summary>
    public const string DefaultOrigin = "default (SRE Workbook)";

    private static readonly Lazy<Alerting> DefaultAlerting = new(LoadDefault);

    /// <summary>The shipped windows: page on 2% of the budget in 1h (5m short) and 5% in 6h (30m), ticket on 10% in 1d (2h) and 10% in 3d (6h); low-traffic share 0.1%.</summary>
    public static Alerting Default => DefaultAlerting.Value;

    /// <summary>Binds an alert windows file already read as YAML (the engine reads files, bounded).</summary>
    public static AlertingLoadResult Load(YamlReadResult read, string path)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(path);
        return Bind(read, path);
    }

    /// <summary>Reads alert windows held in memory (tests, the server).</summary>
    public static AlertingLoadResult LoadText(string path, string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Bind(SafeYamlReader.ReadText(path, text, limits), path);
    }

    /// <summary>
    /// The windows that apply: <paramref name="override"/> (a file given on the command line) first, then
    /// the design's <c>operations.alerting</c>, then <see cref="Default"/>; a low-traffic share left out
    /// comes from the next one down.
    /// </summary>
    public static Alerting Resolve(SystemDesign design, Alerting? @override = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        var resolved = Default;
        foreach (var layer in new[] { design.Operations.Alerting, @override })
        {
            if (layer is not null)
            {
                resolved = layer.Windows is null
                    ? resolved with { LowTrafficShare = layer.LowTrafficShare ?? resolved.LowTrafficShare }
                    : layer with { LowTrafficShare = layer.LowTrafficShare ?? resolved.LowTrafficShare };
            }
        }

        return resolved;
    }

    private static Alerting LoadDefault()
    {
        var bytes = EmbeddedFiles.RequiredBytes(typeof(AlertingLoader).Assembly, DefaultFileName, "the default alert windows");
        var result = Bind(SafeYamlReader.Read(DefaultFileName, bytes), DefaultOrigin);
        return result.Alerting is { Windows: not null } alerting && result.Success
            ? alerting
            : throw new InvalidOperationException($"the default alert windows do not load: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
    }

    private static AlertingLoadResult Bind(YamlReadResult read, string origin)
    {
        if (read.Root is null || read.Source is null || read.Diagnostics.Any(d => d.IsError))
        {
            return new AlertingLoadResult(null, read.Source, Sort(read.Diagnostics));
        }

        var context = new BindContext(read.Source, read.Root);
        var map = MapReader.Open(read.Root, string.Empty, "alerting", context);
        Alerting? alerting = null;
        if (map is not null)
        {
            if (!map.Has("windows"))
            {
                map.ReportMissing("windows", "the list of alert windows");
            }

            alerting = DesignBinder.ReadAlerting(map, origin, context);
        }

        return new AlertingLoadResult(alerting, read.Source, Sort(read.Diagnostics.AddRange(context.Diagnostics)));
    }

    private static ImmutableArray<Diagnostic> Sort(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Span.Offset).ThenBy(d => d.Code, StringComparer.Ordinal)];
}

/// <summary>What reading alert windows produced: the windows when the file could be read, its source, and every diagnostic in file order.</summary>
public sealed record AlertingLoadResult(Alerting? Alerting, SourceText? Source, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Success => Alerting is not null && !Diagnostics.Any(d => d.IsError);
}
