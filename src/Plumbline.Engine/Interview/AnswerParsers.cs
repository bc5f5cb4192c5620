using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Engine.Interview;

/// <summary>An answer read into a value, or why it could not be.</summary>
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Reads interview answers into names and units of the design format, normalising the common ways
/// people write them (<c>200 rps</c>, <c>10M users</c>, <c>50%</c>). Pure functions; no I/O.
/// </summary>
public static partial class AnswerParsers
{
    /// <summary>The sensitivity words: the model's <see cref="Classification"/> as the file writes it.</summary>
    public static readonly ImmutableArray<string> Classifications = [.. EnumNames.NamesOf<Classification>()];

    /// <summary>The access pattern words: the model's <see cref="AccessPatternKind"/> as the file writes it.</summary>
    public static readonly ImmutableArray<string> AccessKinds = [.. EnumNames.NamesOf<AccessPatternKind>()];

    /// <summary>"low, medium or high": the model's <see cref="FailureTolerance"/> as the file writes it.</summary>
    private static readonly string ToleranceWords =
        string.Join(", ", EnumNames.NamesOf<FailureTolerance>().SkipLast(1)) + " or " + EnumNames.NamesOf<FailureTolerance>()[^1];

    /// <summary>A name for a system, workflow or metric: lower-case letters, digits, <c>-</c> and <c>_</c>; spaces become <c>-</c>.</summary>
    public static Parsed<string> Name(string answer)
    {
        var name = Slug(answer);
        return name.Length == 0 || !char.IsAsciiLetter(name[0])
            ? new Parsed<string>(default, "A name starts with a letter and uses letters, digits, - and _ (e.g. url-shortener).")
            : new Parsed<string>(name, null);
    }

    /// <summary>An entity name: letters, digits, <c>-</c> and <c>_</c>, case kept (<c>Link</c>, <c>ClickEvent</c>).</summary>
    public static Parsed<string> EntityName(string answer)
    {
        var sb = new StringBuilder();
        foreach (var word in answer.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var c in word)
            {
                if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
                {
                    sb.Append(c);
                }
            }

            sb.Append('_');
        }

