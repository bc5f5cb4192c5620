using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Reporting.Tests.Review;

/// <summary>Real reviews for the renderer tests: the repository's examples, named as a user in its root would name them.</summary>
internal static class ReviewTestData
{
    public const string WeakDesign = "weak-design.yaml";

    /// <summary>The file names in examples/, in ordinal order.</summary>
    public static IReadOnlyList<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Examples())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Loads examples/NAME as "examples/NAME" (so reports show that path) and reviews it.</summary>
    public static (ReviewReport Report, string File) ReviewExample(string name)
    {
        var file = "examples/" + name;
        var text = File.ReadAllText(Path.Combine(Repository.Root, "examples", name));
        return (Review(file, text), file);
    }

    /// <summary>Loads a design from text, which must be valid, and reviews it.</summary>
    public static ReviewReport Review(string file, string yaml) => ReviewKit.Report(yaml, file);

    /// <summary>
    /// A tiny design with one accepted finding, built from the acceptance rules alone so it does not
    /// depend on the rest of the catalogue: the first acceptance has lapsed (an expired-acceptance
    /// finding), the second accepts that finding by its key until next year, and the third has
    /// lapsed with nobody re-deciding (an open medium finding).
    /// </summary>
    public const string WithAcceptance = """
        plumbline: 1
        system:
          name: shop
          owners: [shop-team]
        workflows:
          browse: { entry: web.get, rate: 10/s }
        components:
          web: { kind: service, operations: { get: {} } }
        security:
          accepted_risks:
            - threat: scraping
              reason: public data anyway
              until: 2026-01-31
            - finding: expired-acceptance@scraping
              reason: rate limiting lands next sprint
              until: 2027-01-31
              owner: shop-team
            - threat: bots buying out stock
              reason: nobody has tried yet
              until: 2026-03-01
        """;
}
