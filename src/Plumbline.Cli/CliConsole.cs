using Plumbline.Reporting.Terminal;

namespace Plumbline.Cli;

/// <summary>
/// The streams and terminal facts a command may use, so tests run the CLI in-process with a
/// <see cref="StringWriter"/> and a <see cref="StringReader"/> instead of the real console.
/// </summary>
/// <param name="Out">Command output: results, JSON, interview prompts.</param>
/// <param name="Error">Usage errors and progress.</param>
/// <param name="In">Answers to interview questions, read line by line.</param>
/// <remarks>
/// <see cref="Out"/> and <see cref="Error"/> are always <see cref="TerminalWriter"/>s over the writers given: whatever
/// a command prints, a name or path from a file, an argument echoed in an error, no control character or
/// bidirectional override reaches the terminal raw. Colour comes only from the renderers' palette.
/// </remarks>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In)
{
    /// <summary>Command output, through the sanitising writer.</summary>
    public TextWriter Out { get; init => field = TerminalWriter.Over(value); } = TerminalWriter.Over(Out);

    /// <summary>Errors and progress, through the sanitising writer.</summary>
    public TextWriter Error { get; init => field = TerminalWriter.Over(value); } = TerminalWriter.Over(Error);

    /// <summary>True when a person can answer questions: input and output are a terminal. Default false.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>True when standard output goes to a file or a pipe. Default true.</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>Whether to colour output with ANSI codes: only on a terminal and when NO_COLOR is unset. Default false.</summary>
    public bool UseColor { get; init; }

    /// <summary>The process's console: colour on a terminal unless NO_COLOR is set (https://no-color.org) or TERM is dumb.</summary>
    public static CliConsole FromSystem()
    {
        var outRedirected = Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            || Environment.GetEnvironmentVariable("TERM") == "dumb";
        return new CliConsole(Console.Out, Console.Error, Console.In)
        {
            IsInteractive = !Console.IsInputRedirected && !outRedirected,
            IsOutputRedirected = outRedirected,
            UseColor = !outRedirected && !noColor,
        };
    }
}
