using System.Globalization;
using Plumbline.Analysis.Cost;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Cost;

/// <summary>One table of a cost report: headers, rows, and for each row the bill lines behind it (for explanations).</summary>
internal sealed record CostSection(string Title, string[] Headers, List<CostRow> Rows, string? Note = null);

/// <summary>A row's printed cells, and the component and lines it sums, for explanations.</summary>
internal sealed record CostRow(string[] Cells, string? Subject, IReadOnlyList<CostLine> Lines);

/// <summary>The tables and sentences of a cost report, shared by the text and Markdown renderers so both show the same figures.</summary>
internal static class CostSections
{
    private static readonly CostDriver[] Drivers = Enum.GetValues<CostDriver>();

    public static string Title(CostReport report) => $"Cost of {report.SystemName}, {report.Currency} a month";

    public static string CatalogLine(CostReport report)
    {
        var c = report.Catalog;
        var where = string.Join(", ", new[] { c.Provider, c.Region }.Where(s => !string.IsNullOrEmpty(s)));
        var origin = c.Origin == "default" ? "the shipped catalog" : c.Origin;
        return $"Prices: {c.Name} ({origin}{(where.Length > 0 ? ", " + where : string.Empty)}), oldest read on {c.OldestReadOn:yyyy-MM-dd} ({c.OldestSource}).";
    }

    public static string ConventionsLine(CostReport report)
    {
        var c = report.Catalog.Conventions;
        var gb = c.Gigabyte == Design.Pricing.GigabyteUnit.GiB ? "GB = 2^30 bytes (GiB)" : "GB = 10^9 bytes";
        var seconds = c.HoursPerMonth * 3600;
        return $"Conventions: a month is {Quantities.AsStated(c.HoursPerMonth)} hours ({Quantities.Quantity(seconds)} s) for instances, requests and transfer; {gb}; "
            + (c.FreeAllowances ? "free monthly allowances subtracted." : "free allowances not subtracted.");
    }

    /// <summary>The bill now: a row per priced component, by driver, and a total row.</summary>
    public static CostSection Now(CostReport report)
    {
        var now = report.Now;
        var rows = now.Components
            .Where(c => c.Lines.Length > 0)
            .Select(c => new CostRow(
                [c.Component, EnumNames.Words(c.Kind), Priced(c), .. Drivers.Select(d => Cell(c.Lines.Where(l => l.Driver == d))), Quantities.Money(c.Total)],
                c.Component, c.Lines))
            .ToList();
        rows.Add(new CostRow(["total", string.Empty, string.Empty, .. Drivers.Select(d => Cell(now.TotalOf(d))), Quantities.Money(now.Total)], null, []));
        var assumed = now.Components.Any(c => c.Assumed && c.Lines.Length > 0);
        return new CostSection("Now", ["component", "kind", "priced as", .. Drivers.Select(d => ">" + EnumNames.Words(d)), ">total"], rows,
            assumed ? "* assumed: the design does not say what it runs on (runs_on or size); see the notes" : null);
    }

    /// <summary>The components that are not priced, and why.</summary>
    public static IEnumerable<string> NotPriced(CostReport report) =>
        report.Now.Components.Where(c => c.Lines.Length == 0).Select(c => $"{c.Component} ({EnumNames.Words(c.Kind)}): not priced, {c.PricedAs}");

    /// <summary>The total at each horizon of growth, by driver, against the budget.</summary>
    public static CostSection Growth(CostReport report) =>
        new("Growth", ["horizon", .. Drivers.Select(d => ">" + EnumNames.Words(d)), ">total", ">budget"],
            [.. report.Horizons.Select(h => new CostRow(
                [Horizon(h.Months), .. Drivers.Select(d => Cell(h.TotalOf(d))), Quantities.Money(h.Total), h.Budget is { } b ? Quantities.Percent((double)b.Share) + (b.Over ? " over" : string.Empty) : "-"],
                null, []))],
            "at the stated growth; instances grow with peak load where capacity is stated, storage as the estimate's horizons");

    public static string? BudgetLine(CostReport report)
    {
        if (report.Budget is not { } budget)
        {
            return null;
        }

        var now = report.Now.Budget!;
        var alerts = now.AlertsReached.IsEmpty ? "no alert reached" : "alerts reached: " + string.Join(", ", now.AlertsReached.Select(a => Quantities.Percent((double)a)));
        var over = now.Over ? null : report.Horizons.Skip(1).FirstOrDefault(h => h.Budget is { Over: true });
        var later = over is null ? string.Empty : $"; over budget from {Horizon(over.Months)} ({Quantities.Money(over.Total, report.Currency)})";
        var stated = report.BudgetText is { } text && text.EndsWith("/month", StringComparison.Ordinal) ? Quantities.Money(budget, report.Currency) + " a month" : $"{report.BudgetText} ({Quantities.Money(budget, report.Currency)} a month)";
        return $"Budget: {stated}; now {Quantities.Percent((double)now.Share)} of it{(now.Over ? ", OVER" : string.Empty)} ({alerts}){later}.";
    }

