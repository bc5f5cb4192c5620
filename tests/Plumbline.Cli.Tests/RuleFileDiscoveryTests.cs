using Plumbline.Engine;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>Which files next to a design count as its rule files.</summary>
public sealed class RuleFileDiscoveryTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plumbline-discovery-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "plumbline-rules: 1\nrules: []\n");
        return path;
    }

    [Fact]
    public void Finds_rules_yaml_files_and_plumbline_rules_yaml_sorted_by_name()
    {
        var design = Touch("design.yaml");
        Touch("zeta.rules.yaml");
        Touch("plumbline-rules.yaml");
        Touch("Alpha.rules.yaml");
        Touch("notes.yaml");
        Touch("team.rules.yml");
        Touch("rules.yaml");
        Touch(".rules.yaml");
        Touch("team.RULES.yaml");
        Touch(Path.Combine("sub", "nested.rules.yaml"));
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "folder.rules.yaml"));

        var found = RuleFileDiscovery.FindNextTo(design);
        Assert.Equal(
            [Path.Combine(_folder.FullName, "Alpha.rules.yaml"), Path.Combine(_folder.FullName, "plumbline-rules.yaml"), Path.Combine(_folder.FullName, "zeta.rules.yaml")],
            found);
    }

    [Fact]
    public void The_design_itself_is_never_its_own_rule_file()
    {
        var design = Touch("odd.rules.yaml");
        Touch("team.rules.yaml");
        Assert.Equal([Path.Combine(_folder.FullName, "team.rules.yaml")], RuleFileDiscovery.FindNextTo(design));
    }

    [Fact]
    public void A_missing_folder_has_no_rule_files()
    {
        Assert.Empty(RuleFileDiscovery.FindNextTo(Path.Combine(_folder.FullName, "missing", "design.yaml")));
    }

    [Fact]
    public void Found_files_load_together()
    {
        var design = Touch("design.yaml");
        File.Copy(Path.Combine(Repository.Root, "tests", "Plumbline.Analysis.Tests", "Review", "Custom", "Fixtures", "team.rules.yaml"), Path.Combine(_folder.FullName, "team.rules.yaml"));
        Touch("plumbline-rules.yaml");
        var result = PlumblineEngine.Default.LoadTeamRuleFiles(RuleFileDiscovery.FindNextTo(design));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(7, result.Rules.Length);
        Assert.Equal("PL4020", Assert.Single(result.Diagnostics).Code);
    }
}
