using System.Text.Json;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Engine;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary><c>plumbline init</c> on a terminal, with scripted answers, through the command line in-process.</summary>
public sealed class InterviewTests
{
    private sealed record Interviewed(CliRun Run, string Text, LoadResult Loaded, string Folder);

    private static Interviewed Interview(TempFolder dir, params string[] answers)
    {
        var output = dir.File("design.yaml");
        var run = CliRun.With(interactive: true, input: string.Join("\n", answers) + "\n", "init", "--output", output);
        var text = File.Exists(output) ? File.ReadAllText(output) : "";
        return new Interviewed(run, text, PlumblineEngine.Default.LoadDesign(output, text), dir.Path);
    }

    /// <summary>A URL shortener; links in a database, click events in a time-series store.</summary>
    private static readonly string[] FullAnswers =
    [
        "URL shortener",                                            // 0 name
        "Create short links and redirect visitors to the long URL.", // 1 summary
        "links-team",                                               // 2 owners
        "shorten a URL, redirect, daily click counts per link",     // 3 scope in
        "custom domains, user accounts",                            // 4 scope out
        "99.95% of redirects succeed over 30 days; a link is created in under a second", // 5 success
        "visitor, marketer",                                        // 6 personas
        "redirect, low",                                            // 7 visitor
        "shorten, medium",                                          // 8 marketer
        "Link, Click",                                              // 9 entities
        "internal, 5y, point_lookup(code)",                         // 10 Link
        "confidential, 90 days, time_series(link, time), aggregate(day)", // 11 Click
        "database",                                                 // 12 Link lives in
        "time series",                                              // 13 Click lives in
        "all",                                                      // 14 redirect's data
        "Link",                                                     // 15 shorten's data
        "10M users",                                                // 16 users
        "1B/month, peak 1500/s",                                    // 17 redirect traffic
        "10/month per user",                                        // 18 shorten traffic (no peak: peak-to-average asked)
        "3x",                                                       // 19 peak to average
        "50%",                                                      // 20 growth
        "geoip-vendor (external, 99.9%); payments (payments-team, 99.95)", // 21 dependencies
        "visitor trust",                                            // 22 outcome
        "links-created: 3M/month",                                  // 23 metric
    ];

    private static void AssertValid(Interviewed i) =>
        Assert.True(i.Loaded.Success, i.Run.Error + "\n" + string.Join("\n", i.Loaded.Diagnostics) + "\n" + i.Text);

