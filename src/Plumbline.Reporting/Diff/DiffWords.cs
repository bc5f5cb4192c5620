using Plumbline.Analysis.Documents;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Diff;

/// <summary>The words and figures a diff prints, shared by its renderers.</summary>
public static class DiffWords
{
    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };

    public static string Figure(MovedFigure figure) => figure switch
    {
        MovedFigure.PeakUtilisation => "peak utilisation",
        MovedFigure.Storage => "storage (longest horizon, every copy)",
        MovedFigure.SimulatedSlo => "simulated SLO achieved",
        _ => "availability",
    };

    /// <summary>The id JSON uses for a figure: <c>peak_utilisation</c>, <c>storage</c>, <c>availability</c>.</summary>
    public static string FigureId(MovedFigure figure) => EnumNames.ToSnake(figure.ToString());

    public static string Value(FigureMove move, double? value) => value is { } v ? FigureText.Format(v, move.Unit) : "-";

    public static string Money(decimal? amount, string currency) => amount is { } a ? Quantities.Money(a, currency) : "-";

    public static string Change(double? relative) => relative is { } r ? Quantities.Change(r) : "-";

    /// <summary>"1 component removed, 1 call changed, 2 workflows changed", or "no element changed".</summary>
    public static string Summary(DesignDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var parts = diff.Changes.GroupBy(c => (c.Area, c.Kind)).Select(g =>
        {
            var n = g.Count();
            return $"{n} {Plural(g.Key.Area, n)} {Kind(g.Key.Kind)}";
        }).ToList();
        return parts.Count == 0 ? "no element changed" : string.Join(", ", parts);
    }

    private static string Plural(string area, int n) => n == 1 ? area : area switch
    {
        "requirements" => "requirements",
        "entity" => "entities",
        _ => area + "s",
    };
}
