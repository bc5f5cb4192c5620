using System.Text.RegularExpressions;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>What the completeness rules share: where to point when a section is absent, and what counts as a write or a measurable statement.</summary>
internal static partial class CompletenessSupport
{
    /// <summary>Whether an endpoint changes state: a writing method, or entities it says it writes.</summary>
    public static bool IsWrite(Endpoint endpoint) =>
        endpoint.Method is "POST" or "PUT" or "PATCH" or "DELETE" || !endpoint.Writes.IsDefaultOrEmpty;

    /// <summary>
    /// Whether a statement carries something to measure it by: a digit, a number word, a frequency
    /// ("daily"), a unit of time with an article ("under a second"), or an absolute ("no", "never",
    /// "every"), which is a target of 0% or 100%. Deliberately generous: a vague statement that
    /// slips through costs less than a precise one flagged.
    /// </summary>
    public static bool IsMeasurable(string text) =>
        !string.IsNullOrWhiteSpace(text) && (text.Any(char.IsAsciiDigit) || QuantityWords().IsMatch(text));

    /// <summary>The first 60 characters of a text, for messages.</summary>
    public static string Clip(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    [GeneratedRegex(
        @"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand|million|billion|once|twice|half|double|triple|dozen|none|no|never|every|daily|hourly|weekly|monthly|quarterly|yearly|annually|nightly|percent)\b|\b(a|an|per)\s+(second|minute|hour|day|week|month|quarter|year)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityWords();
}
