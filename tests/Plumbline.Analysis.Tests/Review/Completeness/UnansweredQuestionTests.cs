using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Completeness;

public sealed class UnansweredQuestionTests
{
    private const string Design = """
        plumbline: 1
        system: { name: notes, owners: [notes-team] }
        requirements:
          open_questions:
            - Do notes expire?
            - question: Is there a trash folder?
              owner: product
              due: 2026-12-01
            - question: Who may export notes?
              owner: legal
              due: 2026-11-24
            - question: Is search needed at launch?
              owner: product
            - question: Are attachments in scope?
              due: 2026-11-25
            - question: Which region first?
              owner: platform
              due: 2026-10-01
              answer: eu-west-1
        workflows:
          read: { entry: api.get, rate: 10/s }
        components:
          api: { kind: service, operations: { get: {} } }
        """;

    [Theory]
    [InlineData("Do notes expire?", Severity.Low)]                // no owner, no due date
    [InlineData("Is there a trash folder?", Severity.Info)]       // owned, due in 6 days
    [InlineData("Who may export notes?", Severity.Medium)]        // due yesterday
    [InlineData("Is search needed at launch?", Severity.Low)]     // owned, no due date
    [InlineData("Are attachments in scope?", Severity.Low)]       // due today (not passed), no owner
    public void Severity_follows_owner_and_due_date(string question, Severity expected)
    {
        var finding = Assert.Single(ReviewKit.Findings(Design, "open-question"), f => f.Subject == question);
        Assert.Equal(expected, finding.Severity);
    }

    [Fact]
    public void An_answered_question_is_not_reported() =>
        Assert.DoesNotContain(ReviewKit.Findings(Design, "open-question"), f => f.Subject == "Which region first?");

    [Fact]
    public void One_finding_per_open_question() =>
        Assert.Equal(5, ReviewKit.Findings(Design, "open-question").Count);
}
