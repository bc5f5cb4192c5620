using System.CommandLine;
using System.Globalization;
using Plumbline.Analysis.Documents;
using Plumbline.Analysis.Review;
using Plumbline.Design.Diagnostics;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Diff;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline diff</c> was asked to do.</summary>
/// <param name="Before">The old design: a file, or <c>REV:path</c> read through git.</param>
/// <param name="After">The new design, the same way.</param>
/// <param name="Guardrails">What fails the command; null when no --fail-on was given.</param>
/// <param name="Simulations">The results files <c>plumbline simulate --format json</c> wrote for each side; null when not given.</param>
public sealed record DiffSettings(string Before, string After, string Format, DateOnly Today, DiffGuardrails? Guardrails, IReadOnlyList<string>? RuleFiles = null,
    (string Before, string After)? Simulations = null);

/// <summary>
/// <c>plumbline diff OLD NEW</c>: how a design changed, as a reviewer reads it: elements added, removed and changed;
/// peak utilisation, storage, availability and cost moved; findings introduced and resolved. Markdown for a pull
/// request comment, or JSON. Exit 0, 1 when a --fail-on guardrail is broken, 2 when a side cannot be read or has errors.
/// </summary>
public static class DiffCommand
{
    public const string Markdown = "markdown";

    public static Command Create(CliConsole console)
    {
        var before = new Argument<string>("OLD") { Description = "The design before: a file, or REV:path read through git (HEAD~1:design.yaml, main:./design.yaml)." };
        var after = new Argument<string>("NEW") { Description = "The design after, the same way." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "markdown for a pull-request comment, json for tools.",
            DefaultValueFactory = _ => Markdown,
        };
        format.AcceptOnlyFromAmong(Markdown, FormatOption.Json);
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit 1 when the change breaks a guardrail: high, medium or low (a new finding at or above it), cost:N% (the monthly cost up more than N%), " +
                "availability (a workflow's availability falls), utilisation:N% (a component's peak utilisation goes over N%). Repeat it or separate with commas.",
            HelpName = "GUARDRAIL",
            AllowMultipleArgumentsPerToken = false,
        };
        var today = new Option<string?>("--today") { Description = "Judge acceptances as of this day (default: today, UTC).", HelpName = "YYYY-MM-DD" };
        var rules = new Option<string[]>("--rules") { Description = "Team rule files to review both sides with.", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var simBefore = new Option<string?>("--simulation-before") { Description = "What plumbline simulate --format json wrote for OLD; with --simulation-after, the simulated SLO results are compared.", HelpName = "FILE" };
        var simAfter = new Option<string?>("--simulation-after") { Description = "What plumbline simulate --format json wrote for NEW.", HelpName = "FILE" };
        var command = new Command("diff", "Show how a design changed: elements, moved figures (utilisation, storage, availability, cost) and findings, for a pull request.")
        {
            before, after, format, failOn, today, rules, simBefore, simAfter,
        };
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parse.GetValue(today) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                errors.Add($"--today: '{text}' is not a date; write it as YYYY-MM-DD, such as 2026-11-25");
            }

