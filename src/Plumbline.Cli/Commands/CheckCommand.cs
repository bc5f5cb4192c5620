using System.CommandLine;
using System.Globalization;
using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Review;
using Plumbline.Engine;
using Plumbline.Engine.Files;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Review;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline check</c> was asked to do.</summary>
/// <param name="File">The design file, as the user wrote it.</param>
/// <param name="Format">text, json, sarif or markdown.</param>
/// <param name="FailOn">The least severe open finding that fails the check; null for --fail-on none.</param>
/// <param name="Verbose">Repeat why and fix under every finding in the text report.</param>
/// <param name="Today">The date acceptances and backups are judged against.</param>
/// <param name="RuleFiles">Team rule files given with --rules, loaded with those found next to the design.</param>
/// <param name="DiscoverRules">Whether to load *.rules.yaml and plumbline-rules.yaml from the design's folder.</param>
/// <param name="AlertWindows">An alert windows file that replaces the design's and the shipped ones, for the SLO rules.</param>
/// <param name="RuleDocs">Where rule pages live for this run (a URL or a path); null for the build's default.</param>
/// <param name="Cost">The cost findings' thresholds (idle share, egress share, price age); null for the defaults.</param>
/// <param name="Config">A project configuration named with --config; null to look for .plumbline.yaml next to the design.</param>
/// <param name="DiscoverConfig">Whether to look for .plumbline.yaml when --config names none (off with --no-config).</param>
/// <param name="Baseline">A baseline of known findings (--baseline): only findings not in it fail the check.</param>
/// <param name="WriteBaseline">Where to write the open findings' keys as a baseline (--write-baseline), instead of judging them.</param>
public sealed record CheckSettings(string File, string Format, Severity? FailOn, bool Verbose, DateOnly Today, IReadOnlyList<string>? RuleFiles = null, bool DiscoverRules = true, string? AlertWindows = null, string? RuleDocs = null, CostOptions? Cost = null,
    string? Config = null, bool DiscoverConfig = true, string? Baseline = null, string? WriteBaseline = null);

