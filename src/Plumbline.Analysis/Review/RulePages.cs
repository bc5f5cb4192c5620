using System.Collections.Frozen;
using System.Text;

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
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            pages[name[Prefix.Length..^Suffix.Length]] = reader.ReadToEnd().ReplaceLineEndings("\n");
        }

        return pages.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
