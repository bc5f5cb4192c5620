using System.CommandLine;
using System.Globalization;
using Plumbline.Analysis.Review;
using Plumbline.Design.Text;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Document;
using Plumbline.Reporting.Review;
using Plumbline.Simulation.Designs;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline report</c> was asked to do.</summary>
/// <param name="Output">The file to write; null for standard output.</param>
/// <param name="Format">markdown or html.</param>
/// <param name="Simulation">The simulation to run into the document; null for none.</param>
/// <param name="SimulationResults">A file <c>plumbline simulate --format json</c> wrote, to show instead of running one; null for none.</param>
public sealed record ReportSettings(string File, string? Output, string Format, DateOnly Today, SimulationRequest? Simulation = null,
    IReadOnlyList<string>? RuleFiles = null, bool DiscoverRules = true, string? RuleDocs = null, string? SimulationResults = null);

/// <summary>
/// <c>plumbline report FILE --out design.html</c>: the design document, in the order of the design process, as
/// Markdown or one standalone HTML file. Exit 0 with the document written, 2 when the design, its catalog or its rule
/// files have errors or an option is malformed. Findings do not fail it: the document shows them.
/// </summary>
public static class ReportCommand
{
    public const string Markdown = "markdown";
    public const string Html = "html";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var output = new Option<string?>("--out", "--output", "-o")
        {
            Description = "Write the document to this file (its extension, .md or .html, chooses the format) instead of standard output.",
            HelpName = "FILE",
        };
        var format = new Option<string?>("--format", "-f") { Description = "markdown or html; default: from --out's extension, else markdown." };
        format.AcceptOnlyFromAmong(Markdown, Html);
        var today = new Option<string?>("--today")
        {
            Description = "Judge acceptances and dates as of this day (default: today, UTC).",
            HelpName = "YYYY-MM-DD",
        };
        var simulate = new Option<bool>("--simulate") { Description = "Simulate the design (its steady traffic and every scenario) and put the results in the document." };
        var results = new Option<string?>("--simulation")
        {
            Description = "Show the results plumbline simulate --format json wrote to this file, instead of simulating.",
            HelpName = "FILE",
        };
        var seed = new Option<string>("--seed") { Description = "With --simulate: the seed of the random streams.", DefaultValueFactory = _ => "1" };
        var duration = new Option<string>("--duration") { Description = "With --simulate: simulated time of the steady traffic and of a scenario that states none.", DefaultValueFactory = _ => "60s" };
        var rules = new Option<string[]>("--rules") { Description = "Team rule files to review with, besides those found next to the design.", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var noDiscover = new Option<bool>("--no-rule-discovery") { Description = "Do not load rule files found next to the design." };
        var ruleDocs = new Option<string?>("--rule-docs") { Description = "Where the rule pages live (a URL or a path); the document links each rule's page there.", HelpName = "BASE" };
        var command = new Command("report", "Write the design document: requirements to review findings, every figure worked out, as Markdown or one HTML file.")
        {
            file, output, format, today, simulate, results, seed, duration, rules, noDiscover, ruleDocs,
        };
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parse.GetValue(today) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                errors.Add($"--today: '{text}' is not a date; write it as YYYY-MM-DD, such as 2026-11-25");
            }

            var outPath = parse.GetValue(output);
            var chosen = parse.GetValue(format) ?? FormatOf(outPath, errors);
            SimulationRequest? request = null;
            if (parse.GetValue(simulate))
            {
                var seconds = SimulateCommand.Seconds(parse.GetValue(duration)!, "--duration", errors, 60);
                request = new SimulationRequest(
                    new SimulationOptions(Duration: seconds, WarmUp: Math.Min(5, seconds / 10), Seed: SimulateCommand.ParseSeed(parse.GetValue(seed)!, errors)),
                    Scenario: SimulationRequest.All);
            }

            if (request is not null && parse.GetValue(results) is not null)
            {
                errors.Add("--simulate and --simulation are two ways to the same section; give one");
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline report: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            return Run(new ReportSettings(parse.GetValue(file)!, outPath, chosen, day, request, parse.GetValue(rules) ?? [], !parse.GetValue(noDiscover), parse.GetValue(ruleDocs), parse.GetValue(results)), console);
        });
        return command;
    }

    /// <summary>The format an output file's extension names: .md or .markdown, .html or .htm; Markdown for standard output.</summary>
    private static string FormatOf(string? path, List<string> errors)
    {
        var extension = path is null ? ".md" : Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".md" or ".markdown":
                return Markdown;
            case ".html" or ".htm":
                return Html;
            default:
                errors.Add($"--out: '{path}' ends in neither .md nor .html; name the format with --format markdown or --format html");
                return Markdown;
        }
    }

    public static int Run(ReportSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var engine = PlumblineEngine.Default;
        var ruleFiles = (settings.RuleFiles ?? []).Concat(settings.DiscoverRules ? RuleFileDiscovery.FindNextTo(settings.File) : [])
            .Distinct(StringComparer.Ordinal).ToList();
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        if (settings.Simulation is { } asked)
        {
            var loaded = engine.LoadDesignFile(settings.File);
            if (loaded is { Success: true, Design: { } design } && engine.SimulationProblem(design, asked) is { } problem)
            {
                console.Error.WriteLine($"plumbline report: {problem}");
                return ExitCodes.InvalidInput;
            }
        }

        var result = engine.ReportFile(settings.File, ruleFiles, new ReviewOptions(settings.Today), settings.Simulation);
        if (!ReviewInputs.Print(console, renderer, settings.File, result.Design, result.TeamRules,
                "the design or its price catalog has errors; fix them (plumbline validate) before writing its document."))
        {
            return ExitCodes.InvalidInput;
        }

        if (result.Document is not { } document)
        {
            console.Error.WriteLine("plumbline report: the rule files have errors; fix them before writing the document.");
            return ExitCodes.InvalidInput;
        }

        var links = string.IsNullOrWhiteSpace(settings.RuleDocs) ? RuleLinks.Default : new RuleLinks(settings.RuleDocs);
        DocumentSimulation? simulation = null;
        if (settings.Simulation is { } run && result.Simulation is { } report)
        {
            var source = $"a simulation run for this document (plumbline report --simulate): seed {run.Options.Seed.ToString(CultureInfo.InvariantCulture)}, steady runs of {Quantities.Duration(run.Options.Duration)}, every scenario";
            simulation = new DocumentSimulation(SimulationSummary.Of(report, source), report);
        }
        else if (settings.SimulationResults is { } resultsFile)
        {
            var read = engine.LoadSimulationResultsFile(resultsFile);
            if (read.Summary is not { } summary)
            {
                console.Error.WriteLine($"plumbline report: --simulation: {resultsFile}: {read.Error}");
                return ExitCodes.InvalidInput;
            }

            if (summary.System != document.Design.System.Name)
            {
                console.Error.WriteLine($"plumbline report: --simulation: {resultsFile} simulated '{summary.System}', not '{document.Design.System.Name}'");
                return ExitCodes.InvalidInput;
            }

            simulation = new DocumentSimulation(summary);
        }

        var documentSettings = new DocumentSettings(settings.File, links);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        if (settings.Format == Html)
        {
            DocumentHtmlRenderer.Write(text, document, simulation, documentSettings);
        }
        else
        {
            DocumentMarkdownRenderer.Write(text, document, simulation, documentSettings);
        }

        if (settings.Output is null)
        {
            console.Out.Write(text.ToString());
            console.Out.Flush();
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(settings.Output, text.ToString(), new System.Text.UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"plumbline report: cannot write {settings.Output}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }
}
