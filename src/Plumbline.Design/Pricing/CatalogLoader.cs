using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Embedded;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;
using Plumbline.Design.Pricing.Binding;

namespace Plumbline.Design.Pricing;

/// <summary>
/// Reads a price catalog through the same safe YAML reader as designs (size cap, strict UTF-8,
/// depth and node caps, no aliases), then binds it with positioned diagnostics. Never throws on bad
/// input. <see cref="Default"/> is the catalog shipped with Plumbline.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The name a design uses for the shipped catalog: <c>cost: { catalog: default }</c>.</summary>
    public const string DefaultName = "default";

    /// <summary>The shipped catalog's file name, as shown in diagnostics and reports.</summary>
    public const string DefaultFileName = "aws-us-east-1.yaml";

    private static readonly Lazy<CatalogLoadResult> DefaultCatalog = new(LoadDefault);

    /// <summary>The catalog shipped with Plumbline (prices/aws-us-east-1.yaml, embedded in this assembly).</summary>
    public static CatalogLoadResult Default => DefaultCatalog.Value;

    /// <summary>Binds a catalog file already read as YAML (the engine reads files from disk, bounded).</summary>
    /// <param name="read">The file as read.</param>
    /// <param name="path">The file's path, shown in diagnostics and as the catalog's origin.</param>
    public static CatalogLoadResult Load(YamlReadResult read, string path)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(path);
        return Bind(read, path);
    }

    /// <summary>Reads catalog text held in memory (tests, the server).</summary>
    public static CatalogLoadResult LoadText(string path, string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Bind(SafeYamlReader.ReadText(path, text, limits), path);
    }

    private static CatalogLoadResult LoadDefault()
    {
        var bytes = EmbeddedFiles.RequiredBytes(typeof(CatalogLoader).Assembly, DefaultFileName, "the default price catalog");
        return Bind(SafeYamlReader.Read(DefaultFileName, bytes), DefaultName);
    }

    private static CatalogLoadResult Bind(YamlReadResult read, string origin)
    {
        if (read.Root is null || read.Source is null || read.Diagnostics.Any(d => d.IsError))
        {
            return new CatalogLoadResult(null, read.Source, Sort(read.Diagnostics));
        }

        var context = new BindContext(read.Source, read.Root);
        var catalog = CatalogBinder.Bind(read.Root, context, origin);
        return new CatalogLoadResult(catalog, read.Source, Sort(read.Diagnostics.AddRange(context.Diagnostics)));
    }

    private static ImmutableArray<Diagnostic> Sort(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Span.Offset).ThenBy(d => d.Code, StringComparer.Ordinal)];
}

/// <summary>
/// What reading a catalog produced: the catalog when the file could be read into one, its source,
/// and every diagnostic in file order. <see cref="Success"/> says whether to use it.
/// </summary>
public sealed record CatalogLoadResult(PriceCatalog? Catalog, SourceText? Source, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Success => Catalog is not null && !Diagnostics.Any(d => d.IsError);
}
