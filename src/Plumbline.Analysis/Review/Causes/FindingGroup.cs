using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Causes;

/// <summary>
/// Findings that share one root cause (<see cref="FindingCauses"/>), reported once: the head names the cause, the
/// related findings repeat it elsewhere in the design and are listed under it. A group counts once in the review's
/// totals and scores, at its most severe finding's severity, so a repeat never hides a high finding; a finding whose
/// cause no other finding shares is a group of one.
/// </summary>
/// <param name="Cause">The cause's key: the head's own key for a group of one, else <c>kind@subject</c> (<c>missing-timeout@web->redis</c>).</param>
/// <param name="Head">The finding that reports the cause: the one whose rule names it, else the most severe, first in the file.</param>
/// <param name="Related">The other findings of the same cause, most severe first, then in file order.</param>
public sealed record FindingGroup(string Cause, Finding Head, ImmutableArray<Finding> Related)
{
    /// <summary>The most severe of the group's findings.</summary>
    public Severity Severity => Related.IsDefaultOrEmpty ? Head.Severity : (Severity)Math.Min((int)Head.Severity, (int)Related.Min(f => f.Severity));

    /// <summary>The head, then the related findings.</summary>
    public IEnumerable<Finding> All => Related.IsDefaultOrEmpty ? [Head] : [Head, .. Related];

    /// <summary>A finding that shares its cause with no other.</summary>
    public static FindingGroup Alone(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingGroup(finding.Cause ?? finding.Key, finding, []);
    }

    /// <summary>
    /// Groups findings by cause (<paramref name="causeOf"/>): in each, the finding whose rule names the cause heads it
    /// (<see cref="FindingCauses.HeadRule"/>), else the most severe, first in the file. Groups come in the order of their
    /// heads in <paramref name="findings"/>. Each finding comes back with its <see cref="Finding.Cause"/> set.
    /// </summary>
    public static ImmutableArray<FindingGroup> Of(IEnumerable<Finding> findings, Func<Finding, string> causeOf)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(causeOf);
        var order = new List<string>();
        var byCause = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var cause = causeOf(finding);
            if (!byCause.TryGetValue(cause, out var members))
            {
                byCause[cause] = members = [];
                order.Add(cause);
            }

            members.Add(finding with { Cause = cause });
        }

        var groups = new List<FindingGroup>(order.Count);
        foreach (var cause in order)
        {
            var members = byCause[cause]
                .OrderBy(f => f.Severity)
                .ThenBy(f => f.Span.Offset)
                .ThenBy(f => f.Key, StringComparer.Ordinal)
                .ToList();
            var headRule = FindingCauses.HeadRule(cause);
            var head = members.FirstOrDefault(f => f.Rule.Id == headRule) ?? members[0];
            groups.Add(new FindingGroup(cause, head, [.. members.Where(f => !ReferenceEquals(f, head))]));
        }

        return [.. groups];
    }
}
