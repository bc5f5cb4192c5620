using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Compliance (pci-dss): restricted data copied into a cache, queue or index.</summary>
public sealed class PciCardholderDataInCache : ThreatRule
{
    public override RuleInfo Info { get; } = new("pci-cardholder-data-in-cache", ProcessStep.Security, Severity.High,
        "Under pci-dss, cardholder data is copied into a cache, queue or index",
        "PCI DSS requirement 3 keeps stored account data to a minimum and unreadable; every cache, queue log or index that holds it is one more store in scope, usually without the system of record's controls.",
        "Copy a token instead of the card data (tokenise at the boundary), or keep the restricted fields out of the copy; if a copy is unavoidable, accept the threat with the controls that make it unreadable.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 312;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        if (!context.Under("pci-dss"))
        {
            yield break;
        }

        foreach (var asset in context.Model.Assets)
        {
            if (!asset.Home && asset.Classification == Classification.Restricted)
            {
                yield return Raise(context, asset.Id, asset.Path,
                    $"{asset.Holder} keeps a copy of {asset.Entity} (restricted), under pci-dss",
                    Severity.High);
            }
        }
    }
}
