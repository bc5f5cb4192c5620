using System.Collections.Immutable;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Config;

/// <summary>
/// One line of a project configuration: what to do with a rule's findings (set their severity, or turn them off),
/// why, and optionally which of them: designs whose path matches <see cref="Files"/>, findings whose subject matches
/// <see cref="Subjects"/> (a component, <c>web</c>; its calls, <c>web.*</c>; calls into it, <c>*->db.*</c>).
/// </summary>
/// <param name="Rule">The rule id, built in or a team's.</param>
/// <param name="Severity">The severity its findings take; null when <see cref="Off"/>.</param>
/// <param name="Off">Whether its findings are turned off (left out of the review, counted and listed as such).</param>
/// <param name="Reason">Why, required: reviewed like code, shown beside every finding it changes.</param>
/// <param name="Subjects">Globs over a finding's subject (<c>*</c> any run of characters, <c>?</c> one); empty for all.</param>
/// <param name="Files">Globs over the design's path from the configuration's folder, with '/' between folders; empty for all.</param>
/// <param name="Span">Where the line is, for messages.</param>
public sealed record RuleSetting(string Rule, Severity? Severity, bool Off, string Reason, ImmutableArray<string> Subjects, ImmutableArray<string> Files, SourceSpan Span)
{
    /// <summary>Whether this line applies to a design at <paramref name="designPath"/> (from the configuration's folder; null when outside it).</summary>
    public bool AppliesTo(string? designPath) =>
        Files.IsDefaultOrEmpty || (designPath is not null && Files.Any(f => Glob.Matches(f, designPath)));

    /// <summary>Whether this line applies to <paramref name="finding"/>.</summary>
    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Rule.Id == Rule && (Subjects.IsDefaultOrEmpty || Subjects.Any(s => Glob.Matches(s, finding.Subject)));
    }

    /// <summary>"off" or the severity, as written in the file.</summary>
    public string Setting => Off ? "off" : EnumNames.ToSnake(Severity!.Value);
}

/// <summary>A team's project configuration (<c>.plumbline.yaml</c>, docs/config.md): rule settings, each with its reason.</summary>
/// <param name="Rules">The settings in file order; for a finding two settings match, the later wins (as ESLint's cascade does).</param>
/// <param name="File">The configuration's path as read (shown in reports); empty for one built in memory.</param>
public sealed record ProjectConfig(ImmutableArray<RuleSetting> Rules, string File)
{
    /// <summary>No settings.</summary>
    public static ProjectConfig None { get; } = new([], string.Empty);

    /// <summary>The settings that apply to the design at <paramref name="designPath"/> (its path from the configuration's folder).</summary>
    public ReviewConfig For(string? designPath) => new([.. Rules.Where(r => r.AppliesTo(designPath))], File);
}

/// <summary>The settings of a project configuration that apply to one design, as the review applies them.</summary>
/// <param name="Rules">The settings, in file order.</param>
/// <param name="File">The configuration's path as read.</param>
public sealed record ReviewConfig(ImmutableArray<RuleSetting> Rules, string File)
{
    /// <summary>The setting that decides a finding (the last that matches), or null.</summary>
    public RuleSetting? For(Finding finding)
    {
        for (var i = Rules.Length - 1; i >= 0; i--)
        {
            if (Rules[i].Matches(finding))
            {
                return Rules[i];
            }
        }

        return null;
    }
}

/// <summary>A finding a project configuration turned off, and the setting that did.</summary>
public sealed record DisabledFinding(Finding Finding, RuleSetting Setting);

/// <summary>
/// Shell-style globs over names: <c>*</c> matches any run of characters (a '/' or a '.' too), <c>?</c> any one, every
/// other character itself, case-sensitively. Matching is linear in the text for each star, so a pattern from a file
/// cannot run away.
/// </summary>
public static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
