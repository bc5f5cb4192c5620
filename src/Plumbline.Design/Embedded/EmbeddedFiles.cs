using System.Reflection;
using System.Text;

namespace Plumbline.Design.Embedded;

/// <summary>
/// The one way Plumbline reads a file it ships inside an assembly (the schema, the price catalog, the alert
/// windows, the rule pages, the templates): bytes or strict UTF-8 text by resource name, and the names under
/// a folder. Nothing here touches the file system.
/// </summary>
public static class EmbeddedFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The resource's bytes, or null when <paramref name="assembly"/> has none by that name.</summary>
    public static byte[]? Bytes(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(name);
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The resource's text (UTF-8, a BOM dropped), or null when there is none by that name.</summary>
    /// <exception cref="DecoderFallbackException">The resource is not UTF-8.</exception>
    public static string? Text(Assembly assembly, string name)
    {
        var bytes = Bytes(assembly, name);
        if (bytes is null)
        {
            return null;
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return StrictUtf8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>The bytes of a resource the build must have embedded.</summary>
    /// <exception cref="InvalidOperationException">It was not embedded: a broken build, not bad input.</exception>
    public static byte[] RequiredBytes(Assembly assembly, string name, string what) =>
        Bytes(assembly, name) ?? throw Missing(assembly, name, what);

    /// <summary>The text of a resource the build must have embedded.</summary>
    /// <exception cref="InvalidOperationException">It was not embedded: a broken build, not bad input.</exception>
    public static string RequiredText(Assembly assembly, string name, string what) =>
        Text(assembly, name) ?? throw Missing(assembly, name, what);

    /// <summary>
    /// The names of the resources that start with <paramref name="prefix"/> and end with <paramref name="suffix"/>,
    /// both cut off, in ordinal order: <c>rules/</c> and <c>.md</c> give rule ids.
    /// </summary>
    public static IReadOnlyList<string> Names(Assembly assembly, string prefix, string suffix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.Length >= prefix.Length + suffix.Length && n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
                .Select(n => n[prefix.Length..^suffix.Length])
                .Order(StringComparer.Ordinal),
        ];
    }

    private static InvalidOperationException Missing(Assembly assembly, string name, string what) =>
        new($"{what} '{name}' is not embedded in {assembly.GetName().Name}");
}
