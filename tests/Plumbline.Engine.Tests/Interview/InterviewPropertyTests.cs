using CsCheck;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Engine.Tests.Interview;

/// <summary>
/// Random answers, good and hostile, in any order and cut off anywhere: the interview never throws and
/// the design it writes always validates. The run's seed is written to the test output; a failure
/// prints the seed of its (shrunk) case. Replay either with <c>PLUMBLINE_SEED=&lt;seed&gt;</c>.
/// </summary>
public sealed class InterviewPropertyTests
{
    /// <summary>Answers a person might give to one question or another, the reproductions of refused answers among them.</summary>
    private static readonly string[] Answers =
    [
        "", "", "", " ", "URL shortener", "Create short links.", "links-team, Ada", "a, b; c", "visitor, marketer", "redirect, low",
        "shorten, medium", "high", "Link, Click, QrCode", "internal, 5y, point_lookup(code)", "public, blob", "forever",
        "confidential, 90 days, time_series(link, time), aggregate(day)", "database", "object store", "time series", "search",
        "all", "none", "Link", "10M users", "0", "1.5 million", "200/s", "200 rps", "1B/month, peak 1500/s", "30/month per user",
        "10/month per user, peak 3x", "peak 3x", "3", "3x", "1000", "50%", "5%/month", "-100%/year", "-10%",
        "geoip-vendor (external, 99.9%); payments (payments-team, 99.95)", "mail", "visitor trust", "links-created: 3M/month",
        "adoption",

        // The reproductions: a peak-to-average of 5000, a dependency at 150%, the same dependency twice,
        // Arabic-Indic digits, 32-digit counts; and other values at or past the format's edges.
        "5000", "geoip (external, 150%)", "payments; payments", "payments (a, 99%); payments (b, 99%)", "١٠M users", "٣", "٢٠٠/s",
        "٥٠%", "99999999999999999999999999999999", "99999999999999999999999999999999 users", "99999999999999999999999999999999/s",
        "9999999999999999999999999999", "9999999999999999999999999999/s per user", "9999999999999999999999999999/s, peak 1000x",
        "1/s, peak 0.5/s", "0/s, peak 0/s", "200/s, peak 1001x", "200/m", "1.5/user/year", "999999 months", "999999y", "0d",
        new string('a', 101), new string('x', 1200), "yes", "no", "null", "~", "a: b", "# hash", "- dash", "'quote", "\"dq\"", "[a, b]",
        "{a: b}", "&anchor", "*alias", "!!str x", "\t", "\u001b[2J\u0007", "\u202Eevil", "\u0085", "😀 émoji", "a\u0000b", "\r",
        "time_series(link,", "blob(", "point_lookup()", "(external, 99%)", "x (,,,)", "a:b:c", "=", ":", ";", ",",
    ];

    private static readonly Gen<string> Line = Gen.Frequency(
        (6, Gen.Int[0, Answers.Length - 1].Select(i => Answers[i])),
        (1, Gen.String),
        (1, Gen.Char.Array[0, 30].Select(c => new string(c))));

    private static readonly Gen<(string[] Lines, bool FinalNewline)> Script = Gen.Select(Line.Array[0, 60], Gen.Bool);

    [Fact]
    public void Any_answers_make_a_design_that_validates()
    {
        Script.SampleReplayable(script =>
        {
            var (brief, _, text, loaded) = InterviewerTests.Interview(script.Lines, script.FinalNewline);
            Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + text);
            Assert.Equal(brief.OpenQuestions.Length, loaded.Design!.Requirements.OpenQuestions.Length);
        }, iter: 150, print: s => string.Join(" | ", s.Lines.Select(TerminalText.Escape)));
    }
}
