using System.Collections.Immutable;
using System.Text;

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
    public static ImmutableArray<string> Names { get; } =
    [
        .. typeof(TemplateCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The text of a template, or null when there is none by that name.</summary>
    public static string? Read(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(Prefix + name + Suffix);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return reader.ReadToEnd();
    }
}
