using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: restricted data behind a long-lived static key.</summary>
public sealed class StaticKeyGuardsRestrictedData : ThreatRule
{
    private static readonly string[] Static = ["api_key", "api key", "apikey", "basic", "password", "shared secret", "static token"];

    /// <summary>Words that say a second factor or short-lived credential stands beside the key.</summary>
    private static readonly string[] Strong = ["mfa", "2fa", "oauth", "oidc", "jwt", "mtls", "webauthn", "passkey", "sso", "short-lived"];

    public override RuleInfo Info { get; } = new("static-key-guards-restricted-data", ProcessStep.Security, Severity.High,
        "Restricted data is guarded by a static key",
        "A static API key or password is one factor that leaks through logs, browsers and repositories and works from anywhere until someone rotates it; restricted data deserves a credential that expires and is bound to a client.",
        "Authenticate callers of restricted data with short-lived tokens (oauth, jwt) or mutual TLS, or with a second factor; keep keys for low-value data.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 308;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Classification != Classification.Restricted || flow.Authn.Value is not { } value
                || !Static.Any(s => value.Contains(s, StringComparison.OrdinalIgnoreCase))
                || Strong.Any(s => value.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            yield return Raise(context, flow.Id, context.WorkflowOf(flow)!.Path,
                $"{flow.Id}'s entry carries {ThreatContext.Carrying(flow)} and authenticates with {flow.Authn}",
                ThreatSeverity.Of(Classification.Restricted, flow.Exposure));
        }
    }
}
