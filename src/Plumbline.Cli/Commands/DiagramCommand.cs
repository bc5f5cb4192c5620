using System.CommandLine;
using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Diagnostics;
using Plumbline.Engine;
using Plumbline.Reporting.Diagnostics;
using Plumbline.Reporting.Diagrams;

namespace Plumbline.Cli.Commands;

/// <summary>What <c>plumbline diagram</c> was asked to draw.</summary>
/// <param name="Out">The file to write; null for standard output.</param>
public sealed record DiagramSettings(string File, DiagramFormat Format, DiagramView View, string? Out);

/// <summary>
/// <c>plumbline diagram FILE</c>: the architecture as a picture, in Mermaid, Graphviz DOT or SVG; the container
/// view by default, or the system context, one workflow's path, or the threat model's data flows. Exit 0 when
/// drawn, 2 when the design is invalid, the view names a workflow the design lacks, or the file cannot be written.
/// </summary>
public static class DiagramCommand
{
    public const string Mermaid = "mermaid";
    public const string Dot = "dot";
    public const string Svg = "svg";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The design file (YAML)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "mermaid for Markdown hosts, dot for Graphviz, svg for a picture laid out here (no Graphviz needed).",
            DefaultValueFactory = _ => Mermaid,
        };
        format.AcceptOnlyFromAmong(Mermaid, Dot, Svg);
        var view = new Option<string>("--view")
        {
            Description = "container: every component, grouped by trust boundary and zone; context: personas, the system and what lies outside it; "
                + "workflow:NAME: one workflow's path in call order; dataflow: the threat model's data flows.",
            DefaultValueFactory = _ => "container",
            HelpName = "VIEW",
        };
        var output = new Option<string?>("--out", "--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("diagram", "Draw the design: components by kind, trust boundaries and zones, calls with their peak rates, findings marked.")
        {
            file, format, view, output,
        };
        command.SetAction(parse =>
        {
            var viewText = parse.GetValue(view)!;
            if (!DiagramView.TryParse(viewText, out var parsed))
            {
                console.Error.WriteLine($"plumbline diagram: --view: '{viewText}' is not a view; use container, context, dataflow or workflow:NAME");
                return ExitCodes.InvalidInput;
            }

            var chosen = parse.GetValue(format) switch
            {
                Dot => DiagramFormat.Dot,
                Svg => DiagramFormat.Svg,
                _ => DiagramFormat.Mermaid,
            };
            return Run(new DiagramSettings(parse.GetValue(file)!, chosen, parsed, parse.GetValue(output)), console);
        });
        return command;
    }

    public static int Run(DiagramSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var loaded = PlumblineEngine.Default.LoadDesignFile(settings.File);
        var renderer = new DiagnosticTextRenderer(console.UseColor);
        if (!loaded.Success || loaded.Design is not { } design)
        {
            renderer.WriteEach(console.Error, loaded.Diagnostics, settings.File);
            renderer.WriteOmitted(console.Error, loaded.Omitted, settings.File);
            console.Error.WriteLine($"{settings.File}: the design has errors; fix them (plumbline validate) before drawing it.");
            return ExitCodes.InvalidInput;
        }

        renderer.WriteEach(console.Error, loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), settings.File);
        var drawn = DiagramRenderer.Render(design, settings.View, settings.Format);
        if (drawn.Problem is { } problem)
        {
            console.Error.WriteLine($"plumbline diagram: --view: {problem}");
            return ExitCodes.InvalidInput;
        }

        if (settings.Out is null)
        {
            console.Out.Write(drawn.Text);
            console.Out.Flush();
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(settings.Out, drawn.Text, new System.Text.UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"plumbline diagram: cannot write {settings.Out}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }
}
