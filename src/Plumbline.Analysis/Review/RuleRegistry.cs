using System.Collections.Immutable;

namespace Plumbline.Analysis.Review;

/// <summary>
/// The explicit list of built-in rules, in a stable order. Each area of the catalogue adds its
/// rules in its own partial file, so areas grow without touching each other.
/// </summary>
public static partial class RuleRegistry
{
    private static readonly Lazy<ImmutableArray<IRule>> Rules = new(() =>
    {
        var all = new List<IRule>();
        AddMeta(all);
        AddCompleteness(all);
        AddResilience(all);
        AddStorage(all);
        AddOperations(all);
        return [.. all];
    });

    /// <summary>Every built-in rule.</summary>
    public static ImmutableArray<IRule> All => Rules.Value;

    /// <summary>The rule with this id, or null.</summary>
    public static IRule? Find(string id) => All.FirstOrDefault(r => r.Info.Id == id);

    static partial void AddCompleteness(List<IRule> rules);

    static partial void AddResilience(List<IRule> rules);

    static partial void AddStorage(List<IRule> rules);

    static partial void AddOperations(List<IRule> rules);

    private static void AddMeta(List<IRule> rules)
    {
        rules.Add(new Rules.ExpiredAcceptance());
        rules.Add(new Rules.UnmatchedAcceptance());
    }
}
