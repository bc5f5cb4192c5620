using System.Collections.Frozen;
using Plumbline.Design.Embedded;

namespace Plumbline.Analysis.Review;

/// <summary>
/// The built-in rules' documentation pages (docs/rules/&lt;id&gt;.md), embedded in this assembly at build
/// time so a report can carry a rule's page (SARIF's <c>help.markdown</c>) without reading a file.
/// </summary>
internal static class RulePages
{
    private const string Prefix = "rules/";
    private const string Suffix = ".md";

    private static readonly Lazy<FrozenDictionary<string, string>> Pages = new(Load);

    /// <summary>The page of the rule with this id, or null when none was built in.</summary>
    public static string? Find(string id) => Pages.Value.GetValueOrDefault(id);

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(RulePages).Assembly;
        return EmbeddedFiles.Names(assembly, Prefix, Suffix).ToFrozenDictionary(
            id => id,
            id => EmbeddedFiles.RequiredText(assembly, Prefix + id + Suffix, "the rule page").ReplaceLineEndings("\n"),
            StringComparer.Ordinal);
    }
}
