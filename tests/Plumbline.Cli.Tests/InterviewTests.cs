using System.Text.Json;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class InterviewTests
{
    private static (CliRun Run, string Text, LoadResult Loaded) Interview(params string[] answers)
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var run = CliRun.With(interactive: true, input: string.Join("\n", answers) + "\n", "init", "--output", output);
        var text = File.Exists(output) ? File.ReadAllText(output) : "";
        return (run, text, DesignLoader.LoadText(output, text));
    }

    private static readonly string[] FullAnswers =
    [
        "URL shortener",                                           // name
        "Create short links and redirect visitors to the long URL.", // summary
        "shorten a URL, redirect, daily click counts per link",    // scope in
        "custom domains, user accounts",                           // scope out
        "99.95% of redirects succeed over 30 days; a link is created in under a second", // success
        "visitor, marketer",                                       // personas
        "redirect, low",                                           // visitor
        "shorten, medium",                                         // marketer
        "Link, Click",                                             // entities
        "internal, 5y, point_lookup(code)",                        // Link
        "confidential, 90 days, time_series(link, time), aggregate(day)", // Click
        "10M users",                                               // scale
        "50%",                                                     // growth
        "3x",                                                      // peak to average
        "geoip-vendor (external, 99.9%); payments (payments-team, 99.95)", // dependencies
        "visitor trust",                                           // outcome
        "links-created: 3M/month",                                 // metric
    ];

    [Fact]
    public void Full_answers_make_a_valid_design_with_no_open_questions()
    {
        var (run, text, loaded) = Interview(FullAnswers);
        Assert.True(run.Exit == 0, run.Error + "\n" + text);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);
        var design = loaded.Design!;

        Assert.Equal("url-shortener", design.System.Name);
        Assert.Equal("Create short links and redirect visitors to the long URL.", design.System.Summary);
        Assert.Equal(["shorten a URL", "redirect", "daily click counts per link"], design.Requirements.Scope.In);
        Assert.Equal(2, design.Requirements.Scope.SuccessCriteria.Length);
        Assert.Equal(["visitor", "marketer"], design.Requirements.Personas.Select(p => p.Name));
        Assert.Equal(FailureTolerance.Low, design.Requirements.Personas[0].FailureTolerance);
        Assert.Equal(["redirect", "shorten"], design.Workflows.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.All(design.Workflows, w => Assert.Equal("api", w.Entry.Component));
        Assert.Equal(Criticality.Critical, design.FindWorkflow("redirect")!.Criticality);
        Assert.Equal(AccessType.Write, design.FindWorkflow("shorten")!.Type);
        Assert.NotNull(design.FindComponent("api"));
        Assert.Equal(ComponentKind.Database, design.FindComponent("db")!.Kind);
        Assert.Equal(["Link", "Click"], design.Data.Select(e => e.Name));
        Assert.All(design.Data, e => Assert.Equal("db", e.Owner));
        Assert.Equal(Classification.Confidential, design.Data[1].Classification);
        Assert.Equal(2, design.Data[1].Access.Length);
        Assert.NotNull(design.Requirements.Users.MonthlyActive);
        Assert.NotNull(design.Requirements.Growth);
        Assert.Equal(3, design.Requirements.PeakToAverage);
        Assert.Equal(["geoip-vendor", "payments"], design.Requirements.Dependencies.Select(d => d.Name));
        Assert.Equal("external", design.Requirements.Dependencies[0].Owner);
        Assert.NotNull(design.Requirements.Dependencies[1].Sla);
        Assert.Equal("visitor trust", design.Business.Outcomes.Single().Name);
        Assert.Equal("3M/month", design.Business.Metrics.Single(m => m.Name == "links-created").Target);
        Assert.Contains(design.Slos, s => s.Workflow == "redirect" && s.Sli == SliKind.Availability);
        Assert.Contains(design.Slos, s => s.Workflow == "redirect" && s.Sli == SliKind.Latency);
        Assert.Empty(design.Requirements.OpenQuestions);
    }

    [Fact]
    public void Skipped_answers_become_open_questions_and_the_design_still_validates()
    {
        var answers = (string[])FullAnswers.Clone();
        answers[1] = "";   // summary
        answers[3] = "";   // scope out
        answers[11] = "";  // scale
        answers[14] = "";  // dependencies
        var (run, text, loaded) = Interview(answers);

        Assert.True(run.Exit == 0, run.Error + "\n" + text);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);
        var open = loaded.Design!.Requirements.OpenQuestions.Select(q => q.Question).ToArray();
        Assert.Equal(
            [
                "What does the system do, in one line?",
                "What is out of scope?",
                "How many monthly active users (or requests per second) must it serve?",
                "Which systems does it depend on, who owns them, and what SLA do they offer?",
            ],
            open);
        Assert.Contains("4 open questions", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_the_input_at_once_skips_everything_and_still_writes_a_valid_design()
    {
        var (run, text, loaded) = Interview();
        Assert.True(run.Exit == 0, run.Error + "\n" + text);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);
        var design = loaded.Design!;
        Assert.Equal("my-system", design.System.Name);
        Assert.True(design.Requirements.OpenQuestions.Length >= 10);
        Assert.Single(design.Workflows);
        Assert.NotEmpty(design.Slos);
    }

    [Fact]
    public void With_json_the_questions_go_to_stderr_and_stdout_is_the_result()
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var answers = (string[])FullAnswers.Clone();
        answers[3] = "";
        var run = CliRun.With(interactive: true, input: string.Join("\n", answers) + "\n", "init", "-o", output, "--format", "json");
        Assert.Equal(0, run.Exit);
        Assert.Contains("What is out of scope?", run.Error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Null(doc.RootElement.GetProperty("template").GetString());
        Assert.Equal("url-shortener", doc.RootElement.GetProperty("system").GetString());
        Assert.Equal(["What is out of scope?"], doc.RootElement.GetProperty("openQuestions").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public void A_wrong_answer_is_explained_and_asked_again()
    {
        var answers = FullAnswers.ToList();
        answers.Insert(11, "lots");   // scale: not understood, then answered
        var (run, _, loaded) = Interview([.. answers]);
        Assert.Equal(0, run.Exit);
        Assert.Contains("Give monthly active users (10M) or requests per second (200/s).", run.Out, StringComparison.Ordinal);
        Assert.Empty(loaded.Design!.Requirements.OpenQuestions);
    }

    [Fact]
    public void A_request_rate_is_shared_among_the_workflows()
    {
        var answers = (string[])FullAnswers.Clone();
        answers[11] = "200 rps";
        var (run, text, loaded) = Interview(answers);
        Assert.True(run.Exit == 0, run.Error + "\n" + text);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);
        Assert.All(loaded.Design!.Workflows, w => Assert.NotNull(w.Rate));
        Assert.Contains("rate: 100/s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_with_quotes_colons_and_hashes_survive_as_text()
    {
        var answers = (string[])FullAnswers.Clone();
        answers[1] = "Links: \"short\" # and 'fast' \\ done";
        answers[2] = "yes, no, null, 123, - dash";
        var (run, text, loaded) = Interview(answers);
        Assert.True(run.Exit == 0, run.Error + "\n" + text);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);
        Assert.Equal(answers[1], loaded.Design!.System.Summary);
        Assert.Equal(["yes", "no", "null", "123", "- dash"], loaded.Design.Requirements.Scope.In);
    }
}
