using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>The good examples get no high finding from the resilience, architecture and scale rules.</summary>
public sealed class ExamplesTests
{
    private static readonly HashSet<string> Ours = ResilienceRules.Ids;

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml")
            .Select(p => Path.GetFileName(p))
            .Where(n => !n.Contains("weak", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_good_example_gets_no_high_finding(string example)
    {
        var design = TestDesigns.Example(example);
        var findings = Reviewer.Review(design, ReviewKit.Options).Findings
            .Where(f => Ours.Contains(f.Rule.Id)).ToList();
        var high = findings.Where(f => f.Severity == Severity.High).ToList();
        Assert.True(high.Count == 0, string.Join(Environment.NewLine, high.Select(f => $"{f.Key}: {f.Message}")));
    }
}
