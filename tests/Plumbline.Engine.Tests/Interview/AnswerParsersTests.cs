using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Engine.Interview;
using Xunit;

namespace Plumbline.Engine.Tests.Interview;

public sealed class AnswerParsersTests
{
    private static Count Users(string text) => Count.Parse(text).GetValueOrThrow();

    private static Rate Rate(string text) => Design.Units.Rate.Parse(text).GetValueOrThrow();

    [Theory]
    [InlineData("URL Shortener", "url-shortener")]
    [InlineData("  my_system ", "my_system")]
    [InlineData("Payments v2.1", "payments-v2-1")]
    public void Names_become_slugs(string answer, string expected) => Assert.Equal(expected, AnswerParsers.Name(answer).Value);

    [Theory]
    [InlineData("---")]
    [InlineData("42 things")]
    [InlineData("١٢٣")]
    public void Names_must_start_with_an_ascii_letter(string answer) => Assert.False(AnswerParsers.Name(answer).Ok);

    [Fact]
    public void Names_are_at_most_100_characters_as_in_the_format()
    {
        Assert.True(AnswerParsers.Name(new string('a', 100)).Ok);
        Assert.Equal("A name has at most 100 characters; this one has 101.", AnswerParsers.Name(new string('a', 101)).Error);
        Assert.False(AnswerParsers.EntityName(new string('A', 101)).Ok);
    }

    [Theory]
    [InlineData("10M", "10M")]
    [InlineData("10m users", "10M")]
    [InlineData("250K monthly active users", "250K")]
    [InlineData("1.5 million", "1.5M")]
    [InlineData("1,200,000 MAU", "1.2M")]
    [InlineData("0", "0")]
    public void Users_are_a_count(string answer, string expected)
    {
        var parsed = AnswerParsers.Users(answer);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(expected, parsed.Value.ToString());
    }

