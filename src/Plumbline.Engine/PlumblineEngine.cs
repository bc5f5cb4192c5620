using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Pricing;
using Plumbline.Design.Yaml;
using Plumbline.Engine.Files;

namespace Plumbline.Engine;

/// <summary>The limits an engine reads with. Defaults suit the CLI; a server passes tighter ones.</summary>
/// <param name="Limits">Size, depth, node and value limits for every design and rule file; <see cref="YamlLimits.Default"/> when null.</param>
public sealed record EngineOptions(YamlLimits? Limits = null)
{
    public static EngineOptions Default { get; } = new();
}

/// <summary>A check: the design as loaded, the team rules as loaded, and the review when both had no error.</summary>
/// <param name="Design">The design's load result; its diagnostics are the user's to fix first.</param>
/// <param name="TeamRules">The team rules' load result; empty (and not loaded) when the design has errors.</param>
/// <param name="Report">The review, or null when the design or a rule file has errors.</param>
public sealed record CheckResult(LoadResult Design, RuleFileResult TeamRules, ReviewReport? Report);

/// <summary>An estimate: the design as loaded, and the estimate when the design had no error.</summary>
public sealed record EstimateResult(LoadResult Design, EstimateReport? Report);

/// <summary>
/// The one entry point to Plumbline's work, for the CLI, the server and the workbench alike: load a design
/// (from text, bytes or a file), load team rules (given as texts or files; finding them is the caller's part),
/// review, estimate. Every file is read through <see cref="SourceFile"/>: bounded, regular files only. Nothing
/// here writes, prints or reads the clock; the review's date comes in with <see cref="ReviewOptions"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "One instance API, so a server injects one engine and every call goes through it, whether or not it reads the limits.")]
public sealed class PlumblineEngine(EngineOptions? options = null)
{
    private static readonly RuleFileResult NoRules = new([], [], null);

    /// <summary>An engine with the default limits.</summary>
    public static PlumblineEngine Default { get; } = new();

    public EngineOptions Options { get; } = options ?? EngineOptions.Default;

    private YamlLimits Limits => Options.Limits ?? YamlLimits.Default;

    /// <summary>A design held as text (an editor buffer, a request body, a test).</summary>
    public LoadResult LoadDesign(string path, string text) => DesignLoader.LoadText(path, text, new LoadOptions(Limits));

    /// <summary>A design held as bytes, UTF-8 with or without a BOM (an upload).</summary>
    public LoadResult LoadDesign(string path, ReadOnlySpan<byte> bytes) => DesignLoader.LoadBytes(path, bytes, new LoadOptions(Limits));

    /// <summary>A design file on disk; a missing, unreadable, special or oversized file is a diagnostic.</summary>
    public LoadResult LoadDesignFile(string path) => DesignLoader.Load(SourceFile.ReadYaml(path, Limits));

    /// <summary>A user's price catalog file on disk, read like a design file (the shipped one is <see cref="CatalogLoader.Default"/>).</summary>
    public CatalogLoadResult LoadPriceCatalogFile(string path) => CatalogLoader.Load(SourceFile.ReadYaml(path, Limits), path);

    /// <summary>Team rule files given as texts, loaded as one set (an id in two files is an error).</summary>
    public RuleFileResult LoadTeamRules(IEnumerable<RuleSource> sources) => RuleFileLoader.LoadAll(sources, Limits);

    /// <summary>Team rule files on disk, in the order given; each is read like a design file.</summary>
    public RuleFileResult LoadTeamRuleFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return RuleFileLoader.LoadAll(paths.Select(p => SourceFile.ReadYaml(p, Limits)));
    }

    /// <summary>Reviews a design with the built-in rules and <paramref name="teamRules"/>.</summary>
    public ReviewReport Review(SystemDesign design, ReviewOptions options, IEnumerable<IRule>? teamRules = null) =>
        Reviewer.Review(design, options, teamRules);

    /// <summary>Estimates a design; with <paramref name="sensitivity"/>, ranks its inputs by how much they matter.</summary>
    public EstimateReport Estimate(SystemDesign design, EstimateOptions? options = null, bool sensitivity = false) =>
        Estimator.Estimate(design, options, sensitivity);

    /// <summary>Loads a design file and its team rule files, and reviews it when neither has an error.</summary>
    public CheckResult CheckFile(string designPath, IEnumerable<string> ruleFiles, ReviewOptions options) =>
        Check(LoadDesignFile(designPath), () => LoadTeamRuleFiles(ruleFiles), options);

    /// <summary>Loads a design and team rules given as texts, and reviews it when neither has an error.</summary>
    public CheckResult Check(string designPath, string designText, IEnumerable<RuleSource> teamRules, ReviewOptions options) =>
        Check(LoadDesign(designPath, designText), () => LoadTeamRules(teamRules), options);

    /// <summary>Loads a design file and estimates it when it has no error.</summary>
    public EstimateResult EstimateFile(string designPath, EstimateOptions? options = null, bool sensitivity = false)
    {
        var loaded = LoadDesignFile(designPath);
        return new EstimateResult(loaded, loaded is { Success: true, Design: { } design } ? Estimate(design, options, sensitivity) : null);
    }

    private CheckResult Check(LoadResult loaded, Func<RuleFileResult> loadRules, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!loaded.Success || loaded.Design is null)
        {
            return new CheckResult(loaded, NoRules, null);
        }

        var rules = loadRules();
        return rules.Success
            ? new CheckResult(loaded, rules, Review(loaded.Design, options, rules.Rules))
            : new CheckResult(loaded, rules, null);
    }
}
