using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Design.Tests.Schema;

/// <summary>
/// What an editor shows from the schema: the YAML language server completes fields, shows a field's
/// description on hover and prints a schema's message when a value is refused. These tests hold the
/// schema to the shapes that make it show the right thing (the language server itself is driven in
/// <c>EditorTests</c>): no titles (the server heads every hover with the nearest title above a field),
/// no description on an alternative of a oneOf or anyOf (the server shows the first description it
/// meets, the alternative's before the field's own), a readable message with a valid example beside
/// every pattern, and a component's kind-specific fields in if/then branches that match the loader's.
/// </summary>
public sealed partial class SchemaTests
{
    [Fact]
    public void No_schema_has_a_title()
    {
        var titled = Keywords(SchemaJson, string.Empty)
            .Where(k => k.Keyword == "title" && k.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            .Select(k => k.Pointer)
            .ToList();

        Assert.True(titled.Count == 0, "titles at: " + string.Join(", ", titled));
    }

    [Fact]
    public void Every_pattern_has_a_message_whose_example_the_schema_accepts()
    {
        var problems = new List<string>();
        var patterns = Keywords(SchemaJson, string.Empty).Where(k => k.Keyword == "pattern" && k.Value is JsonValue).ToList();
        Assert.NotEmpty(patterns);
        foreach (var (pointer, _, _, holder) in patterns)
        {
            var message = holder["patternErrorMessage"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(message))
            {
                problems.Add($"{pointer}: a pattern with no patternErrorMessage");
                continue;
            }

            if (message.Contains('^', StringComparison.Ordinal) || message.Contains("[0-9]", StringComparison.Ordinal))
            {
                problems.Add($"{pointer}: the message quotes a regular expression: {message}");
            }

            var example = FirstExample(message);
            if (example is null)
            {
                problems.Add($"{pointer}: the message gives no example ('such as ...'): {message}");
                continue;
            }

            // A $def is evaluated whole (a unit takes a number too); an inline pattern is matched as it stands.
            var accepted = pointer.StartsWith("/$defs/", StringComparison.Ordinal) && pointer.Count(c => c == '/') == 2
                ? JsonSchema.FromText($$"""{ "$ref": "{{SchemaId}}#{{pointer}}" }""", Built.Value.Options)
                    .Evaluate(JsonSerializer.SerializeToElement(YamlToJson.Plain(example))).IsValid
                : Regex.IsMatch(example, holder["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));
            if (!accepted)
            {
                problems.Add($"{pointer}: the message's example '{example}' is refused by the schema it describes");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_unit_refuses_any_value_with_its_own_message()
    {
        // A unit that takes a number too (a bare 0 duration, a count) would otherwise answer a wrong
        // number with "Value is above the maximum of 0"; errorMessage replaces every message of the unit.
        var defs = SchemaJson["$defs"]!.AsObject();
        string[] units = ["duration", "size", "count", "rate", "percent", "ratio", "growth", "money", "date", "retention", "rate_limit", "k_of_n", "throughput"];
        Assert.All(units, unit =>
        {
            var def = defs[unit]!.AsObject();
            Assert.False(def.ContainsKey("anyOf") || def.ContainsKey("oneOf"), $"{unit} has alternatives: a validator reports each one's failure instead of one message");
            Assert.Equal(def["patternErrorMessage"]?.GetValue<string>(), def["errorMessage"]?.GetValue<string>());
        });
    }

    [Fact]
    public void No_alternative_of_a_oneOf_or_anyOf_carries_a_description()
    {
        var defs = SchemaJson["$defs"]!.AsObject();
        var problems = new List<string>();
        var holders = Keywords(SchemaJson, string.Empty).Where(k => k.Keyword is "oneOf" or "anyOf").ToList();
        Assert.NotEmpty(holders);
        foreach (var (pointer, _, alternatives, _) in holders)
        {
            foreach (var alternative in alternatives!.AsArray().OfType<JsonObject>())
            {
                var target = alternative["$ref"]?.GetValue<string>() is { } reference
                    ? defs[reference[(reference.LastIndexOf('/') + 1)..]]!.AsObject()
                    : alternative;
                if (target.ContainsKey("description") || alternative.ContainsKey("description"))
                {
                    problems.Add($"{pointer}: the alternative {alternative.ToJsonString()} has a description; keep its words in $comment");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_components_kind_specific_fields_are_the_loaders()
    {
        var component = SchemaJson["$defs"]!["component"]!.AsObject();
        var kindNames = component["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.Equal(Enum.GetValues<ComponentKind>().Length, kindNames.Count);

        // field -> the kinds whose branch adds it, from the schema.
        var schemaKinds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (condition, then) in ConditionalBranches(component))
        {
            Assert.Equal(["kind"], condition["required"]!.AsArray().Select(r => r!.GetValue<string>()));
            var kind = condition["properties"]!["kind"]!.AsObject();
            var kinds = kind["const"] is { } single ? [single.GetValue<string>()] : kind["enum"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
            foreach (var (field, _) in then["properties"]!.AsObject())
            {
                Assert.True(schemaKinds.TryAdd(field, [.. kinds]), $"{field} is added by more than one branch");
            }
        }

        var loaderKinds = ComponentFields.KindSpecific.ToDictionary(
            f => f.Field,
            f => f.Kinds.Select(k => EnumNames.Text(k)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        Assert.Equal(loaderKinds.Keys.Order(StringComparer.Ordinal), schemaKinds.Keys.Order(StringComparer.Ordinal));
        Assert.All(loaderKinds, f => Assert.True(
            f.Value.SetEquals(schemaKinds[f.Key]),
            $"{f.Key}: the loader takes it on {string.Join(", ", f.Value.Order(StringComparer.Ordinal))}, the schema on {string.Join(", ", schemaKinds[f.Key].Order(StringComparer.Ordinal))}"));

        // Every other field is common to every kind.
        var common = component["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var expectedCommon = FormatKeys.All["component"].Where(f => !loaderKinds.ContainsKey(f));
        Assert.True(common.SetEquals(expectedCommon), "common component fields: " + string.Join(", ", common.Order(StringComparer.Ordinal)));
        Assert.True(IsFalse(component["unevaluatedProperties"]), "the component must refuse what neither its fields nor its kind's branch take");
        Assert.False(component.ContainsKey("additionalProperties"), "additionalProperties would refuse the branches' fields");
    }

    [Theory]
    [InlineData("cache", "hit_ratio", true)]
    [InlineData("cdn", "hit_ratio", true)]
    [InlineData("service", "hit_ratio", false)]
    [InlineData("queue", "consumers", true)]
    [InlineData("worker", "consumers", false)]
    [InlineData("database", "partitions", true)]
    [InlineData("gateway", "partitions", false)]
    [InlineData("service", "runs_on", true)]
    [InlineData("external", "runs_on", false)]
    [InlineData("client", "size", false)]
    [InlineData("service", "replicas", true)]
    public void A_component_takes_a_field_only_where_its_kind_does(string kind, string field, bool takes)
    {
        JsonNode value = field switch
        {
            "hit_ratio" => 0.9,
            "consumers" => new JsonArray("worker.handle"),
            "partitions" => 4,
            "runs_on" => "m5.large",
            "size" => new JsonObject { ["vcpu"] = 2 },
            "replicas" => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
        var component = new JsonObject { ["kind"] = kind, [field] = value };
        var schema = JsonSchema.FromText($$"""{ "$ref": "{{SchemaId}}#/$defs/component" }""", Built.Value.Options);

        var valid = schema.Evaluate(JsonSerializer.SerializeToElement(component)).IsValid;

        Assert.Equal(takes, valid);
        Assert.True(EnumNames.TryParse<ComponentKind>(kind, out var parsed));
        Assert.Equal(takes, ComponentFields.AppliesTo(field, parsed));
    }

    // Helpers.

    /// <summary>Every keyword of a schema with its JSON pointer, value and the schema object holding it; property names are not keywords.</summary>
    private static IEnumerable<(string Pointer, string Keyword, JsonNode? Value, JsonObject Holder)> Keywords(JsonObject schema, string pointer)
    {
        foreach (var (keyword, value) in schema)
        {
            yield return (pointer, keyword, value, schema);
            var here = pointer + "/" + keyword;
            switch (value)
            {
                case JsonObject map when keyword is "properties" or "$defs" or "patternProperties":
                    foreach (var (name, sub) in map)
                    {
                        if (sub is JsonObject s)
                        {
                            foreach (var k in Keywords(s, here + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)))
                            {
                                yield return k;
                            }
                        }
                    }

                    break;
                case JsonObject sub when keyword is not ("examples" or "default" or "const" or "enum"):
                    foreach (var k in Keywords(sub, here))
                    {
                        yield return k;
                    }

                    break;
                case JsonArray array when keyword is "allOf" or "anyOf" or "oneOf" or "prefixItems":
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject s)
                        {
                            foreach (var k in Keywords(s, here + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                            {
                                yield return k;
                            }
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The first value after "such as " in a message: up to ", ", " or ", ";" or the final full stop.</summary>
    private static string? FirstExample(string message)
    {
        const string Marker = "such as ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = message[(start + Marker.Length)..];
        var end = new[] { rest.IndexOf(", ", StringComparison.Ordinal), rest.IndexOf(" or ", StringComparison.Ordinal), rest.IndexOf(';', StringComparison.Ordinal), rest.IndexOf(" (", StringComparison.Ordinal) }
            .Where(i => i >= 0)
            .DefaultIfEmpty(rest.Length)
            .Min();
        var example = rest[..end];
        return end == rest.Length && example.EndsWith('.') ? example[..^1] : example;
    }
}
