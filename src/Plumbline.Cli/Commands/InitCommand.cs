using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Engine;
using Plumbline.Engine.Files;
using Plumbline.Engine.Interview;
using Plumbline.Engine.Templates;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline init</c> was asked to do.</summary>
/// <param name="Template">A template name, "list", or null for the interview.</param>
/// <param name="ListTemplates">Only list the templates.</param>
/// <param name="Output">The file to write; default design.yaml.</param>
/// <param name="Force">Overwrite an existing file.</param>
/// <param name="Format">"text" or "json" (for the listing and the result; interview prompts then go to stderr).</param>
public sealed record InitSettings(string? Template, bool ListTemplates, string Output, bool Force, string Format = FormatOption.Text);

/// <summary>
/// <c>plumbline init</c>: writes a starter design, from a template or from the requirement-brief
/// interview on a terminal. Refuses to overwrite without --force; checks what it writes with the loader.
/// The design's first line points editors at the format's JSON Schema by a path that works from where the
/// design was written (see <see cref="PlaceSchema"/>).
/// </summary>
public static class InitCommand
{
    public const string DefaultOutput = "design.yaml";

    public static Command Create(CliConsole console)
    {
        var template = new Option<string?>("--template", "-t")
        {
            Description = "Start from an example design, not the interview ('list' lists them).",
            HelpName = "NAME",
        };
        var list = new Option<bool>("--list-templates") { Description = "List the templates and exit." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The design file to write.",
            HelpName = "FILE",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };
        var format = FormatOption.Create();

        var command = new Command("init",
            "Write a starter design: from a template, or on a terminal by answering the requirement-brief questions (scope, users, data, scale, dependencies, business metrics).")
        {
            template,
            list,
            output,
            force,
            format,
        };
        command.SetAction(parse => Run(
            new InitSettings(parse.GetValue(template), parse.GetValue(list), parse.GetValue(output) ?? DefaultOutput,
                parse.GetValue(force), parse.GetValue(format) ?? FormatOption.Text),
            console));
        return command;
    }

    public static int Run(InitSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        if (settings.ListTemplates || settings.Template == "list")
        {
            return ListTemplates(settings, console);
        }

        if (settings.Template is null && !console.IsInteractive)
        {
            console.Error.WriteLine("plumbline: error: init asks questions, and there is no terminal to ask them on.");
            console.Error.WriteLine("Use 'plumbline init --template NAME' (see 'plumbline init --list-templates').");
            return ExitCodes.InvalidInput;
        }

        if (string.IsNullOrWhiteSpace(settings.Output))
        {
            console.Error.WriteLine("plumbline: error: --output needs a file name.");
            return ExitCodes.InvalidInput;
        }

        if (Exists(settings.Output) && !settings.Force)
        {
            console.Error.WriteLine($"plumbline: error: {settings.Output} already exists; use --force to overwrite it, or --output to write elsewhere.");
            return ExitCodes.InvalidInput;
        }

        return settings.Template is { } name ? FromTemplate(name, settings, console) : FromInterview(settings, console);
    }

