using System.CommandLine;
using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Estimates;
using Plumbline.Engine;
using Plumbline.Reporting.Cost;
using Plumbline.Reporting.Diagnostics;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline cost</c> was asked to do.</summary>
public sealed record CostSettings(string File, string Format, bool Explain, CostOptions Options, EstimateOptions Estimate);

/// <summary>
/// <c>plumbline cost FILE</c>: the design priced from its own estimate at its price catalog, by
/// component and driver, now and at each horizon of growth, against its budget. Exit 0 with the
/// cost, 2 when the design or its catalog is invalid or an option is malformed.
/// </summary>
public static class CostCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools (every line with its arithmetic), markdown for documents.",
            DefaultValueFactory = _ => FormatOption.Text,
        };
        format.AcceptOnlyFromAmong(FormatOption.Text, FormatOption.Json, EstimateCommand.Markdown);
        var explain = new Option<bool>("--explain", "-e") { Description = "Show each cost's formula and inputs, with the line or catalog entry each input comes from." };
        var horizon = new Option<string>("--horizon") { Description = "Horizons of growth to price besides now, comma-separated durations.", DefaultValueFactory = _ => "1y,3y,5y" };
        var target = new Option<string>("--target-utilisation") { Description = "Utilisation to size instances for.", DefaultValueFactory = _ => "70%" };

        var command = new Command("cost", "Price a design from its own numbers at its price catalog, now and as it grows.")
        {
            file, format, explain, horizon, target,
        };
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var horizons = EstimateCommand.ParseHorizons(parse.GetValue(horizon)!, errors);
            var utilisation = EstimateCommand.ParseShare(parse.GetValue(target)!, "--target-utilisation", errors, allowZero: false);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline cost: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            return Run(new CostSettings(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(explain),
                new CostOptions(HorizonsMonths: horizons), new EstimateOptions(TargetUtilisation: utilisation)), console);
        });
        return command;
    }

    public static int Run(CostSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var result = PlumblineEngine.Default.CostFile(settings.File, settings.Options, settings.Estimate);
        if (result.Report is not { } report)
        {
            new DiagnosticTextRenderer(console.UseColor).WriteEach(console.Error, result.Design.Diagnostics, settings.File);
            console.Error.WriteLine($"{settings.File}: the design or its price catalog has errors; fix them before costing.");
            return ExitCodes.InvalidInput;
        }

        switch (settings.Format)
        {
            case FormatOption.Json:
                using (var stdout = new MemoryStream())
                {
                    CostJsonRenderer.Write(stdout, report);
                    console.Out.Write(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
                    console.Out.Write('\n');
                }

                break;
            case EstimateCommand.Markdown:
                CostMarkdownRenderer.Write(console.Out, report, settings.Explain);
                break;
            default:
                CostTextRenderer.Write(console.Out, report, settings.Explain);
                break;
        }

        console.Out.Flush();
        return ExitCodes.Success;
    }
}
