using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Tests.Shared;

/// <summary>
/// The review test kit every test project shares: load an inline design (failing with the loader's
/// diagnostics if it is invalid), review it on the docs' fixed date, and pick out one rule's findings.
/// </summary>
internal static class ReviewKit
{
    /// <summary>The date every review test judges acceptances and backups against.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static ReviewOptions Options { get; } = new(Today);

    /// <summary>A design from text, which must be valid.</summary>
    public static SystemDesign Load(string yaml, string file = "test.yaml") => DesignKit.Load(yaml, file);

    /// <summary>The whole review of a design given as text.</summary>
    public static ReviewReport Report(string yaml, string file = "test.yaml") => Reviewer.Review(Load(yaml, file), Options);

    /// <summary>The open findings of a design given as text.</summary>
    public static IReadOnlyList<Finding> Review(string yaml) => Review(Load(yaml));

    public static IReadOnlyList<Finding> Review(SystemDesign design) => Reviewer.Review(design, Options).Findings;

    /// <summary>One rule's open findings.</summary>
    public static List<Finding> Findings(string yaml, string ruleId) => Review(yaml).Of(ruleId);

    /// <summary>What the rules of one review see.</summary>
    public static ReviewContext Context(string yaml) => new(Load(yaml), Options);

    public static List<Finding> Of(this IEnumerable<Finding> findings, string ruleId) => [.. findings.Where(f => f.Rule.Id == ruleId)];
}
