using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;

namespace Plumbline.Engine.Interview;

/// <summary>An answer read into a value, or why it could not be.</summary>
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>Builds <see cref="Parsed{T}"/> answers.</summary>
public static class Parsed
{
    public static Parsed<T> Of<T>(T value) => new(value, null);

    public static Parsed<T> Fail<T>(string error) => new(default, error);
}

/// <summary>
/// Reads interview answers into values of the design format, normalising the common ways people write
/// them (<c>200 rps</c>, <c>10 million users</c>, <c>50%</c>), then checking them with the format's own
/// parsers (<see cref="Count"/>, <see cref="Rate"/>, <see cref="Percent"/>, <see cref="GrowthRate"/>,
/// <see cref="Duration"/>) and ranges, so an answer accepted here is a value the loader accepts: digits are
/// ASCII digits only, and numbers past the format's range are refused with the loader's reason.
/// Pure functions; no I/O.
/// </summary>
public static partial class AnswerParsers
{
    /// <summary>The longest name the format accepts (components, workflows, entities): 100 characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The sensitivity words: the model's <see cref="Classification"/> as the file writes it.</summary>
    public static readonly ImmutableArray<string> Classifications = [.. EnumNames.NamesOf<Classification>()];

    /// <summary>The access pattern words: the model's <see cref="AccessPatternKind"/> as the file writes it.</summary>
    public static readonly ImmutableArray<string> AccessKinds = [.. EnumNames.NamesOf<AccessPatternKind>()];

    /// <summary>The store words: the model's <see cref="StorageModel"/> as the file writes it.</summary>
    public static readonly ImmutableArray<string> StoreModels = [.. EnumNames.NamesOf<StorageModel>()];

    /// <summary>"low, medium or high": the model's <see cref="FailureTolerance"/> as the file writes it.</summary>
    private static readonly string ToleranceWords =
        string.Join(", ", EnumNames.NamesOf<FailureTolerance>().SkipLast(1)) + " or " + EnumNames.NamesOf<FailureTolerance>()[^1];

    private static readonly string PeakRange = string.Create(CultureInfo.InvariantCulture,
        $"from {Requirements.MinPeakToAverage:0.###} to {Requirements.MaxPeakToAverage:0.###}");

    /// <summary>A name for a system, workflow or metric: lower-case letters, digits, <c>-</c> and <c>_</c>; spaces become <c>-</c>.</summary>
    public static Parsed<string> Name(string answer)
    {
        var name = Slug(answer);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return Parsed.Fail<string>("A name starts with a letter and uses letters, digits, - and _ (e.g. url-shortener).");
        }

