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

    /// <summary>The page of a rule: <c>https://plumbline.dev/docs/rules/missing-timeout</c>.</summary>
    public static string Uri(RuleInfo rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return BaseUri + rule.Id;
    }
}