/// <summary>
/// <c>plumbline check FILE</c>: reviews a design the way a senior engineer does in a design review,
/// step by step of the process, and prints the findings, a score per step and the accepted risks.
/// Exit 0 when no open finding is at or above --fail-on, 1 when one is, 2 when the design is invalid
/// or an option is malformed.
/// </summary>
public static class CheckCommand
{
    public const string Sarif = "sarif";
    public const string Markdown = "markdown";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools, sarif for code scanning, markdown for a review document.",
            DefaultValueFactory = _ => FormatOption.Text,
        };
        format.AcceptOnlyFromAmong(FormatOption.Text, FormatOption.Json, Sarif, Markdown);
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when an open finding is at or above this severity; none never fails on findings.",
            DefaultValueFactory = _ => "high",
        };
        failOn.AcceptOnlyFromAmong("high", "medium", "low", "none");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show why and how to fix under every finding, not once per rule and step." };
        var today = new Option<string?>("--today")
        {
            Description = "Judge acceptances and dates as of this day (default: today, UTC); pins the review in CI and tests.",
            HelpName = "YYYY-MM-DD",
        };

        var rules = new Option<string[]>("--rules")
        {
            Description = "A team rule file (repeatable); rule files next to the design (*.rules.yaml, plumbline-rules.yaml) are loaded too.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var noDiscover = new Option<bool>("--no-rule-discovery") { Description = "Do not load rule files found next to the design." };
        var windows = SloCommand.AlertWindowsOption();
        var ruleDocs = new Option<string?>("--rule-docs")
        {
            Description = "Where the rule pages live, as a URL or a path ending in the docs/rules folder; reports link each rule's page there (default: docs/rules/ of the repository).",
            HelpName = "BASE",
        };

        var idleShare = new Option<string>("--idle-share")
        {
            Description = "idle-compute fires when a component's idle instances cost more than this share of its compute.",
            DefaultValueFactory = _ => "30%",
        };
        var egressShare = new Option<string>("--egress-share")
        {
            Description = "egress-dominates-cost fires when data sent out costs more than this share of the total.",
            DefaultValueFactory = _ => "50%",
        };
        var priceAge = new Option<int>("--max-price-age")
        {
            Description = "stale-price-catalog fires when a price the bill uses was read more than this many days before --today.",
            DefaultValueFactory = _ => CostOptions.Default.MaxPriceAgeDays,
            HelpName = "DAYS",
        };

        var config = new Option<string?>("--config")
        {
            Description = "The project configuration (rule severities, rules turned off, each with a reason); default: .plumbline.yaml next to the design or above it, up to the repository's root.",
            HelpName = "FILE",
        };
        var noConfig = new Option<bool>("--no-config") { Description = "Do not look for .plumbline.yaml next to the design." };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Fail only on findings whose keys this baseline does not list; say how many listed findings are gone.",
            HelpName = "FILE",
        };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = "Write the open findings' keys to FILE as a baseline (sorted, one per line) and exit 0.",
            HelpName = "FILE",
        };

        var command = new Command("check", "Review a design as a senior engineer would: findings by process step, a score per step, accepted risks.")
        {
            file, format, failOn, verbose, today, rules, noDiscover, windows, ruleDocs, idleShare, egressShare, priceAge, config, noConfig, baseline, writeBaseline,
        };
        command.SetAction(parse =>
        {
            DateOnly day;
            if (parse.GetValue(today) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                {
                    console.Error.WriteLine($"plumbline check: --today: '{text}' is not a date; write it as YYYY-MM-DD, such as 2026-11-25");
                    return ExitCodes.InvalidInput;
                }
            }
            else
            {
                // The one place the review reads the clock: rules never do.
                day = DateOnly.FromDateTime(DateTime.UtcNow);
            }

            var errors = new List<string>();
            var idle = EstimateCommand.ParseShare(parse.GetValue(idleShare)!, "--idle-share", errors, allowZero: true);
            var egress = EstimateCommand.ParseShare(parse.GetValue(egressShare)!, "--egress-share", errors, allowZero: true);
            var age = parse.GetValue(priceAge);
            if (age < 0)
            {
                errors.Add($"--max-price-age: {age.ToString(CultureInfo.InvariantCulture)} is negative; give a number of days, 0 or more");
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"plumbline check: {error}");
                }

                return ExitCodes.InvalidInput;
            }

            var cost = CostOptions.Default with { IdleShare = idle, EgressShare = egress, MaxPriceAgeDays = age };
            return Run(new CheckSettings(parse.GetValue(file)!, parse.GetValue(format)!, ParseFailOn(parse.GetValue(failOn)!), parse.GetValue(verbose), day,
                parse.GetValue(rules) ?? [], !parse.GetValue(noDiscover), parse.GetValue(windows), parse.GetValue(ruleDocs), cost,
                parse.GetValue(config), !parse.GetValue(noConfig), parse.GetValue(baseline), parse.GetValue(writeBaseline)), console);
        });
        return command;
    }

    public static int Run(CheckSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);

        // Finding rule files next to the design is the command line's part; reading and checking them is the engine's.
        var ruleFiles = (settings.RuleFiles ?? []).Concat(settings.DiscoverRules ? RuleFileDiscovery.FindNextTo(settings.File) : [])
            .Distinct(StringComparer.Ordinal).ToList();
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        Plumbline.Design.Model.Alerting? alertWindows = null;
        if (settings.AlertWindows is { } windowsFile)
        {
            var windows = PlumblineEngine.Default.LoadAlertWindowsFile(windowsFile);
            if (!windows.Success)
            {
                foreach (var diagnostic in windows.Diagnostics)
                {
                    renderer.Write(console.Error, diagnostic, diagnostic.Span.Path);
                    console.Error.Write('\n');
                }

                console.Error.WriteLine("the alert windows file has errors; fix them first.");
                return ExitCodes.InvalidInput;
            }

            alertWindows = windows.Alerting;
        }

        var project = new ProjectFiles(settings.Config, settings.DiscoverConfig, settings.Baseline);
        var result = PlumblineEngine.Default.CheckFile(settings.File, ruleFiles, new ReviewOptions(settings.Today) { AlertWindows = alertWindows, Cost = settings.Cost }, project);

        if (!ReviewInputs.Print(console, renderer, settings.File, result.Design, result.TeamRules, "the design has errors; fix them (plumbline validate) before reviewing."))
        {
            return ExitCodes.InvalidInput;
        }

        ReviewInputs.PrintProjectFiles(console, renderer, result);
        if (result.Report is not { } report)
        {
            console.Error.WriteLine(!result.TeamRules.Success
                ? "plumbline check: the rule files have errors; fix them before reviewing."
                : result.Config is { Success: false }
                    ? "plumbline check: the project configuration has errors; fix them before reviewing."
                    : "plumbline check: the baseline has errors; fix them, or write it again with --write-baseline.");
            return ExitCodes.InvalidInput;
        }

        if (settings.WriteBaseline is { } target)
        {
            return WriteBaseline(console, report, settings.File, target);
        }

        ReviewInputs.PrintBaseline(console, report);

        var links = string.IsNullOrWhiteSpace(settings.RuleDocs) ? RuleLinks.Default : new RuleLinks(settings.RuleDocs);
        switch (settings.Format)
        {
            case FormatOption.Json:
                console.Out.Write(ReviewJsonRenderer.Render(report, settings.File, links));
                break;
            case Sarif:
                console.Out.Write(ReviewSarifRenderer.Render(report, settings.File, CliApp.Version, links, SarifContextOf(settings.File)));
                break;
            case Markdown:
                ReviewMarkdownRenderer.Write(console.Out, report, settings.File, links);
                break;
            default:
                new ReviewTextRenderer(console.UseColor, settings.Verbose, links).Write(console.Out, report, settings.File);
                break;
        }

        console.Out.Flush();
        return settings.FailOn is { } threshold && report.HasFindingsAtOrAbove(threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Writes every open finding's key (baselined ones too) as a baseline; exit 0, or 2 when the file cannot be written.</summary>
    private static int WriteBaseline(CliConsole console, ReviewReport report, string design, string target)
    {
        var keys = report.Findings.Concat(report.Baselined).Select(f => f.Key).ToList();
        try
        {
            File.WriteAllText(target, Plumbline.Analysis.Review.Config.Baseline.Write(keys, design.Replace('\\', '/')));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            console.Error.WriteLine($"plumbline check: --write-baseline: cannot write '{target}': {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        var count = keys.Distinct(StringComparer.Ordinal).Count();
        console.Error.WriteLine($"plumbline check: wrote {count} finding key{(count == 1 ? string.Empty : "s")} to {target}; check --baseline {target} fails only on findings not listed there.");
        return ExitCodes.Success;
    }

    private static Severity? ParseFailOn(string value) => value switch
    {
        "none" => null,
        "low" => Severity.Low,
        "medium" => Severity.Medium,
        _ => Severity.High,
    };

    /// <summary>Where the SARIF's paths are relative to (the repository root, the working directory or the design's folder) and the commit.</summary>
    private static SarifContext SarifContextOf(string file)
    {
        var origin = PlumblineEngine.Default.Origin(file);
        var description = origin.Base switch
        {
            OriginBase.Repository => "The root of the git repository the design is in (the checkout path); result paths are relative to it.",
            OriginBase.WorkingDirectory => "The folder plumbline check ran in; result paths are relative to it.",
            _ => "The folder the design is in; result paths are relative to it.",
        };
        return new SarifContext(origin.BaseFolder, description, Environment.CurrentDirectory)
        {
            Provenance = origin.Revision is { } r ? new SarifProvenance(r.RepositoryUri, r.RevisionId, r.Branch) : null,
        };
    }
}
