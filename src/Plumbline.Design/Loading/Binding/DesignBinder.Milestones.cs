using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>milestones</c>: dates and OKRs.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Milestone> ReadMilestones(MapReader root, BindContext context) =>
        ReadNamedList(root, "milestones", "milestone", "milestone", "name", context, m => new Milestone(
            m.RequiredString("name", "the milestone's name"),
            m.String("okr"),
            m.String("stage"),
            m.Date("due"),
            m.StringList("deliverables"),
            m.Path));
}
