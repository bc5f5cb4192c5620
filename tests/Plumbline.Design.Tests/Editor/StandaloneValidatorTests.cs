using Xunit;

namespace Plumbline.Design.Tests.Editor;

/// <summary>
/// The design schema under a standalone JSON Schema validator, as a CI job or another tool would use it:
/// the Sourcemeta JSON Schema CLI (<c>jsonschema</c>, from npm), which reads YAML instances itself. The
/// schema satisfies its 2020-12 metaschema, every example validates, and a broken design fails at the
/// broken field's line.
/// </summary>
public sealed class StandaloneValidatorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string Schema => Path.Combine(AppContext.BaseDirectory, "schema", "plumbline-v1.schema.json");

    public static TheoryData<string> ExampleNames() => EditorTests.ExampleNames();

    [Fact]
    public void The_schema_satisfies_its_metaschema()
    {
        var run = NodeClients.Run(NodeClients.JsonSchemaCli, ["metaschema", Schema], Timeout);

        Assert.True(run.Exit == 0, run.Output + run.Error);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Every_example_validates(string name)
    {
        var run = NodeClients.Run(NodeClients.JsonSchemaCli, ["validate", Schema, Path.Combine(AppContext.BaseDirectory, "examples", name)], Timeout);

        Assert.True(run.Exit == 0, run.Output + run.Error);
    }

    [Theory]
    [InlineData("    hit_ratio: 0.9", "/components/probe/hit_ratio", "The object value was not expected to define the property \"hit_ratio\"")]
    [InlineData("    capacity: 20 per second", "/components/probe/capacity", "was expected to match the regular expression")]
    [InlineData("    runs_on: m5.large\n    size: { vcpu: 2 }", "/components/probe/size", "false schema")]
    public void A_broken_design_fails_at_the_broken_fields_line(string field, string location, string message)
    {
        var file = Path.Combine(Path.GetTempPath(), $"plumbline-standalone-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "plumbline: 1\nsystem: { name: editor-test }\ncomponents:\n  probe:\n    kind: service\n" + field + "\n");
        try
        {
            var run = NodeClients.Run(NodeClients.JsonSchemaCli, ["validate", Schema, file], Timeout);

            Assert.Equal(2, run.Exit);
            var line = 6 + field.Split('\n').Length - 1;
            Assert.Contains($"at instance location \"{location}\" (line {line}, column 5)", run.Output + run.Error, StringComparison.Ordinal);
            Assert.Contains(message, run.Output + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
