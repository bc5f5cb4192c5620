using System.Text.Json;
using Plumbline.Design.Loading;
using Plumbline.Engine;
using Plumbline.Engine.Interview;
using Plumbline.Engine.Templates;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class InitCommandTests
{
    public static TheoryData<string> TemplateNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in TemplateCatalog.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_good_examples_are_built_in_as_templates()
    {
        // The deliberately weak design is a demo for 'check', not a place to start from.
        var examples = Path.Combine(Repository.Root, "examples");
        var expected = Directory.GetFiles(examples, "*.yaml").Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "weak-design").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, TemplateCatalog.Names.ToArray());
        Assert.True(expected.Length >= 5);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Init_from_each_template_writes_a_design_that_validates(string name)
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var run = CliRun.Of("init", "--template", name, "--output", output);
        Assert.True(run.Exit == 0, run.Out + run.Error);
        Assert.Equal(BriefDesignWriter.WithSchemaLine(TemplateCatalog.Read(name)!, FormatSchema.FileName), File.ReadAllText(output));
        Assert.True(PlumblineEngine.Default.LoadDesignFile(output).Success);
        Assert.Equal(0, CliRun.Of("validate", output).Exit);
    }

    [Fact]
    public void A_template_points_editors_at_the_schema_written_beside_it()
    {
        using var dir = new TempFolder();
        var output = dir.File("sub/design.yaml");
        var run = CliRun.Of("init", "--template", TemplateCatalog.Names[0], "--output", output);
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("# yaml-language-server: $schema=plumbline-v1.schema.json\n", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(FormatSchema.Text, File.ReadAllText(dir.File("sub/" + FormatSchema.FileName)));
    }

    [Fact]
    public void The_schema_folder_of_a_folder_above_is_used_and_nothing_is_copied()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.File("schema"));
        dir.Write("schema/" + FormatSchema.FileName, FormatSchema.Text);
        var output = dir.File("designs/team/design.yaml");
        var run = CliRun.Of("init", "--template", TemplateCatalog.Names[0], "--output", output, "--format", "json");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("# yaml-language-server: $schema=../../schema/plumbline-v1.schema.json\n", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("designs/team/" + FormatSchema.FileName)));
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("../../schema/plumbline-v1.schema.json", doc.RootElement.GetProperty("schema").GetString());
        Assert.False(doc.RootElement.GetProperty("schemaWritten").GetBoolean());
    }

    [Fact]
    public void A_schema_already_beside_the_design_is_kept_and_a_different_one_is_named()
    {
        using var dir = new TempFolder();
        var schema = dir.Write(FormatSchema.FileName, "{}");
        var run = CliRun.Of("init", "--template", TemplateCatalog.Names[0], "--output", dir.File("design.yaml"));
        Assert.Equal(0, run.Exit);
        Assert.Equal("{}", File.ReadAllText(schema));
        Assert.Contains($"{schema} differs from this plumbline's schema; it was kept", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=plumbline-v1.schema.json\n", File.ReadAllText(dir.File("design.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_templates_prints_every_name()
    {
        foreach (var args in new[] { new[] { "init", "--list-templates" }, new[] { "init", "--template", "list" } })
        {
            var run = CliRun.Of(args);
            Assert.Equal(0, run.Exit);
            foreach (var name in TemplateCatalog.Names)
            {
                Assert.Contains(name, run.Out, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Json_lists_the_templates_with_their_summaries()
    {
        var run = CliRun.Of("init", "--list-templates", "--format", "json");
        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(TemplateCatalog.Names, doc.RootElement.EnumerateArray().Select(t => t.GetProperty("name").GetString()!));
        Assert.All(doc.RootElement.EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("summary").GetString())));
    }

    [Fact]
    public void Json_result_of_a_template_names_the_file_and_counts()
    {
        Assert.False(TemplateCatalog.Names.IsEmpty, "no templates were embedded from examples/");
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var run = CliRun.Of("init", "-t", TemplateCatalog.Names[0], "-o", output, "-f", "json");
        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(output, doc.RootElement.GetProperty("file").GetString());
        Assert.Equal(TemplateCatalog.Names[0], doc.RootElement.GetProperty("template").GetString());
        Assert.True(doc.RootElement.GetProperty("components").GetInt32() > 0);
    }

    [Fact]
    public void An_unknown_template_exits_2()
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var run = CliRun.Of("init", "--template", "no-such-template", "-o", output);
        Assert.Equal(2, run.Exit);
        Assert.Contains("no template 'no-such-template'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Init_refuses_to_overwrite_without_force()
    {
        using var dir = new TempFolder();
        var output = dir.Write("design.yaml", "keep me\n");
        var template = TemplateCatalog.Names.FirstOrDefault() ?? "any";

        var refused = CliRun.Of("init", "--template", template, "--output", output);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("already exists", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(output));

        var interview = CliRun.With(interactive: true, input: "", "init", "--output", output);
        Assert.Equal(2, interview.Exit);
        Assert.Equal("keep me\n", File.ReadAllText(output));
    }

    [Fact]
    public void Init_with_force_overwrites()
    {
        Assert.False(TemplateCatalog.Names.IsEmpty, "no templates were embedded from examples/");
        using var dir = new TempFolder();
        var output = dir.Write("design.yaml", "old\n");
        var run = CliRun.Of("init", "--template", TemplateCatalog.Names[0], "--output", output, "--force");
        Assert.Equal(0, run.Exit);
        Assert.True(PlumblineEngine.Default.LoadDesignFile(output).Success);
    }

    [Fact]
    public void Without_a_terminal_or_a_template_init_is_a_usage_error()
    {
        using var dir = new TempFolder();
        var output = dir.File("design.yaml");
        var run = CliRun.With(interactive: false, input: "url-shortener\n", "init", "--output", output);
        Assert.Equal(2, run.Exit);
        Assert.Contains("--template", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

}
