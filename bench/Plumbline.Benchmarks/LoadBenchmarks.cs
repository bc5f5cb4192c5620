using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;
using YamlDotNet.Core;

namespace Plumbline.Benchmarks;

/// <summary>
/// Loading a design end to end (<see cref="DesignLoader.LoadText"/>: safe YAML, binding, reference and call-graph
/// validation), and the YAML stage alone (<see cref="SafeYamlReader.ReadText"/>) as a ratio of it. Inputs are the
/// generated 2,000-component, 10,000-call design and examples/url-shortener.yaml.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _text = string.Empty;

    [Params(LoadInputs.GeneratedName, LoadInputs.UrlShortenerName)]
    public string Input { get; set; } = LoadInputs.GeneratedName;

    [GlobalSetup]
    public void Setup()
    {
        _text = LoadInputs.Text(Input);
        LoadInputs.RequireClean(Input, DesignLoader.LoadText(LoadInputs.Path, _text));
    }

    [Benchmark(Baseline = true)]
    public LoadResult Load() => DesignLoader.LoadText(LoadInputs.Path, _text);

    [Benchmark]
    public YamlReadResult ReadYaml() => SafeYamlReader.ReadText(LoadInputs.Path, _text);
}

/// <summary>The designs the load benchmarks read, shared by BenchmarkDotNet and the quick harness.</summary>
public static class LoadInputs
{
    public const string GeneratedName = "generated-2000x10000";
    public const string UrlShortenerName = "url-shortener";

    /// <summary>The issue's size: 2,000 components and 10,000 calls.</summary>
    public const int Components = 2000;

    public const int Calls = 10_000;

    /// <summary>Fixed so every run, here and in CI, measures the same text.</summary>
    public const int Seed = 20261125;

    /// <summary>The path diagnostics would show; loading from text never touches the disk.</summary>
    public const string Path = "design.yaml";

    public static string Text(string name) => name switch
    {
        GeneratedName => DesignGenerator.Generate(Components, Calls, Seed),
        UrlShortenerName => Example("url-shortener"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such benchmark input"),
    };

    public static long FileSize(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>Throws unless the design loaded with no diagnostic at all, warnings included.</summary>
    /// <exception cref="InvalidOperationException">The design has diagnostics or did not load.</exception>
    public static void RequireClean(string name, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Design is not null && result.Diagnostics.IsEmpty)
        {
            return;
        }

        var shown = string.Join(Environment.NewLine, result.Diagnostics.Take(20).Select(d => "  " + d));
        throw new InvalidOperationException(
            $"benchmark input '{name}' must load with no diagnostics, but it has {result.Diagnostics.Length} (design {(result.Design is null ? "not built" : "built")}):{Environment.NewLine}{shown}");
    }

    private static string Example(string name)
    {
        var resource = "examples/" + name + ".yaml";
        using var stream = typeof(LoadInputs).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource '{resource}' is not embedded; see Plumbline.Benchmarks.csproj");
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        return reader.ReadToEnd();
    }
}

/// <summary>
/// The load cases of the quick harness: the whole load of each input, and for the generated design the stages
/// one at a time, to show where time and memory go: YamlDotNet's parser alone, <see cref="SafeYamlReader.ReadText"/>
/// (strict checks, the parser, our tree), binding the tree to the model, and the two validators.
/// </summary>
public static class LoadQuickCases
{
    /// <summary>The issue's targets for the generated design: load and validate in under 250 ms, memory under 20x the file.</summary>
    public const double MaxLoadMs = 250;

    public const double MaxMemoryPerFileByte = 20;

