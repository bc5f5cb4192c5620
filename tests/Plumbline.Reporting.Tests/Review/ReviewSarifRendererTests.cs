using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Review;
using Xunit;

namespace Plumbline.Reporting.Tests.Review;

/// <summary>
/// The SARIF of real reviews checked against the OASIS SARIF 2.1.0 schema (Fixtures/, see its
/// README for source and licence), plus what code-scanning tools rely on beyond the schema: a region
/// on every result, a help URI on every rule, rule indexes that point at the right rule.
/// </summary>
public sealed class ReviewSarifRendererTests
{
    private const string Version = "0.1.0-test";

    /// <summary>Keywords whose meaning is the same in draft-04 and draft-07 (plus annotations), which is what lets the test evaluate the draft-04 schema as draft-07.</summary>
    private static readonly HashSet<string> PortableKeywords = new(StringComparer.Ordinal)
    {
        "$schema", "id", "title", "description", "default", "type", "properties", "additionalProperties",
        "items", "required", "enum", "minimum", "maximum", "minItems", "uniqueItems", "pattern", "format",
        "anyOf", "oneOf", "$ref", "definitions",
    };

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>A pinned, absolute docs base, as a release sets it (example.org is reserved for examples).</summary>
    private static readonly RuleLinks PinnedDocs = new("https://example.org/plumbline/v0.1.0/docs/rules");

    public static TheoryData<string> Examples() => ReviewTestData.ExampleNames();

