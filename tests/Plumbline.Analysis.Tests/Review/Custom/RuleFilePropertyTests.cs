using CsCheck;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>
/// Random edits of the sample rule file: the loader answers every one with rules or with positioned
/// diagnostics, never an exception, and whatever rules it returns run on a design without throwing.
/// </summary>
public sealed class RuleFilePropertyTests
{
    private static readonly string Alphabet = "abcz019 :-_.[]{}\n\t,'\"&*!#|>%/?~()\\^$é";

    private static readonly Gen<string> Edited =
        from edits in Gen.Int[1, 4]
        from ops in Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.Char[Alphabet]).Array[edits]
        select Apply(Fixtures.TeamRules, ops);

    [Fact]
    public void Random_edits_yield_rules_or_positioned_errors_and_never_throw()
    {
        var context = new ReviewContext(CustomRuleKit.LoadedDesign, ReviewKit.Options);
        Edited.SampleReplayable(text =>
        {
            var result = RuleFileLoader.LoadText("edited.rules.yaml", text);
            Assert.True(result.Rules.Length > 0 || result.Diagnostics.Length > 0, "no rules and no diagnostics");
            Assert.Equal(result.Success, !result.Diagnostics.Any(d => d.IsError));
            if (!result.Success)
            {
                Assert.Empty(result.Rules);
            }

            Assert.All(result.Diagnostics, d =>
            {
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
                Assert.Matches("^PL[14][0-9]{3}$", d.Code);
                Assert.Equal("edited.rules.yaml", d.Span.Path);
                Assert.InRange(d.Span.Start.Line, 1, text.Count(c => c == '\n') + 2);
                Assert.True(d.Span.Start.Column >= 1);
            });

            foreach (var rule in result.Rules)
            {
                Assert.All(rule.Check(context), f => Assert.StartsWith(rule.Info.Id + "@", f.Key, StringComparison.Ordinal));
            }
        }, iter: 1500, threads: 1);
    }

    private static string Apply(string text, (int Op, int Position, int Length, char Char)[] ops)
    {
        foreach (var (op, position, length, c) in ops)
        {
            var at = position % Math.Max(text.Length, 1);
            var len = Math.Min(length, text.Length - at);
            text = op switch
            {
                0 => text.Remove(at, len),
                1 => text.Insert(at, new string(c, 1 + (length % 3))),
                2 => SwapLines(text, at, length),
                3 => DuplicateLine(text, at),
                4 => ReplaceWord(text, at, length),
                _ => text[..at] + c + text[Math.Min(at + 1, text.Length)..],
            };
        }

        return text;
    }

    private static readonly string[] Words =
        ["present", "absent", "{ min: 1s }", "{ max: 2GB }", "[a, b]", "{ matches: '(' }", "{ in: [] }", "components", "calls", "2", "", "~", "{}", "team-owner-required"];

    /// <summary>Replaces the value after the n-th ': ' with a word the format gives meaning to, right or wrong.</summary>
    private static string ReplaceWord(string text, int at, int which)
    {
        var colon = text.IndexOf(": ", at, StringComparison.Ordinal);
        if (colon < 0)
        {
            return text;
        }

        var end = text.IndexOf('\n', colon);
        end = end < 0 ? text.Length : end;
        return string.Concat(text.AsSpan(0, colon + 2), Words[which % Words.Length], text.AsSpan(end));
    }

    private static string SwapLines(string text, int at, int other)
    {
        var lines = text.Split('\n');
        var a = at % lines.Length;
        var b = (at + other) % lines.Length;
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private static string DuplicateLine(string text, int at)
    {
        var lines = text.Split('\n').ToList();
        var a = at % lines.Count;
        lines.Insert(a, lines[a]);
        return string.Join('\n', lines);
    }
}