    public static IEnumerable<string> UnitLines(CostReport report)
    {
        var u = report.Units;
        var total = Quantities.Money(report.Now.Total, report.Currency);
        if (u.PerThousandRequests is { } perThousand)
        {
            yield return $"{Quantities.UnitCost(perThousand, report.Currency)} per 1,000 requests ({total} / {Quantities.Count((double)u.RequestsPerMonth)} requests a month)";
        }
        else
        {
            yield return "per 1,000 requests: no traffic is stated";
        }

        yield return u.PerActiveUser is { } perUser
            ? $"{Quantities.UnitCost(perUser, report.Currency)} per monthly active user ({total} / {Quantities.Count((double)u.MonthlyActiveUsers!.Value)} users)"
            : "per active user: requirements.users.monthly_active is not stated";
    }

    public static CostSection Idle(CostReport report) =>
        new("Idle compute (now)", ["component", "type", ">provisioned", ">needed", ">saving", ">share"],
            [.. report.Idle.Select(i => new CostRow(
                [i.Component, i.InstanceType, i.Provisioned.ToString(CultureInfo.InvariantCulture), i.Needed.ToString(CultureInfo.InvariantCulture), Quantities.Money(i.MonthlySaving), Quantities.Percent((double)i.Share)],
                i.Component, []))],
            "instances (autoscaled: autoscaling.min) beyond what the component needs now: peak load (autoscaled: average load) at the target utilisation kept with one instance lost, or over Z zones with one zone lost (Z x ceil(needed / (Z - 1))); a store: its load, one per zone and the shards for its data at the longest horizon; replicas and caches are not judged");

    public static string IdleTotal(CostReport report) =>
        $"Right-sizing would save {Quantities.Money(report.Idle.Sum(i => i.MonthlySaving), report.Currency)} a month.";

    /// <summary>A bill line's derivation: the formula and each input with its source.</summary>
    public static IEnumerable<string> Explain(CostLine line, string currency)
    {
        yield return $"{EnumNames.Words(line.Driver)} {line.Item} = {line.Formula}" + (line.Amount is { } a ? $" = {Quantities.Money(a, currency)}" : string.Empty);
        foreach (var input in line.Inputs)
        {
            yield return $"  {input.Name} = {Value(input, currency)}  ({Source(input)})";
        }
    }

    public static string Value(CostInput input, string currency) => input.Unit switch
    {
        CostUnit.Money => Quantities.Money(input.Value, currency),
        CostUnit.MoneyPerHour => $"{Quantities.AsStated(input.Value)} {currency}/h",
        CostUnit.MoneyPerGb => $"{Quantities.AsStated(input.Value)} {currency}/GB",
        CostUnit.MoneyPerRequests => $"{Quantities.AsStated(input.Value)} {currency}",
        CostUnit.Hours => Quantities.AsStated(input.Value) + " h",
        CostUnit.Gigabytes => Quantities.Quantity(input.Value) + " GB",
        CostUnit.Ratio => Quantities.Percent((double)input.Value),
        CostUnit.Factor => Quantities.Significant((double)input.Value, 4) + "x",
        _ => Quantities.Quantity(input.Value),
    };

    /// <summary>"line 12, /components/api/instances", "catalog /instances/m5.large/price", "estimate", "default", "option".</summary>
    public static string Source(CostInput input) =>
        input.Source.StartsWith(CostSources.CatalogPrefix, StringComparison.Ordinal)
            ? "catalog " + input.Source[CostSources.CatalogPrefix.Length..]
            : input.Line > 0 ? $"line {input.Line}, {input.Source}" : input.Source;

    public static string Horizon(double months) =>
        months == 0 ? "now" : months % 12 == 0 ? $"year {(months / 12).ToString(CultureInfo.InvariantCulture)}" : "after " + Quantities.Months(months);

    private static string Priced(ComponentCost c) =>
        (c.Lines.FirstOrDefault(l => l.Driver == CostDriver.Compute)?.Item ?? c.PricedAs.Split(',')[0]) + (c.Assumed ? "*" : string.Empty);

    private static string Cell(IEnumerable<CostLine> lines)
    {
        var list = lines.ToList();
        return list.Count == 0 ? "-" : list.Any(l => !l.IsKnown) ? "?" : Quantities.Money(list.Sum(l => l.Amount!.Value));
    }

    private static string Cell(decimal amount) => amount == 0 ? "-" : Quantities.Money(amount);
}
