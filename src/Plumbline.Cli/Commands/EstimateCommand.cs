using System.Collections.Immutable;
using System.CommandLine;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Units;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Estimates;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline estimate</c> was asked to do.</summary>
public sealed record EstimateSettings(string File, string Format, bool Explain, bool Sensitivity, EstimateOptions Options);

/// <summary>
/// <c>plumbline estimate FILE</c>: the back-of-envelope numbers of a design (traffic, load through
/// the call graph, capacity, storage, caches, queues, bandwidth), each able to show its working.
/// Exit 0 with the estimate, 2 when the design is invalid or an option is malformed.
/// </summary>
public static class EstimateCommand
{
    public const string Markdown = "markdown";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools (always with explanations), markdown for documents.",
            DefaultValueFactory = _ => FormatOption.Text,
        };
        format.AcceptOnlyFromAmong(FormatOption.Text, FormatOption.Json, Markdown);
        var explain = new Option<bool>("--explain", "-e") { Description = "Show each figure's formula and inputs, with the line each input comes from." };
        var sensitivity = new Option<bool>("--sensitivity", "-s") { Description = "Rank the inputs by how far moving each one moves the headline figures." };
        var horizon = new Option<string>("--horizon") { Description = "Storage horizons, comma-separated durations.", DefaultValueFactory = _ => "1y,3y,5y" };
        var target = new Option<string>("--target-utilisation") { Description = "Utilisation to size instances for.", DefaultValueFactory = _ => "70%" };
        var hotSet = new Option<string>("--hot-set") { Description = "Share of a day's distinct reads a cache should hold.", DefaultValueFactory = _ => "20%" };
        var failure = new Option<string>("--failure-probability") { Description = "Failure probability per attempt, for expected retries.", DefaultValueFactory = _ => "1%" };
        var step = new Option<string>("--step") { Description = "How far --sensitivity moves each input.", DefaultValueFactory = _ => "20%" };
        var month = new Option<string?>("--month") { Description = "What a month is: average (30.4375 days, the default), 30d, or 2.5M (seconds, as interview arithmetic rounds it); overrides the design's requirements.month." };

        var command = new Command("estimate", "Compute the back-of-envelope numbers of a design and show the working.")
        {
            file, format, explain, sensitivity, horizon, target, hotSet, failure, step, month,
        };
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var horizons = ParseHorizons(parse.GetValue(horizon)!, errors);
            var options = new EstimateOptions(
                TargetUtilisation: ParseShare(parse.GetValue(target)!, "--target-utilisation", errors, allowZero: false),
                HorizonsMonths: horizons,
                HotSetFraction: ParseShare(parse.GetValue(hotSet)!, "--hot-set", errors, allowZero: true),
                FailureProbability: ParseShare(parse.GetValue(failure)!, "--failure-probability", errors, allowZero: true),
                SensitivityStep: ParseShare(parse.GetValue(step)!, "--step", errors, allowZero: false))
            {
                Month = ParseMonth(parse.GetValue(month), errors),
            };
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline estimate: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            return Run(new EstimateSettings(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(explain), parse.GetValue(sensitivity), options), console);
        });
        return command;
    }

    public static int Run(EstimateSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var result = PlumblineEngine.Default.EstimateFile(settings.File, settings.Options, settings.Sensitivity);
        if (result.Report is not { } report)
        {
            var renderer = new DiagnosticTextRenderer(console.UseColor);
            renderer.WriteEach(console.Error, result.Design.Diagnostics, settings.File);
            renderer.WriteOmitted(console.Error, result.Design.Omitted, settings.File);
            console.Error.WriteLine($"{settings.File}: the design has errors; fix them (plumbline validate) before estimating.");
            return ExitCodes.InvalidInput;
        }

        switch (settings.Format)
        {
            case FormatOption.Json:
                using (var stdout = new MemoryStream())
                {
                    EstimateJsonRenderer.Write(stdout, report);
                    console.Out.Write(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
                    console.Out.Write('\n');
                }

                break;
            case Markdown:
                EstimateMarkdownRenderer.Write(console.Out, report, settings.Explain);
                break;
            default:
                EstimateTextRenderer.Write(console.Out, report, settings.Explain);
                break;
        }

        console.Out.Flush();
        return ExitCodes.Success;
    }

    internal static ImmutableArray<double> ParseHorizons(string text, List<string> errors)
    {
        var months = ImmutableArray.CreateBuilder<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = Duration.Parse(part);
            if (!parsed.Success || parsed.Value.Seconds <= 0)
            {
                errors.Add($"--horizon: {parsed.Error ?? $"'{part}' must be longer than zero"}");
                continue;
            }

            months.Add(parsed.Value.Seconds / Calendar.SecondsPerMonth);
        }

        if (months.Count == 0 && errors.Count == 0)
        {
            errors.Add("--horizon: give at least one duration, such as 1y,3y,5y");
        }

        return [.. months.Order()];
    }

    private static MonthConvention? ParseMonth(string? text, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Calendar.TryParseMonth(text, out var month))
        {
            return month;
        }

        errors.Add($"--month: '{text}' is not one of average, 30d, 2.5M");
        return null;
    }

    internal static double ParseShare(string text, string option, List<string> errors, bool allowZero)
    {
        var parsed = Ratio.Parse(text);
        if (!parsed.Success)
        {
            errors.Add($"{option}: {parsed.Error}");
            return 0.5;
        }

        if (!allowZero && parsed.Value <= 0)
        {
            errors.Add($"{option}: must be more than 0%");
            return 0.5;
        }

        return parsed.Value;
    }
}
