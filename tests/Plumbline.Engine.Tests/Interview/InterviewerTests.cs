using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Engine.Interview;
using Xunit;

namespace Plumbline.Engine.Tests.Interview;

/// <summary>The interview with scripted answers: what it asks, what it refuses, and the design it writes.</summary>
public sealed class InterviewerTests
{
    /// <summary>A URL shortener with three kinds of data (links, click events, QR code images), answered in full.</summary>
    internal static readonly string[] FullAnswers =
    [
        "URL shortener",                                                   // name
        "Create short links and redirect visitors to the long URL.",       // summary
        "links-team, Ada Lovelace",                                        // owners
        "shorten a URL, redirect, daily click counts per link",            // scope in
        "custom domains, user accounts",                                   // scope out
        "99.95% of redirects succeed over 30 days; a link is created in under a second", // success
        "visitor, marketer",                                               // personas
        "redirect, low",                                                   // visitor
        "shorten, medium",                                                 // marketer
        "Link, Click, QrCode",                                             // entities
        "internal, 5y, point_lookup(code)",                                // Link
        "confidential, 90 days, time_series(link, time), aggregate(day)",  // Click
        "public, 5y, blob",                                                // QrCode
        "database",                                                        // Link lives in
        "time series",                                                     // Click lives in
        "object store",                                                    // QrCode lives in
        "Link, Click",                                                     // redirect reads or writes
        "Link, QrCode",                                                    // shorten reads or writes
        "10M users",                                                       // monthly active users
        "1B/month, peak 1500/s",                                           // redirect traffic
        "10/month per user, peak 3x",                                      // shorten traffic
        "50%",                                                             // growth (every workflow has a peak: no peak-to-average question)
        "geoip-vendor (external, 99.9%); payments (payments-team, 99.95)", // dependencies
        "visitor trust",                                                   // outcome
        "links-created: 3M/month",                                         // metric
    ];

    internal static (RequirementBrief Brief, string Transcript, string Text, LoadResult Loaded) Interview(IEnumerable<string> answers, bool finalNewline = true)
    {
        var output = new StringWriter { NewLine = "\n" };
        var input = string.Join("\n", answers) + (finalNewline ? "\n" : string.Empty);
        var brief = new Interviewer(new StringReader(input), output).Run();
        var text = BriefDesignWriter.Write(brief);
        return (brief, output.ToString(), text, PlumblineEngine.Default.LoadDesign("design.yaml", text));
    }

