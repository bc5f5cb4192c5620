using System.Collections.Immutable;
using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Documents;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Config;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Analysis.Slo;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Loading;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Pricing;
using Plumbline.Design.Yaml;
using Plumbline.Engine.Files;
using Plumbline.Simulation.Designs;

namespace Plumbline.Engine;

/// <summary>The limits an engine reads with. Defaults suit the CLI; a server passes tighter ones.</summary>
/// <param name="Limits">Size, depth, node and value limits for every design and rule file; <see cref="YamlLimits.Default"/> when null.</param>
/// <param name="CatalogFiles">Whether a design may name a price file (<c>cost.catalog: ./prices.yaml</c>) for the engine to read; a server
/// holding designs from others turns it off, so only the shipped catalog is used. Default true.</param>
/// <param name="TeamRuleTimeBudget">The time all team rules of one review may take together; when it runs out the rest are skipped and
/// the review says which (<c>team-rules-time-budget</c>). Null for the default, <see cref="DefaultTeamRuleTimeBudget"/>.</param>
public sealed record EngineOptions(YamlLimits? Limits = null, bool CatalogFiles = true, TimeSpan? TeamRuleTimeBudget = null)
{
    /// <summary>The team rules' time budget per review unless set: 5 seconds.</summary>
    public static readonly TimeSpan DefaultTeamRuleTimeBudget = TimeSpan.FromSeconds(5);

    public static EngineOptions Default { get; } = new();
}

/// <summary>A check: the design as loaded, the team rules as loaded, and the review when both had no error.</summary>
/// <param name="Design">The design's load result; its diagnostics are the user's to fix first.</param>
/// <param name="TeamRules">The team rules' load result; empty (and not loaded) when the design has errors.</param>
/// <param name="Report">The review, or null when the design, a rule file, the project configuration or the baseline has errors.</param>
public sealed record CheckResult(LoadResult Design, RuleFileResult TeamRules, ReviewReport? Report)
{
    /// <summary>The project configuration as loaded, and its path; null when none applied (none found, or the design or rules had errors).</summary>
    public ProjectFileResult<ProjectConfig>? Config { get; init; }

    /// <summary>The baseline as loaded; null when none was given.</summary>
    public ProjectFileResult<Baseline>? Baseline { get; init; }
}

/// <summary>
/// A team's project files for a check (docs/config.md): the project configuration, named or found next to the design,
/// and a baseline of known findings.
/// </summary>
/// <param name="ConfigFile">A configuration named by the user (<c>--config</c>); null to look for one.</param>
/// <param name="DiscoverConfig">Whether to look for <c>.plumbline.yaml</c> next to the design and above it, up to the repository's root, when none is named.</param>
/// <param name="BaselineFile">A baseline (<c>--baseline</c>); null for none.</param>
public sealed record ProjectFiles(string? ConfigFile = null, bool DiscoverConfig = true, string? BaselineFile = null)
{
    /// <summary>Look for a configuration; no baseline.</summary>
    public static ProjectFiles Default { get; } = new();

    /// <summary>No configuration and no baseline.</summary>
    public static ProjectFiles None { get; } = new(DiscoverConfig: false);
}

/// <summary>An estimate: the design as loaded, and the estimate when the design had no error.</summary>
public sealed record EstimateResult(LoadResult Design, EstimateReport? Report);

/// <summary>A threat model: the design as loaded, and the report when the design had no error.</summary>
public sealed record ThreatsResult(LoadResult Design, ThreatReport? Report);

/// <summary>Recovery worked out: the design as loaded, and what each failure loses and how long it lasts when the design had no error.</summary>
public sealed record RecoveryResult(LoadResult Design, Analysis.Recovery.RecoveryReport? Report);

/// <summary>SLOs worked out: the design as loaded, the alert windows file as loaded (when one was given), and the report when neither had an error.</summary>
public sealed record SloResult(LoadResult Design, AlertingLoadResult? AlertWindows, SloReport? Report);

/// <summary>
/// A cost: the design as loaded, with the errors of its price catalog and of the names it takes from it
/// added to its diagnostics; the catalog (the design's own prices applied); and the cost when none had an error.
/// </summary>
public sealed record CostResult(LoadResult Design, PriceCatalog? Catalog, CostReport? Report);

