using Plumbline.Analysis.Review;

namespace Plumbline.Reporting.Review;

/// <summary>
/// Where rule documentation lives on the web. There is one base address: each rule's page is
/// <c>https://plumbline.dev/docs/rules/&lt;id&gt;</c>, published from <c>docs/rules/&lt;id&gt;.md</c> in the
/// repository (<see cref="RuleInfo.DocsPath"/>). JSON, SARIF and Markdown reports link there, so a
/// finding read in a CI log or a code-scanning alert leads to the same page.
/// </summary>
public static class RuleDocs
{
    /// <summary>The docs site: SARIF's <c>tool.driver.informationUri</c>.</summary>
    public const string InformationUri = "https://plumbline.dev/docs";

    /// <summary>The one base URI of rule pages; a rule's id is appended.</summary>
    public const string BaseUri = InformationUri + "/rules/";

    /// <summary>
    /// The page of a built-in rule: <c>https://plumbline.dev/docs/rules/missing-timeout</c>; null for a
    /// team's own rule from a rule file, which has no page of ours.
    /// </summary>
    public static string? Uri(RuleInfo rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RuleRegistry.Find(rule.Id) is { } builtIn && ReferenceEquals(builtIn.Info, rule) ? BaseUri + rule.Id : null;
    }
}