            var given = parse.GetValue(failOn) ?? [];
            var guardrails = given.Length == 0 ? null : ParseGuardrails(given, errors);
            (string, string)? simulations = parse.GetValue(simBefore) is { } x && parse.GetValue(simAfter) is { } y ? (x, y) : null;
            if ((parse.GetValue(simBefore) is null) != (parse.GetValue(simAfter) is null))
            {
                errors.Add("--simulation-before and --simulation-after go together: give both, or neither");
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline diff: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            return Run(new DiffSettings(parse.GetValue(before)!, parse.GetValue(after)!, parse.GetValue(format)!, day, guardrails, parse.GetValue(rules) ?? [], simulations), console);
        });
        return command;
    }

    /// <summary>The guardrails from --fail-on values (each may hold several, comma-separated).</summary>
    internal static DiffGuardrails ParseGuardrails(IEnumerable<string> values, List<string> errors)
    {
        var guardrails = DiffGuardrails.None;
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (name, argument) = value.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (value[..colon], value[(colon + 1)..]) : (value, null);
            switch (name)
            {
                case "high" or "medium" or "low" when argument is null:
                    var severity = name switch { "high" => Severity.High, "medium" => Severity.Medium, _ => Severity.Low };
                    guardrails = guardrails with { NewFinding = guardrails.NewFinding is { } s && s > severity ? s : severity };
                    break;
                case "availability" when argument is null:
                    guardrails = guardrails with { AvailabilityDrop = true };
                    break;
                case "cost" when Share(argument, allowZero: true) is { } share:
                    guardrails = guardrails with { CostUp = share };
                    break;
                case "utilisation" or "utilization" when Share(argument, allowZero: false) is { } limit:
                    guardrails = guardrails with { UtilisationOver = limit };
                    break;
                default:
                    errors.Add($"--fail-on: '{value}' is not a guardrail; give high, medium, low, cost:N%, availability or utilisation:N% (such as cost:10% or utilisation:80%)");
                    break;
            }
        }

        return guardrails;
    }

    /// <summary>"10%" as 0.1; null when it is not a percentage (or is zero when zero is not allowed).</summary>
    private static double? Share(string? text, bool allowZero)
    {
        if (text is null || !text.EndsWith('%')
            || !double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || !double.IsFinite(percent) || percent > 1e6 || (!allowZero && percent == 0))
        {
            return null;
        }

        return percent / 100;
    }

    public static int Run(DiffSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var engine = PlumblineEngine.Default;
        (Simulation.Designs.SimulationSummary, Simulation.Designs.SimulationSummary)? simulated = null;
        if (settings.Simulations is { } files)
        {
            var x = engine.LoadSimulationResultsFile(files.Before);
            var y = engine.LoadSimulationResultsFile(files.After);
            foreach (var (read, file) in new[] { (x, files.Before), (y, files.After) }.Where(r => r.Item1.Summary is null))
            {
                console.Error.WriteLine($"plumbline diff: {file}: {read.Error}");
            }

            if (x.Summary is not { } a || y.Summary is not { } b)
            {
                return ExitCodes.InvalidInput;
            }

            simulated = (a, b);
        }

        var result = engine.Diff(settings.Before, settings.After, settings.RuleFiles ?? [], new ReviewOptions(settings.Today), simulated);
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        var failed = false;
        foreach (var (side, name) in new[] { (result.Before, settings.Before), (result.After, settings.After) })
        {
            if (!side.Design.Success)
            {
                renderer.WriteEach(console.Error, side.Design.Diagnostics, name);
                renderer.WriteOmitted(console.Error, side.Design.Omitted, name);
                console.Error.WriteLine($"{name}: the design or its price catalog has errors; fix them before comparing.");
                failed = true;
                continue;
            }

            renderer.WriteEach(console.Error, side.Design.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), name);
            foreach (var diagnostic in side.TeamRules.Diagnostics)
            {
                renderer.Write(console.Error, diagnostic, diagnostic.Span.Path);
                console.Error.Write('\n');
            }
        }

        if (failed || result.Diff is not { } diff)
        {
            if (!failed)
            {
                console.Error.WriteLine("plumbline diff: the rule files have errors; fix them before comparing.");
            }

            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<string>? breaches = settings.Guardrails is { } guardrails ? DesignDiffer.Breaches(diff, guardrails) : null;
        if (settings.Format == FormatOption.Json)
        {
            console.Out.Write(DiffJsonRenderer.Render(diff, settings.Before, settings.After, breaches));
        }
        else
        {
            DiffMarkdownRenderer.Write(console.Out, diff, settings.Before, settings.After, breaches);
        }

        console.Out.Flush();
        return breaches is { Count: > 0 } ? ExitCodes.Findings : ExitCodes.Success;
    }
}
