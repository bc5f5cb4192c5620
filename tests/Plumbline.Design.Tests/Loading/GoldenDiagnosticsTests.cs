using System.Text;
using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>
/// Baselines: each <c>Golden/&lt;case&gt;.yaml</c> is loaded and its diagnostics are written as
/// <c>#@</c> comments under the line they point at, in <c>&lt;case&gt;.diagnostics.yaml</c>.
/// <c>PLUMBLINE_ACCEPT=1</c> rewrites the baselines; the diff is the review.
/// </summary>
public sealed class GoldenDiagnosticsTests
{
    private static readonly string GoldenDir = Path.Combine(AppContext.BaseDirectory, "Loading", "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenDir, "*.yaml").Where(f => !f.EndsWith(".diagnostics.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_baseline(string name)
    {
        var input = Path.Combine(GoldenDir, name + ".yaml");
        var result = DesignLoader.LoadText(name + ".yaml", File.ReadAllText(input));
        var actual = Annotate(File.ReadAllText(input), result);

        GoldenFile.VerifyAt(Path.Combine(SourceDir(), "Loading", "Golden", name + ".diagnostics.yaml"), actual);
        Assert.NotEmpty(result.Diagnostics);
    }

    internal static string Annotate(string text, LoadResult result)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var byLine = result.Diagnostics.GroupBy(d => d.Span.Start.Line).ToDictionary(g => g.Key, g => g.ToList());
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == lines.Length - 1 && lines[i].Length == 0)
            {
                break;
            }

            sb.Append(lines[i]).Append('\n');
            if (byLine.TryGetValue(i + 1, out var diagnostics))
            {
                foreach (var d in diagnostics)
                {
                    var severity = d.IsError ? "error" : "warning";
                    var help = d.Help is null ? string.Empty : $" [{d.Help}]";
                    sb.Append($"#@ {d.Span.Start} {d.Code} {severity} {d.YamlPath}: {d.Message}{help}\n");
                }
            }
        }

        return sb.ToString();
    }

    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