        return name.Length > MaxNameLength
            ? Parsed.Fail<string>($"A name has at most {MaxNameLength} characters; this one has {name.Length}.")
            : Parsed.Of<string>(name);
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
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return Parsed.Fail<string>($"{Shown(answer)} is not an entity name; use letters and digits (e.g. Link).");
        }

        return name.Length > MaxNameLength
            ? Parsed.Fail<string>($"An entity name has at most {MaxNameLength} characters; {Shown(answer)} has {name.Length}.")
            : Parsed.Of<string>(name);
    }

    /// <summary>Entity names separated by commas; the same name twice is kept once.</summary>
    public static Parsed<ImmutableArray<string>> EntityNames(string answer)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var item in List(answer))
        {
            var name = EntityName(item);
            if (!name.Ok)
            {
                return Parsed.Fail<ImmutableArray<string>>(name.Error!);
            }

            if (!names.Contains(name.Value!))
            {
                names.Add(name.Value!);
            }
        }

        return names.Count == 0
            ? Parsed.Fail<ImmutableArray<string>>("Name at least one entity, e.g. Link.")
            : Parsed.Of<ImmutableArray<string>>(names.ToImmutable());
    }

    /// <summary>Free text on one line, trimmed.</summary>
    public static Parsed<string> Text(string answer) => Parsed.Of<string>(answer.Trim());

    /// <summary>Items separated by semicolons when there are any, else by commas (not inside parentheses).</summary>
    public static ImmutableArray<string> List(string answer)
    {
        var separator = answer.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        return [.. SplitTopLevel(answer, separator).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Monthly active users: <c>10M</c>, <c>250K users</c>, <c>1.5 million</c>; a count as the format writes it.</summary>
    public static Parsed<Count> Users(string answer)
    {
        var text = Collapse(answer.ToLowerInvariant());
        if (text.Contains('/', StringComparison.Ordinal) || RateWordPattern().IsMatch(text))
        {
            return Parsed.Fail<Count>("That is a rate. Give the number of monthly active users here (e.g. 10M); each workflow's traffic is asked next.");
        }

        var m = UsersPattern().Match(text);
        var canonical = m.Success ? Number(m.Groups["n"].Value) + Multiplier(m.Groups["mult"].Value) : answer.Trim();
        var count = Count.Parse(canonical);
        return count.Success ? Parsed.Of<Count>(count.Value) : Parsed.Fail<Count>(count.Error);
    }

    /// <summary>
    /// A workflow's traffic: an average rate for the whole system (<c>200/s</c>, <c>1B/month</c>, <c>200 rps</c>)
    /// or per monthly active user (<c>30/month per user</c>), optionally followed by its peak as a rate or a
    /// multiple of the average (<c>peak 1500/s</c>, <c>peak 3x</c>). Per-user traffic needs
    /// <paramref name="users"/>; the peak is at least the average.
    /// </summary>
    public static Parsed<TrafficAnswer> Traffic(string answer, Count? users)
    {
        var text = Collapse(answer.ToLowerInvariant());
        var peakAt = PeakWordPattern().Match(text);
        var averageText = (peakAt.Success ? text[..peakAt.Index] : text).Trim().TrimEnd(',', ';').Trim();
        var peakText = peakAt.Success ? text[(peakAt.Index + peakAt.Length)..].Trim() : null;

        var perUser = false;
        var withoutUser = PerUserPattern().Replace(averageText, _ =>
        {
            perUser = true;
            return " ";
        });
        if (averageText.Length == 0)
        {
            return Parsed.Fail<TrafficAnswer>("Give the average first, e.g. 200/s or 30/month per user, then the peak if known (peak 1500/s or peak 3x).");
        }

        var average = RateAnswer(withoutUser);
        if (!average.Ok)
        {
            return Parsed.Fail<TrafficAnswer>(average.Error!);
        }

        if (perUser && users is null)
        {
            return Parsed.Fail<TrafficAnswer>(
                "Per-user traffic needs the number of monthly active users, which was not given; give a rate for the whole system (e.g. 200/s).");
        }

        // What the average comes to for the whole system, in the period it was written in.
        var total = average.Value;
        if (perUser)
        {
            total = Rate.Of(average.Value.Amount * users!.Value.Value, average.Value.Period);
            if (!RoundTrips(total))
            {
                return Parsed.Fail<TrafficAnswer>($"{average.Value} per user for {users.Value} users is more traffic than a rate can be written with; check both numbers.");
            }
        }

        if (peakText is null)
        {
            return Parsed.Of<TrafficAnswer>(new TrafficAnswer(average.Value, perUser, null));
        }

        var factor = FactorPattern().Match(peakText);
        Rate peak;
        if (factor.Success)
        {
            var multiple = PeakFactor(factor.Groups["f"].Value);
            if (!multiple.Ok)
            {
                return Parsed.Fail<TrafficAnswer>(multiple.Error!);
            }

            peak = Rate.Of(total.Amount * multiple.Value, total.Period);
            if (!RoundTrips(peak))
            {
                return Parsed.Fail<TrafficAnswer>($"A peak of {multiple.Value.ToString(CultureInfo.InvariantCulture)}x {total} is more than a rate can be written with.");
            }
        }
        else
        {
            var rate = RateAnswer(peakText);
            if (!rate.Ok)
            {
                return Parsed.Fail<TrafficAnswer>("The peak: " + rate.Error);
            }

            peak = rate.Value;
        }

        return peak.PerSecond < total.PerSecond
            ? Parsed.Fail<TrafficAnswer>($"The peak ({peak}) is below the average ({total}{(perUser ? " for all users" : string.Empty)}); the peak is the busiest rate, at least the average.")
            : Parsed.Of<TrafficAnswer>(new TrafficAnswer(average.Value, perUser, peak));
    }

    /// <summary>A rate as the format writes it, from <c>200/s</c>, <c>200 rps</c>, <c>1.5k req/min</c>, <c>1 billion per month</c>.</summary>
    public static Parsed<Rate> RateAnswer(string answer)
    {
        var text = Collapse(answer.ToLowerInvariant());
        var m = RateWordsPattern().Match(text);
        var canonical = m.Success
            ? Number(m.Groups["n"].Value) + Multiplier(m.Groups["mult"].Value) + "/" + Period(m.Groups["per"].Value, m.Groups["short"].Value)
            : answer.Trim();
        var rate = Rate.Parse(canonical);
        return rate.Success ? Parsed.Of<Rate>(rate.Value) : Parsed.Fail<Rate>(rate.Error);
    }

    /// <summary>Growth per year: <c>50%</c>, <c>50%/year</c>, <c>5% a month</c>, <c>-10%/year</c>.</summary>
    public static Parsed<GrowthRate> Growth(string answer)
    {
        var text = Collapse(answer.ToLowerInvariant());
        var m = GrowthPattern().Match(text);
        var canonical = m.Success
            ? m.Groups["sign"].Value + Number(m.Groups["n"].Value) + "%/" + GrowthPeriod(m.Groups["per"].Value)
            : answer.Trim();
        var growth = GrowthRate.Parse(canonical);
        return growth.Success
            ? Parsed.Of<GrowthRate>(growth.Value)
            : Parsed.Fail<GrowthRate>(growth.Error + "; e.g. 50%/year");
    }

    /// <summary>Peak-to-average ratio: a number (<c>3</c> or <c>3x</c>) in the format's range, 1 to 1000.</summary>
    public static Parsed<double> PeakToAverage(string answer)
    {
        var text = Collapse(answer.ToLowerInvariant());
        var m = FactorPattern().Match(text);
        return m.Success
            ? PeakFactor(m.Groups["f"].Value)
            : Parsed.Fail<double>($"Give a number {PeakRange}, e.g. 3 (the peak hour has 3x the average traffic).");
    }

    private static Parsed<double> PeakFactor(string digits)
    {
        var value = double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value is >= Requirements.MinPeakToAverage and <= Requirements.MaxPeakToAverage
            ? Parsed.Of<double>(value)
            : Parsed.Fail<double>($"{digits} is out of range: a peak-to-average ratio is {PeakRange}, e.g. 3.");
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
            else if (workflow is null && Name(part) is { Error: { } error } && Slug(part) is { Length: > MaxNameLength })
            {
                return Parsed.Fail<(string?, FailureTolerance?)>(error);
            }
            else
            {
                return Parsed.Fail<(string?, FailureTolerance?)>($"{Shown(part)} is neither a workflow name nor {ToleranceWords}.");
            }
        }

        return Parsed.Of<(string?, FailureTolerance?)>((workflow, tolerance));
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
            else if (part == "forever")
            {
                retention = "forever";
            }
            else if (Retention(part) is { } kept)
            {
                if (!kept.Ok)
                {
                    return new(default, kept.Error);
                }

                retention = kept.Value;
            }
            else if (AccessPattern().Match(compact) is { Success: true } m && AccessKinds.Contains(m.Groups["kind"].Value))
            {
                if (!access.Contains(compact.Replace(",", ", ", StringComparison.Ordinal)))
                {
                    access.Add(compact.Replace(",", ", ", StringComparison.Ordinal));
                }
            }
            else
            {
                return new(default,
                    $"{Shown(raw)} is not a sensitivity ({string.Join('/', Classifications)}), a retention (90d, 5y, forever) " +
                    $"or an access pattern ({string.Join(", ", AccessKinds)}, e.g. point_lookup(id)).");
            }
        }

        return new((classification, retention, access.ToImmutable()), null);
    }

    /// <summary>
    /// A retention as a duration of the format: <c>90d</c>, <c>5y</c>; <c>5 years</c>, <c>6 months</c> (as 180d) too.
    /// Null when the text is not written as a duration at all; a failure when it is one the format refuses.
    /// </summary>
    public static Parsed<string>? Retention(string answer)
    {
        var text = Collapse(answer.ToLowerInvariant());
        string canonical;
        if (ShortDurationPattern().Match(text) is { Success: true } s)
        {
            canonical = Number(s.Groups["n"].Value) + s.Groups["unit"].Value;
        }
        else if (LongDurationPattern().Match(text) is { Success: true } m)
        {
            var n = Number(m.Groups["n"].Value);
            canonical = m.Groups["unit"].Value switch
            {
                "year" or "years" or "yr" or "yrs" => n + "y",
                "month" or "months" or "mo" => MonthsAsDays(n),
                "week" or "weeks" => n + "w",
                _ => n + "d",
            };
        }
        else
        {
            return null;
        }

        var duration = Duration.Parse(canonical);
        return duration.Success ? Parsed.Of<string>(canonical) : Parsed.Fail<string>(duration.Error);
    }

    /// <summary>Where an entity lives: a store model (<c>oltp</c>, <c>object</c>, <c>time_series</c>...) or a plain word (<c>database</c>, <c>object store</c>, <c>blob store</c>).</summary>
    public static Parsed<StorageModel> Store(string answer)
    {
        var word = Collapse(answer.ToLowerInvariant()).Replace(' ', '_').Replace('-', '_');
        StorageModel? model = word switch
        {
            "database" or "db" or "sql" or "relational" or "relational_database" => StorageModel.Oltp,
            "object_store" or "objects" or "blob" or "blobs" or "blob_store" or "bucket" or "s3" => StorageModel.Object,
            "search_index" or "index" => StorageModel.Search,
            "timeseries" or "tsdb" or "time_series_database" => StorageModel.TimeSeries,
            "warehouse" or "data_warehouse" or "analytics" => StorageModel.Olap,
            "kv" or "key_value_store" => StorageModel.KeyValue,
            "document_store" or "document_database" => StorageModel.Document,
            "graph_database" => StorageModel.Graph,
            _ => EnumNames.TryParse<StorageModel>(word, out var named) ? named : null,
        };
        return model is { } found
            ? Parsed.Of<StorageModel>(found)
            : Parsed.Fail<StorageModel>($"{Shown(answer)} is not a store; say database, object_store, or a data model: {string.Join(", ", StoreModels)}.");
    }

    /// <summary>Which of <paramref name="entities"/> a workflow reads or writes: names separated by commas, <c>all</c> or <c>none</c>.</summary>
    public static Parsed<ImmutableArray<string>> EntitiesOf(string answer, ImmutableArray<string> entities)
    {
        var text = Collapse(answer);
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return Parsed.Of<ImmutableArray<string>>(entities);
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return Parsed.Of<ImmutableArray<string>>([]);
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in List(text))
        {
            var match = entities.FirstOrDefault(e => e.Equals(item.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return Parsed.Fail<ImmutableArray<string>>($"{Shown(item)} is not one of the entities: {string.Join(", ", entities)} (or all, or none).");
            }

            chosen.Add(match);
        }

        return Parsed.Of<ImmutableArray<string>>([.. entities.Where(chosen.Contains)]);
    }

    /// <summary>Owners: teams or people separated by commas (<c>links-team, alice</c>).</summary>
    public static Parsed<ImmutableArray<string>> Owners(string answer)
    {
        var owners = List(answer);
        return owners.IsEmpty ? Parsed.Fail<ImmutableArray<string>>("Name a team or a person, e.g. links-team.") : Parsed.Of<ImmutableArray<string>>(owners);
    }

    /// <summary>Dependencies: <c>geoip-vendor (external, 99.9%); payments (payments-team, 99.95%)</c>; each name once, an SLA from 0% to 100%.</summary>
    public static Parsed<ImmutableArray<DependencyAnswer>> Dependencies(string answer)
    {
        var result = ImmutableArray.CreateBuilder<DependencyAnswer>();
        foreach (var item in SplitTopLevel(answer, answer.Contains(';', StringComparison.Ordinal) ? ';' : ','))
        {
            var open = item.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? item : item[..open]).Trim();
            if (name.Length == 0)
            {
                return Parsed.Fail<ImmutableArray<DependencyAnswer>>($"{Shown(item)} has no name; write name (owner, SLA).");
            }

            if (result.Any(d => d.Name == name))
            {
                return Parsed.Fail<ImmutableArray<DependencyAnswer>>($"{Shown(name)} is listed twice; name each dependency once.");
            }

            string? owner = null;
            Percent? sla = null;
            if (open >= 0)
            {
                var inner = item[(open + 1)..].TrimEnd().TrimEnd(')');
                foreach (var part in SplitTopLevel(inner, ','))
                {
                    var p = part.Replace(" ", string.Empty, StringComparison.Ordinal);
                    if (p.EndsWith('%') || p.All(c => char.IsDigit(c) || c is '.' or ',' or '_'))
                    {
                        var percent = Percent.Parse(p.EndsWith('%') ? p : p + "%");
                        if (!percent.Success)
                        {
                            return Parsed.Fail<ImmutableArray<DependencyAnswer>>(percent.Error);
                        }

                        if (percent.Value.Fraction > 1)
                        {
                            return Parsed.Fail<ImmutableArray<DependencyAnswer>>($"{percent.Value} is out of range: an SLA is between 0% and 100%.");
                        }

                        sla = percent.Value;
                    }
                    else if (owner is null)
                    {
                        owner = part;
                    }
                    else
                    {
                        return Parsed.Fail<ImmutableArray<DependencyAnswer>>(
                            $"{Shown(part)} is a second owner of {Shown(name)}, or an SLA that is not a percentage; write name (owner, SLA), e.g. payments (payments-team, 99.95%).");
                    }
                }
            }

            result.Add(new DependencyAnswer(name, owner, sla));
        }

        return Parsed.Of<ImmutableArray<DependencyAnswer>>(result.ToImmutable());
    }

    /// <summary>A metric and its target: <c>links-created: 3M/month</c> (the target may be left out).</summary>
    public static Parsed<(string Name, string? Target)> Metric(string answer)
    {
        var split = answer.IndexOfAny([':', '=']);
        var nameText = split < 0 ? answer : answer[..split];
        var target = split < 0 ? null : answer[(split + 1)..].Trim();
        var name = Name(nameText);
        return name.Ok
            ? new((name.Value!, string.IsNullOrEmpty(target) ? null : target), null)
            : new(default, "Write the metric's name, a colon and its target, e.g. links-created: 3M/month. " + name.Error);
    }

    /// <summary>Lower-case, words joined by <c>-</c>, only ASCII letters, digits, <c>-</c> and <c>_</c>.</summary>
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

    /// <summary>
    /// An answer as it may be shown back in a message: quoted, at most 40 characters, escaped by the one
    /// sanitiser (<see cref="TerminalText"/>) so an answer cannot drive the terminal.
    /// </summary>
    public static string Shown(string answer) => UnitErrors.Quote(TerminalText.Escape(answer));

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

    /// <summary>Trimmed, runs of white space as one space.</summary>
    private static string Collapse(string text) => WhiteSpacePattern().Replace(text.Trim(), " ");

    /// <summary>Thousands separators dropped (<c>1,000</c> is 1000); the format's number grammar checks the rest.</summary>
    private static string Number(string digits) => digits.Replace(",", string.Empty, StringComparison.Ordinal);

    private static string Multiplier(string word) => word switch
    {
        "k" or "thousand" => "K",
        "m" or "million" or "mn" => "M",
        "b" or "bn" or "billion" => "B",
        "t" or "trillion" => "T",
        _ => string.Empty,
    };

    private static string Period(string word, string shortcut) => (shortcut.Length > 0 ? shortcut : word) switch
    {
        "rps" or "qps" or "tps" or "s" or "sec" or "secs" or "second" or "seconds" => "s",
        "rpm" or "min" or "mins" or "minute" or "minutes" => "min",
        "h" or "hr" or "hrs" or "hour" or "hours" => "h",
        "d" or "day" or "days" => "day",
        "mo" or "month" or "months" => "month",
        "y" or "yr" or "yrs" or "year" or "years" => "year",
        var other => other,
    };

    private static string GrowthPeriod(string word) => word switch
    {
        "" or "y" or "yr" or "year" or "years" or "yearly" or "annually" or "annual" or "annum" => "year",
        "mo" or "month" or "months" or "monthly" => "month",
        "d" or "day" or "days" or "daily" => "day",
        var other => other,
    };

    /// <summary>n months as days, the format having no month duration (6 months is 180d); the text itself when too long to multiply.</summary>
    private static string MonthsAsDays(string n) =>
        decimal.TryParse(n, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var months) && months < 1_000_000_000m
            ? (months * 30m).ToString("0.############", CultureInfo.InvariantCulture) + "d"
            : n + "mo";

    private static bool RoundTrips(Rate rate) => Rate.Parse(rate.ToString()) is { Success: true } back && back.Value.PerSecond.Equals(rate.PerSecond);

    private const string NumberText = @"(?<n>[0-9][0-9_]*(?:,[0-9]{3})*(?:\.[0-9][0-9_]*)?)";

    private const string MultiplierText = @"(?<mult>k|m|mn|b|bn|t|thousand|million|billion|trillion)?";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpacePattern();

    [GeneratedRegex("^" + NumberText + " ?" + MultiplierText + @"(?: ?(?:monthly active users?|monthly users?|active users?|users?|mau|people|accounts?))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex UsersPattern();

    [GeneratedRegex(@"\b(rps|qps|tps|rpm|per (s|sec|second|min|minute|h|hour|day|month|year))\b", RegexOptions.CultureInvariant)]
    private static partial Regex RateWordPattern();

    [GeneratedRegex("^" + NumberText + " ?" + MultiplierText +
        @" ?(?:(?<short>rps|qps|tps|rpm)|(?:(?:requests?|reqs?|req|calls?|events?|messages?|times?|visits?|views?|writes?|reads?|orders?) ?)?(?:/|per |a |an |every |each ) ?(?<per>s|sec|secs|second|seconds|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|mo|month|months|y|yr|yrs|year|years))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex RateWordsPattern();

    [GeneratedRegex(@" ?(?:/|per|a|an|each|every) ?(?:monthly active user|active user|user|mau)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex PerUserPattern();

    [GeneratedRegex(@"[,;]? ?\b(?:at )?peaks?(?: rate)?(?: ?[:=]| of| is)? ?", RegexOptions.CultureInvariant)]
    private static partial Regex PeakWordPattern();

    [GeneratedRegex(@"^(?<f>[0-9]+(?:\.[0-9]+)?) ?(?:x|×|times)?(?: the average| average)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FactorPattern();

    [GeneratedRegex("^(?<sign>-?)" + NumberText + @" ?%(?: ?(?:/|per|a|an|each|every)? ?(?<per>y|yr|year|years|yearly|annually|annual|annum|mo|month|months|monthly|d|day|days|daily))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex GrowthPattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)(?<unit>us|ms|s|m|h|d|w|y)$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDurationPattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?) ?(?<unit>years?|yrs?|months?|mo|weeks?|days?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LongDurationPattern();

    [GeneratedRegex(@"^(?<kind>[a-z_]+)(\([a-z0-9_.-]+(,[a-z0-9_.-]+)*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AccessPattern();
}
