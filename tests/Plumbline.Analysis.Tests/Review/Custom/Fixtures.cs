namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Files of the repository the custom-rule tests read in place: the sample rule file and its docs page.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The sample rule file, tests/.../Custom/Fixtures/team.rules.yaml, which docs/custom-rules.md shows in full.</summary>
    public static string TeamRulesPath =>
        Path.Combine(Root.Value, "tests", "Plumbline.Analysis.Tests", "Review", "Custom", "Fixtures", "team.rules.yaml");

    public static string TeamRules => File.ReadAllText(TeamRulesPath);

    public static string DocsPage => File.ReadAllText(Path.Combine(Root.Value, "docs", "custom-rules.md"));

    /// <summary>The repository root: the nearest folder above the test binaries that holds Plumbline.slnx.</summary>
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plumbline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Plumbline.slnx not found above " + AppContext.BaseDirectory);
    }
}
