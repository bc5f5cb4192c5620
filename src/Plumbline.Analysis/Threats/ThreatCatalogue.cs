using System.Collections.Frozen;
using System.Collections.Immutable;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Analysis.Threats.Rules;

namespace Plumbline.Analysis.Threats;

/// <summary>
/// The threat rules, in STRIDE order, and the review rules of step 8 the threat model takes in as they are
/// (their findings become open threats with a STRIDE category and CWE).
/// </summary>
public static class ThreatCatalogue
{
    /// <summary>The threat rules: each also runs in the review (<see cref="RuleRegistry"/>), reporting its open threats.</summary>
    public static ImmutableArray<ThreatRule> Rules { get; } =
    [
        new EntryWithoutAuthentication(),
        new CrossBoundaryCallWithoutAuthentication(),
        new InternalCallWithoutAuthentication(),
        new ExternalCallWithoutTls(),
        new StaticKeyGuardsRestrictedData(),
        new QueueAcceptsUnauthenticatedProducers(),
        new CacheWithoutAuthentication(),
        new DeliveryWithoutAuthentication(),
        new WriteFlowWithoutIntegrity(),
        new ReplayableAnonymousWrite(),
        new DeliveryReplayToNonIdempotentConsumer(),
        new SensitiveWriteWithoutAudit(),
        new RestrictedReadWithoutAudit(),
        new AnonymousWrite(),
        new AuditTrailWithoutLogStore(),
        new HipaaPhiReadWithoutAudit(),
        new FlowDisclosure(),
        new EntityUnencryptedAtRest(),
        new SensitiveCopyUnencrypted(),
        new SensitiveDataToExternal(),
        new SensitiveStoreInUntrustedBoundary(),
        new WeakTlsVersion(),
        new PersonalDataWithoutErasure(),
        new PiiClassifiedPublic(),
        new CopyOutlivesSource(),
        new SensitiveResponseAtCdn(),
        new GdprPersonalDataKeptForever(),
        new PciCardholderDataNotSegmented(),
        new PciCardholderDataInCache(),
        new PciCredentialsRotation(),
        new SecurityIncidentWithoutRunbook(),
        new QueueWithoutBound(),
        new AnonymousExpensiveQuery(),
        new InternetFanOutAmplification(),
        new VendorQuotaExposed(),
        new UnboundedAnonymousStorageGrowth(),
        new DataReachWithoutGrant(),
        new EntryWithoutAuthorisation(),
        new ExcessiveGrant(),
        new UntrustedComponentReachesStore(),
    ];

    /// <summary>Review rules of step 8 whose findings are threats as they stand: each with its STRIDE category and CWE.</summary>
    public static ImmutableArray<(IRule Rule, Stride Stride, int? Cwe)> ReviewRules { get; } =
    [
        (new UnauthenticatedWriteEndpoint(), Stride.Spoofing, 306),
        (new NoAuditTrail(), Stride.Repudiation, 778),
        (new NoEncryptionInTransit(), Stride.InformationDisclosure, 319),
        (new NoEncryptionAtRest(), Stride.InformationDisclosure, 311),
        (new NoSecretsStore(), Stride.InformationDisclosure, 798),
        (new SecretsNotRotated(), Stride.InformationDisclosure, 324),
        (new PiiWithoutRetention(), Stride.InformationDisclosure, 359),
        (new InternetEntryWithoutRateLimit(), Stride.DenialOfService, 770),
    ];

    private static readonly FrozenDictionary<string, (Stride Stride, int? Cwe)> Classes =
        Rules.Select(r => KeyValuePair.Create(r.Info.Id, (r.Stride, r.Cwe)))
            .Concat(ReviewRules.Select(r => KeyValuePair.Create(r.Rule.Info.Id, (r.Stride, r.Cwe))))
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The STRIDE category and CWE of a rule that finds threats (a threat rule or a step-8 review rule), or null for any other rule.</summary>
    public static (Stride Stride, int? Cwe)? Classify(string ruleId) => Classes.TryGetValue(ruleId, out var found) ? found : null;
}
