using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>api</c>: versioning and endpoints.</summary>
internal static partial class DesignBinder
{
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "WS", "GRPC", "RPC"];

    private static Api ReadApi(MapReader map, BindContext context)
    {
        var endpoints = ReadNamedList(map, "endpoints", "endpoint", "endpoint", "name", context, m =>
        {
            var route = m.RequiredString("route", "the method and path, such as 'GET /v1/links/{code}'");
            var method = string.Empty;
            var routePath = route;
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && Array.IndexOf(HttpMethods, route[..space].ToUpperInvariant()) >= 0 && route[(space + 1)..].Trim().Length > 0)
            {
                method = route[..space].ToUpperInvariant();
                routePath = route[(space + 1)..].Trim();
            }
            else if (route.Length > 0)
            {
                context.Report(DiagnosticCodes.InvalidRoute(m.ValueSpan("route"), m.ChildPath("route"), route));
            }

            var auth = m.Enum<AuthScheme>("auth");
            var isPublic = m.String("public");
            if (isPublic is not null && auth is { } scheme && scheme != AuthScheme.None)
            {
                context.Report(DiagnosticCodes.Inconsistent(m.ValueSpan("auth"), m.ChildPath("auth"),
                    $"a public endpoint needs no authentication, but its auth is {Text.EnumNames.ToSnake(scheme)}", "remove public, or write auth: none"));
            }

            return new Endpoint(
                m.RequiredString("name", "the endpoint's name"),
                method,
                routePath,
                m.String("workflow"),
                m.Enum<Idempotency>("idempotency"),
                isPublic is not null ? AuthScheme.None : auth,
                m.StringList("reads"),
                m.StringList("writes"),
                m.String("version"),
                ReadRateLimits(m, "rate_limit", context),
                m.Path)
            {
                Public = isPublic,
            };
        });
        return new Api(map.String("version"), map.Enum<VersioningScheme>("versioning"), endpoints, map.Path);
    }
}
