using System.CommandLine;
using Plumbline.Design.Diagnostics;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Slo;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline slo</c> was asked to do.</summary>
public sealed record SloSettings(string File, string Format, bool Explain, string? AlertWindows);

/// <summary>
/// <c>plumbline slo FILE</c>: each SLO's error budget (as time and as requests at the design's traffic),
/// what the design composes beside its objective, and its multi-window burn-rate alerts; with
/// <c>--explain</c>, every alert in plain words. Exit 0 with the report, 2 when the design or the alert
/// windows file is invalid or an option is malformed.
/// </summary>
public static class SloCommand
{
    public const string Markdown = "markdown";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools (with every figure's formula), markdown for documents.",
            DefaultValueFactory = _ => FormatOption.Text,
        };
        format.AcceptOnlyFromAmong(FormatOption.Text, FormatOption.Json, Markdown);
        var explain = new Option<bool>("--explain", "-e") { Description = "Say what each alert means at this traffic, and show each figure's formula and inputs." };
        var windows = AlertWindowsOption();
        var command = new Command("slo", "Work out each SLO's error budget and burn-rate alerts, beside what the design can deliver.")
        {
            file, format, explain, windows,
        };
        command.SetAction(parse => Run(new SloSettings(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(explain), parse.GetValue(windows)), console));
        return command;
    }

    /// <summary>The <c>--alert-windows FILE</c> option, shared with <c>export</c> and <c>check</c>.</summary>
    public static Option<string?> AlertWindowsOption() => new("--alert-windows")
    {
        Description = "A file of alert windows (the keys of operations.alerting) that replaces the design's and the shipped ones.",
    };

    public static int Run(SloSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var result = PlumblineEngine.Default.SloFile(settings.File, settings.AlertWindows);
        if (!Loaded(result, settings.File, "working out its SLOs", console) || result.Report is not { } report)
        {
            return ExitCodes.InvalidInput;
        }

        switch (settings.Format)
        {
            case FormatOption.Json:
                using (var stdout = new MemoryStream())
                {
                    SloJsonRenderer.Write(stdout, report);
                    console.Out.Write(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
                    console.Out.Write('\n');
                }

                break;
            case Markdown:
                SloMarkdownRenderer.Write(console.Out, report);
                break;
            default:
                SloTextRenderer.Write(console.Out, report, settings.Explain);
                break;
        }

        console.Out.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Prints the design's and the alert windows file's problems; false when either has errors.</summary>
    internal static bool Loaded(SloResult result, string file, string doing, CliConsole console)
    {
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        if (!result.Design.Success)
        {
            renderer.WriteEach(console.Error, result.Design.Diagnostics, file);
            console.Error.WriteLine($"{file}: the design has errors; fix them (plumbline validate) before {doing}.");
            return false;
        }

        renderer.WriteEach(console.Error, result.Design.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), file);
        if (result.AlertWindows is { Success: false } windows)
        {
            foreach (var diagnostic in windows.Diagnostics)
            {
                renderer.Write(console.Error, diagnostic, diagnostic.Span.Path);
                console.Error.Write('\n');
            }

            console.Error.WriteLine("the alert windows file has errors; fix them first.");
            return false;
        }

        return true;
    }
}
