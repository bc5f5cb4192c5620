namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Files of the repository the custom-rule tests read in place: the sample rule file and its docs page.</summary>
internal static class Fixtures
{
    /// <summary>The sample rule file, tests/.../Custom/Fixtures/team.rules.yaml, which docs/custom-rules.md shows in full.</summary>
    public static string TeamRulesPath =>
        Path.Combine(Repository.Root, "tests", "Plumbline.Analysis.Tests", "Review", "Custom", "Fixtures", "team.rules.yaml");

    public static string TeamRules => File.ReadAllText(TeamRulesPath);

    public static string DocsPage => File.ReadAllText(Path.Combine(Repository.Root, "docs", "custom-rules.md"));
}
