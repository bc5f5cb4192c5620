using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Compliance (pci-dss): restricted data kept in the same boundary as an internet-facing entry.</summary>
public sealed class PciCardholderDataNotSegmented : ThreatRule
{
    public override RuleInfo Info { get; } = new("pci-cardholder-data-not-segmented", ProcessStep.Security, Severity.High,
        "Under pci-dss, cardholder data is not segmented from the internet-facing zone",
        "PCI DSS requirement 1 keeps the cardholder data environment apart from untrusted networks; a restricted store in the same zone as an internet-facing entry (or in no zone) puts every component there in scope and one hop from the internet.",
        "Keep the stores of restricted data in their own trusted boundary, reached only through the services that need them.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 653;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        if (!context.Under("pci-dss"))
        {
            yield break;
        }

        var entryZones = context.Model.Flows
            .Where(f => f.Kind == FlowKind.Entry && f.Exposure == Exposure.Internet)
            .Select(f => f.ToBoundary)
            .ToHashSet();
        foreach (var asset in context.Model.Assets)
        {
            if (!asset.Home || asset.Classification != Classification.Restricted)
            {
                continue;
            }

            var zone = context.Model.BoundaryOf(asset.Holder);
            if (zone is not null && !entryZones.Contains(zone))
            {
                continue;
            }

            yield return Raise(context, asset.Id, asset.Path,
                zone is null
                    ? $"{asset.Holder} keeps {asset.Entity} (restricted) in no trust boundary, under pci-dss"
                    : $"{asset.Holder} keeps {asset.Entity} (restricted) in {zone}, the zone an internet-facing workflow enters, under pci-dss",
                Severity.High);
        }
    }
}
