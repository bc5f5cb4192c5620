namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>What the storage rules share: engine words, the numbers they print, and whether an entity is derived from elsewhere.</summary>
internal static class StorageFacts
{
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
}
