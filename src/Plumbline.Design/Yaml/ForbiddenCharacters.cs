using System.Buffers;

namespace Plumbline.Design.Yaml;

/// <summary>
/// Finds the first character a design file must not contain, before the parser sees it: the characters YAML
/// forbids (C0 and C1 controls other than tab and line breaks, DEL, unpaired surrogates, U+FFFE, U+FFFF;
/// YamlDotNet accepts U+0001 and stops at U+0000), and the line breaks that YamlDotNet counts but our
/// <see cref="Text.SourceText"/> and YAML 1.2 do not (a CR without LF, U+0085, U+2028, U+2029), which would
/// make positions and meaning disagree with what the user sees.
/// </summary>
internal static class ForbiddenCharacters
{
    private static readonly SearchValues<char> Candidates = SearchValues.Create(BuildCandidates());

    /// <summary>Offset of the first forbidden character, or -1; and whether it is a CR without LF.</summary>
    public static (int Offset, bool LoneCarriageReturn) Find(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var found = text.AsSpan(i).IndexOfAny(Candidates);
            if (found < 0)
            {
                return (-1, false);
            }

            i += found;
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i += 2;
                    continue;
                }

                return (i, true);
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
                continue;
            }

            return (i, false);
        }

        return (-1, false);
    }

    private static string BuildCandidates()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n'))
            {
                chars.Add(c); // includes '\r', which is fine only before '\n'
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Add(c); // DEL, C1 controls and U+0085 NEXT LINE
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars.Add(c); // surrogates, fine only in pairs
        }

        chars.AddRange(['\u2028', '\u2029', '\uFFFE', '\uFFFF']);
        return new string([.. chars]);
    }
}
