namespace Plumbline.Reporting.Terminal;

/// <summary>The styles reports use on a terminal; <see cref="TerminalStyles.Code"/> gives each one's ANSI code.</summary>
public enum TerminalStyle
{
    /// <summary>No style: the text as it is.</summary>
    Plain,

    /// <summary>Headings, places, the system's name.</summary>
    Bold,

    /// <summary>Keys, paths and docs links: what a reader skims past.</summary>
    Dim,

    /// <summary>Errors and high findings.</summary>
    Red,

    /// <summary>Warnings and medium findings.</summary>
    Yellow,

    /// <summary>A file that is valid.</summary>
    Green,

    /// <summary>Labels: help, why, fix.</summary>
    Cyan,

    /// <summary>The gutter of a source excerpt.</summary>
    Blue,
}

/// <summary>The palette: one ANSI code per style, so every report colours alike.</summary>
public static class TerminalStyles
{
    /// <summary>Ends a style.</summary>
    public const string Reset = "\u001b[0m";

    /// <summary>The SGR sequence that starts <paramref name="style"/>; empty for <see cref="TerminalStyle.Plain"/>.</summary>
    public static string Code(TerminalStyle style) => style switch
    {
        TerminalStyle.Bold => "\u001b[1m",
        TerminalStyle.Dim => "\u001b[2m",
        TerminalStyle.Red => "\u001b[1;31m",
        TerminalStyle.Yellow => "\u001b[1;33m",
        TerminalStyle.Green => "\u001b[1;32m",
        TerminalStyle.Cyan => "\u001b[36m",
        TerminalStyle.Blue => "\u001b[1;34m",
        _ => string.Empty,
    };
}
