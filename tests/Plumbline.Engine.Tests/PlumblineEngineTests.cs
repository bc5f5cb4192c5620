using System.Text;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Yaml;
using Xunit;

namespace Plumbline.Engine.Tests;

/// <summary>The one entry point: what the CLI, the server and the workbench call.</summary>
public sealed class PlumblineEngineTests : IDisposable
{
    private const string Design = """
        plumbline: 1
        system: { name: tiny }
        workflows:
          browse: { entry: web.get, rate: 10/s }
        components:
          web: { kind: service, operations: { get: {} } }
        """;

    private const string TeamRule = """
        plumbline-rules: 1
        rules:
          - id: team-owner-required
            title: Every component has an owner
            step: org_alignment
            severity: low
            applies_to: components
            require: { owner: present }
            why: Someone must answer for it.
            fix: Name an owner.
        """;

    private static readonly ReviewOptions Options = new(new DateOnly(2026, 11, 25));

    private readonly string _folder = Directory.CreateTempSubdirectory("plumbline-engine-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_design_loads_the_same_from_text_bytes_and_a_file()
    {
        var engine = PlumblineEngine.Default;
        var path = Write("design.yaml", Design);

        var fromText = engine.LoadDesign(path, Design);
        var fromBytes = engine.LoadDesign(path, Encoding.UTF8.GetBytes(Design));
        var fromFile = engine.LoadDesignFile(path);

        Assert.All([fromText, fromBytes, fromFile], r => Assert.True(r.Success, string.Join('\n', r.Diagnostics)));
        Assert.All([fromText, fromBytes, fromFile], r => Assert.Equal("tiny", r.Design!.System.Name));
    }

    [Fact]
    public void The_engine_limits_apply_to_every_read()
    {
        var engine = new PlumblineEngine(new EngineOptions(new YamlLimits(MaxBytes: 20)));
        var path = Write("design.yaml", Design);

        Assert.Equal("PL1001", Assert.Single(engine.LoadDesignFile(path).Diagnostics).Code);
        Assert.Equal("PL1001", Assert.Single(engine.LoadDesign(path, Design).Diagnostics).Code);
        Assert.Equal("PL1001", Assert.Single(engine.LoadTeamRuleFiles([Write("team.rules.yaml", TeamRule)]).Diagnostics).Code);
        Assert.Equal("PL1001", Assert.Single(engine.LoadTeamRules([new RuleSource("team.rules.yaml", TeamRule)]).Diagnostics).Code);
    }

    [Fact]
    public void A_missing_team_rule_file_is_a_diagnostic_at_the_file()
    {
        var path = Path.Combine(_folder, "team.rules.yaml");
        var diagnostic = Assert.Single(PlumblineEngine.Default.LoadTeamRuleFiles([path]).Diagnostics);
        Assert.Equal("PL1016", diagnostic.Code);
        Assert.Equal(path, diagnostic.Span.Path);
    }

    [Fact]
    public void A_check_from_files_and_from_texts_gives_the_same_findings()
    {
        var engine = PlumblineEngine.Default;
        var design = Write("design.yaml", Design);
        var rules = Write("team.rules.yaml", TeamRule);

        var fromFiles = engine.CheckFile(design, [rules], Options);
        var fromTexts = engine.Check(design, Design, [new RuleSource(rules, TeamRule)], Options);

        Assert.NotNull(fromFiles.Report);
        Assert.NotNull(fromTexts.Report);
        Assert.Contains(fromFiles.Report.Findings, f => f.Key == "team-owner-required@web");
        Assert.Equal(fromFiles.Report.Findings.Select(f => f.Key), fromTexts.Report.Findings.Select(f => f.Key));
    }

    [Fact]
    public void The_team_rules_share_the_engines_time_budget_and_a_spent_budget_is_a_finding()
    {
        var spent = new PlumblineEngine(new EngineOptions(TeamRuleTimeBudget: TimeSpan.Zero));
        var report = spent.Check("design.yaml", Design, [new RuleSource("team.rules.yaml", TeamRule)], Options).Report!;
        Assert.DoesNotContain(report.Findings, f => f.Key == "team-owner-required@web");
        var budget = Assert.Single(report.Findings, f => f.Rule == TeamRuleBudget.Info);
        Assert.StartsWith("team rules ran out of their 0 s time budget: 1 of 1 did not finish (team-owner-required)", budget.Message, StringComparison.Ordinal);

        var ample = PlumblineEngine.Default.Check("design.yaml", Design, [new RuleSource("team.rules.yaml", TeamRule)], Options).Report!;
        Assert.Contains(ample.Findings, f => f.Key == "team-owner-required@web");
        Assert.Equal(TimeSpan.FromSeconds(5), EngineOptions.DefaultTeamRuleTimeBudget);
    }

    [Fact]
    public void A_design_with_errors_is_not_reviewed_and_its_rules_are_not_read()
    {
        var result = PlumblineEngine.Default.CheckFile(Path.Combine(_folder, "missing.yaml"), [Path.Combine(_folder, "missing.rules.yaml")], Options);

        Assert.Null(result.Report);
        Assert.Equal("PL1016", Assert.Single(result.Design.Diagnostics).Code);
        Assert.Empty(result.TeamRules.Diagnostics);
    }

    [Fact]
    public void A_rule_file_with_errors_stops_the_review()
    {
        var result = PlumblineEngine.Default.Check("design.yaml", Design, [new RuleSource("bad.rules.yaml", "plumbline-rules: 1\nrules: 3\n")], Options);

        Assert.True(result.Design.Success);
        Assert.False(result.TeamRules.Success);
        Assert.Null(result.Report);
    }

    [Fact]
    public void An_estimate_of_a_file_carries_its_figures()
    {
        var result = PlumblineEngine.Default.EstimateFile(Write("design.yaml", Design));

        var traffic = Assert.Single(result.Report!.Traffic);
        Assert.Equal(10, traffic.Average.Value);
    }

    [Fact]
    public void A_missing_catalog_file_is_a_diagnostic_naming_the_file()
    {
        var result = PlumblineEngine.Default.LoadPriceCatalogFile("no-such-prices.yaml");

        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.IsError);
        Assert.Equal("no-such-prices.yaml", diagnostic.Span.Path);
    }

    [Fact]
    public void A_catalog_file_past_the_size_limit_is_refused_before_it_is_parsed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plumbline-prices-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: " + new string('x', 2_000));
        try
        {
            var result = new PlumblineEngine(new EngineOptions(new YamlLimits(MaxBytes: 1_000))).LoadPriceCatalogFile(path);

            Assert.Null(result.Catalog);
            Assert.Contains(result.Diagnostics, d => d.Code == "PL1001");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
