namespace Plumbline.Cli;

/// <summary>
/// The streams and terminal facts a command may use, so tests run the CLI in-process with a
/// <see cref="StringWriter"/> and a <see cref="StringReader"/> instead of the real console.
/// </summary>
/// <param name="Out">Command output: results, JSON, interview prompts.</param>
/// <param name="Error">Usage errors and progress.</param>
/// <param name="In">Answers to interview questions, read line by line.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In)
{
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
