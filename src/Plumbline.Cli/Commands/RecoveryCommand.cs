using System.CommandLine;
using Plumbline.Analysis.Estimates;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Recovery;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline recovery</c> was asked to do.</summary>
public sealed record RecoverySettings(string File, string Format, bool Explain, EstimateOptions Options);

/// <summary>
/// <c>plumbline recovery FILE</c>: for each store and each failure (one instance, a zone, a region, logical
/// corruption), the data lost and how long writes are down, the restore time as the data grows, and the chance
/// of losing data in a year, against the design's targets. Exit 0 with the report, 2 when the design is invalid
/// or an option is malformed; the targets a failure misses are findings of <c>plumbline check</c>.
/// </summary>
public static class RecoveryCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools (always with explanations), markdown for documents.",
            DefaultValueFactory = _ => FormatOption.Text,
        };
        format.AcceptOnlyFromAmong(FormatOption.Text, FormatOption.Json, EstimateCommand.Markdown);
        var explain = new Option<bool>("--explain", "-e") { Description = "Show each figure's formula and inputs, with the line each input comes from." };
        var horizon = new Option<string>("--horizon") { Description = "Horizons of growth for restore times, comma-separated durations.", DefaultValueFactory = _ => "1y,3y,5y" };

        var command = new Command("recovery", "Say what each failure of each store loses and how long it lasts, against the design's targets.")
        {
            file, format, explain, horizon,
        };
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var horizons = EstimateCommand.ParseHorizons(parse.GetValue(horizon)!, errors);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline recovery: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            return Run(new RecoverySettings(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(explain), new EstimateOptions(HorizonsMonths: horizons)), console);
        });
        return command;
    }

    public static int Run(RecoverySettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var result = PlumblineEngine.Default.RecoveryFile(settings.File, settings.Options);
        if (result.Report is not { } report)
        {
            new DiagnosticTextRenderer(console.UseColor).WriteEach(console.Error, result.Design.Diagnostics, settings.File);
            console.Error.WriteLine($"{settings.File}: the design has errors; fix them before working out its recovery.");
            return ExitCodes.InvalidInput;
        }

        switch (settings.Format)
        {
            case FormatOption.Json:
                using (var stdout = new MemoryStream())
                {
                    RecoveryJsonRenderer.Write(stdout, report);
                    console.Out.Write(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
                    console.Out.Write('\n');
                }

                break;
            case EstimateCommand.Markdown:
                RecoveryMarkdownRenderer.Write(console.Out, report, settings.Explain);
                break;
            default:
                RecoveryTextRenderer.Write(console.Out, report, settings.Explain);
                break;
        }

        console.Out.Flush();
        return ExitCodes.Success;
    }
}
