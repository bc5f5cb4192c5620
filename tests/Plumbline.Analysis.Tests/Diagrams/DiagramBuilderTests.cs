using Plumbline.Analysis.Diagrams;
using Xunit;

namespace Plumbline.Analysis.Tests.Diagrams;

/// <summary>What each view holds, with the peak rates on its edges worked out by hand.</summary>
public sealed class DiagramBuilderTests
{
    private const string Yaml = """
        plumbline: 1
        system: { name: tiny }
        requirements:
          personas:
            - { name: reader, workflows: [read] }
        workflows:
          read: { entry: api.get, rate: 100/s, peak_rate: 300/s, criticality: critical }
          write: { entry: api.put, rate: 10/s, peak_rate: 40/s, type: write }
        components:
          api:
            kind: service
            instances: 2
            zones: [a, b]
            operations:
              get:
                calls:
                  - { to: cache.get, timeout: 10ms }
                  - { to: db.query, probability: 0.5, count: 2, timeout: 50ms }
                  - { to: queue.publish, async: true }
              put:
                calls:
                  - { to: db.insert, retries: { max: 2 } }
          cache:
            kind: cache
            instances: 2
            zones: [a, b]
            hit_ratio: 0.8
            operations: { get: {} }
          db:
            kind: database
            model: oltp
            operations: { query: { type: read }, insert: { type: write } }
          queue:
            kind: queue
            instances: 2
            zones: [a, b]
            consumers: [worker.consume]
            operations: { publish: {} }
          worker:
            kind: worker
            instances: 2
            zones: [a, b]
            operations:
              consume:
                calls:
                  - { to: db.insert, timeout: 1s }
        """;

    [Fact]
    public void The_container_view_sums_the_peak_of_each_pair_of_components_and_marks_the_findings()
    {
        var graph = Build(DiagramView.Container);

        Assert.Equal(["reader", "users", "api", "cache", "db", "queue", "worker"], graph.Nodes.Select(n => n.Name));
        Assert.Equal(NodeShape.Person, Node(graph, "users").Shape);
        Assert.Equal(NodeShape.Database, Node(graph, "db").Shape);
        Assert.Equal(DiagramMarks.SinglePointOfFailure, Node(graph, "db").Marks);
        Assert.Equal(DiagramMarks.None, Node(graph, "api").Marks);

        // Entries: the read workflow's stated peak, 300/s; the write workflow's 40/s, no persona lists it.
        AssertPeak(300, Edge(graph, "reader", "api", EdgeStyle.Entry));
        AssertPeak(40, Edge(graph, "users", "api", EdgeStyle.Entry));

        // api -> db: query at 300/s x 0.5 x 2 calls = 300/s, and insert at 40/s x 1.0101 attempts (2 retries at
        // the estimate's 1% failure: 1 + 0.01 + 0.0001) = 40.404/s.
        var db = Edge(graph, "api", "db", EdgeStyle.Sync);
        AssertPeak(300 + (40 * 1.0101), db);
        Assert.Equal(["query", "insert"], db.Operations);
        Assert.Equal(DiagramMarks.MissingTimeout, db.Marks);

        AssertPeak(300, Edge(graph, "api", "cache", EdgeStyle.Sync));
        AssertPeak(300, Edge(graph, "api", "queue", EdgeStyle.Async));
        AssertPeak(300, Edge(graph, "queue", "worker", EdgeStyle.Delivery));
        var worker = Edge(graph, "worker", "db", EdgeStyle.Sync);
        AssertPeak(300, worker);
        Assert.Equal(DiagramMarks.None, worker.Marks);
        Assert.Equal(7, graph.Edges.Length);
    }

    [Fact]
    public void Components_are_grouped_by_the_zones_they_run_in()
    {
        var graph = Build(DiagramView.Container);

        var zones = Assert.Single(graph.Groups);
        Assert.Equal(GroupKind.Zones, zones.Kind);
        Assert.Equal("a, b", zones.Name);
        Assert.Equal(["api", "cache", "queue", "worker"], graph.Nodes.Where(n => n.Group == zones.Id).Select(n => n.Name));
        Assert.Null(Node(graph, "db").Group);
    }

