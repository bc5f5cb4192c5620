using System.Globalization;
using System.Net;
using System.Text;

namespace Plumbline.Reporting.Simulation;

/// <summary>One line of a chart: its name, colour and points (x, y); a NaN y breaks the line.</summary>
internal sealed record ChartLine(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>One group of bars: a label and a value per series (NaN: no bar).</summary>
internal sealed record BarGroup(string Label, IReadOnlyList<double> Values);

/// <summary>
/// Charts drawn as inline SVG, so a report is one file that works offline: no script, no font or style fetched.
/// Names from the design are HTML-encoded; every number is written with the invariant culture.
/// </summary>
internal static class SvgChart
{
    public const int Width = 760;
    public const int Height = 240;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 12;
    private const int Bottom = 36;

    /// <summary>Colours for series, in order (readable on white, distinct in greyscale by their dash when reused).</summary>
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    /// <summary>
    /// A line chart over time: <paramref name="lines"/> against seconds from 0 to <paramref name="xMax"/>, the
    /// <paramref name="shaded"/> spans (fault windows) behind them, the y axis labelled by <paramref name="yLabel"/>.
    /// </summary>
    public static string Lines(string id, string title, IReadOnlyList<ChartLine> lines, double xMax, IReadOnlyList<(double From, double To)> shaded, Func<double, string> yLabel, double? yMaxFixed = null)
    {
        var yMax = yMaxFixed ?? lines.SelectMany(l => l.Points).Select(p => p.Y).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        yMax = yMax > 0 ? Nice(yMax) : 1;
        xMax = xMax > 0 ? xMax : 1;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double x) => Left + (plotW * Math.Clamp(x / xMax, 0, 1));
        double Y(double y) => Top + plotH - (plotH * Math.Clamp(y / yMax, 0, 1));
        var sb = new StringBuilder();
        Open(sb, id, title);
        foreach (var (from, to) in shaded)
        {
            var x0 = X(from);
            var x1 = X(Math.Min(to, xMax));
            sb.Append(Inv($"<rect class=\"fault\" x=\"{x0:0.#}\" y=\"{Top}\" width=\"{Math.Max(1, x1 - x0):0.#}\" height=\"{plotH}\" fill=\"#f4c7c3\" fill-opacity=\"0.6\"><title>fault {Esc(Seconds(from))} to {Esc(Seconds(to))}</title></rect>"));
        }

        Axes(sb, plotW, plotH, xMax, yMax, yLabel);
        foreach (var line in lines)
        {
            var path = new StringBuilder();
            var pen = false;
            foreach (var (x, y) in line.Points)
            {
                if (!double.IsFinite(y))
                {
                    pen = false;
                    continue;
                }

                path.Append(Inv($"{(pen ? 'L' : 'M')}{X(x):0.#} {Y(y):0.#} "));
                pen = true;
            }

            if (path.Length > 0)
            {
                sb.Append(Inv($"<path d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"1.5\"{(line.Dashed ? " stroke-dasharray=\"5 3\"" : string.Empty)}><title>{Esc(line.Name)}</title></path>"));
            }
        }

        sb.Append("</svg>");
        Legend(sb, lines.Select(l => (l.Name, l.Colour, l.Dashed)), shaded.Count > 0);
        return sb.ToString();
    }

    /// <summary>Grouped bars: one group per label, one bar per series, the value printed in each bar's tooltip.</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> series, IReadOnlyList<BarGroup> groups, Func<double, string> yLabel, bool stacked = false)
    {
        var totals = groups.Select(g => stacked ? g.Values.Where(double.IsFinite).Sum() : g.Values.Where(double.IsFinite).DefaultIfEmpty(0).Max());
        var yMax = totals.DefaultIfEmpty(0).Max();
        yMax = yMax > 0 ? Nice(yMax) : 1;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var sb = new StringBuilder();
        Open(sb, id, title);
        Grid(sb, plotW, plotH, yMax, yLabel);
        var groupW = plotW / (double)Math.Max(1, groups.Count);
        var barW = stacked ? groupW * 0.5 : groupW * 0.8 / Math.Max(1, series.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = Left + (g * groupW) + (groupW * (stacked ? 0.25 : 0.1));
            var stack = 0.0;
            for (var s = 0; s < series.Count && s < groups[g].Values.Count; s++)
            {
                var v = groups[g].Values[s];
                if (!double.IsFinite(v) || v <= 0)
                {
                    continue;
                }

                var h = plotH * Math.Min(1, v / yMax);
                var x = stacked ? x0 : x0 + (s * barW);
                var y = Top + plotH - h - (stacked ? plotH * Math.Min(1, stack / yMax) : 0);
                sb.Append(Inv($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, barW - 1):0.#}\" height=\"{Math.Max(0.5, h):0.#}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Esc(groups[g].Label)} {Esc(series[s])}: {Esc(yLabel(v))}</title></rect>"));
                stack += stacked ? v : 0;
            }

            sb.Append(Inv($"<text x=\"{Left + (g * groupW) + (groupW / 2):0.#}\" y=\"{Height - 18}\" text-anchor=\"middle\">{Esc(Cut(groups[g].Label, 24))}</text>"));
        }

        sb.Append("</svg>");
        Legend(sb, series.Select((s, i) => (s, Palette[i % Palette.Length], false)), false);
        return sb.ToString();
    }

    private static void Open(StringBuilder sb, string id, string title) =>
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{Esc(id)}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Esc(title)}\"><title>{Esc(title)}</title>"));

    private static void Axes(StringBuilder sb, int plotW, int plotH, double xMax, double yMax, Func<double, string> yLabel)
    {
        Grid(sb, plotW, plotH, yMax, yLabel);
        var step = TimeStep(xMax / 6);
        for (var t = 0.0; t <= xMax + 1e-9; t += step)
        {
            var x = Left + (plotW * t / xMax);
            sb.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"{Top + plotH}\" x2=\"{x:0.#}\" y2=\"{Top + plotH + 4}\" stroke=\"#888\"/>"));
            sb.Append(Inv($"<text x=\"{x:0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\">{Esc(Seconds(t))}</text>"));
        }

        sb.Append(Inv($"<text x=\"{Left + (plotW / 2)}\" y=\"{Height - 2}\" text-anchor=\"middle\" class=\"axis\">simulated time</text>"));
    }

    private static void Grid(StringBuilder sb, int plotW, int plotH, double yMax, Func<double, string> yLabel)
    {
        for (var i = 0; i <= 4; i++)
        {
            var v = yMax * i / 4;
            var y = Top + plotH - (plotH * i / 4.0);
            sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotW}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>"));
            sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Esc(yLabel(v))}</text>"));
        }

        sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#888\"/>"));
    }

    private static void Legend(StringBuilder sb, IEnumerable<(string Name, string Colour, bool Dashed)> items, bool fault)
    {
        sb.Append("<div class=\"legend\">");
        foreach (var (name, colour, dashed) in items)
        {
            sb.Append(Inv($"<span><i style=\"background:{colour}{(dashed ? ";opacity:0.6" : string.Empty)}\"></i>{Esc(name)}{(dashed ? " (dashed)" : string.Empty)}</span>"));
        }

        if (fault)
        {
            sb.Append("<span><i style=\"background:#f4c7c3\"></i>fault active</span>");
        }

        sb.Append("</div>");
    }

    /// <summary>A step of time at or above <paramref name="seconds"/> that reads well: 1, 2 or 5 seconds times a power of ten up to a minute, then whole minutes and hours.</summary>
    internal static double TimeStep(double seconds) =>
        seconds <= 60 ? Nice(seconds) : TimeSteps.FirstOrDefault(s => s >= seconds, Nice(seconds));

    private static readonly double[] TimeSteps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>.</summary>
    internal static double Nice(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1.0, 2, 2.5, 5, 10 })
        {
            if (m * power >= value * (1 - 1e-12))
            {
                return m * power;
            }
        }

        return 10 * power;
    }

    private static string Seconds(double s) => Plumbline.Design.Text.Quantities.Duration(s);

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    internal static string Esc(string text) => WebUtility.HtmlEncode(Plumbline.Design.Text.TerminalText.Escape(text));

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
