using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading;

/// <summary>How a design is read. Defaults suit the CLI; the server passes tighter limits.</summary>
public sealed record LoadOptions(YamlLimits? Limits = null)
{
    public static LoadOptions Default { get; } = new();

    /// <summary>Limits on what the design describes; <see cref="DesignLimits.Default"/> when null.</summary>
    public DesignLimits? DesignLimits { get; init; }
}