    [Theory]
    [InlineData("200/s", "That is a rate")]
    [InlineData("200 rps", "That is a rate")]
    [InlineData("lots", "\"lots\" is not a count")]
    [InlineData("١٠M users", "is not a count")]                                        // Arabic-Indic digits: the format's digits are ASCII
    [InlineData("99999999999999999999999999999999", "is too large for a count")]       // 32 digits: beyond the format's 28
    public void Users_that_the_format_refuses_are_refused_with_its_reason(string answer, string reason)
    {
        var parsed = AnswerParsers.Users(answer);
        Assert.False(parsed.Ok);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200/s", "200/s", false, null)]
    [InlineData("200 rps", "200/s", false, null)]
    [InlineData("1.5k req/min", "1.5K/min", false, null)]
    [InlineData("1 billion per month, peak 1500/s", "1B/month", false, "1.5K/s")]
    [InlineData("1B/month; peak: 3x", "1B/month", false, "3B/month")]
    [InlineData("30/month per user", "30/month", true, null)]
    [InlineData("30 per user per month, peak 2.5x", "30/month", true, "750M/month")]   // 30 x 10M users x 2.5
    [InlineData("5/user/day at peak 1000/s", "5/day", true, "1K/s")]
    public void Traffic_is_a_rate_for_all_users_or_per_user_with_an_optional_peak(string answer, string average, bool perUser, string? peak)
    {
        var parsed = AnswerParsers.Traffic(answer, Users("10M"));
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(average, parsed.Value!.Average.ToString());
        Assert.Equal(perUser, parsed.Value.PerUser);
        Assert.Equal(peak, parsed.Value.Peak?.ToString());
    }

    [Fact]
    public void Per_user_traffic_needs_the_number_of_users()
    {
        var parsed = AnswerParsers.Traffic("30/month per user", users: null);
        Assert.False(parsed.Ok);
        Assert.Contains("needs the number of monthly active users", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200/s, peak 100/s", "below the average")]
    [InlineData("30/month per user, peak 100/s", "below the average")]       // 30/month x 10M = 114/s on average
    [InlineData("200/s, peak 5000x", "out of range")]
    [InlineData("200/s, peak 0.5x", "out of range")]
    [InlineData("200/m", "is not a period")]                                  // minute or month? the format refuses it
    [InlineData("٢٠٠/s", "is not a rate")]
    [InlineData("99999999999999999999999999999999/s", "too large for a rate")]
    [InlineData("9999999999999999999999999999/s per user", "more traffic than a rate can be written with")]
    [InlineData("peak 3x", "Give the average first")]
    public void Traffic_the_format_refuses_is_refused_with_the_reason(string answer, string reason)
    {
        var parsed = AnswerParsers.Traffic(answer, Users("10M"));
        Assert.False(parsed.Ok, answer);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50%", "50%/year")]
    [InlineData("5% / month", "5%/month")]
    [InlineData("12.5% per year", "12.5%/year")]
    [InlineData("5% monthly", "5%/month")]
    [InlineData("-10%/year", "-10%/year")]
    public void Growth_is_a_percent_per_period(string answer, string expected) => Assert.Equal(expected, AnswerParsers.Growth(answer).Value.ToString());

    [Theory]
    [InlineData("fast")]
    [InlineData("-150%/year")]
    [InlineData("٥٠%")]
    public void Growth_the_format_refuses_is_refused(string answer) => Assert.False(AnswerParsers.Growth(answer).Ok);

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("3x", 3.0)]
    [InlineData("2.5 times", 2.5)]
    [InlineData("1", 1.0)]
    [InlineData("1000", 1000.0)]
    public void Peak_to_average_is_within_the_formats_range(string answer, double expected)
    {
        var parsed = AnswerParsers.PeakToAverage(answer);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("0.5", "out of range")]
    [InlineData("5000", "out of range: a peak-to-average ratio is from 1 to 1000")]
    [InlineData("three", "Give a number from 1 to 1000")]
    [InlineData("٣", "Give a number from 1 to 1000")]
    [InlineData("99999999999999999999999999999999", "out of range")]
    public void Peak_to_average_outside_the_formats_range_is_refused(string answer, string reason)
    {
        var parsed = AnswerParsers.PeakToAverage(answer);
        Assert.False(parsed.Ok);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_details_come_in_any_order()
    {
        var parsed = AnswerParsers.EntityDetail("time_series(link, time), 6 months, Restricted");
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal("restricted", parsed.Value.Classification);
        Assert.Equal("180d", parsed.Value.Retention);
        Assert.Equal(["time_series(link, time)"], parsed.Value.Access);
        Assert.False(AnswerParsers.EntityDetail("secret").Ok);
        Assert.False(AnswerParsers.EntityDetail("internal, ٥y").Ok);
    }

    [Theory]
    [InlineData("database", StorageModel.Oltp)]
    [InlineData("Object store", StorageModel.Object)]
    [InlineData("blob store", StorageModel.Object)]
    [InlineData("time series", StorageModel.TimeSeries)]
    [InlineData("key_value", StorageModel.KeyValue)]
    [InlineData("search", StorageModel.Search)]
    public void Stores_are_named_by_kind_or_data_model(string answer, StorageModel expected) => Assert.Equal(expected, AnswerParsers.Store(answer).Value);

    [Fact]
    public void Blobs_live_in_an_object_store_unless_said_otherwise()
    {
        Assert.Equal(StorageModel.Object, EntityAnswer.DefaultStore(["blob"]));
        Assert.Equal(StorageModel.Oltp, EntityAnswer.DefaultStore(["point_lookup(id)"]));
        Assert.False(AnswerParsers.Store("a shoebox").Ok);
    }

    [Fact]
    public void Dependencies_carry_owner_and_sla()
    {
        var parsed = AnswerParsers.Dependencies("geoip-vendor (external, 99.9%); payments (payments team, 99.95); mail");
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(
            [
                new DependencyAnswer("geoip-vendor", "external", Percent.Parse("99.9%").Value),
                new DependencyAnswer("payments", "payments team", Percent.Parse("99.95%").Value),
                new DependencyAnswer("mail", null, null),
            ],
            parsed.Value);
    }

    [Theory]
    [InlineData("payments (team, 150%)", "out of range: an SLA is between 0% and 100%")]
    [InlineData("payments (team, 99.9%); payments", "\"payments\" is listed twice")]
    [InlineData("payments (team, ٩٩٫٩%)", "is not a percentage")]
    [InlineData("payments (team, 99999999999999999999999999999999%)", "too large for a percentage")]
    public void Dependencies_the_format_refuses_are_refused_with_the_reason(string answer, string reason)
    {
        var parsed = AnswerParsers.Dependencies(answer);
        Assert.False(parsed.Ok);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_of_a_workflow_are_named_or_all_or_none()
    {
        string[] entities = ["Link", "Click"];
        Assert.Equal(["Link", "Click"], AnswerParsers.EntitiesOf("all", [.. entities]).Value);
        Assert.Empty(AnswerParsers.EntitiesOf("none", [.. entities]).Value);
        Assert.Equal(["Link", "Click"], AnswerParsers.EntitiesOf("click, link", [.. entities]).Value);
        Assert.Contains("is not one of the entities: Link, Click", AnswerParsers.EntitiesOf("Order", [.. entities]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_split_on_semicolons_when_there_are_any()
    {
        Assert.Equal(["a, b", "c"], AnswerParsers.List("a, b; c"));
        Assert.Equal(["a", "b(c, d)"], AnswerParsers.List("a, b(c, d)"));
    }

    [Fact]
    public void Answers_shown_back_cannot_drive_the_terminal()
    {
        Assert.Equal("a\\u001B]0;pwned\\u0007\\u202Eb", TerminalText.Escape("a\u001b]0;pwned\u0007\u202eb"));
        Assert.Equal("plain 😀", TerminalText.Escape("plain 😀"));
        Assert.DoesNotContain('\u001b', AnswerParsers.EntityDetail("\u001b[2J").Error!);
    }
}