    public static IEnumerable<QuickCase> Create()
    {
        var generated = LoadInputs.Text(LoadInputs.GeneratedName);
        var example = LoadInputs.Text(LoadInputs.UrlShortenerName);
        var generatedResult = DesignLoader.LoadText(LoadInputs.Path, generated);
        LoadInputs.RequireClean(LoadInputs.GeneratedName, generatedResult);
        LoadInputs.RequireClean(LoadInputs.UrlShortenerName, DesignLoader.LoadText(LoadInputs.Path, example));

        var size = LoadInputs.FileSize(generated);
        var design = generatedResult.Design!;
        Console.WriteLine(Invariant(
            $"input {LoadInputs.GeneratedName}: {size:N0} bytes, {generatedResult.Source!.LineCount:N0} lines, {design.Components.Length:N0} components, {design.Components.Sum(c => c.Operations.Length):N0} operations, {design.Components.Sum(c => c.Operations.Sum(o => o.Calls.Length)):N0} calls, {design.Workflows.Length:N0} workflows, {design.Slos.Length:N0} SLOs, {design.Data.Length:N0} entities; loads with 0 diagnostics"));
        Console.WriteLine(Invariant($"input {LoadInputs.UrlShortenerName}: {LoadInputs.FileSize(example):N0} bytes; loads with 0 diagnostics"));
        Console.WriteLine();

        yield return new QuickCase("load " + LoadInputs.GeneratedName, size,
            () => DesignLoader.LoadText(LoadInputs.Path, generated), MaxLoadMs, MaxMemoryPerFileByte);

        yield return new QuickCase("  stage: YamlDotNet parser events only", size, () => ParseEvents(generated));
        yield return new QuickCase("  stage: SafeYamlReader.ReadText (YAML tree)", size,
            () => SafeYamlReader.ReadText(LoadInputs.Path, generated));

        var read = SafeYamlReader.ReadText(LoadInputs.Path, generated);
        var source = read.Source!;
        var root = read.Root!;
        yield return new QuickCase("  stage: bind tree to model (DesignBinder)", size, () => LoadStages.Bind(root, source));

        // The loader holds the tree until validation ends (and the design keeps it for its source map), so this
        // case's "kept" is the peak live memory of a load.
        yield return new QuickCase("  stage: ReadText + bind, tree held (peak live)", size, () =>
        {
            var tree = SafeYamlReader.ReadText(LoadInputs.Path, generated);
            return (tree, LoadStages.Bind(tree.Root!, tree.Source!));
        }, MaxRetainedPerInputByte: MaxMemoryPerFileByte);
        yield return new QuickCase("  stage: ReferenceValidator", size, () => LoadStages.ValidateReferences(design, source));
        yield return new QuickCase("  stage: CallGraphValidator", size, () => LoadStages.ValidateCallGraph(design, source));

        yield return new QuickCase("load " + LoadInputs.UrlShortenerName, LoadInputs.FileSize(example),
            () => DesignLoader.LoadText(LoadInputs.Path, example));
    }

    /// <summary>What YamlDotNet costs by itself: every event of the file, nothing kept.</summary>
    private static int ParseEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>
/// The loader's internal stages (binding, reference and call-graph validation), called directly (the
/// Design assembly exposes its internals to this one) only to time them apart in the quick harness;
/// benchmarks of record go through <see cref="DesignLoader"/>.
/// </summary>
internal static class LoadStages
{
    /// <summary>Binds with a fresh context, as the loader does; returns the design.</summary>
    public static SystemDesign Bind(YamlNode root, SourceText source)
    {
        var context = new Plumbline.Design.Loading.Binding.BindContext(source, root);
        var design = Plumbline.Design.Loading.Binding.DesignBinder.Bind(root, context);
        return design is not null && context.Diagnostics.Count == 0 ? design : throw new InvalidOperationException("binding reported diagnostics");
    }

    public static object ValidateReferences(SystemDesign design, SourceText source)
    {
        var context = new Plumbline.Design.Loading.Binding.BindContext(source, design.SourceMap.Root!);
        Plumbline.Design.Validation.ReferenceValidator.Validate(design, context);
        return context.Diagnostics.Count == 0 ? context : throw new InvalidOperationException("ReferenceValidator reported diagnostics");
    }

    public static object ValidateCallGraph(SystemDesign design, SourceText source)
    {
        var context = new Plumbline.Design.Loading.Binding.BindContext(source, design.SourceMap.Root!);
        Plumbline.Design.Validation.CallGraphValidator.Validate(design, context);
        return context.Diagnostics.Count == 0 ? context : throw new InvalidOperationException("CallGraphValidator reported diagnostics");
    }
}

/// <summary>
/// The first load in a fresh process, as <c>plumbline validate</c> meets it: no code jitted yet, an empty heap.
/// Each run is a child process that generates the design (not timed), then times one
/// <see cref="DesignLoader.LoadText"/> and checks it is clean. The in-process harnesses cannot show this: they
/// load the design while checking it before they measure anything.
/// </summary>
public static class LoadColdRuns
{
    public const string ChildArgument = "cold-child";

    private const int Runs = 5;

    public static int Run()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var viaHost = System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet";
        var times = new List<double>();
        Console.WriteLine(FormattableString.Invariant($"cold load of {LoadInputs.GeneratedName}: {Runs} fresh processes, one load each"));
        for (var i = 0; i < Runs; i++)
        {
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (viaHost)
            {
                start.ArgumentList.Add(typeof(LoadColdRuns).Assembly.Location);
            }

            start.ArgumentList.Add(ChildArgument);
            using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start " + self);
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine("cold run failed: " + line);
                return 2;
            }

            Console.WriteLine("  " + line);
            times.Add(double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
        }

        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"cold load median {times[times.Count / 2]:0} ms (min {times[0]:0}, max {times[^1]:0})"));
        return 0;
    }

    public static int Child()
    {
        var text = LoadInputs.Text(LoadInputs.GeneratedName);
        var pauseBefore = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var result = DesignLoader.LoadText(LoadInputs.Path, text);
        var ms = watch.Elapsed.TotalMilliseconds;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
        try
        {
            LoadInputs.RequireClean(LoadInputs.GeneratedName, result);
        }
        catch (InvalidOperationException ex)
        {
            Console.WriteLine(ex.Message);
            return 2;
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant(
            $"load {ms:0.0} ms, gc pause {pause:0.0} ms, process gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (generation included), peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB"));
        return 0;
    }
}
