using System.Text;

namespace Plumbline.Analysis.Graph;

/// <summary>
/// Which of a store's entities an operation touches when it states no reads or writes: the estimate (cache contents, hot
/// keys) and the threat model (what data a flow carries) read a store operation's name the same way, so it lives here.
/// </summary>
internal static class EntityNames
{
    /// <summary>
    /// The owned entities a store operation is named after (<c>insert_payment</c>: Payment; <c>get-users</c>: User), or all of
    /// them when its name names none: a store keeps several entities, and an operation named for one touches that one.
    /// </summary>
    internal static IEnumerable<string> Named(string operation, IReadOnlyCollection<string> owned)
    {
        var words = Words(operation);
        var named = owned.Where(e => words.Contains(e.ToLowerInvariant()) || words.Contains(e.ToLowerInvariant() + "s")).ToList();

        // The longest name wins: insert_click_count names ClickCount, not Click as well.
        named.RemoveAll(e => named.Any(o => o.Length > e.Length && o.Contains(e, StringComparison.OrdinalIgnoreCase)));
        return named.Count > 0 ? named : owned;
    }

    /// <summary>
    /// An identifier's words, lower case (snake_case, kebab-case and camelCase split), and every run of consecutive words
    /// joined, so a compound entity name matches too: "insert_click_count" gives insert, click, count, clickcount...
    /// </summary>
    private static HashSet<string> Words(string name)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) || (char.IsUpper(c) && current.Length > 0))
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }

                if (!char.IsLetterOrDigit(c))
                {
                    continue;
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            var run = new StringBuilder();
            for (var j = i; j < parts.Count && j < i + 4; j++)
            {
                words.Add(run.Append(parts[j]).ToString());
            }
        }

        return words;
    }
}
