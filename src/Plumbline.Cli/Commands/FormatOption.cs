using System.CommandLine;

namespace Plumbline.Cli.Commands;

/// <summary>The <c>--format text|json</c> option every command with output takes.</summary>
public static class FormatOption
{
    public const string Text = "text";
    public const string Json = "json";

    public static Option<string> Create()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: text for people, json for tools.",
            DefaultValueFactory = _ => Text,
        };
        option.AcceptOnlyFromAmong(Text, Json);
        return option;
    }
}
