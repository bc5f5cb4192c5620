using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using Plumbline.Cli.Commands;

namespace Plumbline.Cli;

/// <summary>
/// The <c>plumbline</c> command line: builds the commands, parses, runs one, and turns every way
/// it can end into an exit code (<see cref="ExitCodes"/>). Never lets an exception escape.
/// </summary>
public static class CliApp
{
    /// <summary>Help is laid out for this many columns, whatever the terminal, so it reads the same everywhere.</summary>
    public const int HelpWidth = 100;

    /// <summary>The product version, without build metadata: <c>0.1.0</c>.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>
    /// How arguments are parsed. Response files are off: System.CommandLine would otherwise read any argument
    /// starting with '@' as a file of more arguments (unbounded, and a design named '@design.yaml' could not be
    /// given), so every argument is taken as written.
    /// </summary>
    private static readonly ParserConfiguration ParserConfiguration = new() { ResponseFileTokenReplacer = null };

    /// <summary>Runs the CLI with these arguments against this console and returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console) => Run(args, console, CreateRootCommand);

    /// <summary>Runs with another command tree; tests use it to check how failures end.</summary>
    internal static int Run(string[] args, CliConsole console, Func<CliConsole, Command> createRootCommand)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(createRootCommand);
        try
        {
            var root = createRootCommand(console);
            var result = root.Parse(args, ParserConfiguration);
            if (result.Action is ParseErrorAction)
            {
                return ReportUsageErrors(result, console);
            }

            if (result.Action is HelpAction)
            {
                return WriteHelp(result, console);
            }

            var exit = result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
            console.Out.Flush();
            return exit;
        }
#pragma warning disable CA1031 // The one place that turns any bug into a message and exit 70 instead of a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"plumbline: internal error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            console.Error.WriteLine("This is a bug in plumbline. Please report it with the command you ran and, if you can, the input file.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// The root command with every subcommand. A plain <see cref="Command"/> named <c>plumbline</c>
    /// rather than a RootCommand, whose name is the running executable's (a test host's, in tests).
    /// </summary>
    public static Command CreateRootCommand(CliConsole console)
    {
        var help = new HelpOption();
        if (help.Action is HelpAction helpAction)
        {
            helpAction.MaxWidth = HelpWidth;
        }

        return new Command("plumbline", "plumbline: system design as code. A design lives in one YAML file; plumbline checks it.")
        {
            help,
            new VersionOption { Action = new VersionAction() },
            ValidateCommand.Create(console),
            InitCommand.Create(console),
            EstimateCommand.Create(console),
            SimulateCommand.Create(console),
            CostCommand.Create(console),
            RecoveryCommand.Create(console),
            CheckCommand.Create(console),
            SloCommand.Create(console),
            ThreatsCommand.Create(console),
            ReportCommand.Create(console),
            DiffCommand.Create(console),
            DiagramCommand.Create(console),
            ExportCommand.Create(console),
        };
    }

    /// <summary>System.CommandLine's help, without the trailing spaces it leaves on wrapped lines, then the exit codes.</summary>
    private static int WriteHelp(ParseResult result, CliConsole console)
    {
        var buffer = new StringWriter();
        var exit = result.Invoke(new InvocationConfiguration { Output = buffer, Error = console.Error, EnableDefaultExceptionHandler = false });
        var lines = buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd());
        foreach (var line in lines)
        {
            console.Out.Write(line + "\n");
        }

        console.Out.Write("\nExit codes:\n");
        console.Out.Write("  0   success\n");
        console.Out.Write("  1   findings at or above the failing severity (analysis commands)\n");
        console.Out.Write("  2   invalid input or usage: a design with errors, a missing file, a wrong option\n");
        console.Out.Write("  70  internal error: a bug in plumbline, please report it\n");
        console.Out.Flush();
        return exit;
    }

    private static int ReportUsageErrors(ParseResult result, CliConsole console)
    {
        var messages = result.Errors.Select(e => OneLine(e.Message)).Distinct(StringComparer.Ordinal).ToList();

        // "No command" next to "unrecognized 'x'" says the same thing twice.
        if (messages.Count > 1)
        {
            messages.Remove("Required command was not provided.");
        }

        foreach (var message in messages)
        {
            console.Error.WriteLine($"plumbline: error: {message}");
        }

        foreach (var suggestion in Suggestions(result))
        {
            console.Error.WriteLine(suggestion);
        }

        var command = string.Join(' ', result.CommandResult.Command.Parents.OfType<Command>().Reverse()
            .Select(c => c.Name).Append(result.CommandResult.Command.Name).Skip(1).Prepend("plumbline"));
        console.Error.WriteLine($"Run '{command} --help' for usage.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>"Did you mean 'validate'?" for an unmatched token within two edits of a command or option name.</summary>
    private static IEnumerable<string> Suggestions(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
                .SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Where(n => n.Length > 2)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var token in result.UnmatchedTokens.Concat(result.Errors.SelectMany(TokensOf)).Distinct(StringComparer.Ordinal))
        {
            var best = names.Select(n => (Name: n, Distance: Plumbline.Design.Text.Suggestions.Distance(token, n)))
                .Where(c => c.Distance > 0 && c.Distance <= Math.Max(1, Math.Min(2, token.Length / 3)))
                .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Name is not null)
            {
                yield return $"Did you mean '{best.Name}' instead of '{token}'?";
            }
        }
    }

    private static IEnumerable<string> TokensOf(ParseError error) =>
        error.SymbolResult?.Tokens.Select(t => t.Value).Where(v => v.StartsWith('-')) ?? [];

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string ReadVersion()
    {
        var informational = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>Prints <see cref="Version"/> alone, so scripts can compare it.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
