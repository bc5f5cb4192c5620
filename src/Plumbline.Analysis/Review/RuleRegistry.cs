using System.Collections.Immutable;
using Plumbline.Analysis.Review.Rules;
using Plumbline.Analysis.Review.Rules.Completeness;
using Plumbline.Analysis.Review.Rules.Cost;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Analysis.Review.Rules.Recovery;
using Plumbline.Analysis.Review.Rules.Resilience;
using Plumbline.Analysis.Review.Rules.Storage;

namespace Plumbline.Analysis.Review;

/// <summary>
/// The explicit list of built-in rules, in a stable order: the acceptance rules, then each area's
/// catalogue (<c>Rules/&lt;Area&gt;/&lt;Area&gt;Catalogue.cs</c>) by name, so a missing area or rule
/// fails to compile, and a rule class left out of every catalogue fails <c>RuleRegistryTests</c>.
/// </summary>
public static class RuleRegistry
{
    /// <summary>Every built-in rule.</summary>
    public static ImmutableArray<IRule> All { get; } =
    [
        new ExpiredAcceptance(),
        new UnmatchedAcceptance(),
        .. CompletenessCatalogue.Rules,
        .. ResilienceCatalogue.Rules,
        .. StorageCatalogue.Rules,
        .. RecoveryCatalogue.Rules,
        .. OperationsCatalogue.Rules,
        .. CostCatalogue.Rules,
        .. Threats.ThreatCatalogue.Rules,
    ];

    /// <summary>The rule with this id, or null.</summary>
    public static IRule? Find(string id) => All.FirstOrDefault(r => r.Info.Id == id);
}
