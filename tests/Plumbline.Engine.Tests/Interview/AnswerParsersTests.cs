using Plumbline.Engine.Interview;
using Xunit;

namespace Plumbline.Engine.Tests.Interview;

public sealed class AnswerParsersTests
{
    [Theory]
    [InlineData("URL Shortener", "url-shortener")]
    [InlineData("  my_system ", "my_system")]
    [InlineData("Payments v2.1", "payments-v2-1")]
    public void Names_become_slugs(string answer, string expected) => Assert.Equal(expected, AnswerParsers.Name(answer).Value);

    [Theory]
    [InlineData("---")]
    [InlineData("42 things")]
    public void Names_must_start_with_a_letter(string answer) => Assert.False(AnswerParsers.Name(answer).Ok);

    [Theory]
    [InlineData("10M", "10M", null)]
    [InlineData("10m users", "10M", null)]
    [InlineData("250K monthly active users", "250K", null)]
    [InlineData("200/s", null, "200/s")]
    [InlineData("200 rps", null, "200/s")]
    [InlineData("1.5k req/min", null, "1.5K/min")]
    [InlineData("1B/month", null, "1B/month")]
    public void Scale_is_users_or_a_rate(string answer, string? users, string? rate)
    {
        var parsed = AnswerParsers.Scale(answer);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal((users, rate), parsed.Value);
    }

    [Theory]
    [InlineData("50%", "50%/year")]
    [InlineData("5% / month", "5%/month")]
    [InlineData("12.5%/year", "12.5%/year")]
    public void Growth_is_a_percent_per_period(string answer, string expected) => Assert.Equal(expected, AnswerParsers.Growth(answer).Value);

    [Theory]
    [InlineData("0.5")]
    [InlineData("three")]
    public void Peak_to_average_is_at_least_1(string answer) => Assert.False(AnswerParsers.PeakToAverage(answer).Ok);

    [Fact]
    public void Entity_details_come_in_any_order()
    {
        var parsed = AnswerParsers.EntityDetail("time_series(link, time), 6 months, Restricted");
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal("restricted", parsed.Value.Classification);
        Assert.Equal("180d", parsed.Value.Retention);
        Assert.Equal(["time_series(link, time)"], parsed.Value.Access);
        Assert.False(AnswerParsers.EntityDetail("secret").Ok);
    }

    [Fact]
    public void Dependencies_carry_owner_and_sla()
    {
        var parsed = AnswerParsers.Dependencies("geoip-vendor (external, 99.9%); payments (payments team, 99.95); mail");
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(
            [new DependencyAnswer("geoip-vendor", "external", "99.9%"), new DependencyAnswer("payments", "payments team", "99.95%"), new DependencyAnswer("mail", null, null)],
            parsed.Value);
    }

    [Fact]
    public void Lists_split_on_semicolons_when_there_are_any()
    {
        Assert.Equal(["a, b", "c"], AnswerParsers.List("a, b; c"));
        Assert.Equal(["a", "b(c, d)"], AnswerParsers.List("a, b(c, d)"));
    }
}
