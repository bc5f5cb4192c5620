using Plumbline.Design.Embedded;

namespace Plumbline.Design.Loading;

/// <summary>
/// The JSON Schema of format v1 (<c>schema/plumbline-v1.schema.json</c>), embedded in this assembly so a
/// tool can hand it to editors wherever it writes a design.
/// </summary>
public static class FormatSchema
{
    /// <summary>The schema's file name, and the name of its embedded resource.</summary>
    public const string FileName = "plumbline-v1.schema.json";

    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "urn:plumbline:schema:plumbline-v1";

    private static readonly Lazy<string> Embedded = new(() => EmbeddedFiles.RequiredText(typeof(FormatSchema).Assembly, FileName, "the schema"));

    /// <summary>The schema's text, exactly as the repository's file holds it.</summary>
    public static string Text => Embedded.Value;
}
