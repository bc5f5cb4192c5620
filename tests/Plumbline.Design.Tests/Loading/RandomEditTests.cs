using CsCheck;
using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>
/// Random edits of real designs: the loader must answer every one with a design or with clear,
/// positioned errors, and never throw.
/// </summary>
public sealed class RandomEditTests
{
    private static readonly string[] Examples =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly string Alphabet = "abcz019 :-_[]{}\n\t,.'\"&*!#|>%/?~é";

    private static readonly Gen<string> Edited =
        from example in Gen.Int[0, Examples.Length - 1].Select(i => Examples[i])
        from edits in Gen.Int[1, 4]
        from ops in Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.Char[Alphabet]).Array[edits]
        select Apply(example, ops);

    [Fact]
    public void Random_edits_never_crash_the_loader() =>
        Edited.SampleReplayable(text =>
        {
            var result = DesignLoader.LoadText("edited.yaml", text);
            Assert.True(result.Design is not null || result.HasErrors, "no design and no error");
            Assert.All(result.Diagnostics, d =>
            {
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
                Assert.StartsWith("PL", d.Code, StringComparison.Ordinal);
                Assert.InRange(d.Span.Start.Line, 1, text.Count(c => c == '\n') + 2);
            });
        }, iter: 1500, threads: 1);

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
                _ => text[..at] + c + text[Math.Min(at + 1, text.Length)..],
            };
        }

        return text;
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
