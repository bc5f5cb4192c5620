using System.Text.RegularExpressions;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Xunit;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// docs/availability.md works each composition by hand and states the result under each example
/// design ("Result: `w = 99.8001%`"); every example loads through the real loader and gives exactly
/// the printed figure.
/// </summary>
public sealed partial class AvailabilityDocsTests
{
    private static string Page => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "availability.md"));

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (Match match in Example().Matches(Page))
        {
            data.Add(match.Groups["yaml"].Value, match.Groups["workflow"].Value, match.Groups["result"].Value);
        }

        return data;
    }

    [Fact]
    public void The_page_works_every_composition_the_model_claims()
    {
        var names = Example().Matches(Page).Select(m => Regex.Match(m.Groups["yaml"].Value, "name: ([a-z-]+)").Groups[1].Value).ToList();

        Assert.Equal(["series", "parallel", "fallback", "quorum", "shared-zones", "active-active", "failover"], names);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_gives_the_figure_printed_under_it(string yaml, string workflow, string result)
    {
        var design = TestDesigns.Load(yaml);
        var model = new AvailabilityModel(design, CallGraph.Build(design));

        Assert.Equal(result, Quantities.Availability(model.OfWorkflow(workflow)!.Value));
        Assert.Equal(0, model.OfWorkflow(workflow)!.Uncertainty);
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>plumbline: 1\n.*?)```\s+Result: `(?<workflow>[a-z-]+) = (?<result>[0-9.]+%)`", RegexOptions.Singleline)]
    private static partial Regex Example();
}