    [Fact]
    public void The_fixture_is_the_oasis_draft_04_schema_using_only_keywords_draft_07_reads_the_same_way()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath()))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", (string?)root["$schema"]);
        Assert.Equal(ReviewSarifRenderer.SchemaUri, (string?)root["id"]);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        CollectKeywords(root, used);
        Assert.DoesNotContain(used, k => !PortableKeywords.Contains(k));
    }

    [Fact]
    public void The_schema_rejects_what_it_should_so_the_other_tests_mean_something()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        var sarif = JsonNode.Parse(ReviewSarifRenderer.Render(report, file, Version))!;
        sarif["runs"]![0]!["results"]![0]!["level"] = "fatal";
        sarif["runs"]![0]!["tool"]!["driver"]!.AsObject().Remove("name");
        var errors = Validate(sarif.ToJsonString());
        Assert.Contains(errors, e => e.Contains("/level", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/driver", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_sarif_of_each_example_is_valid_sarif_2_1_0(string example)
    {
        var (report, file) = ReviewTestData.ReviewExample(example);
        var errors = Validate(ReviewSarifRenderer.Render(report, file, Version));
        Assert.True(errors.Count == 0, $"{example}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void The_weak_design_yields_results_and_they_are_valid()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        var text = ReviewSarifRenderer.Render(report, file, Version);
        Assert.Empty(Validate(text));
        using var doc = JsonDocument.Parse(text);
        // One result per cause (its repeats are its related locations) and one per accepted finding.
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Groups.Length + report.Accepted.Length, results.Count);
        Assert.True(report.Groups.Length > 10);
        Assert.True(report.Repeats > 0, "the weak design repeats some cause");
        for (var i = 0; i < report.Groups.Length; i++)
        {
            var group = report.Groups[i];
            Assert.Equal(ReviewSarifRenderer.Level(group.Severity), results[i].GetProperty("level").GetString());
            var related = results[i].TryGetProperty("relatedLocations", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.Equal(group.Related.Length, related.Count);
            for (var j = 0; j < related.Count; j++)
            {
                Assert.Equal(j + 1, related[j].GetProperty("id").GetInt32());
                Assert.Equal($"{group.Related[j].Key}: {group.Related[j].Message}", related[j].GetProperty("message").GetProperty("text").GetString());
                Assert.Equal(group.Related[j].Span.Start.Line, related[j].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_result_has_a_region_and_every_rule_a_help_uri(string example)
    {
        var (report, file) = ReviewTestData.ReviewExample(example);
        using var doc = JsonDocument.Parse(ReviewSarifRenderer.Render(report, file, Version, PinnedDocs));
        var run = doc.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("plumbline", driver.GetProperty("name").GetString());
        Assert.Equal(Version, driver.GetProperty("version").GetString());
        Assert.Equal(PinnedDocs.Base, driver.GetProperty("informationUri").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleRegistry.All.Select(r => r.Info.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var info = RuleRegistry.Find(id)!.Info;
            Assert.Equal(PinnedDocs.Base + id + ".md", rule.GetProperty("helpUri").GetString());
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute), id);
            Assert.Equal(ReviewSarifRenderer.PascalCase(id), rule.GetProperty("name").GetString());
            Assert.Equal(info.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(info.Why, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(info.Fix, rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Equal(info.Page, rule.GetProperty("help").GetProperty("markdown").GetString());
            Assert.StartsWith("# ", info.Page, StringComparison.Ordinal);
            Assert.Equal(ReviewSarifRenderer.Level(info.Severity), rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Equal(StepNames.Id(info.Step), rule.GetProperty("properties").GetProperty("step").GetString());
            Assert.Equal(StepNames.SeverityId(info.Severity), rule.GetProperty("properties").GetProperty("severity").GetString());
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var keys = report.Groups.Select(g => g.Head).Concat(report.Accepted.Select(a => a.Finding)).Select(f => f.Key).ToList();
        Assert.Equal(keys, results.Select(r => r.GetProperty("partialFingerprints").GetProperty(ReviewSarifRenderer.FingerprintKey).GetString()));
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(file, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(ReviewSarifRenderer.SourceRoot, location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            var startLine = region.GetProperty("startLine").GetInt32();
            var endLine = region.GetProperty("endLine").GetInt32();
            Assert.True(startLine >= 1, $"{ruleId}: startLine {startLine}");
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1, ruleId);
            Assert.True(endLine >= startLine, ruleId);
            Assert.True(endLine > startLine || region.GetProperty("endColumn").GetInt32() >= region.GetProperty("startColumn").GetInt32(), ruleId);
        }
    }

    [Fact]
    public void With_the_repository_docs_a_rule_carries_its_page_text_and_no_address()
    {
        var (report, file) = ReviewTestData.ReviewExample("url-shortener.yaml");
        using var doc = JsonDocument.Parse(ReviewSarifRenderer.Render(report, file, Version, RuleLinks.Repository));
        var driver = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.False(driver.TryGetProperty("informationUri", out _));
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "rules", rule.GetProperty("id").GetString() + ".md")).ReplaceLineEndings("\n");
            Assert.False(rule.TryGetProperty("helpUri", out _));
            Assert.Equal(page, rule.GetProperty("help").GetProperty("markdown").GetString());
        }
    }

    [Fact]
    public void Levels_follow_severity_and_a_finding_points_at_its_line()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        using var doc = JsonDocument.Parse(ReviewSarifRenderer.Render(report, file, Version));
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        for (var i = 0; i < report.Groups.Length; i++)
        {
            var finding = report.Groups[i].Head;
            Assert.Equal(ReviewSarifRenderer.Level(report.Groups[i].Severity), results[i].GetProperty("level").GetString());
            var region = results[i].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal(finding.Span.Start.Line, region.GetProperty("startLine").GetInt32());
            Assert.Equal(finding.Span.Start.Column, region.GetProperty("startColumn").GetInt32());
        }

        Assert.Equal("error", ReviewSarifRenderer.Level(Severity.High));
        Assert.Equal("warning", ReviewSarifRenderer.Level(Severity.Medium));
        Assert.Equal("note", ReviewSarifRenderer.Level(Severity.Low));
        Assert.Equal("note", ReviewSarifRenderer.Level(Severity.Info));
    }

    [Fact]
    public void An_accepted_finding_is_a_result_with_an_in_source_suppression()
    {
        var report = ReviewTestData.Review("shop.yaml", ReviewTestData.WithAcceptance);
        var accepted = Assert.Single(report.Accepted);
        var text = ReviewSarifRenderer.Render(report, "shop.yaml", Version);
        Assert.Empty(Validate(text));
        using var doc = JsonDocument.Parse(text);
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.TryGetProperty("suppressions", out _));
        Assert.Equal(accepted.Finding.Key, result.GetProperty("partialFingerprints").GetProperty(ReviewSarifRenderer.FingerprintKey).GetString());
        var suppression = result.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.Equal("rate limiting lands next sprint", suppression.GetProperty("justification").GetString());
    }

    [Theory]
    [InlineData("examples/url-shortener.yaml", "examples/url-shortener.yaml", true)]
    [InlineData("./examples/a.yaml", "examples/a.yaml", true)]
    [InlineData("designs\\team a\\shop.yaml", "designs/team%20a/shop.yaml", true)]
    [InlineData("/home/ci/repo/design.yaml", "file:///home/ci/repo/design.yaml", false)]
    public void Artifact_uris_are_relative_with_forward_slashes_unless_the_path_is_rooted(string path, string uri, bool relative)
    {
        Assert.Equal(uri, ReviewSarifRenderer.ArtifactUri(path, out var isRelative));
        Assert.Equal(relative, isRelative);
    }

    [Theory]
    [InlineData("/home/ci/repo/designs/shop.yaml", "/home/ci/repo", "designs/shop.yaml", true)]
    [InlineData("designs/shop.yaml", "/home/ci/repo", "designs/shop.yaml", true)]
    [InlineData("../repo/designs/team a/shop.yaml", "/home/ci/repo", "designs/team%20a/shop.yaml", true)]
    [InlineData("/elsewhere/shop.yaml", "/home/ci/repo", "file:///elsewhere/shop.yaml", false)]
    public void With_a_base_any_typed_path_is_relative_to_it(string typed, string baseFolder, string uri, bool relative)
    {
        var context = new SarifContext(baseFolder, "base", "/home/ci/repo");

        Assert.Equal(uri, ReviewSarifRenderer.ArtifactUri(typed, context, out var isRelative));
        Assert.Equal(relative, isRelative);
    }

    [Fact]
    public void A_run_names_itself_its_base_and_its_commit_and_each_result_quotes_its_region()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        var context = new SarifContext("/home/ci/repo", "The repository root.", "/home/ci/repo")
        {
            Provenance = new SarifProvenance("https://example.com/org/repo.git", "0123456789abcdef0123456789abcdef01234567", null),
        };

        var text = ReviewSarifRenderer.Render(report, "/home/ci/repo/examples/" + Path.GetFileName(file), Version, null, context);

        Assert.Empty(Validate(text));
        var run = JsonNode.Parse(text)!["runs"]![0]!;
        Assert.Equal("Plumbline 0.1.0-test design review", (string?)run["tool"]!["driver"]!["fullName"]);
        Assert.Equal("plumbline/examples/" + Path.GetFileName(file) + "/", (string?)run["automationDetails"]!["id"]);
        Assert.Equal("file:///home/ci/repo/", (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
        var provenance = run["versionControlProvenance"]![0]!;
        Assert.Equal("https://example.com/org/repo.git", (string?)provenance["repositoryUri"]);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", (string?)provenance["revisionId"]);
        Assert.Null(provenance["branch"]);
        Assert.Equal("SRCROOT", (string?)provenance["mappedTo"]!["uriBaseId"]);

        var results = run["results"]!.AsArray();
        for (var i = 0; i < report.Groups.Length; i++)
        {
            var finding = report.Groups[i].Head;
            var location = results[i]!["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("examples/" + Path.GetFileName(file), (string?)location["artifactLocation"]!["uri"]);
            var source = finding.Span.Source!;
            Assert.Equal(source.Text.Substring(finding.Span.Offset, finding.Span.Length), (string?)location["region"]!["snippet"]!["text"]);
            var context3 = location["contextRegion"]!;
            var first = (int)context3["startLine"]!;
            Assert.Equal(Math.Max(1, finding.Span.Start.Line - 1), first);
            Assert.StartsWith(source.GetLine(first) + "\n", (string?)context3["snippet"]!["text"], StringComparison.Ordinal);
            var properties = results[i]!["properties"]!.AsObject();
            Assert.Equal(report.Groups[i].Severity != finding.Rule.Severity, properties.ContainsKey("ruleSeverity"));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_templated_message_has_its_rules_template_and_arguments_that_give_back_its_text(string example)
    {
        var (report, file) = ReviewTestData.ReviewExample(example);
        var run = JsonNode.Parse(ReviewSarifRenderer.Render(report, file, Version))!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();

        foreach (var result in run["results"]!.AsArray())
        {
            var message = result!["message"]!;
            if (message["id"] is not { } id)
            {
                Assert.Null(message["arguments"]);
                continue;
            }

            var rule = rules[(int)result["ruleIndex"]!]!;
            var template = (string?)rule["messageStrings"]![(string)id!]!["text"];
            var arguments = message["arguments"]!.AsArray().Select(a => (string)a!).ToArray();
            Assert.Equal((string?)message["text"], Fill(template!, arguments));
        }

        if (example == ReviewTestData.WeakDesign)
        {
            Assert.Contains(run["results"]!.AsArray(), r => r!["message"]!["id"] is not null);
        }
    }

    /// <summary>SARIF's message-string rule (3.11.5): {n} is the nth argument, {{ and }} are literal braces.</summary>
    private static string Fill(string template, string[] arguments)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (template[i] == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (template[i] == '{')
            {
                var close = template.IndexOf('}', i);
                text.Append(arguments[int.Parse(template[(i + 1)..close], System.Globalization.CultureInfo.InvariantCulture)]);
                i = close;
            }
            else
            {
                text.Append(template[i]);
            }
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("missing-timeout", "MissingTimeout")]
    [InlineData("expired-acceptance", "ExpiredAcceptance")]
    [InlineData("slo-unreachable", "SloUnreachable")]
    [InlineData("spof", "Spof")]
    public void Rule_names_are_pascal_case_ids(string id, string name) => Assert.Equal(name, ReviewSarifRenderer.PascalCase(id));

    [Fact]
    public void A_threat_models_sarif_validates_against_the_schema_with_its_open_and_accepted_threats()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "examples", "url-shortener.yaml"));
        var loaded = Plumbline.Design.Loading.DesignLoader.LoadText("examples/url-shortener.yaml", text);
        var threats = Plumbline.Analysis.Threats.ThreatAnalyzer.Analyze(loaded.Design!, new ReviewOptions(new DateOnly(2026, 12, 3)));
        var sarif = ReviewSarifRenderer.Render(Plumbline.Reporting.Threats.ThreatWords.AsReview(threats), "examples/url-shortener.yaml", Version);
        Assert.Empty(Validate(sarif));
        using var doc = JsonDocument.Parse(sarif);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        var notMitigated = threats.Threats.Count(t => t.Status != Plumbline.Analysis.Threats.ThreatStatus.Mitigated);
        Assert.Equal(notMitigated, results.GetArrayLength());
        Assert.Contains(results.EnumerateArray(), r => r.TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Security_rules_carry_the_tags_and_security_severity_code_scanning_files_them_by()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        using var doc = JsonDocument.Parse(ReviewSarifRenderer.Render(report, file, Version));
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("properties"), StringComparer.Ordinal);

        // A step-8 review rule: spoofing, CWE-306 (missing authentication for a critical function), high.
        var write = rules["unauthenticated-write-endpoint"];
        Assert.Equal(["security", "stride/spoofing", "external/cwe/cwe-306"], Tags(write));
        Assert.Equal("8.0", write.GetProperty("security-severity").GetString());

        // A threat rule: information disclosure, CWE-326 (inadequate encryption strength).
        Assert.Equal(["security", "stride/information_disclosure", "external/cwe/cwe-326"], Tags(rules["weak-tls-version"]));

        // A rule that finds no threat has neither.
        Assert.False(rules["missing-timeout"].TryGetProperty("tags", out _));
        Assert.False(rules["missing-timeout"].TryGetProperty("security-severity", out _));
    }

    [Theory]
    [InlineData(Severity.High, "8.0")]
    [InlineData(Severity.Medium, "5.5")]
    [InlineData(Severity.Low, "2.0")]
    [InlineData(Severity.Info, null)]
    public void Security_severity_falls_in_the_band_of_the_rules_severity(Severity severity, string? score) =>
        Assert.Equal(score, ReviewSarifRenderer.SecuritySeverity(severity));

    private static string[] Tags(JsonElement properties) =>
        [.. properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    private static List<string> Validate(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} [{e.Key}] {e.Value}"))];
    }

    /// <summary>
    /// The fixture, evaluated as draft-07: JsonSchema.Net does not implement draft-04, and for this
    /// schema the two read the same (checked above). Only the in-memory copy's $schema changes.
    /// </summary>
    private static JsonSchema LoadSchema()
    {
        var text = File.ReadAllText(SchemaPath())
            .Replace("\"http://json-schema.org/draft-04/schema#\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }

    private static string SchemaPath() =>
        Path.Combine(Repository.Root, "tests", "Plumbline.Reporting.Tests", "Fixtures", "sarif-schema-2.1.0.json");

    /// <summary>Every keyword used in a schema node, descending into subschemas but not into property names.</summary>
    private static void CollectKeywords(JsonNode? node, ISet<string> keywords)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    keywords.Add(key);
                    if (key is "properties" or "definitions" or "patternProperties")
                    {
                        foreach (var (_, sub) in value!.AsObject())
                        {
                            CollectKeywords(sub, keywords);
                        }
                    }
                    else if (key is "items" or "additionalProperties" or "not")
                    {
                        CollectKeywords(value, keywords);
                    }
                    else if (key is "anyOf" or "oneOf" or "allOf")
                    {
                        foreach (var sub in value!.AsArray())
                        {
                            CollectKeywords(sub, keywords);
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectKeywords(item, keywords);
                }

                break;
        }
    }
}