    private static void AssertValid(LoadResult loaded, string text) =>
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);

    [Fact]
    public void Full_answers_write_per_workflow_traffic_owners_and_a_store_per_kind_of_data()
    {
        var (_, _, text, loaded) = Interview(FullAnswers);
        AssertValid(loaded, text);
        var design = loaded.Design!;

        Assert.Equal("url-shortener", design.System.Name);
        Assert.Equal(["links-team", "Ada Lovelace"], design.System.Owners);
        Assert.Equal(["redirect", "shorten"], design.Workflows.Select(w => w.Name));

        var redirect = design.FindWorkflow("redirect")!;
        Assert.Equal("1B/month", redirect.Rate.ToString());
        Assert.Null(redirect.PerUser);
        Assert.Equal("1.5K/s", redirect.PeakRate.ToString());
        Assert.Equal(Criticality.Critical, redirect.Criticality);

        var shorten = design.FindWorkflow("shorten")!;
        Assert.Equal("10/month", shorten.PerUser.ToString());
        Assert.Equal("300M/month", shorten.PeakRate.ToString());     // 10 a month x 10M users x 3
        Assert.Equal(AccessType.Write, shorten.Type);
        Assert.Equal("10M", design.Requirements.Users.MonthlyActive.ToString());
        Assert.Null(design.Requirements.PeakToAverage);                  // every workflow has its own peak
        Assert.Equal("50%/year", design.Requirements.Growth.ToString());

        // Each kind of data in a store of its kind: blobs in an object store, not in the OLTP database.
        Assert.Equal(["db", "time-series-db", "blobs"], design.Data.Select(e => e.Owner));
        Assert.Equal(ComponentKind.Database, design.FindComponent("db")!.Kind);
        Assert.Equal(StorageModel.Oltp, design.FindComponent("db")!.Model);
        Assert.Equal(StorageModel.TimeSeries, design.FindComponent("time-series-db")!.Model);
        Assert.Equal(ComponentKind.ObjectStore, design.FindComponent("blobs")!.Kind);

        // Each workflow calls the stores of the data it uses, with a read or a write.
        var api = design.FindComponent("api")!;
        Assert.Equal(["db.read", "time-series-db.read"], api.Operations.Single(o => o.Name == "redirect").Calls.Select(c => c.To.ToString()));
        Assert.Equal(["db.write", "blobs.write"], api.Operations.Single(o => o.Name == "shorten").Calls.Select(c => c.To.ToString()));

        Assert.Equal("99.95%", design.Requirements.Dependencies[1].Sla.ToString());
        Assert.Empty(design.Requirements.OpenQuestions);
        Assert.DoesNotContain("per_user: 10/month  # assumed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_skipped_answer_is_an_open_question_and_its_figure_is_marked_assumed()
    {
        var answers = (string[])FullAnswers.Clone();
        answers[2] = "";    // owners
        answers[19] = "";   // redirect traffic
        // Redirect has no peak now, so the peak-to-average question comes before growth: skip both.
        var (_, _, text, loaded) = Interview([.. answers[..21], "", "", .. answers[22..]]);
        AssertValid(loaded, text);
        var design = loaded.Design!;

        Assert.Equal(
            [
                "Who owns the system?",
                "How much traffic does redirect get, on average and at peak?",
                "What is the peak-to-average traffic ratio?",
                "How fast will usage grow per year?",
            ],
            design.Requirements.OpenQuestions.Select(q => q.Question));
        Assert.Empty(design.System.Owners);
        Assert.Equal("30/month", design.FindWorkflow("redirect")!.PerUser.ToString());
        Assert.Contains("per_user: 30/month" + BriefDesignWriter.AssumedMark, text, StringComparison.Ordinal);
        Assert.Contains("peak_to_average: 3" + BriefDesignWriter.AssumedMark, text, StringComparison.Ordinal);
        Assert.Contains("growth: 20%/year" + BriefDesignWriter.AssumedMark, text, StringComparison.Ordinal);
        Assert.Equal("10/month", design.FindWorkflow("shorten")!.PerUser.ToString());   // answered: not assumed
        Assert.DoesNotContain("per_user: 10/month" + BriefDesignWriter.AssumedMark, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_users_traffic_is_asked_as_rates_and_assumed_as_rates()
    {
        var answers = FullAnswers.ToList();
        answers[18] = "";                                 // monthly active users skipped
        answers[20] = "10/month per user";                // refused: there are no users to multiply by
        answers.Insert(21, "");                           // asked again: skipped
        answers.Insert(22, "");                           // peak-to-average skipped
        var (_, transcript, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        var design = loaded.Design!;

        Assert.Contains("Per-user traffic needs the number of monthly active users", transcript, StringComparison.Ordinal);
        Assert.Null(design.Requirements.Users.MonthlyActive);
        Assert.Equal("1/s", design.FindWorkflow("shorten")!.Rate.ToString());
        Assert.Contains("rate: 1/s" + BriefDesignWriter.AssumedMark, text, StringComparison.Ordinal);
        Assert.Contains("How many monthly active users will it have?", design.Requirements.OpenQuestions.Select(q => q.Question));
    }

    [Fact]
    public void Blobs_go_to_an_object_store_by_default()
    {
        var answers = FullAnswers.ToList();
        answers[15] = "";     // where QrCode lives: skipped, so the default for blobs
        var (_, _, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        Assert.Equal("blobs", loaded.Design!.Data.Single(e => e.Name == "QrCode").Owner);
        Assert.Equal(["Where does QrCode live (which kind of store)?"], loaded.Design.Requirements.OpenQuestions.Select(q => q.Question));
    }

    [Fact]
    public void With_one_store_no_workflow_is_asked_which_data_it_uses()
    {
        var answers = FullAnswers.ToList();
        answers[14] = "database";        // Click
        answers[15] = "database";        // QrCode, although a blob: said so, so kept (the review flags it)
        answers.RemoveRange(16, 2);      // no "which data" questions
        var (_, transcript, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        Assert.DoesNotContain("which data does it read or write", transcript, StringComparison.Ordinal);
        Assert.All(loaded.Design!.Data, e => Assert.Equal("db", e.Owner));
        Assert.Empty(loaded.Design.Requirements.OpenQuestions);
    }

    /// <summary>The reproductions of answers that were accepted and then made a design that did not validate.</summary>
    [Theory]
    [InlineData(20, "5000", "out of range: a peak-to-average ratio is from 1 to 1000")]
    [InlineData(22, "geoip (external, 150%)", "out of range: an SLA is between 0% and 100%")]
    [InlineData(22, "payments (payments-team, 99.9%); payments (payments-team, 99.9%)", "\"payments\" is listed twice")]
    [InlineData(18, "١٠M users", "is not a count")]
    [InlineData(18, "99999999999999999999999999999999 users", "is too large for a count")]
    [InlineData(19, "٢٠٠/s", "is not a rate")]
    [InlineData(19, "99999999999999999999999999999999/s", "is too large for a rate")]
    [InlineData(0, "a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far", "at most 100 characters")]
    public void A_refused_answer_is_explained_and_asked_again(int index, string refused, string reason)
    {
        var answers = FullAnswers.ToList();
        if (refused == "5000")
        {
            answers[19] = "1B/month";     // no peak: the peak-to-average question is asked after shorten's traffic
            answers.Insert(21, "3");
        }

        answers.Insert(index == 20 ? 21 : index, refused);
        var (_, transcript, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        Assert.Contains("  ! ", transcript, StringComparison.Ordinal);
        Assert.Contains(reason, transcript, StringComparison.Ordinal);
        Assert.Empty(loaded.Design!.Requirements.OpenQuestions);
    }

    [Fact]
    public void Three_refused_answers_skip_the_question()
    {
        var answers = FullAnswers.ToList();
        answers.InsertRange(21, ["fast", "faster", "fastest"]);   // growth, three times
        answers.RemoveAt(24);                                     // "50%" is not read for growth any more
        var (_, transcript, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        Assert.Contains("Skipped; the default is used and the question is kept open.", transcript, StringComparison.Ordinal);
        Assert.Equal(["How fast will usage grow per year?"], loaded.Design!.Requirements.OpenQuestions.Select(q => q.Question));
    }

    [Fact]
    public void Ending_the_input_at_once_keeps_every_default_and_every_question_open()
    {
        var (brief, _, text, loaded) = Interview([], finalNewline: false);
        AssertValid(loaded, text);
        Assert.Equal("my-system", loaded.Design!.System.Name);
        Assert.Equal(brief.OpenQuestions.Length, loaded.Design.Requirements.OpenQuestions.Length);
        Assert.True(brief.OpenQuestions.Length >= 14, string.Join("\n", brief.OpenQuestions));
        Assert.Single(loaded.Design.Workflows);
        Assert.Equal("10/s", loaded.Design.Workflows[0].Rate.ToString());
        Assert.NotEmpty(loaded.Design.Slos);
    }

    [Fact]
    public void An_overlong_answer_is_refused_and_the_rest_of_its_line_is_skipped()
    {
        var answers = FullAnswers.ToList();
        answers.Insert(1, new string('x', Interviewer.MaxAnswerLength + 5000));
        var (_, transcript, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        Assert.Contains($"That answer is {Interviewer.MaxAnswerLength + 5000} characters long; answers have at most {Interviewer.MaxAnswerLength}.",
            transcript, StringComparison.Ordinal);
        Assert.Equal("Create short links and redirect visitors to the long URL.", loaded.Design!.System.Summary);
    }

    [Fact]
    public void Control_characters_in_answers_are_kept_in_the_file_and_never_echoed_raw()
    {
        var answers = FullAnswers.ToList();
        answers[6] = "visitor\u001b[2J\u0007, marketer";
        var (_, transcript, text, loaded) = Interview(answers);
        AssertValid(loaded, text);
        Assert.Equal("visitor\u001b[2J\u0007", loaded.Design!.Requirements.Personas[0].Name);
        Assert.DoesNotContain('\u001b', transcript);
        Assert.DoesNotContain('\u0007', transcript);
    }

    [Fact]
    public void The_default_brief_and_the_schema_line_make_a_valid_design()
    {
        var text = BriefDesignWriter.Write(RequirementBrief.Default, "plumbline-v1.schema.json");
        Assert.StartsWith("# yaml-language-server: $schema=plumbline-v1.schema.json\n", text, StringComparison.Ordinal);
        AssertValid(PlumblineEngine.Default.LoadDesign("design.yaml", text), text);
    }

    [Theory]
    [InlineData("# yaml-language-server: $schema=../schema/plumbline-v1.schema.json\nplumbline: 1\n", "# yaml-language-server: $schema=s.json\nplumbline: 1\n")]
    [InlineData("plumbline: 1\n", "# yaml-language-server: $schema=s.json\nplumbline: 1\n")]
    public void A_templates_schema_line_is_replaced_or_added(string template, string expected) =>
        Assert.Equal(expected, BriefDesignWriter.WithSchemaLine(template, "s.json"));
}
