using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Plumbline.Design.Loading;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using DesignUnits = Plumbline.Design.Units;

namespace Plumbline.Design.Tests.Schema;

/// <summary>
/// The JSON Schema in schema/plumbline-v1.schema.json: it is a valid 2020-12 schema, every example
/// design satisfies it, broken designs do not, its objects have exactly the keys the loader accepts
/// (<see cref="FormatKeys"/>), and its unit patterns accept what the unit parsers accept.
/// </summary>
public sealed partial class SchemaTests
{
    private const string SchemaId = "urn:plumbline:schema:plumbline-v1";
    private const string EditorLine = "# yaml-language-server: $schema=../schema/plumbline-v1.schema.json";

    private static readonly Lazy<string> SchemaText = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "plumbline-v1.schema.json")));

    // One registry per build: JsonSchema.Net refuses to register the same $id twice.
    private static readonly Lazy<(JsonSchema Schema, BuildOptions Options)> Built = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return (JsonSchema.FromText(SchemaText.Value, options), options);
    });

    private static JsonSchema PlumblineSchema => Built.Value.Schema;

    private static JsonObject SchemaJson => JsonNode.Parse(SchemaText.Value)!.AsObject();

    private static string ExamplesDirectory => Path.Combine(AppContext.BaseDirectory, "examples");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExamplesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    // (a) The schema itself.

    [Fact]
    public void The_schema_is_json_and_a_valid_2020_12_schema()
    {
        using var document = JsonDocument.Parse(SchemaText.Value);
        var root = document.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(SchemaId, root.GetProperty("$id").GetString());

        var meta = MetaSchemas.Draft202012.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(meta.IsValid, "the schema does not satisfy the 2020-12 meta-schema:" + Environment.NewLine + string.Join(Environment.NewLine, Errors(meta)));

        Assert.Equal(new Uri(SchemaId), PlumblineSchema.BaseUri);
    }

    [Fact]
    public void Every_object_forbids_unknown_keys_and_every_property_has_a_description()
    {
        var problems = new List<string>();
        foreach (var (name, schema) in ObjectSchemas())
        {
            if (!ForbidsUnknownKeys(schema))
            {
                problems.Add($"{name}: neither additionalProperties nor unevaluatedProperties is false");
            }

            foreach (var (key, property) in schema["properties"]!.AsObject())
            {
                if (property?["description"] is not JsonValue d || string.IsNullOrWhiteSpace(d.GetValue<string>()))
                {
                    problems.Add($"{name}.{key}: no description");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_unit_types_are_defined()
    {
        var defs = SchemaJson["$defs"]!.AsObject();
        string[] units = ["duration", "size", "count", "rate", "percent", "ratio", "growth", "money", "date", "opref", "name", "pattern"];
        Assert.All(units, unit => Assert.True(defs.ContainsKey(unit), $"$defs has no '{unit}'"));
    }

    // (b) Every example validates.

    [Fact]
    public void The_named_examples_exist()
    {
        string[] expected = ["chat.yaml", "news-feed.yaml", "pastebin.yaml", "payments-ledger.yaml", "ride-hailing.yaml", "url-shortener.yaml"];
        var present = Examples().Select(row => (string)row.Data).ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, name => Assert.Contains(name, present));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_satisfies_the_schema(string name)
    {
        var (json, marks) = YamlToJson.Convert(File.ReadAllText(Path.Combine(ExamplesDirectory, name)));

        var errors = Validate(json, marks, name);

        Assert.True(errors.Count == 0, $"{name} does not satisfy the schema:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_starts_with_the_editor_schema_line_and_a_comment(string name)
    {
        var lines = File.ReadLines(Path.Combine(ExamplesDirectory, name)).Take(2).ToList();

        Assert.Equal(EditorLine, lines[0]);
        Assert.StartsWith("# ", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_components_and_workflows_are_lower_kebab_case(string name)
    {
        var (json, _) = YamlToJson.Convert(File.ReadAllText(Path.Combine(ExamplesDirectory, name)));
        var names = new[] { "components", "workflows" }
            .SelectMany(section => json[section]?.AsObject().Select(p => p.Key) ?? [])
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(KebabCase(), n));
    }

    // (c) Broken designs fail.

    [Theory]
    [InlineData("unknown-root-key", "/colour")]
    [InlineData("unknown-nested-key", "/components/edge/colour")]
    [InlineData("bad-enum", "/components/edge/kind")]
    [InlineData("bad-unit", "/components/edge/capacity")]
    [InlineData("bad-name", "/components/edge.v2")]
    [InlineData("field-not-for-kind", "/components/edge/hit_ratio")]
    [InlineData("missing-required", "")]
    [InlineData("both-rate-and-per-user", "/workflows/redirect")]
    public void A_broken_copy_of_an_example_fails(string breakage, string expectedLocation)
    {
        var (json, marks) = YamlToJson.Convert(File.ReadAllText(Path.Combine(ExamplesDirectory, "url-shortener.yaml")));
        Assert.Empty(Validate(json, marks, "url-shortener.yaml"));

        var edge = json["components"]!["edge"]!.AsObject();
        switch (breakage)
        {
            case "unknown-root-key":
                json["colour"] = "blue";
                break;
            case "unknown-nested-key":
                edge["colour"] = "blue";
                break;
            case "bad-enum":
                edge["kind"] = "mainframe";
                break;
            case "bad-unit":
                edge["capacity"] = "2000 per second";
                break;
            case "bad-name":
                json["components"]!.AsObject()["edge.v2"] = new JsonObject { ["kind"] = "service" };
                break;
            case "field-not-for-kind":
                edge["hit_ratio"] = 0.9;
                break;
            case "missing-required":
                json.Remove("system");
                break;
            case "both-rate-and-per-user":
                json["workflows"]!["redirect"]!.AsObject()["per_user"] = "100/month";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        var errors = Validate(json, marks, "broken");

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.StartsWith($"broken: {(expectedLocation.Length == 0 ? "(root)" : expectedLocation)} ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_access_pattern_with_fields_in_a_flow_list_is_split_by_yaml_and_fails()
    {
        // In [a(x, y)] the comma ends the item: YAML reads two items, 'a(x' and 'y)'.
        var text = File.ReadAllText(Path.Combine(ExamplesDirectory, "url-shortener.yaml"))
            .Replace("access: [point_lookup(code)]", "access: [range_scan(owner, created_at)]", StringComparison.Ordinal);
        var (json, marks) = YamlToJson.Convert(text);

        var errors = Validate(json, marks, "flow");

        Assert.Contains(errors, e => e.StartsWith("flow: /data/0/access/0 ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("flow: /data/0/access/1 ", StringComparison.Ordinal));
    }

    // (d) The schema's objects and the loader's keys agree.

    [Fact]
    public void Every_object_in_the_schema_has_exactly_the_keys_the_loader_accepts()
    {
        var problems = new List<string>();
        var schemaObjects = ObjectSchemas().ToDictionary(o => o.Name, o => o.Schema, StringComparer.Ordinal);
        foreach (var (name, schema) in schemaObjects)
        {
            if (!FormatKeys.All.TryGetValue(name, out var loaderKeys))
            {
                problems.Add($"the schema defines object '{name}' but FormatKeys has no entry for it");
                continue;
            }

            var schemaKeys = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var key in schemaKeys.Except(loaderKeys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                problems.Add($"{name}: the schema has '{key}', the loader does not accept it");
            }

            foreach (var key in loaderKeys.Except(schemaKeys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                problems.Add($"{name}: the loader accepts '{key}', the schema does not have it");
            }
        }

        foreach (var name in FormatKeys.All.Keys.Where(k => !schemaObjects.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"FormatKeys has '{name}' but the schema has no object $def of that name");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_format_reference_has_a_table_row_for_every_key()
    {
        var reference = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "format.md"));
        var missing = FormatKeys.All
            .SelectMany(def => def.Value.Select(key => (Def: def.Key, Key: key)))
            .Where(k => !reference.Contains($"| `{k.Key}`", StringComparison.Ordinal))
            .Select(k => $"{k.Def}.{k.Key}")
            .ToList();

        Assert.True(missing.Count == 0, "docs/format.md has no table row for: " + string.Join(", ", missing));
    }

    // The unit patterns accept what the unit parsers accept. Known gaps, where the schema is looser
    // because a regular expression cannot say it: sizes must come to whole bytes (1.5B), growth not
    // below -100%, dates must exist (2027-02-30).

    [Theory]
    [InlineData("duration", "250ms")]
    [InlineData("duration", "2s")]
    [InlineData("duration", "5 m")]
    [InlineData("duration", "1.5h")]
    [InlineData("duration", "30d")]
    [InlineData("duration", "1w")]
    [InlineData("duration", "1y")]
    [InlineData("duration", "10us")]
    [InlineData("duration", "10µs")]
    [InlineData("duration", "1_000ms")]
    [InlineData("duration", "0")]
    [InlineData("duration", "0s")]
    [InlineData("duration", "5")]
    [InlineData("duration", "-1s")]
    [InlineData("duration", "5mo")]
    [InlineData("duration", "1month")]
    [InlineData("duration", "2 weeks")]
    [InlineData("duration", "1e3s")]
    [InlineData("size", "500B")]
    [InlineData("size", "1.27KB")]
    [InlineData("size", "1.271KB")]
    [InlineData("size", "4TB")]
    [InlineData("size", "64GiB")]
    [InlineData("size", "64 MiB")]
    [InlineData("size", "1kB")]
    [InlineData("size", "0")]
    [InlineData("size", "1kb")]
    [InlineData("size", "10")]
    [InlineData("size", "4 T")]
    [InlineData("count", "250")]
    [InlineData("count", "2.5")]
    [InlineData("count", "1.5K")]
    [InlineData("count", "10M")]
    [InlineData("count", "10 M")]
    [InlineData("count", "1_000_000")]
    [InlineData("count", "3T")]
    [InlineData("count", "10m")]
    [InlineData("count", "-5")]
    [InlineData("count", "10 users")]
    [InlineData("throughput", "500GB/h")]
    [InlineData("throughput", "100 MB / s")]
    [InlineData("throughput", "1.5TB/day")]
    [InlineData("throughput", "64MiB/min")]
    [InlineData("throughput", "0/s")]
    [InlineData("throughput", "500GB/month")]
    [InlineData("throughput", "500GB")]
    [InlineData("throughput", "500/h")]
    [InlineData("rate", "200/s")]
    [InlineData("rate", "100/min")]
    [InlineData("rate", "5/h")]
    [InlineData("rate", "3/day")]
    [InlineData("rate", "1B/month")]
    [InlineData("rate", "2/year")]
    [InlineData("rate", "1.5K / s")]
    [InlineData("rate", "10/second")]
    [InlineData("rate", "10/minute")]
    [InlineData("rate", "10/hour")]
    [InlineData("rate", "10/m")]
    [InlineData("rate", "10/week")]
    [InlineData("rate", "10 per s")]
    [InlineData("rate", "1k/s")]
    [InlineData("rate", "200")]
    [InlineData("percent", "99.95%")]
    [InlineData("percent", "100%")]
    [InlineData("percent", "0%")]
    [InlineData("percent", "50 %")]
    [InlineData("percent", "0.5%")]
    [InlineData("percent", "101%")]
    [InlineData("percent", "-5%")]
    [InlineData("percent", "99.95")]
    [InlineData("ratio", "0.9")]
    [InlineData("ratio", "0")]
    [InlineData("ratio", "1")]
    [InlineData("ratio", "90%")]
    [InlineData("ratio", "100%")]
    [InlineData("ratio", "1.5")]
    [InlineData("ratio", "150%")]
    [InlineData("ratio", "-0.1")]
    [InlineData("growth", "50%/year")]
    [InlineData("growth", "5%/month")]
    [InlineData("growth", "-10%/year")]
    [InlineData("growth", "2% / day")]
    [InlineData("growth", "5%")]
    [InlineData("growth", "50%/decade")]
    [InlineData("money", "3000 USD/month")]
    [InlineData("money", "0.02 USD")]
    [InlineData("money", "1,200 EUR/year")]
    [InlineData("money", "1.5K USD/month")]
    [InlineData("money", "3000USD")]
    [InlineData("money", "1 MXN")]
    [InlineData("money", "3000 usd")]
    [InlineData("money", "3000 USD/week")]
    [InlineData("money", "1.5KUSD")]
    [InlineData("money", "3000")]
    [InlineData("date", "2027-03-31")]
    [InlineData("date", "2027-3-31")]
    [InlineData("date", "31/03/2027")]
    public void A_unit_pattern_accepts_what_the_unit_parser_accepts(string def, string text)
    {
        var parserAccepts = def switch
        {
            "duration" => DesignUnits.Duration.Parse(text).Success,
            "size" => DesignUnits.ByteSize.Parse(text).Success,
            "count" => DesignUnits.Count.Parse(text).Success,
            "rate" => DesignUnits.Rate.Parse(text).Success,
            "percent" => DesignUnits.Percent.Parse(text) is { Success: true } p && p.Value.Fraction is >= 0 and <= 1,
            "ratio" => DesignUnits.Ratio.Parse(text).Success,
            "growth" => DesignUnits.GrowthRate.Parse(text).Success,
            "money" => DesignUnits.Money.Parse(text).Success,
            "throughput" => DesignUnits.Throughput.Parse(text).Success,
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => throw new ArgumentOutOfRangeException(nameof(def), def, null),
        };

        // The value as an editor sees it: a plain YAML scalar, typed by the YAML 1.2 core schema.
        var value = YamlToJson.Plain(text);
        var schema = JsonSchema.FromText($$"""{ "$ref": "{{SchemaId}}#/$defs/{{def}}" }""", Built.Value.Options);
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(value), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(
            parserAccepts == result.IsValid,
            $"'{text}' as {def}: the parser {(parserAccepts ? "accepts" : "rejects")} it, the schema {(result.IsValid ? "accepts" : "rejects")} it");
    }

    // Helpers.

    /// <summary>
    /// The root (as "design") and every $def that is an object with properties. A def whose fields depend
    /// on another field (a component's on its kind) has the fields of its if/then branches too, as
    /// "properties", beside its own.
    /// </summary>
    private static IEnumerable<(string Name, JsonObject Schema)> ObjectSchemas()
    {
        var root = SchemaJson;
        yield return ("design", root);
        foreach (var (name, def) in root["$defs"]!.AsObject())
        {
            if (def is JsonObject o && o.ContainsKey("properties"))
            {
                yield return (name, WithBranchProperties(o));
            }
        }
    }

    private static JsonObject WithBranchProperties(JsonObject schema)
    {
        var branches = ConditionalBranches(schema).ToList();
        if (branches.Count == 0)
        {
            return schema;
        }

        var merged = schema.DeepClone().AsObject();
        var properties = merged["properties"]!.AsObject();
        foreach (var (_, then) in branches)
        {
            foreach (var (key, property) in then["properties"]!.AsObject())
            {
                properties[key] = property!.DeepClone();
            }
        }

        return merged;
    }

    /// <summary>The if/then pairs of an object's allOf whose then adds properties.</summary>
    private static IEnumerable<(JsonObject If, JsonObject Then)> ConditionalBranches(JsonObject schema) =>
        (schema["allOf"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(b => b["if"] is JsonObject && b["then"] is JsonObject { } then && then.ContainsKey("properties"))
            .Select(b => (b["if"]!.AsObject(), b["then"]!.AsObject()));

    private static bool ForbidsUnknownKeys(JsonObject schema) =>
        IsFalse(schema["additionalProperties"]) || IsFalse(schema["unevaluatedProperties"]);

    private static bool IsFalse(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.False;

    /// <summary>Every error of an evaluation, one line each: instance location, line:column in the YAML, keyword, message.</summary>
    private static List<string> Validate(JsonNode json, IReadOnlyDictionary<string, Mark> marks, string file)
    {
        var result = PlumblineSchema.Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. Errors(result).Select(e =>
        {
            var at = marks.TryGetValue(e.Location, out var mark)
                ? string.Create(CultureInfo.InvariantCulture, $" ({file}:{mark.Line}:{mark.Column})")
                : string.Empty;
            return $"{file}: {(e.Location.Length == 0 ? "(root)" : e.Location)} [{e.Keyword}] {e.Message}{at} via {e.SchemaPath}";
        })];
    }

    private readonly record struct SchemaError(string Location, string Keyword, string Message, string SchemaPath);

    /// <summary>
    /// The errors of a List-format result that make it fail. The list also holds failures that did
    /// not: a rejected alternative of an anyOf or oneOf that passed, or an <c>if</c> that only chose
    /// a branch. Those sit below a node that passed for the same instance, and are left out. A node
    /// that fails with no message of its own and nothing failing below it (oneOf matching twice,
    /// say) is reported as failing the schema at its path.
    /// </summary>
    private static IEnumerable<SchemaError> Errors(EvaluationResults result)
    {
        var nodes = new[] { result }.Concat(result.Details ?? [])
            .Select(r => (Result: r, Schema: r.EvaluationPath.ToString(), Instance: r.InstanceLocation.ToString()))
            .ToList();
        var passed = nodes.Where(n => n.Result.IsValid).ToList();
        var failed = nodes
            .Where(n => !n.Result.IsValid && !n.Schema.Contains("/if", StringComparison.Ordinal))
            .Where(n => !passed.Any(p => IsUnder(n.Schema, p.Schema) && (n.Instance == p.Instance || IsUnder(n.Instance, p.Instance))))
            .ToList();
        foreach (var (r, schemaPath, instance) in failed)
        {
            if (r.Errors is { Count: > 0 })
            {
                foreach (var (keyword, message) in r.Errors)
                {
                    yield return new SchemaError(instance, keyword, message, schemaPath);
                }
            }
            else if (!failed.Any(f => IsUnder(f.Schema, schemaPath)))
            {
                yield return new SchemaError(instance, schemaPath[(schemaPath.LastIndexOf('/') + 1)..], "the value does not satisfy this schema", schemaPath);
            }
        }
    }

    private static bool IsUnder(string path, string ancestor) =>
        path.Length > ancestor.Length && path.StartsWith(ancestor, StringComparison.Ordinal) && (ancestor.Length == 0 || path[ancestor.Length] == '/');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    /// <summary>
    /// YAML to JSON the way an editor's schema check sees it (YAML 1.2 core schema): plain scalars
    /// null, ~, true, false, integers and floats become JSON values; quoted and block scalars stay
    /// strings. Keeps the YAML position of every node by its JSON pointer.
    /// </summary>
    private static partial class YamlToJson
    {
        public static (JsonObject Json, IReadOnlyDictionary<string, Mark> Marks) Convert(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            Assert.Single(stream.Documents);
            var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
            var json = ToJson(stream.Documents[0].RootNode, string.Empty, marks);
            return (Assert.IsType<JsonObject>(json), marks);
        }

        public static JsonValue? Plain(string text) => Resolve(text);

        private static JsonNode? ToJson(YamlNode node, string pointer, Dictionary<string, Mark> marks)
        {
            marks[pointer] = node.Start;
            switch (node)
            {
                case YamlScalarNode scalar:
                    return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? Resolve(scalar.Value ?? string.Empty) : JsonValue.Create(scalar.Value ?? string.Empty);
                case YamlSequenceNode sequence:
                    var array = new JsonArray();
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        array.Add(ToJson(sequence.Children[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), marks));
                    }

                    return array;
                case YamlMappingNode mapping:
                    var obj = new JsonObject();
                    foreach (var (key, value) in mapping.Children)
                    {
                        var name = Assert.IsType<YamlScalarNode>(key).Value ?? string.Empty;
                        obj[name] = ToJson(value, pointer + "/" + Escape(name), marks);
                    }

                    return obj;
                default:
                    throw new InvalidOperationException($"unexpected YAML node {node.NodeType}");
            }
        }

        private static string Escape(string key) =>
            key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        private static JsonValue? Resolve(string text)
        {
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            if (Integer().IsMatch(text))
            {
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? JsonValue.Create(n)
                    : JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            if (text.StartsWith("0o", StringComparison.Ordinal) && Octal().IsMatch(text))
            {
                return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
            }

            if (text.StartsWith("0x", StringComparison.Ordinal) && Hex().IsMatch(text))
            {
                return JsonValue.Create(long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            }

            // .inf and .nan are floats in YAML but have no JSON form; they stay text here.
            return Float().IsMatch(text)
                ? JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
                : JsonValue.Create(text);
        }

        [GeneratedRegex("^[-+]?[0-9]+$")]
        private static partial Regex Integer();

        [GeneratedRegex("^0o[0-7]+$")]
        private static partial Regex Octal();

        [GeneratedRegex("^0x[0-9a-fA-F]+$")]
        private static partial Regex Hex();

        [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
        private static partial Regex Float();
    }
}
