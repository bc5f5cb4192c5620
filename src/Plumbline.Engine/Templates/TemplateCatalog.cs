using System.Collections.Immutable;
using Plumbline.Design.Embedded;

namespace Plumbline.Engine.Templates;

/// <summary>
/// Starter designs for <c>plumbline init --template NAME</c>: the repository's examples/*.yaml,
/// embedded in the CLI as resources named <c>templates/NAME.yaml</c>. Whatever was there at build
/// time is listed; nothing is hard-coded.
/// </summary>
public static class TemplateCatalog
{
    private const string Prefix = "templates/";
    private const string Suffix = ".yaml";

    /// <summary>Template names in ordinal order, without folder or extension.</summary>
    public static ImmutableArray<string> Names { get; } = [.. EmbeddedFiles.Names(typeof(TemplateCatalog).Assembly, Prefix, Suffix)];

    /// <summary>The text of a template, or null when there is none by that name.</summary>
    public static string? Read(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return EmbeddedFiles.Text(typeof(TemplateCatalog).Assembly, Prefix + name + Suffix);
    }
}
