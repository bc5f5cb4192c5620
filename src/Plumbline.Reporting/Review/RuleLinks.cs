using System.Reflection;
using Plumbline.Analysis.Review;

namespace Plumbline.Reporting.Review;

/// <summary>
/// Where reports point for a rule's documentation: one base, the built-in rule's page name appended
/// (<see cref="RuleInfo.DocsPage"/>). By default the base is the repository's own folder,
/// <c>docs/rules/</c>; a release pins an absolute one (say a tagged tree of the repository) with the
/// MSBuild property <c>PlumblineRuleDocs</c>, and <c>plumbline check --rule-docs</c> overrides it for one
/// run. A team's rule has no page of ours, so no link. Deciding which rules have a page is not done
/// here: the rule says so.
/// </summary>
public sealed class RuleLinks
{
    /// <summary>Links relative to the repository: <c>docs/rules/missing-timeout.md</c>.</summary>
    public static RuleLinks Repository { get; } = new(RuleInfo.DocsFolder);

    /// <summary>The base this build was given (<c>PlumblineRuleDocs</c>), else <see cref="Repository"/>.</summary>
    public static RuleLinks Default { get; } = FromBuild() ?? Repository;

    /// <param name="docsBase">The folder of the rule pages, a URL or a path; a trailing '/' is added when missing.</param>
    public RuleLinks(string docsBase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docsBase);
        Base = docsBase.EndsWith('/') ? docsBase : docsBase + "/";
        IsAbsolute = Uri.TryCreate(Base, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }

    public string Base { get; }

    /// <summary>True for an http(s) base, which tools may follow (SARIF <c>helpUri</c> is written only then).</summary>
    public bool IsAbsolute { get; }

    /// <summary>The rule's page: <c>docs/rules/missing-timeout.md</c> or the pinned base's; null for a team's rule.</summary>
    public string? For(RuleInfo rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.DocsPage is { } page ? Base + page : null;
    }

    private static RuleLinks? FromBuild()
    {
        var pinned = typeof(RuleLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PlumblineRuleDocs")?.Value;
        return string.IsNullOrWhiteSpace(pinned) ? null : new RuleLinks(pinned);
    }
}
