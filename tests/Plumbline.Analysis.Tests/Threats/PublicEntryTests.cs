using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Xunit;

namespace Plumbline.Analysis.Tests.Threats;

/// <summary>
/// An entry that says it is public, and why, is answered by that reason; an entry that says nothing is
/// still raised. Through the real loader.
/// </summary>
public sealed class PublicEntryTests
{
    private static string Design(string workflowExtra, string endpointExtra) => $$"""
        plumbline: 1
        system: { name: qa }
        requirements:
          personas:
            - { name: reader, workflows: [view, ask] }
        workflows:
          view: { entry: web.page, rate: 500/s{{workflowExtra}} }
          ask: { entry: web.post, rate: 1/s, type: write }
        api:
          endpoints:
            - { name: question, route: "GET /questions/{id}", workflow: view, reads: [Post]{{endpointExtra}} }
        data:
          - { entity: Post, owner: db, classification: public, retention: forever }
        components:
          web:
            kind: service
            operations:
              page: { calls: [{ to: db.get, timeout: 1s }] }
              post: { calls: [{ to: db.put, timeout: 1s }] }
          db: { kind: database, operations: { get: { type: read }, put: { type: write } } }
        security:
          boundaries:
            - { name: internet, contains: [reader], trusted: false }
            - { name: dc, contains: [web, db] }
          encryption: { in_transit: tls 1.3, at_rest: aes-256 }
        """;

    private static List<Finding> Raised(string yaml) => ReviewKit.Findings(yaml, "entry-without-authentication");

    [Fact]
    public void An_entry_that_says_nothing_is_raised()
    {
        // Neither view nor ask states any authentication: both are raised.
        Assert.Equal(["entry-without-authentication@view", "entry-without-authentication@ask"],
            Raised(Design(string.Empty, string.Empty)).Select(f => f.Key));
    }

    [Fact]
    public void A_public_workflow_is_answered_by_its_reason_and_the_others_still_raised()
    {
        var yaml = Design(", public: questions are read anonymously by design", string.Empty);
        Assert.Equal(["entry-without-authentication@ask"], Raised(yaml).Select(f => f.Key));

        var threat = ThreatAnalyzer.Analyze(ReviewKit.Load(yaml), ReviewKit.Options).Threats
            .Single(t => t.Threat.Key == "entry-without-authentication@view").Threat;
        Assert.Equal("public by design: questions are read anonymously by design (workflows.view.public)", threat.MitigatedBy);
    }

    [Fact]
    public void A_public_endpoint_is_answered_by_its_reason_and_its_auth_is_none()
    {
        var yaml = Design(string.Empty, ", public: search engines index question pages");
        Assert.Equal(["entry-without-authentication@ask"], Raised(yaml).Select(f => f.Key));
        var endpoint = ReviewKit.Load(yaml).Api.Endpoints.Single();
        Assert.Equal(Plumbline.Design.Model.AuthScheme.None, endpoint.Auth);
        Assert.Equal("search engines index question pages", endpoint.Public);

        var threat = ThreatAnalyzer.Analyze(ReviewKit.Load(yaml), ReviewKit.Options).Threats
            .Single(t => t.Threat.Key == "entry-without-authentication@view").Threat;
        Assert.Equal("public by design: search engines index question pages (api.endpoints[0].public)", threat.MitigatedBy);
    }

    [Fact]
    public void Auth_none_alone_is_not_a_reason()
    {
        // auth: none says the endpoint is anonymous, not why: still raised.
        Assert.Contains("entry-without-authentication@view", Raised(Design(string.Empty, ", auth: none")).Select(f => f.Key));
    }

    [Fact]
    public void Public_does_not_count_as_authentication_for_anonymous_rules()
    {
        // A public workflow's callers are still anonymous: the flow's authentication stays unstated.
        var yaml = Design(", public: open to all", string.Empty);
        var flow = ThreatModel.For(ReviewKit.Context(yaml)).Flows.Single(f => f.Id == "view");
        Assert.False(flow.Authn.IsSet);
        Assert.NotNull(flow.Public);
    }
}
