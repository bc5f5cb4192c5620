using System.Text.RegularExpressions;
using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: encryption in transit names SSL or TLS before 1.2.</summary>
public sealed partial class WeakTlsVersion : ThreatRule
{
    public override RuleInfo Info { get; } = new("weak-tls-version", ProcessStep.Security, Severity.High,
        "Encryption in transit names a broken protocol version",
        "SSL 3.0 and TLS 1.0 and 1.1 have practical attacks (POODLE, BEAST) and are deprecated (RFC 8996); a flow that negotiates them is encrypted in name only.",
        "Require TLS 1.2 or later (1.3 where both ends allow) wherever in_transit is stated.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 326;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flow in context.Model.Flows)
        {
            var control = flow.InTransit;
            if (control.Value is not { } value || !Weak().IsMatch(value) || !seen.Add(control.Source))
            {
                continue;
            }

            yield return Raise(context, control.Source, control.Path,
                $"{control.Source} says '{value}', which flows such as {flow.Describe} use",
                ThreatSeverity.Of(ThreatContext.ImpactOf(flow), flow.Exposure));
        }
    }

    // A design's own words, bounded by the loader; the lookahead keeps "tls 1.2" and "tls 1.3" out.
    [GeneratedRegex(@"\bssl|\btls\s*v?1\.[01]\b|\btls\s*v?1(?![.\d])", RegexOptions.IgnoreCase)]
    private static partial Regex Weak();
}
