using Plumbline.Design.Text;

namespace Plumbline.Design.Diagnostics;

/// <summary>How bad a diagnostic is. Errors make a design invalid; warnings do not.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A problem found while reading or validating a design: where it is, a stable code, what is
/// wrong and how to fix it. Codes come from <see cref="DiagnosticCodes"/> only. A message, help or path
/// that echoes a very long name or value from the file keeps a window of it (<see cref="TextWindow"/>).
/// </summary>
/// <param name="Code">Stable code such as <c>PL2001</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Span">Where in the file; line and column are computed when printed.</param>
/// <param name="YamlPath">The JSON-pointer-style path of the node (<c>/components/edge/instances</c>), or empty.</param>
/// <param name="Message">What is wrong, one sentence.</param>
/// <param name="Help">How to fix it, or null.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    SourceSpan Span,
    string YamlPath,
    string Message,
    string? Help = null)
{
    /// <summary>The longest message kept whole, in characters; a longer one keeps its start and end.</summary>
    public const int MaxMessageLength = 240;

    /// <summary>The longest help kept whole (it may list every key an object has), in characters.</summary>
    public const int MaxHelpLength = 400;

    /// <summary>The longest path kept whole, in characters.</summary>
    public const int MaxPathLength = 200;

    public string YamlPath { get; init; } = TextWindow.Cut(YamlPath ?? string.Empty, MaxPathLength);

    public string Message { get; init; } = TextWindow.Cut(Message ?? string.Empty, MaxMessageLength);

    public string? Help { get; init; } = Help is null ? null : TextWindow.Cut(Help, MaxHelpLength);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = Span.IsNone ? Span.Path : $"{Span.Path}:{Span.Start}";
        var sev = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var path = string.IsNullOrEmpty(YamlPath) ? string.Empty : $" at {YamlPath}";
        var help = Help is null ? string.Empty : $" ({Help})";
        return $"{where}: {sev} {Code}{path}: {Message}{help}";
    }
}
