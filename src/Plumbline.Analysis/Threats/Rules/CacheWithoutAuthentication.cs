using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: a cache holding sensitive data that answers anyone on the network.</summary>
public sealed class CacheWithoutAuthentication : ThreatRule
{
    public override RuleInfo Info { get; } = new("cache-without-authentication", ProcessStep.Security, Severity.Medium,
        "A cache holding sensitive data does not authenticate its clients",
        "Caches are often deployed open on the private network (Redis and Memcached have no password by default); whatever they hold can be read, or overwritten, by any process that reaches them.",
        "Require authentication on the cache (Redis AUTH or ACLs, IAM) through its security.authn or security.authn.services.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 306;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var component in context.Design.Components)
        {
            if (component.Kind != ComponentKind.Cache)
            {
                continue;
            }

            var held = context.Model.Assets.Where(a => a.Holder == component.Name && a.IsSensitive).Select(a => a.Entity).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var control = component.Security?.Authn is { } own
                ? new Control(own, component.Security.Path + "/authn")
                : new Control(context.Design.Security.Authn.Services, "/security/authn/services");
            var worst = held.Select(n => ThreatModel.Effective(context.Model.Entity(n)!)).Max();
            yield return Raise(context, component.Name, component.Path,
                $"{component.Name} holds {string.Join(", ", held)}; its clients' authentication is {control}",
                ThreatSeverity.Of(worst, context.Model.ExposureOf(component.Name)), control);
        }
    }
}
