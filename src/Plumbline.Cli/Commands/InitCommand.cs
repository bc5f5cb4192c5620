using System.CommandLine;
using System.Text;
using Plumbline.Cli.Interview;
using Plumbline.Cli.Templates;
using Plumbline.Design.Loading;
using Plumbline.Reporting.Diagnostics;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline init</c> was asked to do.</summary>
/// <param name="Template">A template name, "list", or null for the interview.</param>
/// <param name="ListTemplates">Only list the templates.</param>
/// <param name="Output">The file to write; default design.yaml.</param>
/// <param name="Force">Overwrite an existing file.</param>
public sealed record InitSettings(string? Template, bool ListTemplates, string Output, bool Force);

/// <summary>
/// <c>plumbline init</c>: writes a starter design, from a template or from the requirement-brief
/// interview on a terminal. Refuses to overwrite without --force; checks what it writes with the loader.
/// </summary>
public static class InitCommand
{
    public const string DefaultOutput = "design.yaml";

    public static Command Create(CliConsole console)
    {
        var template = new Option<string?>("--template", "-t")
        {
            Description = "Start from an example design instead of the interview ('list' lists them).",
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

        var command = new Command("init",
            "Write a starter design: from a template, or on a terminal by answering the requirement-brief questions (scope, users, data, scale, dependencies, business metrics).")
        {
            template,
            list,
            output,
            force,
        };
        command.SetAction(parse => Run(
            new InitSettings(parse.GetValue(template), parse.GetValue(list), parse.GetValue(output) ?? DefaultOutput, parse.GetValue(force)),
            console));
        return command;
    }

    public static int Run(InitSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        if (settings.ListTemplates || settings.Template == "list")
        {
            return ListTemplates(console);
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

    private static int ListTemplates(CliConsole console)
    {
        var names = TemplateCatalog.Names;
        if (names.IsEmpty)
        {
            console.Error.WriteLine("plumbline: no templates were built into this plumbline.");
            return ExitCodes.Success;
        }

        var width = names.Max(n => n.Length);
        foreach (var name in names)
        {
            var summary = DesignLoader.LoadText(name + ".yaml", TemplateCatalog.Read(name) ?? string.Empty).Design?.System.Summary;
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

        var check = DesignLoader.LoadText(settings.Output, text);
        if (!check.Success)
        {
            // A template that does not validate is our bug, not the user's input: say so and write nothing.
            new DiagnosticTextRenderer(console.UseColor).WriteAll(console.Error, check.Diagnostics, settings.Output);
            console.Error.WriteLine($"plumbline: internal error: the template '{name}' does not validate, so nothing was written.");
            console.Error.WriteLine("This is a bug in plumbline. Please report it.");
            return ExitCodes.InternalError;
        }

        if (!TryWrite(settings.Output, text, console))
        {
            return ExitCodes.InvalidInput;
        }

        var design = check.Design!;
        console.Out.WriteLine($"Wrote {settings.Output} from the template {name} " +
            $"({ValidateCommand.Plural(design.Components.Length, "component")}, {ValidateCommand.Plural(design.Workflows.Length, "workflow")}).");
        console.Out.WriteLine($"Next: plumbline validate {settings.Output}");
        return ExitCodes.Success;
    }

    private static int FromInterview(InitSettings settings, CliConsole console)
    {
        var brief = new Interviewer(console.In, console.Out).Run();
        var text = BriefDesignWriter.Write(brief);

        // The file changed while the questions were asked: still do not overwrite it silently.
        if (Exists(settings.Output) && !settings.Force)
        {
            console.Error.WriteLine($"plumbline: error: {settings.Output} appeared while you answered; use --force to overwrite it.");
            return ExitCodes.InvalidInput;
        }

        // The answers are written even if the design would not validate, so nothing typed is lost.
        if (!TryWrite(settings.Output, text, console))
        {
            return ExitCodes.InvalidInput;
        }

        var check = DesignLoader.LoadText(settings.Output, text);
        if (!check.Success)
        {
            new DiagnosticTextRenderer(console.UseColor).WriteAll(console.Error, check.Diagnostics, settings.Output);
            console.Error.WriteLine($"plumbline: internal error: the design written to {settings.Output} does not validate.");
            console.Error.WriteLine("This is a bug in plumbline. Please report it with your answers; the file keeps them.");
            return ExitCodes.InternalError;
        }

        console.Out.WriteLine($"Wrote {settings.Output}: {ValidateCommand.Plural(check.Design!.Workflows.Length, "workflow")}, " +
            $"{ValidateCommand.Plural(check.Design.Components.Length, "component")}, " +
            $"{ValidateCommand.Plural(brief.OpenQuestions.Length, "open question")}.");
        console.Out.WriteLine($"Next: plumbline validate {settings.Output}");
        return ExitCodes.Success;
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
