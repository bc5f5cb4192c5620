using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>business</c>: outcomes, metrics, trade-offs, stakeholders.</summary>
internal static partial class DesignBinder
{
    private static Business ReadBusiness(MapReader map, BindContext context)
    {
        var outcomes = ReadNamedList(map, "outcomes", "outcome", "outcome", "name", context, m => new Outcome(
            m.RequiredString("name", "the outcome's name"),
            m.Enum<OutcomeKind>("kind"),
            m.String("description"),
            m.StringList("metrics"),
            m.Path));
        var metrics = ReadNamedList(map, "metrics", "metric", "metric", "name", context, m => new BusinessMetric(
            m.RequiredString("name", "the metric's name"),
            m.String("target"),
            m.String("description"),
            m.String("owner"),
            m.Path));
        var tradeoffs = ReadNamedList(map, "tradeoffs", "tradeoff", "trade-off", "choice", context, m => new Tradeoff(
            m.RequiredString("choice", "the choice being made"),
            m.String("gains"),
            m.String("costs"),
            m.String("impact"),
            m.Enum<Level>("risk"),
            m.StringList("stakeholders"),
            m.Path));
        var stakeholders = ReadNamedList(map, "stakeholders", "stakeholder", "stakeholder", "name", context, m => new Stakeholder(
            m.RequiredString("name", "the stakeholder's name"),
            m.StringList("priorities"),
            m.Path));
        return new Business(outcomes, metrics, tradeoffs, stakeholders, map.Path);
    }
}
