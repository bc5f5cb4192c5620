using System.CommandLine;
using System.Globalization;
using System.Text;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline validate</c> was asked to do.</summary>
/// <param name="Files">Design files, as the user wrote them.</param>
/// <param name="Format">"text" or "json".</param>
public sealed record ValidateSettings(IReadOnlyList<string> Files, string Format);

/// <summary>
/// <c>plumbline validate FILE...</c>: loads each design and reports every diagnostic. Exit 0 when all
/// files are valid (warnings allowed), 2 when any has an error.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Design files to check (YAML).",
            Arity = ArgumentArity.OneOrMore,
        };

        // Otherwise a mistyped option such as --formt would be taken for a file name.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'. (A file whose name starts with '-' can be given as ./{token.Value}.)");
                }
            }
        });
        var format = FormatOption.Create();

        var command = new Command("validate", "Check design files: YAML syntax, shape, units and references. Exit 0 if all are valid, 2 if any has an error.")
        {
            files,
            format,
        };
        command.SetAction(parse => Run(new ValidateSettings(parse.GetValue(files) ?? [], parse.GetValue(format) ?? FormatOption.Text), console));
        return command;
    }

    public static int Run(ValidateSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var results = settings.Files.Select(f => (File: f, Result: PlumblineEngine.Default.LoadDesignFile(f))).ToList();
        var summary = results.Aggregate(new DiagnosticSummary(0, 0, 0),
            (sum, r) => sum.Add(DiagnosticSummary.Of(r.Result.Diagnostics, files: 1).Add(r.Result.Omitted)));

        if (settings.Format == FormatOption.Json)
        {
            console.Out.Write(RenderJson(results, summary));
        }
        else
        {
            WriteText(results, summary, console);
        }

        return results.All(r => r.Result.Success) ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static void WriteText(List<(string File, LoadResult Result)> results, DiagnosticSummary summary, CliConsole console)
    {
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        var output = console.Out;
        var anyDiagnostics = false;
        foreach (var (file, result) in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                renderer.Write(output, diagnostic, file);
                output.Write('\n');
                anyDiagnostics = true;
            }

            renderer.WriteOmitted(output, result.Omitted, file);

            if (result.Success && result.Design is { } design)
            {
                new TerminalBuilder(console.UseColor)
                    .Append(file).Append(": ").Append(TerminalStyle.Green, "valid")
                    .Append($" ({Plural(design.Components.Length, "component")}, {Plural(design.Workflows.Length, "workflow")})\n")
                    .WriteTo(output);
            }
            else if (!result.Diagnostics.Any(d => d.IsError))
            {
                // Not expected: no design and no error. Say so rather than print nothing.
                output.Write($"{file}: could not be read as a design\n");
            }
        }

        if (anyDiagnostics || results.Count > 1)
        {
            renderer.WriteSummary(output, summary);
        }
    }

    private static string RenderJson(List<(string File, LoadResult Result)> results, DiagnosticSummary summary)
    {
        using var stream = new MemoryStream();
        using (var json = JsonOutput.Open(stream))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", results.All(r => r.Result.Success));
            json.WriteStartArray("files");
            foreach (var (file, result) in results)
            {
                json.WriteStartObject();
                json.WriteString("file", file);
                json.WriteBoolean("valid", result.Success);
                if (result.Design is { } design)
                {
                    json.WriteString("system", design.System.Name);
                    json.WriteNumber("components", design.Components.Length);
                    json.WriteNumber("workflows", design.Workflows.Length);
                }

                json.WriteNumber("errors", result.Diagnostics.Count(d => d.IsError) + result.Omitted.Errors);
                json.WriteNumber("warnings", result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning) + result.Omitted.Warnings);

                // Past the first 100 diagnostics of a file, the rest are counted here, not listed.
                json.WriteNumber("unlisted", result.Omitted.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("diagnostics");
            json.WriteStartArray();
            foreach (var (file, result) in results)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    DiagnosticJsonRenderer.Write(json, diagnostic, file);
                }
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("errors", summary.Errors);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteNumber("files", summary.Files);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static string Plural(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
