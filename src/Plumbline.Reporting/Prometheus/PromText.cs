using System.Globalization;
using System.Text;
using Plumbline.Design.Units;

namespace Plumbline.Reporting.Prometheus;

/// <summary>
/// Text as Prometheus reads it: durations, numbers, string literals and regular expressions in PromQL,
/// metric-name-safe words, and Go-template-safe annotation text. Everything from a design passes here
/// before it reaches a rules file.
/// </summary>
public static class PromText
{
    private static readonly (string Unit, decimal Seconds)[] DurationUnits = [("d", 86_400m), ("h", 3_600m), ("m", 60m), ("s", 1m), ("ms", 0.001m)];

    /// <summary>A duration as Prometheus writes one: the largest whole unit, 5m, 1h, 30d, 90m, 1500ms.</summary>
    public static string Duration(Duration duration)
    {
        var seconds = (decimal)duration.Seconds;
        foreach (var (unit, size) in DurationUnits)
        {
            var count = seconds / size;
            if (count >= 1 && count == decimal.Truncate(count))
            {
                return count.ToString("0", CultureInfo.InvariantCulture) + unit;
            }
        }

        return decimal.Round(seconds * 1000m, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>A number for an expression: up to 12 significant digits, no exponent, so 14.4 x 0.001 prints 0.0144.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return value > 0 ? "+Inf" : value < 0 ? "-Inf" : "NaN";
        }

        var rounded = double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Math.Abs(rounded) < 1e15
            ? ((decimal)rounded).ToString("0.############################", CultureInfo.InvariantCulture)
            : rounded.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A PromQL double-quoted string literal: <c>"/{code}"</c>, with backslashes, quotes and control characters escaped.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A regular expression (RE2) matching exactly <paramref name="value"/>.</summary>
    public static string RegexQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>"redirect-availability" as a metric-name word: "RedirectAvailability"; never empty, never starting with a digit.</summary>
    public static string Pascal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return sb.Length == 0 || char.IsAsciiDigit(sb[0]) ? "Slo" + sb : sb.ToString();
    }

    /// <summary>
    /// Text for an alert's labels and annotations, which Prometheus expands as Go templates: a <c>{{</c> from a
    /// design would start an action, so it is written as <c>{{ "{{" }}</c>, which prints it as is.
    /// </summary>
    public static string Template(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("{{", "{{ \"{{\" }}", StringComparison.Ordinal);
    }
}
