using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>What the storage rules share: engine words, the numbers they print, and whether an entity is derived from elsewhere.</summary>
internal static class StorageFacts
{
    private static readonly string[] DerivationWords = ["derived", "rebuilt", "rebuild", "copied", "copy of", "indexed from", "rolled up", "replicated from", "projection", "materialised", "materialized", "cached from"];

    /// <summary>The lower-case words of a free-text name ("aws-dynamodb" is aws and dynamodb).</summary>
    public static HashSet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsAsciiLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// Whether the design says the entity is derived from something else it holds: its source names
    /// another entity or a component, or uses a word such as "derived" or "rebuilt". Derived data
    /// can be rebuilt when its store loses it.
    /// </summary>
    public static bool IsDerived(Entity entity, SystemDesign design)
    {
        if (string.IsNullOrWhiteSpace(entity.Source))
        {
            return false;
        }

        var source = entity.Source;
        if (DerivationWords.Any(w => source.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var words = Words(source);
        return design.Data.Any(e => e.Name != entity.Name && words.Contains(e.Name.ToLowerInvariant()))
            || design.Components.Any(c => c.Name != entity.Owner && source.Contains(c.Name, StringComparison.OrdinalIgnoreCase));
    }
}
