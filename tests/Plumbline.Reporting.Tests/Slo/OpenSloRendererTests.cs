using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Plumbline.Reporting.OpenSlo;
using Plumbline.Reporting.Tests.Review;
using Xunit;

namespace Plumbline.Reporting.Tests.Slo;

/// <summary>
/// The OpenSLO export of every example, each document validated against OpenSLO v1's JSON Schema
/// (Fixtures/openslo-v1, see the fixtures' README for source and licence), and what the schema leaves
/// out: every reference (indicatorRef, alertPolicies, conditionRef, targetRef, service) names a document
/// in the same export.
/// </summary>
public sealed class OpenSloRendererTests
{
    private static readonly Lazy<(JsonSchema Schema, EvaluationOptions Options)> Schema = new(LoadSchema);

    public static TheoryData<string> Examples() => ReviewTestData.ExampleNames();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_document_of_every_example_is_valid_openslo_v1(string example)
    {
        var (report, file) = SloTestData.Example(example);
        var documents = SloTestData.Documents(OpenSloRenderer.Render(report, file, SloTestData.Version));

        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            var errors = Validate(document!);
            Assert.True(errors.Count == 0, $"{example}: {document!["kind"]} {document["metadata"]?["name"]}:\n{string.Join("\n", errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_reference_names_a_document_of_the_export(string example)
    {
        var (report, file) = SloTestData.Example(example);
        var documents = SloTestData.Documents(OpenSloRenderer.Render(report, file, SloTestData.Version)).Select(d => d!.AsObject()).ToList();
        var names = documents.Select(d => ((string)d["kind"]!, (string)d["metadata"]!["name"]!)).ToHashSet();
        Assert.Equal(documents.Count, names.Count);

        foreach (var slo in documents.Where(d => (string)d["kind"]! == "SLO"))
        {
            Assert.Contains(("Service", (string)slo["spec"]!["service"]!), names);
            Assert.Contains(("SLI", (string)slo["spec"]!["indicatorRef"]!), names);
            foreach (var policy in slo["spec"]!["alertPolicies"]?.AsArray() ?? [])
            {
                Assert.Contains(("AlertPolicy", (string)policy!), names);
            }
        }

        foreach (var policy in documents.Where(d => (string)d["kind"]! == "AlertPolicy"))
        {
            Assert.Contains(("AlertCondition", (string)policy["spec"]!["conditions"]![0]!["conditionRef"]!), names);
            Assert.Contains(("AlertNotificationTarget", (string)policy["spec"]!["notificationTargets"]![0]!["targetRef"]!), names);
        }
    }

    [Fact]
    public void An_slo_carries_its_target_window_and_burn_rate_conditions()
    {
        var (report, file) = SloTestData.Example("url-shortener.yaml");
        var documents = SloTestData.Documents(OpenSloRenderer.Render(report, file, SloTestData.Version)).Select(d => d!.AsObject()).ToList();

        var slo = documents.Single(d => (string)d["kind"]! == "SLO" && (string)d["metadata"]!["name"]! == "redirect-availability");
        Assert.Equal(0.9995, (double)slo["spec"]!["objectives"]![0]!["target"]!);
        Assert.Equal("30d", (string)slo["spec"]!["timeWindow"]![0]!["duration"]!);
        Assert.Equal("Occurrences", (string)slo["spec"]!["budgetingMethod"]!);
        var quick = documents.Single(d => (string)d["kind"]! == "AlertCondition" && (string)d["metadata"]!["name"]! == "redirect-availability-page-quick");
        Assert.Equal(14.4, (double)quick["spec"]!["condition"]!["threshold"]!);
        Assert.Equal("1h", (string)quick["spec"]!["condition"]!["lookbackWindow"]!);
        Assert.Equal("5m", (string)quick["metadata"]!["annotations"]!["plumbline-short-window"]!);
        Assert.Equal("page", (string)quick["spec"]!["severity"]!);
        var sli = documents.Single(d => (string)d["kind"]! == "SLI" && (string)d["metadata"]!["name"]! == "redirect-availability-sli");
        Assert.True((bool)sli["spec"]!["ratioMetric"]!["counter"]!);
        Assert.Contains("http_response_status_code=~\"5..\"", (string)sli["spec"]!["ratioMetric"]!["bad"]!["metricSource"]!["spec"]!["query"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_rejects_what_it_should_so_the_other_tests_mean_something()
    {
        var (report, file) = SloTestData.Example("url-shortener.yaml");
        var documents = SloTestData.Documents(OpenSloRenderer.Render(report, file, SloTestData.Version));
        var slo = documents.First(d => (string)d!["kind"]! == "SLO")!.DeepClone();
        slo["spec"]!["objectives"]![0]!["target"] = 1.5;
        slo["spec"]!["timeWindow"]![0]!["duration"] = "30 days";
        slo["metadata"]!["name"] = "Not A Name";

        var errors = Validate(slo);
        Assert.Contains(errors, e => e.Contains("/target", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/metadata/name", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_names_become_valid_names_and_stay_display_names()
    {
        var report = SloTestData.Analyze("odd.yaml", """
            plumbline: 1
            system: { name: Odd.System_1 }
            workflows:
              w: { entry: api.op, rate: 1/s }
            api:
              endpoints:
                - { name: e, route: GET /a, workflow: w }
            components:
              api: { kind: service, operations: { op: {} } }
            slos:
              - { name: "Ünïcode & spaces", workflow: w, sli: availability, objective: 99% }
              - { name: "unicode-spaces", workflow: w, sli: availability, objective: 99.9% }
            """);

        var documents = SloTestData.Documents(OpenSloRenderer.Render(report, "odd.yaml", SloTestData.Version));

        Assert.All(documents, d => Assert.Empty(Validate(d!)));
        var slos = documents.Where(d => (string)d!["kind"]! == "SLO").ToList();
        Assert.Equal(["n-code-spaces", "unicode-spaces"], slos.Select(d => (string)d!["metadata"]!["name"]!));
        Assert.Equal("Ünïcode & spaces", (string)slos[0]!["metadata"]!["displayName"]!);
    }

    private static List<string> Validate(JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        var (schema, options) = Schema.Value;
        var result = schema.Evaluate(json.RootElement, options);
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} [{e.Key}] {e.Value}"))];
    }

    /// <summary>
    /// The main schema, with every part registered by its $id so the $refs resolve without a network. Parts are
    /// built after the parts they refer to.
    /// </summary>
    private static (JsonSchema, EvaluationOptions) LoadSchema()
    {
        var folder = Path.Combine(Repository.Root, "tests", "Plumbline.Reporting.Tests", "Fixtures", "openslo-v1");
        string[] order =
        [
            "name", "description", "duration-shorthand", "metricsource", "metadata", "general", "sli-spec", "slo-spec",
            "service-spec", "datasource-spec", "alertnotificationtarget-spec", "alertcondition-spec", "alertpolicy-spec",
        ];
        Assert.Equal(order.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(folder, "parts"), "*.schema.json")
            .Select(f => Path.GetFileName(f)[..^".schema.json".Length]).Order(StringComparer.Ordinal));
        var build = new BuildOptions();
        foreach (var part in order)
        {
            build.SchemaRegistry.Register(JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "parts", part + ".schema.json")), build));
        }

        var main = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "openslo.schema.json")), build);
        return (main, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}
