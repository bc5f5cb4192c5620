using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>decisions</c>: decision records.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Decision> ReadDecisions(MapReader root, BindContext context) =>
        ReadNamedList(root, "decisions", "decision", "decision", "id", context, m => new Decision(
            m.RequiredString("id", "an identifier such as ADR-1"),
            m.RequiredString("title", "a one-line title"),
            m.Enum<DecisionStatus>("status") ?? DecisionStatus.Proposed,
            m.Date("date"),
            m.String("context"),
            m.StringList("options"),
            m.String("decision"),
            m.String("consequences"),
            m.Path)
        {
            Components = m.StringList("components"),
        });
}