    private static int ListTemplates(InitSettings settings, CliConsole console)
    {
        var templates = TemplateCatalog.Names
            .Select(n => (Name: n, Summary: PlumblineEngine.Default.LoadDesign(n + ".yaml", TemplateCatalog.Read(n) ?? string.Empty).Design?.System.Summary))
            .ToList();

        if (settings.Format == FormatOption.Json)
        {
            console.Out.Write(Json(json =>
            {
                json.WriteStartArray();
                foreach (var (name, summary) in templates)
                {
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    json.WriteString("summary", summary);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }));
            return ExitCodes.Success;
        }

        if (templates.Count == 0)
        {
            console.Error.WriteLine("plumbline: no templates were built into this plumbline.");
            return ExitCodes.Success;
        }

        var width = templates.Max(t => t.Name.Length);
        foreach (var (name, summary) in templates)
        {
            console.Out.WriteLine(string.IsNullOrEmpty(summary) ? name : $"{name.PadRight(width)}  {summary}");
        }

        return ExitCodes.Success;
    }

    private static int FromTemplate(string name, InitSettings settings, CliConsole console)
    {
        var text = TemplateCatalog.Read(name);
        if (text is null)
        {
            console.Error.WriteLine($"plumbline: error: there is no template '{name}'.");
            console.Error.WriteLine(TemplateCatalog.Names.IsEmpty
                ? "No templates were built into this plumbline."
                : $"Templates: {string.Join(", ", TemplateCatalog.Names)}.");
            return ExitCodes.InvalidInput;
        }

        var check = PlumblineEngine.Default.LoadDesign(settings.Output, text);
        if (!check.Success)
        {
            // A template that does not validate is our bug, not the user's input: say so and write nothing.
            new DiagnosticTextRenderer(console.UseColor).WriteAll(console.Error, check.Diagnostics, settings.Output);
            console.Error.WriteLine($"plumbline: internal error: the template '{name}' does not validate, so nothing was written.");
            console.Error.WriteLine("This is a bug in plumbline. Please report it.");
            return ExitCodes.InternalError;
        }

        var schema = PlaceSchema(settings.Output);
        if (!TryWriteSchema(schema, console) || !TryWrite(settings.Output, BriefDesignWriter.WithSchemaLine(text, schema.Reference), console))
        {
            return ExitCodes.InvalidInput;
        }

        WriteResult(settings, console, check.Design!, name, [], schema);
        return ExitCodes.Success;
    }

    private static int FromInterview(InitSettings settings, CliConsole console)
    {
        // With --format json the questions go to stderr, so stdout holds only the JSON result.
        var prompts = settings.Format == FormatOption.Json ? console.Error : console.Out;
        var brief = new Interviewer(console.In, prompts).Run();

        // The file appeared while the questions were asked: still do not overwrite it silently.
        if (Exists(settings.Output) && !settings.Force)
        {
            console.Error.WriteLine($"plumbline: error: {settings.Output} appeared while you answered; use --force to overwrite it.");
            return ExitCodes.InvalidInput;
        }

        // The interview checked every answer against the loader, so the design validates; it is written
        // before the final check all the same, so that nothing typed is lost.
        var schema = PlaceSchema(settings.Output);
        var text = BriefDesignWriter.Write(brief, schema.Reference);
        if (!TryWriteSchema(schema, console) || !TryWrite(settings.Output, text, console))
        {
            return ExitCodes.InvalidInput;
        }

        var check = PlumblineEngine.Default.LoadDesign(settings.Output, text);
        if (!check.Success)
        {
            new DiagnosticTextRenderer(console.UseColor).WriteAll(console.Error, check.Diagnostics, settings.Output);
            console.Error.WriteLine($"plumbline: internal error: the design written to {settings.Output} does not validate.");
            console.Error.WriteLine("This is a bug in plumbline. Please report it with your answers; the file keeps them.");
            return ExitCodes.InternalError;
        }

        WriteResult(settings, console, check.Design!, null, brief.OpenQuestions, schema);
        return ExitCodes.Success;
    }

    /// <summary>
    /// How a design refers to the format's JSON Schema: the path of the
    /// schema relative to the design's folder, and the file to write the schema to, if any.
    /// </summary>
    /// <param name="Reference">What follows <c>$schema=</c> in the design's first line.</param>
    /// <param name="WriteTo">Where to write the embedded schema, or null when one is there already.</param>
    /// <param name="Stale">An existing schema beside the design that differs from this Plumbline's.</param>
    internal sealed record SchemaPlacement(string Reference, string? WriteTo, string? Stale);

    /// <summary>
    /// The schema a design at <paramref name="output"/> points at: a <c>plumbline-v1.schema.json</c> already
    /// beside it (kept, even if it differs), else the <c>schema/plumbline-v1.schema.json</c> of its folder or
    /// the nearest folder above (a Plumbline checkout, or a project that keeps the schema there), else the
    /// embedded schema written beside it. The reference is relative, so the design can move with its folder.
    /// </summary>
    internal static SchemaPlacement PlaceSchema(string output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output)) ?? Path.GetFullPath(".");
        var beside = Path.Combine(folder, FormatSchema.FileName);
        if (File.Exists(beside))
        {
            var read = SourceFile.Read(beside);
            var same = read.Success && Encoding.UTF8.GetString(read.Bytes!) == FormatSchema.Text;
            return new SchemaPlacement(FormatSchema.FileName, null, same ? null : beside);
        }

        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schema", FormatSchema.FileName);
            if (File.Exists(candidate))
            {
                return new SchemaPlacement(Path.GetRelativePath(folder, candidate).Replace('\\', '/'), null, null);
            }
        }

        return new SchemaPlacement(FormatSchema.FileName, beside, null);
    }

    private static bool TryWriteSchema(SchemaPlacement schema, CliConsole console)
    {
        if (schema.Stale is { } stale)
        {
            console.Error.WriteLine($"plumbline: note: {stale} differs from this plumbline's schema; it was kept. Delete it and run init again to get the current one.");
        }

        return schema.WriteTo is not { } path || TryWrite(path, FormatSchema.Text, console);
    }

    private static void WriteResult(
        InitSettings settings, CliConsole console, SystemDesign design, string? template, ImmutableArray<string> openQuestions, SchemaPlacement schema)
    {
        if (settings.Format == FormatOption.Json)
        {
            console.Out.Write(Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("file", settings.Output);
                json.WriteString("template", template);
                json.WriteString("system", design.System.Name);
                json.WriteNumber("components", design.Components.Length);
                json.WriteNumber("workflows", design.Workflows.Length);
                json.WriteString("schema", schema.Reference);
                json.WriteBoolean("schemaWritten", schema.WriteTo is not null);
                json.WriteStartArray("openQuestions");
                foreach (var question in design.Requirements.OpenQuestions)
                {
                    json.WriteStringValue(question.Question);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }));
            return;
        }

        var counts = $"{ValidateCommand.Plural(design.Components.Length, "component")}, {ValidateCommand.Plural(design.Workflows.Length, "workflow")}";
        console.Out.WriteLine(template is null
            ? $"Wrote {settings.Output}: {counts}, {ValidateCommand.Plural(openQuestions.Length, "open question")}."
            : $"Wrote {settings.Output} from the template {template} ({counts}).");
        if (schema.WriteTo is { } written)
        {
            console.Out.WriteLine($"Wrote {written}, the format's JSON Schema, so editors complete and check the design.");
        }

        console.Out.WriteLine($"Next: plumbline check {settings.Output}");
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = JsonOutput.Open(stream))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static bool TryWrite(string path, string text, CliConsole console)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text, new UTF8Encoding(false));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            console.Error.WriteLine($"plumbline: error: cannot write {path}: {ex.Message}");
            return false;
        }
    }
}
