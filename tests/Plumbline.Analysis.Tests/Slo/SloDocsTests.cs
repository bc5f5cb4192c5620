using System.Globalization;
using System.Text.RegularExpressions;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Slo;

/// <summary>
/// docs/slo.md prints error budgets, burn-rate factors, thresholds and detection times in tables; every
/// figure in them is what <see cref="ErrorBudget"/> and <see cref="BurnRate"/> compute, to the digits printed.
/// </summary>
public sealed partial class SloDocsTests
{
    private static string Page => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "slo.md"));

    /// <summary>The rows of the first table whose header line starts with <paramref name="header"/>.</summary>
    private static List<string[]> Table(string header)
    {
        var lines = Page.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/slo.md has no table starting {header}");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    private static double Percent(string text) => double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture) / 100;

    /// <summary>"72h", "50.4m", "25.92s", "2.08 days (50h)" as seconds; the digits printed, for the precision.</summary>
    private static (double Seconds, double Precision) Span(string text)
    {
        var match = SpanPattern().Match(text);
        Assert.True(match.Success, $"not a duration: {text}");
        var number = match.Groups["n"].Value;
        var unit = match.Groups["u"].Value switch
        {
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            "day" or "days" => 86400,
            var u => throw new InvalidOperationException(u),
        };
        var decimals = number.Contains('.', StringComparison.Ordinal) ? number.Length - number.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return (double.Parse(number, CultureInfo.InvariantCulture) * unit, 0.5 * Math.Pow(10, -decimals) * unit);
    }

    private static void Near(double expected, double printed, double precision, string what) =>
        Assert.True(Math.Abs(expected - printed) <= precision * (1 + 1e-9), $"{what}: the page says {printed:R}, the arithmetic gives {expected:R}");

    [Fact]
    public void The_budget_table_is_window_times_one_minus_the_objective()
    {
        var rows = Table("| objective | budget |");
        Assert.Equal(7, rows.Count);
        foreach (var row in rows)
        {
            var objective = Percent(row[0]);
            Near(ErrorBudget.Fraction(objective), Percent(row[1]), 1e-12, row[0] + " budget");
            foreach (var (column, days) in new[] { (2, 30), (3, 28), (4, 7) })
            {
                var (seconds, precision) = Span(row[column]);
                Near(ErrorBudget.Seconds(Duration.FromDays(days), objective), seconds, precision, $"{row[0]} over {days} days");
            }
        }
    }

    [Fact]
    public void The_factor_table_is_budget_times_window_over_long_window()
    {
        var rows = Table("| window pair | severity | budget |");
        Assert.Equal(["page-quick", "page-slow", "ticket-quick", "ticket-slow"], rows.Select(r => r[0]));
        foreach (var row in rows)
        {
            var budget = Percent(row[2]);
            var longWindow = Duration.Parse(row[3]).GetValueOrThrow();
            foreach (var (column, days) in new[] { (5, 30), (6, 28), (7, 7) })
            {
                var printed = row[column];
                var decimals = printed.Contains('.', StringComparison.Ordinal) ? printed.Length - printed.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                Near(BurnRate.Factor(budget, Duration.FromDays(days), longWindow), double.Parse(printed, CultureInfo.InvariantCulture),
                    0.5 * Math.Pow(10, -decimals), $"{row[0]} over {days} days");
            }
        }
    }

    [Fact]
    public void The_999_table_has_the_thresholds_detection_times_and_exhaustion()
    {
        var pairs = Table("| window pair | severity | budget |").ToDictionary(r => r[0], StringComparer.Ordinal);
        var rows = Table("| window pair | error ratio above |");
        Assert.Equal(4, rows.Count);
        var period = Duration.FromDays(30);
        foreach (var row in rows)
        {
            var pair = pairs[row[0]];
            var (longWindow, shortWindow) = (Duration.Parse(pair[3]).GetValueOrThrow(), Duration.Parse(pair[4]).GetValueOrThrow());
            var factor = BurnRate.Factor(Percent(pair[2]), period, longWindow);
            var threshold = BurnRate.Threshold(factor, 0.999);
            Near(threshold, Percent(row[1]), 1e-12, row[0] + " threshold");

            var (detection, precision) = Span(row[2]);
            Near(BurnRate.DetectionSeconds(threshold, longWindow, shortWindow, 1.0)!.Value, detection, precision, row[0] + " detection");

            var (lasts, lastsPrecision) = Span(row[3]);
            Near(BurnRate.SecondsToExhaust(factor, period), lasts, lastsPrecision, row[0] + " exhaustion");
        }
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?) ?(?<u>s|m|h|days|day)\b")]
    private static partial Regex SpanPattern();
}
