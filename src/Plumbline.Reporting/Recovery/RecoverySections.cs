using System.Globalization;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Recovery;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Recovery;

/// <summary>A store's table: its heading lines and one row per failure, shared by the text and Markdown renderers.</summary>
internal sealed record RecoveryStoreSection(string Title, List<string> Lines, string[] Headers, List<string[]> Rows, List<Figure> Figures);

/// <summary>The words and tables of a recovery report, so the text and Markdown renderers say the same.</summary>
internal static class RecoverySections
{
    public static readonly string[] Headers = ["failure", ">copies lost", ">left", "recovery", ">RPO", ">RTO", "target"];

    public const string Note =
        "RPO: the most recent writes a failure can lose; RTO: how long writes are down (failover, or a restore of one shard's data; shards restore in parallel). See docs/recovery.md.";

    public static string Title(RecoveryReport report) => $"Recovery of {report.SystemName}";

    /// <summary>"all" for a loss without bound, else the duration.</summary>
    public static string Rpo(Figure figure) =>
        figure.Value is { } v && double.IsPositiveInfinity(v) ? "all" : FigureText.Format(figure);

    /// <summary>"never" for a recovery without bound, else the duration.</summary>
    public static string Rto(Figure figure) =>
        figure.Value is { } v && double.IsPositiveInfinity(v) ? "never" : FigureText.Format(figure);

    public static string Scope(DomainRecovery domain) => domain.Scope switch
    {
        FailureScope.Instance => "instance",
        FailureScope.Zone => "zone",
        FailureScope.Region => "region",
        _ => "corruption",
    };

    /// <summary>"ok", "RPO over", "RTO over", "RPO, RTO over", or "-" when no target applies.</summary>
    public static string Target(StoreRecovery store, DomainRecovery domain)
    {
        if (store.Rpo is null && store.Rto is null)
        {
            return "-";
        }

        var over = new List<string>();
        if (store.Rpo is { } rpo && domain.Rpo.Value is { } loss && loss > rpo.Seconds)
        {
            over.Add("RPO");
        }

        if (store.Rto is { } rto && domain.Rto.Value is { } down && down > rto.Seconds)
        {
            over.Add("RTO");
        }

        return over.Count == 0 ? "ok" : string.Join(", ", over) + " over";
    }

    public static IEnumerable<RecoveryStoreSection> Stores(RecoveryReport report)
    {
        foreach (var store in report.Stores)
        {
            var lines = new List<string>
            {
                $"{EnumNames.Words(store.Kind)}; {store.Replication}; failover {store.FailoverText}",
            };
            if (!store.Entities.IsEmpty)
            {
                lines.Add("holds " + string.Join(", ", store.Entities));
            }

            lines.Add("targets: " + Targets(store));
            if (!store.Restore.IsEmpty)
            {
                var horizons = (List<double>)[0, .. report.HorizonsMonths];
                lines.Add("restore of one shard: " + string.Join(", ", store.Restore.Select((f, i) => $"{(i == 0 ? "today" : Horizon(horizons[i]))} {FigureText.Format(f)}")));
            }

            if (store.RestoreOutgrowsRtoMonth is { } month)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"the restore passes the {Quantities.Duration(store.Rto!.Seconds)} RTO in month {month:0}"));
            }

            var d = store.Durability;
            lines.Add($"durability {FigureText.Format(d.Durability)} a year (MTTDL {Years(d.Mttdl)}; {(d.SharedDomain is { } shared ? "every copy in " + shared : "copies span regions")})"
                + (store.DurabilityTarget is { } t ? $"; promised {Quantities.Availability(t.Durability)} by {t.Source}" : string.Empty));

            var rows = store.Domains.Select(domain => new[]
            {
                Scope(domain),
                domain.CopiesLost.ToString(CultureInfo.InvariantCulture),
                domain.CopiesLeft.ToString(CultureInfo.InvariantCulture),
                EnumNames.Words(domain.Path),
                Rpo(domain.Rpo),
                Rto(domain.Rto),
                Target(store, domain),
            }).ToList();
            yield return new RecoveryStoreSection($"{store.Component}", lines, Headers, rows, Figures(store));
        }
    }

    /// <summary>Every figure of a store, named for its failure, in the order explanations list them.</summary>
    public static List<Figure> Figures(StoreRecovery store)
    {
        var figures = new List<Figure> { store.Copies, store.WriteAcks };
        foreach (var domain in store.Domains)
        {
            figures.Add(domain.Rpo with { Name = Scope(domain) + " RPO" });
            figures.Add(domain.Rto with { Name = Scope(domain) + " RTO" });
        }

        figures.AddRange(store.Restore);
        var d = store.Durability;
        figures.AddRange([d.Mttdl, d.Independent, d.Correlated, d.Durability]);
        return figures;
    }

    private static string Targets(StoreRecovery store)
    {
        var parts = new List<string>();
        if (store.Rpo is { } rpo)
        {
            parts.Add($"RPO {Quantities.Duration(rpo.Seconds)} ({rpo.Source})");
        }

        if (store.Rto is { } rto)
        {
            parts.Add($"RTO {Quantities.Duration(rto.Seconds)} ({rto.Source})");
        }

        return parts.Count == 0 ? "none stated (rpo and rto on its entities or the workflows that use it)" : string.Join(", ", parts);
    }

    /// <summary>"12 months", "3 years".</summary>
    public static string Horizon(double months) => Quantities.Months(months);

    private static string Years(Figure mttdl) =>
        mttdl.Value is { } seconds && double.IsFinite(seconds)
            ? Quantities.Significant(seconds / Design.Units.Calendar.SecondsPerYear) + " years"
            : "infinite";
}
