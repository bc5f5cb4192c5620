using System.CommandLine;
using Plumbline.Engine;
using Plumbline.Reporting.Grafana;
using Plumbline.Reporting.OpenSlo;
using Plumbline.Reporting.Prometheus;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline export</c> was asked to write.</summary>
public enum ExportKind
{
    Prometheus,
    OpenSlo,
    Grafana,
}

/// <summary>What <c>plumbline export</c> was asked to do.</summary>
public sealed record ExportSettings(string File, ExportKind Kind, string? Output, string? AlertWindows);

/// <summary>
/// <c>plumbline export FILE --prometheus|--openslo|--grafana</c>: writes what a team deploys from a design: a
/// Prometheus rules file of SLO recording and burn-rate alerting rules, the SLOs as OpenSLO v1 documents, or a
/// Grafana dashboard over the recording rules. To standard output, or to <c>--output FILE</c>.
/// Exit 0 when written, 2 when the design or the alert windows file is invalid or the options are wrong.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var prometheus = new Option<bool>("--prometheus") { Description = "Prometheus recording and alerting rules for the SLOs (promtool check rules accepts them)." };
        var openSlo = new Option<bool>("--openslo") { Description = "OpenSLO v1 documents: a Service, and per SLO its SLI, SLO, alert conditions and policies." };
        var grafana = new Option<bool>("--grafana") { Description = "A Grafana dashboard: per SLO the SLI, the error budget left and the burn rates, from the recording rules." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var windows = SloCommand.AlertWindowsOption();
        var command = new Command("export", "Write what a team deploys from a design: SLO rules for Prometheus, OpenSLO, a Grafana dashboard.")
        {
            file, prometheus, openSlo, grafana, output, windows,
        };
        command.SetAction(parse =>
        {
            var kinds = new List<ExportKind>();
            if (parse.GetValue(prometheus))
            {
                kinds.Add(ExportKind.Prometheus);
            }

            if (parse.GetValue(openSlo))
            {
                kinds.Add(ExportKind.OpenSlo);
            }

            if (parse.GetValue(grafana))
            {
                kinds.Add(ExportKind.Grafana);
            }

            if (kinds.Count != 1)
            {
                console.Error.WriteLine($"plumbline export: give exactly one of --prometheus, --openslo and --grafana{(kinds.Count == 0 ? string.Empty : ", not several")}");
                return ExitCodes.InvalidInput;
            }

            return Run(new ExportSettings(parse.GetValue(file)!, kinds[0], parse.GetValue(output), parse.GetValue(windows)), console);
        });
        return command;
    }

    public static int Run(ExportSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var result = PlumblineEngine.Default.SloFile(settings.File, settings.AlertWindows);
        if (!SloCommand.Loaded(result, settings.File, "exporting", console) || result.Report is not { } report)
        {
            return ExitCodes.InvalidInput;
        }

        foreach (var skipped in PrometheusRulesRenderer.Skipped(report))
        {
            console.Error.WriteLine($"plumbline export: {skipped.Name} is left out: {PrometheusRulesRenderer.SkipReason(skipped)}");
        }

        var text = settings.Kind switch
        {
            ExportKind.OpenSlo => OpenSloRenderer.Render(report, settings.File, CliApp.Version),
            ExportKind.Grafana => GrafanaDashboardRenderer.Render(report, settings.File, CliApp.Version),
            _ => PrometheusRulesRenderer.Render(report, settings.File, CliApp.Version),
        };

        if (settings.Output is null)
        {
            console.Out.Write(text);
            console.Out.Flush();
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(settings.Output, text, new System.Text.UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"plumbline export: cannot write {settings.Output}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }
}
