using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary>The controls a threat model reads beside the system-wide <c>security</c>: a component's and a call's own.</summary>
internal static partial class DesignBinder
{
    /// <summary><c>components.X.security</c>: authn, authz, in_transit, at_rest, grants.</summary>
    private static ComponentSecurity? ReadComponentSecurity(MapReader m)
    {
        var map = m.Map("security", "component_security");
        return map is null
            ? null
            : new ComponentSecurity(map.String("authn"), map.String("authz"), map.String("in_transit"), map.String("at_rest"), map.StringList("grants"), map.Path);
    }

    /// <summary><c>calls[].security</c>: authn and in_transit for this flow alone.</summary>
    private static ChannelSecurity? ReadChannelSecurity(MapReader m)
    {
        var map = m.Map("security", "call_security");
        return map is null ? null : new ChannelSecurity(map.String("authn"), map.String("in_transit"), map.Path);
    }
}
