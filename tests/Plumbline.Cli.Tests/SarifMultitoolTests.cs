using System.Text.Json.Nodes;
using System.Xml.Linq;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// The SARIF of <c>plumbline check</c> against Microsoft's SARIF multitool (<c>validate</c>, from npm, installed by
/// scripts/test) with the ingestion rules of GitHub code scanning (GH1xxx) and of GitHub Advanced Security for
/// Azure DevOps (GHAzDO) switched on as errors, and the SARIF rules that ask for what code-scanning readers use:
/// version control provenance (SARIF2003), snippets (SARIF2010), context regions (SARIF2011) and relative file
/// URIs (SARIF2016). Left off, each for its reason: GHAzDO1019 and GHAzDO1020 want the Azure pipeline's build ids,
/// which only the pipeline's upload step knows; SARIF2006 fetches every URI (no network in tests); SARIF2009 asks
/// for rule ids like CS2001, where Plumbline's are words on purpose (the id names its docs page). Any error or
/// warning fails, except SARIF2005 (no informationUri: Plumbline links no site it does not own unless
/// <c>--rule-docs</c> names one) and SARIF2001 (message templates should end in a full stop: Plumbline's messages
/// are clauses printed after a place, <c>design.yaml:12:5 links-db has one instance</c>, and a template must give
/// back the message's text exactly).
/// </summary>
public sealed class SarifMultitoolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Config = new(WriteConfig);

    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal) { "SARIF2005", "SARIF2001" };

    public static TheoryData<string> Examples() => PrometheusExportTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_examples_sarif_passes_the_multitool_with_the_code_scanning_rules(string example)
    {
        var design = Path.Combine(Repository.Root, "examples", example);

        var (sarif, problems) = CheckAndValidate(design);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var run = sarif["runs"]![0]!;
        Assert.All(Locations(run), l => Assert.Equal("examples/" + example, l));
        Assert.Equal($"plumbline/examples/{example}/", run["automationDetails"]!["id"]!.GetValue<string>());
        Assert.Equal(Git(Repository.Root, "rev-parse", "HEAD"), run["versionControlProvenance"]![0]!["revisionId"]!.GetValue<string>());
    }

    [Fact]
    public void A_design_named_by_an_absolute_path_outside_any_repository_is_relative_to_its_folder()
    {
        using var dir = new TempFolder();
        var design = dir.Write("design.yaml", File.ReadAllText(Path.Combine(Repository.Root, "examples", "weak-design.yaml")));
        Assert.True(Path.IsPathRooted(design));

        // Outside a repository there is no commit to name: SARIF2003 (no provenance) is the one thing left to say.
        var (sarif, problems) = CheckAndValidate(design, "SARIF2003");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var run = sarif["runs"]![0]!;
        Assert.All(Locations(run), l => Assert.Equal("design.yaml", l));
        Assert.Equal(new Uri(dir.Path + "/").AbsoluteUri, run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!.GetValue<string>());
        Assert.Null(run["versionControlProvenance"]);
        Assert.DoesNotContain("file://", sarif["runs"]![0]!["results"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_in_a_repository_names_the_commit_and_the_remote_without_its_credentials()
    {
        using var dir = new TempFolder();
        var repo = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "designs", "team a"));
        var design = Path.Combine(repo, "designs", "team a", "shop.yaml");
        File.WriteAllText(design, File.ReadAllText(Path.Combine(Repository.Root, "examples", "url-shortener.yaml")));
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "remote", "add", "origin", "https://ci-bot:s3cret-token@example.com/org/designs.git");
        Git(repo, "add", ".");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "design");

        var (sarif, problems) = CheckAndValidate(design);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var run = sarif["runs"]![0]!;
        Assert.All(Locations(run), l => Assert.Equal("designs/team%20a/shop.yaml", l));
        var provenance = run["versionControlProvenance"]![0]!;
        Assert.Equal("https://example.com/org/designs.git", provenance["repositoryUri"]!.GetValue<string>());
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), provenance["revisionId"]!.GetValue<string>());
        Assert.Equal("main", provenance["branch"]!.GetValue<string>());
        Assert.Equal("plumbline/designs/team a/shop.yaml/", run["automationDetails"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret", sarif.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>Runs check for SARIF, then the multitool over it: the SARIF, and every error or warning the multitool raised but the accepted ones.</summary>
    private static (JsonNode Sarif, List<string> Problems) CheckAndValidate(string design, params string[] alsoAccepted)
    {
        using var dir = new TempFolder();
        var run = CliRun.Of("check", design, "--format", "sarif", "--fail-on", "none");
        Assert.True(run.Exit == 0, run.Error);
        var input = dir.Write("check.sarif", run.Out);
        var output = dir.File("validation.sarif");

        var validate = NodeClients.Run(NodeClients.SarifMultitool, ["validate", "--config", Config.Value, "--output", output, input], Timeout, dir.Path);

        Assert.True(validate.Exit == 0 && File.Exists(output), validate.Output + validate.Error);
        var log = JsonNode.Parse(File.ReadAllText(output))!;
        var problems = log["runs"]![0]!["results"]!.AsArray()
            .OfType<JsonObject>()
            .Where(r => (r["level"]?.GetValue<string>() ?? "warning") is "error" or "warning")
            .Select(r => (Rule: r["ruleId"]!.GetValue<string>(), Result: r))
            .Where(r => !Accepted.Contains(r.Rule) && !alsoAccepted.Contains(r.Rule))
            .Select(r => $"{r.Rule}: {Message(log, r.Result)}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (JsonNode.Parse(run.Out)!, problems);
    }

    private static IEnumerable<string> Locations(JsonNode run) =>
        run["results"]!.AsArray().Select(r =>
        {
            var artifact = r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
            Assert.Equal("SRCROOT", artifact["uriBaseId"]?.GetValue<string>());
            return artifact["uri"]!.GetValue<string>();
        });

    /// <summary>A multitool result's message: its text, or its rule's message string filled with its arguments.</summary>
    private static string Message(JsonNode log, JsonObject result)
    {
        if (result["message"]?["text"]?.GetValue<string>() is { } text)
        {
            return text;
        }

        var id = result["message"]!["id"]!.GetValue<string>();
        var args = result["message"]!["arguments"]?.AsArray().Select(a => a!.GetValue<string>()).ToArray() ?? [];
        var rule = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().First(r => r!["id"]!.GetValue<string>() == result["ruleId"]!.GetValue<string>());
        var template = rule!["messageStrings"]![id]!["text"]!.GetValue<string>();
        for (var i = 0; i < args.Length; i++)
        {
            template = template.Replace("{" + i + "}", args[i], StringComparison.Ordinal);
        }

        return template;
    }

    /// <summary>The multitool's own configuration, exported, with the rule states this class describes.</summary>
    private static string WriteConfig()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plumbline-multitool-{Environment.ProcessId}.xml");
        var export = NodeClients.Run(NodeClients.SarifMultitool, ["export-validation-config", path], Timeout);
        Assert.True(export.Exit == 0 && File.Exists(path), export.Output + export.Error);
        var config = XDocument.Load(path);
        foreach (var rule in config.Root!.Elements("Properties"))
        {
            var key = (string)rule.Attribute("Key")!;
            var id = key.Split('.')[0];
            var state = id switch
            {
                "GHAzDO1019" or "GHAzDO1020" or "SARIF2006" or "SARIF2009" => "Disabled",
                "SARIF2003" or "SARIF2010" or "SARIF2011" or "SARIF2016" => "Error",
                _ when id.StartsWith("GH1", StringComparison.Ordinal) || id.StartsWith("GHAzDO", StringComparison.Ordinal) => "Error",
                _ => null,
            };
            if (state is not null && rule.Elements("Property").FirstOrDefault(p => (string?)p.Attribute("Key") == "RuleEnabled") is { } enabled)
            {
                enabled.SetAttributeValue("Value", state);
            }
        }

        var kinds = config.Descendants("Property").Single(p => (string?)p.Attribute("Key") == "RuleKinds");
        kinds.RemoveNodes();
        kinds.Add(new XElement("Item", "Sarif"), new XElement("Item", "Ghas"), new XElement("Item", "GHAzDO"));
        config.Save(path);
        return path;
    }

    private static string Git(string folder, params string[] arguments)
    {
        var run = NodeClients.Run("git", ["-C", folder, .. arguments], Timeout, folder);
        Assert.True(run.Exit == 0, $"git {string.Join(' ', arguments)}: {run.Error}");
        return run.Output.Trim();
    }
}
