using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;

namespace Plumbline.Design.Yaml;

/// <summary>
/// What <see cref="SafeYamlReader"/> made of a file.
/// </summary>
/// <param name="Source">The decoded text, or null when the file could not be read or decoded (too large, not UTF-8, missing).</param>
/// <param name="Root">
/// The document's root node, or null after an error that stops reading (size and other limits, bad UTF-8 or
/// forbidden characters, aliases, syntax, more than one document, an empty file). After errors that do not
/// stop reading (a duplicate, null or non-scalar key, a tag, an anchor) the tree is still returned, with the
/// offending entries left out, so later passes can report more.
/// </param>
/// <param name="Diagnostics">Errors in the order found; empty for a clean file.</param>
public sealed record YamlReadResult(SourceText? Source, YamlNode? Root, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when there is a tree and no error.</summary>
    public bool Success => Root is not null && !Diagnostics.Any(d => d.IsError);
}
