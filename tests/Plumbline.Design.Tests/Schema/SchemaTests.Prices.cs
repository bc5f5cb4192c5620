using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Plumbline.Design.Pricing;
using Xunit;
using DesignUnits = Plumbline.Design.Units;

namespace Plumbline.Design.Tests.Schema;

/// <summary>
/// The price catalog's JSON Schema (schema/plumbline-prices-v1.schema.json): a valid 2020-12 schema,
/// the shipped catalog satisfies it, broken catalogs do not, and its objects have exactly the keys
/// the catalog loader accepts (<see cref="CatalogKeys"/>).
/// </summary>
public sealed partial class SchemaTests
{
    private const string PricesSchemaId = "urn:plumbline:schema:plumbline-prices-v1";
    private const string PricesEditorLine = "# yaml-language-server: $schema=../schema/plumbline-prices-v1.schema.json";

    private static readonly Lazy<string> PricesSchemaText = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "plumbline-prices-v1.schema.json")));

    private static readonly Lazy<(JsonSchema Schema, BuildOptions Options)> PricesBuilt = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return (JsonSchema.FromText(PricesSchemaText.Value, options), options);
    });

    private static string DefaultCatalogText()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(CatalogLoader.DefaultFileName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_prices_schema_is_a_valid_2020_12_schema_with_an_id_the_project_owns()
    {
        using var document = JsonDocument.Parse(PricesSchemaText.Value);
        var root = document.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(PricesSchemaId, root.GetProperty("$id").GetString());

        var meta = MetaSchemas.Draft202012.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(meta.IsValid, string.Join(Environment.NewLine, Errors(meta)));
    }

    [Fact]
    public void The_shipped_catalog_satisfies_the_prices_schema_and_starts_with_the_editor_line()
    {
        var text = DefaultCatalogText();
        var (json, marks) = YamlToJson.Convert(text);

        var errors = ValidatePrices(json, marks, CatalogLoader.DefaultFileName);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(PricesEditorLine, text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("unknown-key", "/conventions/month")]
    [InlineData("price-without-period", "/instances/m5.large/price")]
    [InlineData("bad-family", "/instances/m5.large/family")]
    [InlineData("missing-source", "/instances/m5.large")]
    [InlineData("bad-tier", "/storage/s3-standard/price")]
    public void A_broken_copy_of_the_shipped_catalog_fails_the_schema(string breakage, string location)
    {
        var (json, marks) = YamlToJson.Convert(DefaultCatalogText());
        var m5 = json["instances"]!["m5.large"]!.AsObject();
        switch (breakage)
        {
            case "unknown-key":
                json["conventions"]!.AsObject()["month"] = 730;
                break;
            case "price-without-period":
                m5["price"] = "0.096 USD";
                break;
            case "bad-family":
                m5["family"] = "huge";
                break;
            case "missing-source":
                m5.Remove("source");
                break;
            case "bad-tier":
                json["storage"]!["s3-standard"]!["price"]!.AsArray()[0] = new JsonObject { ["up_to"] = "50 terabytes", ["price"] = "0.023 USD" };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        var errors = ValidatePrices(json, marks, "broken");

        Assert.Contains(errors, e => e.StartsWith($"broken: {location}", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_pattern_in_the_prices_schema_says_in_words_what_a_valid_value_looks_like()
    {
        // An editor shows patternErrorMessage instead of the regular expression.
        var missing = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject o)
            {
                if (o.ContainsKey("pattern") && o["patternErrorMessage"] is null)
                {
                    missing.Add(path);
                }

                foreach (var (key, child) in o)
                {
                    Walk(child, path + "/" + key);
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], path + "/" + i.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        Walk(JsonNode.Parse(PricesSchemaText.Value), string.Empty);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_object_in_the_prices_schema_has_exactly_the_keys_the_catalog_loader_accepts_and_a_description_each()
    {
        var problems = new List<string>();
        var root = JsonNode.Parse(PricesSchemaText.Value)!.AsObject();
        var objects = root["$defs"]!.AsObject()
            .Where(p => p.Value is JsonObject o && o.ContainsKey("properties"))
            .ToDictionary(p => p.Key, p => p.Value!.AsObject(), StringComparer.Ordinal);
        foreach (var (name, schema) in objects)
        {
            if (schema["additionalProperties"] is not JsonValue value || value.GetValueKind() != JsonValueKind.False)
            {
                problems.Add($"{name}: additionalProperties is not false");
            }

            var schemaKeys = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
            if (!CatalogKeys.All.TryGetValue(name, out var loaderKeys))
            {
                problems.Add($"the schema defines '{name}' but CatalogKeys has no entry for it");
                continue;
            }

            problems.AddRange(schemaKeys.Except(loaderKeys).Select(k => $"{name}: the schema has '{k}', the loader does not accept it"));
            problems.AddRange(loaderKeys.Except(schemaKeys).Select(k => $"{name}: the loader accepts '{k}', the schema does not have it"));
            problems.AddRange(schema["properties"]!.AsObject()
                .Where(p => p.Value?["description"] is not JsonValue d || string.IsNullOrWhiteSpace(d.GetValue<string>()))
                .Select(p => $"{name}.{p.Key}: no description"));
        }

        problems.AddRange(CatalogKeys.All.Keys.Where(k => !objects.ContainsKey(k)).Select(k => $"CatalogKeys has '{k}' but the schema has no object of that name"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("money", "0.023 USD")]
    [InlineData("money", "1,200 EUR")]
    [InlineData("money", "0.023 USD/month")]
    [InlineData("money", "0.023")]
    [InlineData("money_per_hour", "0.192 USD/h")]
    [InlineData("money_per_hour", "0.192 USD/hour")]
    [InlineData("money_per_hour", "0.192 USD")]
    [InlineData("money_per_hour", "0.192 USD/month")]
    public void A_price_pattern_accepts_what_the_catalog_loader_accepts(string def, string text)
    {
        var money = DesignUnits.Money.Parse(text);
        var loaderAccepts = money.Success && (def == "money" ? money.Value.Period is null : money.Value.Period == DesignUnits.RatePeriod.Hour);
        var schema = JsonSchema.FromText($$"""{ "$ref": "{{PricesSchemaId}}#/$defs/{{def}}" }""", PricesBuilt.Value.Options);
        _ = PricesBuilt.Value.Schema;

        var result = schema.Evaluate(JsonSerializer.SerializeToElement(text), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(loaderAccepts == result.IsValid, $"'{text}' as {def}: the loader {(loaderAccepts ? "accepts" : "rejects")} it, the schema {(result.IsValid ? "accepts" : "rejects")} it");
    }

    private static List<string> ValidatePrices(JsonNode json, IReadOnlyDictionary<string, YamlDotNet.Core.Mark> marks, string file)
    {
        var result = PricesBuilt.Value.Schema.Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. Errors(result).Select(e =>
            {
                var at = marks.TryGetValue(e.Location, out var mark) ? string.Create(CultureInfo.InvariantCulture, $" ({file}:{mark.Line}:{mark.Column})") : string.Empty;
                return $"{file}: {(e.Location.Length == 0 ? "(root)" : e.Location)} [{e.Keyword}] {e.Message}{at}";
            })];
    }
}
