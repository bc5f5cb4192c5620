using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review;

/// <summary>The reviewer's own behaviour: stable keys, acceptances by key and their expiry, ordering and scores.</summary>
public sealed class ReviewerTests
{
    private const string Design = """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: web.list, rate: 10/s }
          buy: { entry: web.order, rate: 1/s, type: write }
        components:
          web:
            kind: service
            operations:
              list: { calls: [ { to: db.query } ] }
              order: { calls: [ { to: db.insert } ] }
          db: { kind: database, operations: { query: {}, insert: {} } }
        """;

    private static ReviewReport Review(string yaml) => ReviewKit.Report(yaml);

    private static string Accepting(string key, string until) => Design + $$"""

        security:
          accepted_risks:
            - finding: {{key}}
              reason: the database is on the same host
              until: {{until}}
              owner: shop-team
        """;

    [Fact]
    public void Keys_do_not_move_when_unrelated_parts_of_the_file_do()
    {
        var before = Review(Design).Findings;
        var moved = Review(Design.Replace("workflows:", "# a comment\n# and another\nworkflows:", StringComparison.Ordinal)
            .Replace("components:", "components:\n  cdn: { kind: cdn, operations: { get: {} } }", StringComparison.Ordinal)).Findings;

        var timeout = before.Single(f => f.Key == "missing-timeout@web.list->db.query");
        var timeoutMoved = moved.Single(f => f.Key == "missing-timeout@web.list->db.query");
        Assert.Equal(timeout.Span.Start.Line + 3, timeoutMoved.Span.Start.Line);
        Assert.Subset(moved.Select(f => f.Key).ToHashSet(StringComparer.Ordinal), before.Select(f => f.Key).Where(k => !k.Contains("cdn", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void An_acceptance_hides_one_finding_and_leaves_the_rule_working_elsewhere()
    {
        var report = Review(Accepting("missing-timeout@web.list->db.query", "2027-06-30"));

        Assert.DoesNotContain(report.Findings, f => f.Key == "missing-timeout@web.list->db.query");
        Assert.Contains(report.Findings, f => f.Key == "missing-timeout@web.order->db.insert");
        var accepted = Assert.Single(report.Accepted, a => a.Finding.Key == "missing-timeout@web.list->db.query");
        Assert.Equal("the database is on the same host", accepted.Acceptance.Reason);
    }

    [Fact]
    public void An_expired_acceptance_shows_the_finding_again_and_is_a_finding_itself()
    {
        var report = Review(Accepting("missing-timeout@web.list->db.query", "2026-01-31"));

        Assert.Contains(report.Findings, f => f.Key == "missing-timeout@web.list->db.query");
        Assert.Contains(report.Findings, f => f.Key == "expired-acceptance@missing-timeout@web.list->db.query");
        Assert.DoesNotContain(report.Accepted, a => a.Finding.Key == "missing-timeout@web.list->db.query");
    }

    [Fact]
    public void An_acceptance_for_a_key_no_rule_produces_is_reported()
    {
        var report = Review(Accepting("missing-timeout@web.list->db.querry", "2027-06-30"));

        var finding = Assert.Single(report.Findings, f => f.Rule.Id == "unmatched-acceptance");
        Assert.Equal("missing-timeout@web.list->db.querry", finding.Subject);
        Assert.True(finding.Span.Start.Line > 0);
    }

    [Fact]
    public void Findings_come_out_in_process_order_then_severity_then_place()
    {
        var findings = Review(Design).Findings;

        var order = findings.Select(f => (f.Rule.Step, f.Severity, f.Span.Offset)).ToList();
        Assert.Equal(order.OrderBy(o => o.Step).ThenBy(o => o.Severity).ThenBy(o => o.Offset), order);
    }

    [Fact]
    public void Each_step_scores_the_share_of_its_rules_that_pass()
    {
        var report = Review(Design);

        foreach (var score in report.Scores)
        {
            var rules = report.Rules.Where(r => r.Info.Step == score.Step).ToList();
            var failing = report.Findings.Where(f => f.Rule.Step == score.Step).Select(f => f.Rule.Id).Distinct().Count();
            Assert.Equal(rules.Count, score.Rules);
            Assert.Equal(rules.Count - failing, score.RulesPassed);
        }

        Assert.Equal(report.Findings.Count(f => f.Severity == Severity.High), report.Scores.Sum(s => s.High));
    }

    [Fact]
    public void The_report_lists_each_components_blast_radius_widest_first()
    {
        var report = Reviewer.Review(TestDesigns.Example("url-shortener.yaml"), ReviewKit.Options);

        var first = report.BlastRadius[0];
        Assert.Equal("edge-lb", first.Component);
        Assert.Equal(1.0, first.FailedTrafficShare, 9);
        Assert.Equal(["redirect", "shorten", "stats"], first.Fails.Select(f => f.Workflow));
        Assert.True(report.BlastRadius.Zip(report.BlastRadius.Skip(1)).All(p => p.First.FailedTrafficShare >= p.Second.FailedTrafficShare));

        // links-db fails a tenth of redirects (cache misses) and every shorten: 0.1 x 91% + 9% of all requests.
        var db = report.BlastRadius.Single(b => b.Component == "links-db");
        Assert.Equal(0.1, db.Fails.Single(f => f.Workflow == "redirect").Share, 9);
        Assert.InRange(db.FailedTrafficShare, 0.17, 0.19);
    }
}