    [Fact]
    public void Full_answers_make_a_valid_design_with_the_traffic_owners_and_stores_given_and_no_open_questions()
    {
        using var dir = new TempFolder();
        var i = Interview(dir, FullAnswers);
        Assert.Equal(0, i.Run.Exit);
        AssertValid(i);
        var design = i.Loaded.Design!;

        Assert.Equal(["links-team"], design.System.Owners);
        Assert.Equal("1B/month", design.FindWorkflow("redirect")!.Rate.ToString());
        Assert.Equal("1.5K/s", design.FindWorkflow("redirect")!.PeakRate.ToString());
        Assert.Equal("10/month", design.FindWorkflow("shorten")!.PerUser.ToString());
        Assert.Equal(3, design.Requirements.PeakToAverage);
        Assert.Equal(["db", "time-series-db"], design.Data.Select(e => e.Owner));
        Assert.Empty(design.Requirements.OpenQuestions);
        Assert.Contains("0 open questions", i.Run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("per_user: 10/month  # assumed", i.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_answers_are_open_questions_that_the_review_scores()
    {
        using var dir = new TempFolder();
        var answers = (string[])FullAnswers.Clone();
        answers[2] = "";     // owners
        answers[17] = "";    // redirect traffic
        answers[18] = "";    // shorten traffic
        var i = Interview(dir, answers);
        Assert.Equal(0, i.Run.Exit);
        AssertValid(i);
        string[] open =
        [
            "Who owns the system?",
            "How much traffic does redirect get, on average and at peak?",
            "How much traffic does shorten get, on average and at peak?",
        ];
        Assert.Equal(open, i.Loaded.Design!.Requirements.OpenQuestions.Select(q => q.Question));
        Assert.Contains("3 open questions", i.Run.Out, StringComparison.Ordinal);

        // The scoreboard shows them: each is a finding of the requirement brief, whose score drops below 100%, listed
        // with the design's other open questions under one cause.
        var check = CliRun.Of("check", dir.File("design.yaml"), "--format", "json");
        using var doc = JsonDocument.Parse(check.Out);
        var questions = doc.RootElement.GetProperty("findings").EnumerateArray()
            .SelectMany(f => f.TryGetProperty("related", out var related) && related.ValueKind == JsonValueKind.Array ? related.EnumerateArray().Prepend(f) : [f])
            .Where(f => f.GetProperty("rule").GetString() == "open-question").ToList();
        Assert.Equal(open.Length, questions.Count);
        var group = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("cause").GetString() == "open-questions@design");
        Assert.Equal(open.Length, group.GetProperty("related").EnumerateArray().Prepend(group).Count(f => f.GetProperty("rule").GetString() == "open-question"));
        var brief = doc.RootElement.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Requirement brief");
        Assert.True(brief.GetProperty("completeness").GetDouble() < 1);
    }

    /// <summary>Answers that used to be accepted and then made init write an invalid design and exit 70.</summary>
    [Theory]
    [InlineData(19, "5000", "out of range: a peak-to-average ratio is from 1 to 1000")]
    [InlineData(21, "geoip (external, 150%)", "out of range: an SLA is between 0% and 100%")]
    [InlineData(21, "payments (payments-team, 99.9%); payments (other-team, 99%)", "\"payments\" is listed twice")]
    [InlineData(16, "١٠M users", "is not a count")]
    [InlineData(19, "٣", "Give a number from 1 to 1000")]
    [InlineData(16, "99999999999999999999999999999999 users", "is too large for a count")]
    [InlineData(17, "99999999999999999999999999999999/s", "is too large for a rate")]
    public void An_answer_the_format_refuses_is_explained_and_asked_again_and_init_exits_0(int index, string refused, string reason)
    {
        using var dir = new TempFolder();
        var answers = FullAnswers.ToList();
        answers.Insert(index, refused);
        var i = Interview(dir, [.. answers]);
        Assert.True(i.Run.Exit == 0, i.Run.Out + i.Run.Error);
        AssertValid(i);
        Assert.Contains("  ! ", i.Run.Out, StringComparison.Ordinal);
        Assert.Contains(reason, i.Run.Out, StringComparison.Ordinal);
        Assert.Empty(i.Loaded.Design!.Requirements.OpenQuestions);
        Assert.DoesNotContain("internal error", i.Run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_the_input_at_once_skips_everything_and_still_writes_a_valid_design()
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var run = CliRun.With(interactive: true, input: "", "init", "--output", output);
        Assert.Equal(0, run.Exit);
        var loaded = PlumblineEngine.Default.LoadDesignFile(output);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        Assert.Equal("my-system", loaded.Design!.System.Name);
        Assert.True(loaded.Design.Requirements.OpenQuestions.Length >= 14);
    }

    [Fact]
    public void The_design_points_editors_at_a_schema_that_exists_where_it_was_written()
    {
        using var dir = new TempFolder();
        var i = Interview(dir, FullAnswers);
        Assert.Equal(0, i.Run.Exit);
        Assert.StartsWith("# yaml-language-server: $schema=plumbline-v1.schema.json\n", i.Text, StringComparison.Ordinal);
        Assert.Equal(FormatSchema.Text, File.ReadAllText(Path.Combine(dir.Path, FormatSchema.FileName)));
        Assert.Contains("plumbline-v1.schema.json, the format's JSON Schema", i.Run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_json_the_questions_go_to_stderr_and_stdout_is_the_result()
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var answers = (string[])FullAnswers.Clone();
        answers[4] = "";
        var run = CliRun.With(interactive: true, input: string.Join("\n", answers) + "\n", "init", "-o", output, "--format", "json");
        Assert.Equal(0, run.Exit);
        Assert.Contains("What is out of scope?", run.Error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Null(doc.RootElement.GetProperty("template").GetString());
        Assert.Equal("url-shortener", doc.RootElement.GetProperty("system").GetString());
        Assert.Equal("plumbline-v1.schema.json", doc.RootElement.GetProperty("schema").GetString());
        Assert.True(doc.RootElement.GetProperty("schemaWritten").GetBoolean());
        Assert.Equal(["What is out of scope?"], doc.RootElement.GetProperty("openQuestions").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public void Answers_with_quotes_colons_and_hashes_survive_as_text()
    {
        using var dir = new TempFolder();
        var answers = (string[])FullAnswers.Clone();
        answers[1] = "Links: \"short\" # and 'fast' \\ done";
        answers[3] = "yes, no, null, 123, - dash";
        var i = Interview(dir, answers);
        Assert.Equal(0, i.Run.Exit);
        AssertValid(i);
        Assert.Equal(answers[1], i.Loaded.Design!.System.Summary);
        Assert.Equal(["yes", "no", "null", "123", "- dash"], i.Loaded.Design.Requirements.Scope.In);
        Assert.Equal(Criticality.Critical, i.Loaded.Design.FindWorkflow("redirect")!.Criticality);
    }
}
