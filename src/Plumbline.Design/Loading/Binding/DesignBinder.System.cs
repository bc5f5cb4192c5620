using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>system</c>: name, summary, owners.</summary>
internal static partial class DesignBinder
{
    private static SystemInfo ReadSystem(MapReader root, BindContext context)
    {
        var map = root.Map("system", "system");
        if (map is null)
        {
            if (!root.Has("system"))
            {
                root.ReportMissing("system", "the system's name: 'system: { name: my-system }'");
            }

            return new SystemInfo(string.Empty, null, [], "/system");
        }

        var name = map.RequiredName("name", "the system's name", "system", dots: true);
        return new SystemInfo(name, map.String("summary"), map.StringList("owners", allowSingle: true), map.Path);
    }
}
