using Plumbline.Analysis.Review.Rules.Completeness;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Completeness;

public sealed class MeasurableTests
{
    [Theory]
    [InlineData("99.95% of redirects succeed over 30 days")]
    [InlineData("following a short link is fast (99% of reads within 200 ms)")]
    [InlineData("marketers create a link in under a second")]
    [InlineData("no payment is charged twice, whatever the client retries")]
    [InlineData("every ledger transaction balances and reconciles with the processor daily")]
    [InlineData("reads answer at p99 in time")]
    [InlineData("one hundred thousand writers by launch")]
    [InlineData("never lose an acknowledged message")]
    [InlineData("zero downtime deploys")]
    public void Statements_with_a_quantity_are_measurable(string text) =>
        Assert.True(CompletenessSupport.IsMeasurable(text));

    [Theory]
    [InlineData("reading a note feels fast")]
    [InlineData("service has high availability")]
    [InlineData("users are happy with the product")]
    [InlineData("much higher than today")]
    [InlineData("a noticeable improvement")]   // 'no' inside a word does not count
    [InlineData("")]
    [InlineData("   ")]
    public void Statements_without_a_quantity_are_not(string text) =>
        Assert.False(CompletenessSupport.IsMeasurable(text));
}