    [Fact]
    public void A_workflow_view_numbers_its_calls_depth_first_and_carries_only_that_workflows_rate()
    {
        var graph = Build(DiagramView.OfWorkflow("read"));

        Assert.Equal(["reader", "api", "cache", "db", "queue", "worker"], graph.Nodes.Select(n => n.Name));
        var steps = graph.Edges.Where(e => e.Step is not null).OrderBy(e => e.Step).ToList();
        Assert.Equal(["get", "query", "publish", "consume", "insert"], steps.Select(e => e.Operations.Single()));
        Assert.Equal([1, 2, 3, 4, 5], steps.Select(e => e.Step!.Value));
        Assert.All(steps, e => AssertPeak(300, e));
        Assert.Equal(EdgeStyle.Delivery, steps[3].Style);
        AssertPeak(300, Edge(graph, "reader", "api", EdgeStyle.Entry));
    }

    [Fact]
    public void A_workflow_view_of_a_workflow_the_design_lacks_says_which_it_has()
    {
        var result = DiagramBuilder.Build(ReviewKit.Load(Yaml), DiagramView.OfWorkflow("nope"));

        Assert.Null(result.Graph);
        Assert.Equal("the design has no workflow 'nope'; its workflows are read, write", result.Problem);
    }

    [Fact]
    public void The_context_view_draws_the_personas_into_the_system_as_one_box()
    {
        var graph = Build(DiagramView.Context);

        Assert.Equal(["reader", "users", "tiny"], graph.Nodes.Select(n => n.Name));
        Assert.Equal(NodeShape.System, Node(graph, "tiny").Shape);
        AssertPeak(300, Edge(graph, "reader", "tiny", EdgeStyle.Entry));
        AssertPeak(40, Edge(graph, "users", "tiny", EdgeStyle.Entry));
        Assert.Equal(2, graph.Edges.Length);
    }

    [Fact]
    public void Findings_from_a_review_already_run_are_marked_instead_of_running_the_rules_again()
    {
        var design = ReviewKit.Load(Yaml);
        var review = Plumbline.Analysis.Review.Reviewer.Review(design, ReviewKit.Options);
        var spof = review.Findings.Where(f => f.Rule.Id == "single-point-of-failure").ToList();

        var graph = DiagramBuilder.Build(design, DiagramView.Container, new DiagramOptions(Findings: spof)).Graph!;

        Assert.Equal(DiagramMarks.SinglePointOfFailure, Node(graph, "db").Marks);
        Assert.DoesNotContain(graph.Edges, e => e.Marks.HasFlag(DiagramMarks.MissingTimeout));
    }

    [Theory]
    [InlineData("container", DiagramViewKind.Container, null)]
    [InlineData("context", DiagramViewKind.Context, null)]
    [InlineData("dataflow", DiagramViewKind.DataFlow, null)]
    [InlineData("workflow:redirect", DiagramViewKind.Workflow, "redirect")]
    public void Views_read_as_the_option_writes_them(string text, DiagramViewKind kind, string? workflow)
    {
        Assert.True(DiagramView.TryParse(text, out var view));
        Assert.Equal(new DiagramView(kind, workflow), view);
        Assert.Equal(text, view.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("workflow:")]
    [InlineData("Container")]
    [InlineData("components")]
    public void Anything_else_is_no_view(string text) => Assert.False(DiagramView.TryParse(text, out _));

    private static DiagramGraph Build(DiagramView view) => DiagramBuilder.Build(ReviewKit.Load(Yaml), view).Graph!;

    private static DiagramNode Node(DiagramGraph graph, string name) => graph.Nodes.Single(n => n.Name == name);

    private static DiagramEdge Edge(DiagramGraph graph, string from, string to, EdgeStyle style) =>
        graph.Edges.Single(e => e.From == Node(graph, from).Id && e.To == Node(graph, to).Id && e.Style == style);

    private static void AssertPeak(double expected, DiagramEdge edge)
    {
        Assert.NotNull(edge.Peak);
        Assert.True(Math.Abs(edge.Peak.Value - expected) <= expected * 1e-9, $"peak {edge.Peak} where {expected} was expected");
    }
}
