using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Loading;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Plumbline.Reporting.Tests.Slo;

/// <summary>SLO reports of the examples, and the YAML the exporters write read back as JSON.</summary>
internal static partial class SloTestData
{
    public const string Version = "0.1.0-test";

    public static (SloReport Report, string File) Example(string name)
    {
        var file = "examples/" + name;
        return (Analyze(file, File.ReadAllText(Path.Combine(Repository.Root, "examples", name))), file);
    }

    public static SloReport Analyze(string file, string yaml)
    {
        var loaded = DesignLoader.LoadText(file, yaml);
        Assert.True(loaded.Success && loaded.Design is not null, $"{file} does not load: {string.Join("; ", loaded.Diagnostics.Select(d => d.Message))}");
        var design = loaded.Design;
        return SloAnalyzer.Analyze(design, Estimator.Estimate(design));
    }

    /// <summary>
    /// Each document of a YAML stream as JSON, typed the way YAML 1.2's core schema types plain scalars
    /// (numbers, true/false, null); quoted scalars stay strings.
    /// </summary>
    public static List<JsonNode?> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => ToJson(d.RootNode))];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain => Plain(plain.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException("unexpected YAML node " + node.NodeType),
    };

    private static JsonValue? Plain(string value) => value switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "null" or "~" or "" => null,
        _ when NumberPattern().IsMatch(value) => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
