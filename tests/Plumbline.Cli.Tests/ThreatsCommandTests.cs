using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class ThreatsCommandTests
{
    /// <summary>Acceptances are judged as of this day, so goldens do not move with the calendar.</summary>
    private const string Today = "2026-12-03";

    [Fact]
    public void The_url_shortener_threat_model_matches_the_golden_files()
    {
        var text = Threats("url-shortener.yaml", "--flows");
        Assert.True(text.Exit == 0, text.Out + text.Error);
        Assert.Equal("", text.Error);
        GoldenFile.Verify("threats-url-shortener.txt", Relative(text.Out));

        var markdown = Threats("url-shortener.yaml", "--format", "markdown");
        Assert.Equal(0, markdown.Exit);
        GoldenFile.Verify("threats-url-shortener.md", Relative(markdown.Out));
    }

    [Fact]
    public void The_json_lists_threats_with_status_and_the_data_flow_view()
    {
        var run = Threats("url-shortener.yaml", "--format", "json");
        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        var threats = root.GetProperty("threats").EnumerateArray().ToList();
        var summary = root.GetProperty("summary");
        Assert.Equal(threats.Count, summary.GetProperty("threats").GetInt32());
        Assert.Equal(summary.GetProperty("open").GetInt32() + summary.GetProperty("accepted").GetInt32() + summary.GetProperty("mitigated").GetInt32(), threats.Count);

        var accepted = threats.Single(t => t.GetProperty("key").GetString() == "entry-without-authentication@redirect");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("spoofing", accepted.GetProperty("stride").GetString());
        Assert.Equal("CWE-306", accepted.GetProperty("cwe").GetString());
        Assert.Equal("2027-06-30", accepted.GetProperty("acceptance").GetProperty("until").GetString());

        var mitigated = threats.Single(t => t.GetProperty("key").GetString() == "flow-disclosure@edge.get_link->click-queue.publish");
        Assert.Equal("mitigated", mitigated.GetProperty("status").GetString());
        Assert.Equal("tls 1.3 (security.encryption.in_transit)", mitigated.GetProperty("mitigatedBy").GetString());

        var view = root.GetProperty("dataFlow");
        Assert.Equal(4, view.GetProperty("boundaries").GetArrayLength());
        var redirect = view.GetProperty("flows").EnumerateArray().First();
        Assert.Equal("redirect", redirect.GetProperty("id").GetString());
        Assert.Equal("visitor", redirect.GetProperty("from").GetString());
        Assert.Equal("internet", redirect.GetProperty("exposure").GetString());
        Assert.Contains(view.GetProperty("assets").EnumerateArray(), a => a.GetProperty("entity").GetString() == "Click" && a.GetProperty("holder").GetString() == "click-queue" && !a.GetProperty("home").GetBoolean());
    }

    [Fact]
    public void Open_threats_at_or_above_fail_on_exit_one()
    {
        Assert.Equal(1, Threats("weak-design.yaml").Exit);
        Assert.Equal(0, Threats("weak-design.yaml", "--fail-on", "none").Exit);
        Assert.Equal(0, Threats("url-shortener.yaml").Exit);
        Assert.Equal(1, Threats("url-shortener.yaml", "--fail-on", "medium").Exit);
    }

    [Fact]
    public void An_expired_acceptance_opens_its_threat_again()
    {
        var run = CliRun.Of("threats", Example("url-shortener.yaml"), "--today", "2027-07-01", "--format", "json");
        using var doc = JsonDocument.Parse(run.Out);
        var threat = doc.RootElement.GetProperty("threats").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "entry-without-authentication@redirect");
        Assert.Equal("open", threat.GetProperty("status").GetString());
        Assert.True(threat.GetProperty("acceptance").GetProperty("expired").GetBoolean());
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void An_invalid_design_or_date_exits_two_without_a_stack_trace()
    {
        var bad = CliRun.Of("threats", Path.Combine(Repository.Root, "README.md"));
        Assert.Equal(2, bad.Exit);
        Assert.DoesNotContain("   at ", bad.Error, StringComparison.Ordinal);
        var date = CliRun.Of("threats", Example("url-shortener.yaml"), "--today", "tomorrow");
        Assert.Equal(2, date.Exit);
        Assert.Contains("YYYY-MM-DD", date.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_matches_the_golden_file()
    {
        var run = CliRun.Of("threats", "--help");
        Assert.Equal(0, run.Exit);
        GoldenFile.Verify("help-threats.txt", run.Out);
    }

    private static CliRun Threats(string example, params string[] options) =>
        CliRun.Of([.. new[] { "threats", Example(example), "--today", Today }, .. options]);

    private static string Example(string name) => Repository.Example(name);

    private static string Relative(string output) =>
        output.Replace(Repository.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