/// <summary>
/// A design document worked out: the design as loaded (with its catalog's and team rules' errors added to its
/// diagnostics), the document when nothing had an error, and the simulation when one was asked for.
/// </summary>
/// <param name="TeamRules">The team rules' load result; empty when the design has errors.</param>
public sealed record ReportResult(LoadResult Design, RuleFileResult TeamRules, DesignDocument? Document, SimulationReport? Simulation);

/// <summary>Two designs' documents, and how the second differs from the first when both had no error.</summary>
public sealed record DiffResult(ReportResult Before, ReportResult After, DesignDiff? Diff);

/// <summary>The price catalog a design uses, its own prices applied, or the diagnostics that say why it cannot be used.</summary>
public sealed record PriceCatalogResult(PriceCatalog? Catalog, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Success => Catalog is not null && !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The one entry point to Plumbline's work, for the CLI, the server and the workbench alike: load a design
/// (from text, bytes or a file), load team rules (given as texts or files; finding them is the caller's part),
/// review, estimate. Every file is read through <see cref="SourceFile"/>: bounded, regular files only. Nothing
/// here writes or prints, and the clock is read only as the team rules' time budget (a timer); the review's date
/// comes in with <see cref="ReviewOptions"/>.
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

    /// <summary>
    /// Where a design file sits for tools that read its paths elsewhere (a SARIF upload): the repository root, the
    /// working directory or its folder as the base, its path from there, and the commit when it is in a git work tree.
    /// </summary>
    public DesignOrigin Origin(string designPath) => DesignOrigins.Locate(designPath, Environment.CurrentDirectory);

    /// <summary>A user's price catalog file on disk, read like a design file (the shipped one is <see cref="CatalogLoader.Default"/>).</summary>
    public CatalogLoadResult LoadPriceCatalogFile(string path) => CatalogLoader.Load(SourceFile.ReadYaml(path, Limits), path);

    /// <summary>
    /// The price catalog a design names in <c>cost.catalog</c>: the shipped one for <c>default</c>, else the
    /// file at that path relative to <paramref name="designPath"/>'s folder, read like a design. A file that is
    /// missing or has errors is refused with its diagnostics and one at the design's <c>cost.catalog</c>; names the
    /// design takes from the catalog (<c>runs_on</c>, <c>storage_class</c>, <c>cost.prices</c>) are checked.
    /// </summary>
    public PriceCatalogResult PriceCatalogFor(SystemDesign design, string designPath)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(designPath);
        var name = design.Cost.Catalog;
        if (name != CatalogLoader.DefaultName && !Options.CatalogFiles)
        {
            return new PriceCatalogResult(null, [DiagnosticCodes.CatalogUnreadable(design.SourceMap.ValueSpan(design.Cost.Path + "/catalog"), design.Cost.Path + "/catalog", name,
                "this engine reads no price files; only the shipped catalog ('default') can be used")]);
        }

        var loaded = name == CatalogLoader.DefaultName
            ? CatalogLoader.Default
            : LoadPriceCatalogFile(Path.Combine(Path.GetDirectoryName(designPath) ?? string.Empty, name));
        if (!loaded.Success || loaded.Catalog is null)
        {
            var errors = loaded.Diagnostics.Count(d => d.IsError);
            var missing = loaded.Source is null;
            var reason = missing ? loaded.Diagnostics.FirstOrDefault()?.Message ?? "it cannot be read" : $"it has {errors} error{(errors == 1 ? string.Empty : "s")}";
            var here = DiagnosticCodes.CatalogUnreadable(design.SourceMap.ValueSpan(design.Cost.Path + "/catalog"), design.Cost.Path + "/catalog", name, reason);
            return new PriceCatalogResult(null, missing ? [here] : [here, .. loaded.Diagnostics]);
        }

        var references = DesignPricing.Check(design, loaded.Catalog);
        return new PriceCatalogResult(DesignPricing.WithOverrides(loaded.Catalog, design.Cost.Prices), [.. loaded.Diagnostics, .. references]);
    }

    /// <summary>Prices a design at a catalog (see <see cref="PriceCatalogFor"/>), from its own estimate.</summary>
    public CostReport Cost(SystemDesign design, PriceCatalog catalog, CostOptions? options = null, EstimateOptions? estimateOptions = null) =>
        CostEstimator.Estimate(design, catalog, options, estimateOptions);

    /// <summary>Loads a design file and its price catalog, and prices the design when neither has an error.</summary>
    public CostResult CostFile(string designPath, CostOptions? options = null, EstimateOptions? estimateOptions = null) =>
        Cost(LoadDesignFile(designPath), designPath, options, estimateOptions);

    /// <summary>Loads a design given as text and its price catalog (a path relative to <paramref name="designPath"/>), and prices it.</summary>
    public CostResult Cost(string designPath, string designText, CostOptions? options = null, EstimateOptions? estimateOptions = null) =>
        Cost(LoadDesign(designPath, designText), designPath, options, estimateOptions);

    private CostResult Cost(LoadResult loaded, string designPath, CostOptions? options, EstimateOptions? estimateOptions)
    {
        var (withCatalog, catalog) = WithCatalog(loaded, designPath);
        return new CostResult(withCatalog, catalog, withCatalog.Success && catalog is not null ? Cost(withCatalog.Design!, catalog, options, estimateOptions) : null);
    }

    /// <summary>The design's load result with its catalog's diagnostics added, and the catalog when it can be used.</summary>
    private (LoadResult Loaded, PriceCatalog? Catalog) WithCatalog(LoadResult loaded, string designPath)
    {
        if (!loaded.Success || loaded.Design is null)
        {
            return (loaded, null);
        }

        var prices = PriceCatalogFor(loaded.Design, designPath);
        return prices.Diagnostics.IsEmpty
            ? (loaded, prices.Catalog)
            : (loaded with { Diagnostics = loaded.Diagnostics.AddRange(prices.Diagnostics) }, prices.Success ? prices.Catalog : null);
    }

    /// <summary>Team rule files given as texts, loaded as one set (an id in two files is an error).</summary>
    public RuleFileResult LoadTeamRules(IEnumerable<RuleSource> sources) => RuleFileLoader.LoadAll(sources, Limits);

    /// <summary>Team rule files on disk, in the order given; each is read like a design file.</summary>
    public RuleFileResult LoadTeamRuleFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return RuleFileLoader.LoadAll(paths.Select(p => SourceFile.ReadYaml(p, Limits)));
    }

    /// <summary>
    /// Reviews a design with the built-in rules and <paramref name="teamRules"/>. Team rules share one time budget
    /// (<see cref="EngineOptions.TeamRuleTimeBudget"/>), unless <paramref name="options"/> brings its own deadline: this
    /// timer is the only clock the engine reads, and no rule reads any.
    /// </summary>
    public ReviewReport Review(SystemDesign design, ReviewOptions options, IEnumerable<IRule>? teamRules = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var team = teamRules?.ToList() ?? [];
        if (team.Count == 0 || options.TeamRuleDeadline.CanBeCanceled)
        {
            return Reviewer.Review(design, options, team);
        }

        var budget = Options.TeamRuleTimeBudget ?? EngineOptions.DefaultTeamRuleTimeBudget;
        using var deadline = new CancellationTokenSource(budget);
        return Reviewer.Review(design, options with { TeamRuleDeadline = deadline.Token, TeamRuleTimeBudget = budget }, team);
    }

    /// <summary>
    /// The threat model of a design: STRIDE threats derived from its data flows, trust boundaries and data
    /// classification, each open, mitigated by a named control, or accepted by key until a date (judged at
    /// <paramref name="options"/>' date); and the data-flow view a diagram draws.
    /// </summary>
    public ThreatReport Threats(SystemDesign design, ReviewOptions options) => ThreatAnalyzer.Analyze(design, options);

    /// <summary>Loads a design file and derives its threat model when it loaded without errors.</summary>
    public ThreatsResult ThreatsFile(string designPath, ReviewOptions options)
    {
        var loaded = LoadDesignFile(designPath);
        return new ThreatsResult(loaded, loaded.Success && loaded.Design is { } design ? Threats(design, options) : null);
    }

    /// <summary>Estimates a design; with <paramref name="sensitivity"/>, ranks its inputs by how much they matter.</summary>
    public EstimateReport Estimate(SystemDesign design, EstimateOptions? options = null, bool sensitivity = false) =>
        Estimator.Estimate(design, options, sensitivity);

    /// <summary>An alert windows file on disk (the keys of <c>operations.alerting</c>), read like a design file.</summary>
    public AlertingLoadResult LoadAlertWindowsFile(string path) => AlertingLoader.Load(SourceFile.ReadYaml(path, Limits), path);

    /// <summary>
    /// Every SLO of a design worked out: error budgets, what the design composes beside each objective, and
    /// the multi-window burn-rate alerts (from <paramref name="options"/>' windows, the design's, or the shipped ones).
    /// </summary>
    public SloReport Slo(SystemDesign design, SloOptions? options = null, EstimateOptions? estimates = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        return SloAnalyzer.Analyze(design, Estimate(design, estimates), options);
    }

    /// <summary>Loads a design file (and an alert windows file, when given) and works out its SLOs when neither has an error.</summary>
    public SloResult SloFile(string designPath, string? alertWindowsPath = null)
    {
        var loaded = LoadDesignFile(designPath);
        if (!loaded.Success || loaded.Design is null)
        {
            return new SloResult(loaded, null, null);
        }

        var windows = alertWindowsPath is null ? null : LoadAlertWindowsFile(alertWindowsPath);
        return windows is { Success: false }
            ? new SloResult(loaded, windows, null)
            : new SloResult(loaded, windows, Slo(loaded.Design, new SloOptions(windows?.Alerting)));
    }

    /// <summary>
    /// Loads a design file and its team rule files, and the project configuration and baseline (<paramref name="project"/>;
    /// by default the configuration found next to the design), and reviews it when none has an error.
    /// </summary>
    public CheckResult CheckFile(string designPath, IEnumerable<string> ruleFiles, ReviewOptions options, ProjectFiles? project = null) =>
        Check(LoadDesignFile(designPath), designPath, () => LoadTeamRuleFiles(ruleFiles), options, project ?? ProjectFiles.Default);

    /// <summary>The project configuration that applies to a design file without being named (<see cref="ProjectConfigDiscovery"/>), or null.</summary>
    public string? FindConfigFor(string designPath) => ProjectConfigDiscovery.FindFor(designPath);

    /// <summary>A project configuration file on disk, read like a design; <paramref name="ruleIds"/> are the review's rule ids (built in and the team's).</summary>
    public ProjectFileResult<ProjectConfig> LoadConfigFile(string path, IReadOnlySet<string> ruleIds) =>
        ProjectConfigLoader.Load(SourceFile.ReadYaml(path, Limits), ruleIds);

    /// <summary>A project configuration held as text (a request body, an editor buffer).</summary>
    public ProjectFileResult<ProjectConfig> LoadConfig(string path, string text, IReadOnlySet<string> ruleIds) =>
        ProjectConfigLoader.LoadText(path, text, ruleIds, Limits);

    /// <summary>A baseline file on disk, read like a design.</summary>
    public ProjectFileResult<Baseline> LoadBaselineFile(string path) => Baseline.Load(SourceFile.ReadYaml(path, Limits));

    /// <summary>A baseline held as text.</summary>
    public ProjectFileResult<Baseline> LoadBaseline(string path, string text) => Baseline.LoadText(path, text, Limits);

    /// <summary>The ids a project configuration may name: every built-in rule's and the team rules'.</summary>
    public static IReadOnlySet<string> RuleIds(IEnumerable<IRule> teamRules) =>
        RuleRegistry.All.Concat(teamRules).Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Loads a design and team rules given as texts, and reviews it when neither has an error.</summary>
    public CheckResult Check(string designPath, string designText, IEnumerable<RuleSource> teamRules, ReviewOptions options) =>
        Check(LoadDesign(designPath, designText), designPath, () => LoadTeamRules(teamRules), options);

    /// <summary>Loads a design file and estimates it when it has no error.</summary>
    public EstimateResult EstimateFile(string designPath, EstimateOptions? options = null, bool sensitivity = false)
    {
        var loaded = LoadDesignFile(designPath);
        return new EstimateResult(loaded, loaded is { Success: true, Design: { } design } ? Estimate(design, options, sensitivity) : null);
    }

    /// <summary>
    /// Durability and recovery of a design's stores: for one instance, a zone, a region and logical corruption, the
    /// data lost (RPO) and the time writes are down (RTO), the restore time at each horizon of the estimate, and the
    /// chance of losing data in a year, against the targets its requirements set.
    /// </summary>
    public Analysis.Recovery.RecoveryReport Recovery(SystemDesign design, EstimateOptions? options = null) =>
        Analysis.Recovery.RecoveryAnalyzer.Analyze(design, options);

    /// <summary>A design file's recovery; null report when the design has errors.</summary>
    public RecoveryResult RecoveryFile(string designPath, EstimateOptions? options = null)
    {
        var loaded = LoadDesignFile(designPath);
        return new RecoveryResult(loaded, loaded is { Success: true, Design: { } design } ? Recovery(design, options) : null);
    }

    /// <summary>
    /// Simulates a loaded design (one without errors): its steady traffic, one named scenario, or all of them
    /// (<see cref="SimulationRequest"/>), with the estimate's figures beside the simulation's. Bounded in simulated time,
    /// events and memory; the same design, request and seed give the same report.
    /// </summary>
    /// <param name="progress">Given the scenario's name and the share of it done, from any thread.</param>
    /// <exception cref="ArgumentException">The request names no scenario of the design, or its options are unusable (check with <see cref="SimulationProblem"/>).</exception>
    public SimulationReport Simulate(SystemDesign design, SimulationRequest request, Action<string, double>? progress = null, CancellationToken cancellation = default) =>
        DesignSimulation.Simulate(design, request, progress, cancellation: cancellation);

    /// <summary>Null when <paramref name="request"/> can simulate <paramref name="design"/>; else what is wrong, in the command's words.</summary>
    public string? SimulationProblem(SystemDesign design, SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.Problem() is { } problem)
        {
            return problem;
        }

        if (request.Replications is < 1 or > DesignSimulation.MaxReplications)
        {
            return $"the replications must be from 1 to {DesignSimulation.MaxReplications}";
        }

        var names = SimulationRequest.Names(design);
        if (request.Scenario is null or SimulationRequest.All || names.Contains(request.Scenario))
        {
            return null;
        }

        return names.IsEmpty
            ? $"the design has no scenario named '{request.Scenario}' (it has no validation scenarios)"
            : $"the design has no scenario named '{request.Scenario}'; it has: {string.Join(", ", names)} (or 'all')";
    }

    /// <summary>
    /// The whole design document of a design file, each part the same report its own command gives: the review
    /// (with <paramref name="ruleFiles"/> and the design's price catalog), the estimate, SLOs, threat model, recovery
    /// and cost; and, when <paramref name="simulation"/> is given, a simulation of it. The one entry point for
    /// <c>plumbline report</c> and a server's document view alike.
    /// </summary>
    public ReportResult ReportFile(string designPath, IEnumerable<string> ruleFiles, ReviewOptions options, SimulationRequest? simulation = null) =>
        Report(LoadDesignFile(designPath), designPath, () => LoadTeamRuleFiles(ruleFiles), options, simulation);

    /// <summary>
    /// A design file on disk, or as committed to git when <paramref name="source"/> is <c>REV:path</c> (such as
    /// <c>HEAD~1:design.yaml</c>) and no file has that name: read through git from the working directory's
    /// repository, bounded like a file.
    /// </summary>
    public LoadResult LoadDesignAt(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!SourceFile.IsRevision(source))
        {
            return LoadDesignFile(source);
        }

        var read = SourceFile.ReadRevision(source, Environment.CurrentDirectory, Limits);
        return read.Bytes is { } bytes ? LoadDesign(source, bytes) : DesignLoader.Load(new YamlReadResult(null, null, [read.Error!]));
    }

    /// <summary>
    /// How one design became another (either side a file or <c>REV:path</c>): each worked out as its document is (review
    /// with <paramref name="ruleFiles"/>, estimate, cost), then compared element by element, figure by figure and
    /// finding by finding. A price catalog file a design names is read from disk, beside the path after the revision.
    /// </summary>
    /// <param name="simulated">Each side's simulated SLO results, when both were simulated (see <see cref="LoadSimulationResultsFile"/>): their achieved shares are compared too.</param>
    public DiffResult Diff(string before, string after, IEnumerable<string> ruleFiles, ReviewOptions options, (SimulationSummary Before, SimulationSummary After)? simulated = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var rules = ruleFiles.ToList();
        var old = Report(LoadDesignAt(before), PathOf(before), () => LoadTeamRuleFiles(rules), options, null);
        var now = Report(LoadDesignAt(after), PathOf(after), () => LoadTeamRuleFiles(rules), options, null);
        var slos = simulated is { } s ? (Achieved(s.Before), Achieved(s.After)) : default((IReadOnlyList<SimulatedFigure>, IReadOnlyList<SimulatedFigure>)?);
        return new DiffResult(old, now, old.Document is { } x && now.Document is { } y ? DesignDiffer.Diff(x, y, slos) : null);
    }

    /// <summary>What <c>plumbline simulate --format json</c> wrote, read back (bounded like any file): each scenario's SLO results.</summary>
    public SimulationResultsRead LoadSimulationResultsFile(string path) => SimulationResultsFile.Read(path, Limits);

    private static List<SimulatedFigure> Achieved(SimulationSummary summary) =>
        [.. summary.Slos.Select(s => new SimulatedFigure(s.Scenario + " / " + s.Slo, s.Achieved))];

    /// <summary>The path a design's relative paths (its price catalog) start from: the file, or the path after a revision.</summary>
    private static string PathOf(string source) =>
        SourceFile.IsRevision(source) ? source[(source.IndexOf(':', StringComparison.Ordinal) + 1)..] : source;

    private ReportResult Report(LoadResult loaded, string designPath, Func<RuleFileResult> rules, ReviewOptions options, SimulationRequest? simulation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var check = Check(loaded, designPath, rules, options);
        if (check.Report is not { } review || check.Design.Design is not { } design)
        {
            return new ReportResult(check.Design, check.TeamRules, null, null);
        }

        var prices = PriceCatalogFor(design, designPath);
        var estimates = options.Estimates;
        var estimate = Estimate(design, estimates);
        var document = new DesignDocument(
            design,
            estimate,
            review,
            SloAnalyzer.Analyze(design, estimate, new SloOptions(options.AlertWindows)),
            Threats(design, options),
            Recovery(design, estimates),
            Cost(design, prices.Catalog!, options.Cost, estimates));
        return new ReportResult(check.Design, check.TeamRules, document, simulation is null ? null : Simulate(design, simulation));
    }

    /// <summary>
    /// Reviews a loaded design with its price catalog (so the cost rules price it), its team rules, and the project
    /// configuration and baseline of <paramref name="project"/>, when none of them has an error.
    /// </summary>
    private CheckResult Check(LoadResult loaded, string designPath, Func<RuleFileResult> loadRules, ReviewOptions options, ProjectFiles? project = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (withCatalog, catalog) = WithCatalog(loaded, designPath);
        if (!withCatalog.Success || withCatalog.Design is null)
        {
            return new CheckResult(withCatalog, NoRules, null);
        }

        var rules = loadRules();
        if (!rules.Success)
        {
            return new CheckResult(withCatalog, rules, null);
        }

        project ??= ProjectFiles.None;
        var configPath = project.ConfigFile ?? (project.DiscoverConfig && !SourceFile.IsRevision(designPath) ? FindConfigFor(designPath) : null);
        var config = configPath is null ? null : LoadConfigFile(configPath, RuleIds(rules.Rules));
        var baseline = project.BaselineFile is { } baselinePath ? LoadBaselineFile(baselinePath) : null;
        if (config is { Success: false } || baseline is { Success: false })
        {
            return new CheckResult(withCatalog, rules, null) { Config = config, Baseline = baseline };
        }

        var reviewOptions = options with
        {
            Prices = catalog,
            Config = config?.Value?.For(ProjectConfigDiscovery.DesignPathFrom(configPath!, designPath)) ?? options.Config,
            Baseline = baseline?.Value ?? options.Baseline,
        };
        return new CheckResult(withCatalog, rules, Review(withCatalog.Design, reviewOptions, rules.Rules)) { Config = config, Baseline = baseline };
    }
}
