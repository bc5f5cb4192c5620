using System.CommandLine;
using System.Globalization;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Diagnostics;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Review;
using Plumbline.Reporting.Threats;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline threats</c> was asked to do.</summary>
/// <param name="FailOn">The least severe open threat that fails the command; null for --fail-on none.</param>
/// <param name="Today">The date acceptances are judged against.</param>
/// <param name="Flows">Also list the data flows in the text report.</param>
public sealed record ThreatsSettings(string File, string Format, Severity? FailOn, DateOnly Today, bool Flows);

/// <summary>
/// <c>plumbline threats FILE</c>: the design's STRIDE threat model, each threat open, mitigated by a named
/// control, or accepted; and the data-flow view. Exit 0 when no open threat is at or above --fail-on, 1 when
/// one is, 2 when the design is invalid or an option is malformed.
/// </summary>
public static class ThreatsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools (threats and the data-flow view), markdown for a document, sarif for code scanning.",
            DefaultValueFactory = _ => FormatOption.Text,
        };
        format.AcceptOnlyFromAmong(FormatOption.Text, FormatOption.Json, CheckCommand.Markdown, CheckCommand.Sarif);
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when an open threat is at or above this severity; none never fails on threats.",
            DefaultValueFactory = _ => "high",
        };
        failOn.AcceptOnlyFromAmong("high", "medium", "low", "none");
        var today = new Option<string?>("--today")
        {
            Description = "Judge acceptances as of this day (default: today, UTC).",
            HelpName = "YYYY-MM-DD",
        };
        var flows = new Option<bool>("--flows") { Description = "List the data flows (with what they carry, their boundaries and controls) in the text report." };
        var command = new Command("threats", "Derive the design's STRIDE threat model from its data flows, trust boundaries and data classification.")
        {
            file, format, failOn, today, flows,
        };
        command.SetAction(parse =>
        {
            DateOnly day;
            if (parse.GetValue(today) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                {
                    console.Error.WriteLine($"plumbline threats: --today: '{text}' is not a date; write it as YYYY-MM-DD, such as 2026-11-25");
                    return ExitCodes.InvalidInput;
                }
            }
            else
            {
                day = DateOnly.FromDateTime(DateTime.UtcNow);
            }

            var threshold = parse.GetValue(failOn) switch
            {
                "none" => (Severity?)null,
                "low" => Severity.Low,
                "medium" => Severity.Medium,
                _ => Severity.High,
            };
            return Run(new ThreatsSettings(parse.GetValue(file)!, parse.GetValue(format)!, threshold, day, parse.GetValue(flows)), console);
        });
        return command;
    }

    public static int Run(ThreatsSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var result = PlumblineEngine.Default.ThreatsFile(settings.File, new ReviewOptions(settings.Today));
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        if (!result.Design.Success || result.Report is not { } report)
        {
            renderer.WriteEach(console.Error, result.Design.Diagnostics, settings.File);
            renderer.WriteOmitted(console.Error, result.Design.Omitted, settings.File);
            console.Error.WriteLine($"{settings.File}: the design has errors; fix them (plumbline validate) before modelling its threats.");
            return ExitCodes.InvalidInput;
        }

        renderer.WriteEach(console.Error, result.Design.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), settings.File);
        switch (settings.Format)
        {
            case FormatOption.Json:
                console.Out.Write(ThreatJsonRenderer.Render(report, settings.File));
                break;
            case CheckCommand.Sarif:
                console.Out.Write(ReviewSarifRenderer.Render(ThreatWords.AsReview(report), settings.File, CliApp.Version));
                break;
            case CheckCommand.Markdown:
                ThreatMarkdownRenderer.Write(console.Out, report, settings.File);
                break;
            default:
                ThreatTextRenderer.Write(console.Out, report, settings.File, settings.Flows);
                break;
        }

        console.Out.Flush();
        var failing = settings.FailOn is { } at && report.Threats.Any(t => t.Status == ThreatStatus.Open && t.Threat.Severity <= at);
        return failing ? ExitCodes.Findings : ExitCodes.Success;
    }
}
