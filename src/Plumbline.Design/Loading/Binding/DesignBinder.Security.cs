using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>security</c>: boundaries, encryption, secrets, audit, accepted risks.</summary>
internal static partial class DesignBinder
{
    private static Security ReadSecurity(MapReader map, BindContext context)
    {
        var boundaries = ReadNamedList(map, "boundaries", "boundary", "trust boundary", "name", context, m => new TrustBoundary(
            m.RequiredString("name", "the boundary's name"),
            m.StringList("contains"),
            m.Bool("trusted") ?? true,
            m.Path));
        var authnMap = map.Map("authn", "authn");
        var encryptionMap = map.Map("encryption", "encryption");
        var secretsMap = map.Map("secrets", "secrets");
        var risks = ImmutableArray.CreateBuilder<AcceptedRisk>();
        foreach (var (node, path) in map.Items("accepted_risks"))
        {
            var m = MapReader.Open(node, path, "accepted_risk", context);
            if (m is null)
            {
                continue;
            }

            if (m.Has("threat") && m.Has("finding"))
            {
                context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("finding"), m.ChildPath("finding"), "threat", "finding"));
            }
            else if (!m.Has("threat") && !m.Has("finding"))
            {
                context.Report(DiagnosticCodes.OneOfRequired(m.Span, path, "accepted risk", ["threat", "finding"]));
            }

            risks.Add(new AcceptedRisk(m.String("threat"), m.String("finding"), m.RequiredString("reason", "why the risk is accepted"), m.Date("until"), m.String("owner"), path));
        }

        return new Security(
            boundaries,
            authnMap is null ? Authentication.Empty : new Authentication(authnMap.String("users"), authnMap.String("services")),
            map.String("authz"),
            encryptionMap is null ? Encryption.Empty : new Encryption(encryptionMap.String("in_transit"), encryptionMap.String("at_rest")),
            secretsMap is null ? null : new Secrets(secretsMap.String("store"), secretsMap.Duration("rotation")),
            map.StringList("audit"),
            risks.ToImmutable(),
            map.Path);
    }
}
