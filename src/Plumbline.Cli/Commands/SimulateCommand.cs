using System.CommandLine;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Units;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Simulation;
using Plumbline.Simulation.Designs;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline simulate</c> was asked to do.</summary>
/// <param name="Out">A file to write the standalone HTML report to, or null.</param>
public sealed record SimulateSettings(string File, string Format, SimulationRequest Request, bool FailOnBroken, string? Out = null);

/// <summary>
/// <c>plumbline simulate FILE</c>: the design run as a discrete-event simulation under its steady traffic, a named
/// scenario, or all of them, judged against its SLOs, with the estimate beside it. Exit 0 with the report; 1 with
/// <c>--fail-on broken</c> when a scenario broke an SLO it expects; 2 when the design is invalid or an option is malformed.
/// </summary>
public static class SimulateCommand
{
    public const string Broken = "broken";
    public const string None = "none";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = FormatOption.Create();
        var scenario = new Option<string?>("--scenario") { Description = "A load or chaos scenario of the design by name, or 'all' (the steady traffic and every scenario). Default: the steady traffic." };
        var duration = new Option<string>("--duration") { Description = "Simulated time of the steady traffic, and of a scenario that states no length (at most 24h).", DefaultValueFactory = _ => "60s" };
        var warmUp = new Option<string?>("--warm-up") { Description = "Simulated time at the start left out of the figures. Default: 5s, or a tenth of a shorter duration." };
        var window = new Option<string>("--window") { Description = "Width of a time-series window.", DefaultValueFactory = _ => "1s" };
        var seed = new Option<string>("--seed") { Description = "Seed of the random streams; the same design, options and seed give the same report.", DefaultValueFactory = _ => "1" };
        var replications = new Option<int>("--replications", "-r") { Description = "Independent runs, on every core, merged with confidence intervals.", DefaultValueFactory = _ => 1 };
        var load = new Option<string>("--load") { Description = "The rates workflows arrive at: average or peak.", DefaultValueFactory = _ => "average" };
        load.AcceptOnlyFromAmong("average", "peak");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a scenario broke an SLO it expects (broken), or never (none).", DefaultValueFactory = _ => None };
        failOn.AcceptOnlyFromAmong(Broken, None);
        var output = new Option<string?>("--out", "-o") { Description = "Also write the report as one standalone HTML page with charts (works offline) to this file." };
        var command = new Command("simulate", "Run the design as a discrete-event simulation under load and faults, and judge it against its SLOs.")
        {
            file, format, scenario, duration, warmUp, window, seed, replications, load, failOn, output,
        };
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var seconds = Seconds(parse.GetValue(duration)!, "--duration", errors, 60);
            var options = new SimulationOptions(
                Duration: seconds,
                WarmUp: parse.GetValue(warmUp) is { } given ? Seconds(given, "--warm-up", errors, 5, allowZero: true) : Math.Min(5, seconds / 10),
                Window: Seconds(parse.GetValue(window)!, "--window", errors, 1),
                Seed: ParseSeed(parse.GetValue(seed)!, errors),
                Load: parse.GetValue(load) == "peak" ? SimulatedLoad.Peak : SimulatedLoad.Average);
            var request = new SimulationRequest(options, parse.GetValue(replications), parse.GetValue(scenario));
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline simulate: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            return Run(new SimulateSettings(parse.GetValue(file)!, parse.GetValue(format)!, request, parse.GetValue(failOn) == Broken, parse.GetValue(output)), console);
        });
        return command;
    }

    public static int Run(SimulateSettings settings, CliConsole console, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var engine = PlumblineEngine.Default;
        var loaded = engine.LoadDesignFile(settings.File);
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        if (!loaded.Success || loaded.Design is not { } design)
        {
            renderer.WriteEach(console.Error, loaded.Diagnostics, settings.File);
            console.Error.WriteLine($"{settings.File}: the design has errors; fix them (plumbline validate) before simulating.");
            return ExitCodes.InvalidInput;
        }

        renderer.WriteEach(console.Error, loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), settings.File);
        if (engine.SimulationProblem(design, settings.Request) is { } problem)
        {
            console.Error.WriteLine($"plumbline simulate: {problem}");
            return ExitCodes.InvalidInput;
        }

        if (settings.Out is { } target && !FolderExists(target))
        {
            console.Error.WriteLine($"plumbline simulate: cannot write {target}: its folder does not exist");
            return ExitCodes.InvalidInput;
        }

        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plumbline simulate: seed {settings.Request.Options.Seed} (replay with --seed {settings.Request.Options.Seed})"));
        var progress = new Progress(console);
        var report = engine.Simulate(design, settings.Request, progress.Report, cancellation);
        progress.Done();
        if (settings.Format == FormatOption.Json)
        {
            using var stdout = new MemoryStream();
            SimulationJsonRenderer.Write(stdout, report);
            console.Out.Write(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
            console.Out.Write('\n');
        }
        else
        {
            SimulationTextRenderer.Write(console.Out, report);
        }

        console.Out.Flush();
        if (settings.Out is { } path)
        {
            try
            {
                File.WriteAllText(path, SimulationHtmlRenderer.Render(report, settings.File), new System.Text.UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.Error.WriteLine($"plumbline simulate: cannot write {path}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            console.Error.WriteLine($"plumbline simulate: wrote {path}");
        }

        return settings.FailOnBroken && report.BrokenExpectations > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static bool FolderExists(string path)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            return string.IsNullOrEmpty(folder) || Directory.Exists(folder);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return false;
        }
    }

    internal static double Seconds(string text, string option, List<string> errors, double fallback, bool allowZero = false)
    {
        var parsed = Duration.Parse(text);
        if (!parsed.Success)
        {
            errors.Add($"{option}: {parsed.Error}");
            return fallback;
        }

        var seconds = parsed.Value.Seconds;
        if (seconds < 0 || (!allowZero && seconds == 0))
        {
            errors.Add($"{option}: '{text}' must be {(allowZero ? "zero or more" : "more than zero")}");
            return fallback;
        }

        return seconds;
    }

    internal static ulong ParseSeed(string text, List<string> errors)
    {
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        errors.Add($"--seed: '{text}' is not a whole number from 0 to {ulong.MaxValue}");
        return 1;
    }

    /// <summary>
    /// Progress on standard error: on a terminal a line rewritten in place, at most every whole percent; elsewhere
    /// a line at each quarter of a scenario, so logs show a long run moving without filling up.
    /// </summary>
    private sealed class Progress(CliConsole console)
    {
        private readonly Lock _gate = new();
        private string? _scenario;
        private int _shown = -1;
        private bool _open;

        public void Report(string scenario, double share)
        {
            lock (_gate)
            {
                var percent = (int)Math.Floor(Math.Clamp(share, 0, 1) * 100);
                var step = console.IsInteractive ? 1 : 25;
                if (scenario == _scenario && percent / step <= _shown / step)
                {
                    return;
                }

                _scenario = scenario;
                _shown = percent;
                if (console.IsInteractive)
                {
                    console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rsimulating {scenario}: {percent,3}%"));
                    _open = true;
                }
                else if (percent % 25 == 0 || percent == 100)
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulating {scenario}: {percent}%"));
                }
            }
        }

        public void Done()
        {
            lock (_gate)
            {
                if (_open)
                {
                    console.Error.WriteLine();
                    _open = false;
                }
            }
        }
    }
}