        var name = sb.ToString().Trim('_', '-');
        return name.Length == 0 || !char.IsAsciiLetter(name[0])
            ? new Parsed<string>(default, $"\"{answer}\" is not an entity name; use letters and digits (e.g. Link).")
            : new Parsed<string>(name, null);
    }

    /// <summary>Free text on one line, trimmed.</summary>
    public static Parsed<string> Text(string answer) => new Parsed<string>(answer.Trim(), null);

    /// <summary>Items separated by semicolons when there are any, else by commas (not inside parentheses).</summary>
    public static ImmutableArray<string> List(string answer)
    {
        var separator = answer.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        return [.. SplitTopLevel(answer, separator).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Monthly active users (<c>10M</c>, <c>250K users</c>) or a request rate (<c>200/s</c>, <c>200 rps</c>).</summary>
    public static Parsed<(string? Users, string? Rate)> Scale(string answer)
    {
        var text = answer.Trim().ToLowerInvariant();
        foreach (var suffix in new[] { "monthly active users", "monthly users", "active users", "users", "mau" })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
                break;
            }
        }

        text = text.Replace(" ", string.Empty, StringComparison.Ordinal)
                   .Replace("rps", "/s", StringComparison.Ordinal)
                   .Replace("req/", "/", StringComparison.Ordinal)
                   .Replace("requests/", "/", StringComparison.Ordinal)
                   .Replace("/sec", "/s", StringComparison.Ordinal)
                   .Replace("/second", "/s", StringComparison.Ordinal);
        var count = CountPattern().Match(text);
        if (count.Success)
        {
            return new Parsed<(string?, string?)>((NormaliseCount(count), null), null);
        }

        var rate = RatePattern().Match(text);
        if (rate.Success)
        {
            return new Parsed<(string?, string?)>((null, NormaliseCount(rate) + "/" + rate.Groups["unit"].Value), null);
        }

        return new Parsed<(string?, string?)>(default, "Give monthly active users (10M) or requests per second (200/s).");
    }

    /// <summary>Growth per year: <c>50%</c>, <c>50%/year</c> or <c>5%/month</c>.</summary>
    public static Parsed<string> Growth(string answer)
    {
        var m = GrowthPattern().Match(answer.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
        if (!m.Success)
        {
            return new Parsed<string>(default, "Give growth as a percent per year, e.g. 50%/year.");
        }

        var per = m.Groups["per"].Success ? m.Groups["per"].Value : "year";
        return new Parsed<string>($"{m.Groups["n"].Value}%/{per}", null);
    }

    /// <summary>Peak-to-average ratio, a number of at least 1 (<c>3</c> or <c>3x</c>).</summary>
    public static Parsed<string> PeakToAverage(string answer)
    {
        var text = answer.Trim().TrimEnd('x', 'X').Trim();
        return NumberPattern().IsMatch(text)
               && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? new Parsed<string>(text, null)
            : new Parsed<string>(default, "Give a number of at least 1, e.g. 3 (the peak hour has 3x the average traffic).");
    }

    /// <summary>A persona's top workflow and failure tolerance: <c>redirect, low</c>.</summary>
    public static Parsed<(string? Workflow, FailureTolerance? Tolerance)> PersonaDetail(string answer)
    {
        string? workflow = null;
        FailureTolerance? tolerance = null;
        foreach (var part in SplitTopLevel(answer, ','))
        {
            if (EnumNames.TryParse<FailureTolerance>(part.Trim().ToLowerInvariant(), out var t))
            {
                tolerance = t;
            }
            else if (workflow is null && Name(part) is { Ok: true } name)
            {
                workflow = name.Value;
            }
            else
            {
                return new Parsed<(string?, FailureTolerance?)>(default, $"\"{part}\" is neither a workflow name nor {ToleranceWords}.");
            }
        }

        return new Parsed<(string?, FailureTolerance?)>((workflow, tolerance), null);
    }

    /// <summary>An entity's sensitivity, retention and access: <c>internal, 5y, point_lookup(code)</c>, any order, any part left out.</summary>
    public static Parsed<(string? Classification, string? Retention, ImmutableArray<string> Access)> EntityDetail(string answer)
    {
        string? classification = null, retention = null;
        var access = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in SplitTopLevel(answer, ','))
        {
            var part = raw.ToLowerInvariant();
            var compact = part.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (Classifications.Contains(part))
            {
                classification = part;
            }
            else if (part == "forever" || Retention(compact) is not null)
            {
                retention = part == "forever" ? "forever" : Retention(compact);
            }
            else if (AccessPattern().Match(compact) is { Success: true } m && AccessKinds.Contains(m.Groups["kind"].Value))
            {
                access.Add(compact.Replace(",", ", ", StringComparison.Ordinal));
            }
            else
            {
                return new Parsed<(string?, string?, ImmutableArray<string>)>(default,
                    $"\"{raw}\" is not a sensitivity ({string.Join('/', Classifications)}), a retention (90d, 5y, forever) " +
                    $"or an access pattern ({string.Join(", ", AccessKinds)}, e.g. point_lookup(id)).");
            }
        }

        return new Parsed<(string?, string?, ImmutableArray<string>)>((classification, retention, access.ToImmutable()), null);
    }

    /// <summary>A retention as a duration of the format: <c>90d</c>, <c>5y</c>; <c>5 years</c>, <c>6 months</c> (as 180d) too. Null if it is none.</summary>
    public static string? Retention(string compact)
    {
        if (DurationPattern().IsMatch(compact))
        {
            return compact;
        }

        var m = LongDurationPattern().Match(compact);
        if (!m.Success)
        {
            return null;
        }

        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["unit"].Value switch
        {
            "year" or "years" or "yr" or "yrs" => $"{n}y",
            "month" or "months" or "mo" => string.Create(CultureInfo.InvariantCulture, $"{n * 30}d"),
            "week" or "weeks" => $"{n}w",
            "day" or "days" => $"{n}d",
            _ => null,
        };
    }

    /// <summary>Dependencies: <c>geoip-vendor (external, 99.9%); payments (payments-team, 99.95%)</c>.</summary>
    public static Parsed<ImmutableArray<DependencyAnswer>> Dependencies(string answer)
    {
        var result = ImmutableArray.CreateBuilder<DependencyAnswer>();
        foreach (var item in List(answer))
        {
            var open = item.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? item : item[..open]).Trim();
            if (name.Length == 0)
            {
                return new Parsed<ImmutableArray<DependencyAnswer>>(default, $"\"{item}\" has no name; write name (owner, SLA).");
            }

            string? owner = null, sla = null;
            if (open >= 0)
            {
                var inner = item[(open + 1)..].TrimEnd().TrimEnd(')');
                foreach (var part in SplitTopLevel(inner, ','))
                {
                    var p = part.Replace(" ", string.Empty, StringComparison.Ordinal);
                    if (PercentPattern().IsMatch(p))
                    {
                        sla = p.EndsWith('%') ? p : p + "%";
                    }
                    else
                    {
                        owner ??= part;
                    }
                }
            }

            result.Add(new DependencyAnswer(name, owner, sla));
        }

        return new Parsed<ImmutableArray<DependencyAnswer>>(result.ToImmutable(), null);
    }

    /// <summary>A metric and its target: <c>links-created: 3M/month</c> (the target may be left out).</summary>
    public static Parsed<(string Name, string? Target)> Metric(string answer)
    {
        var split = answer.IndexOfAny([':', '=']);
        var nameText = split < 0 ? answer : answer[..split];
        var target = split < 0 ? null : answer[(split + 1)..].Trim();
        var name = Name(nameText);
        return name.Ok
            ? new Parsed<(string, string?)>((name.Value!, string.IsNullOrEmpty(target) ? null : target), null)
            : new Parsed<(string, string?)>(default, "Write the metric's name, a colon and its target, e.g. links-created: 3M/month.");
    }

    /// <summary>Lower-case, words joined by <c>-</c>, only letters, digits, <c>-</c> and <c>_</c>.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                sb.Append(c);
            }
            else if ((c == '-' || char.IsWhiteSpace(c) || c == '.') && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == separator && depth == 0))
            {
                var part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    parts.Add(part);
                }

                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && depth > 0)
            {
                depth--;
            }
        }

        return parts;
    }

    private static string NormaliseCount(Match m) => m.Groups["n"].Value + m.Groups["mult"].Value.ToUpperInvariant();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<mult>[kmb]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<mult>[kmb]?)/(?<unit>s|min|h|day|month|year)$", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)%(/(?<per>year|month))?$", RegexOptions.CultureInvariant)]
    private static partial Regex GrowthPattern();

    [GeneratedRegex(@"^\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d+(\.\d+)?%?$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"^\d+(us|ms|s|m|h|d|w|y)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<n>\d{1,6})(?<unit>years?|yrs?|months?|mo|weeks?|days?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LongDurationPattern();

    [GeneratedRegex(@"^(?<kind>[a-z_]+)(\([a-z0-9_]+(,[a-z0-9_]+)*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AccessPattern();
}
