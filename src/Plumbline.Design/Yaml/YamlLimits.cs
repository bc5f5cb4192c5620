namespace Plumbline.Design.Yaml;

/// <summary>
/// Hard limits applied by <see cref="SafeYamlReader"/> so that reading an untrusted design file costs
/// time and memory bounded by these numbers, not by what the file asks for. Every limit must be positive.
/// </summary>
/// <param name="MaxBytes">Largest file accepted, in bytes of UTF-8 (BOM included). Default 4 MiB; checked before parsing.</param>
/// <param name="MaxDepth">Deepest nesting of lists and mappings; the root mapping is depth 1. Default 64.</param>
/// <param name="MaxNodes">Most nodes (keys, values, lists and mappings each count one). Default 1,000,000.</param>
/// <param name="MaxScalarLength">Longest single value or key, in UTF-16 units after unescaping. Default 64 Ki.</param>
public sealed record YamlLimits(
    int MaxBytes = 4 * 1024 * 1024,
    int MaxDepth = 64,
    int MaxNodes = 1_000_000,
    int MaxScalarLength = 64 * 1024)
{
    /// <summary>The limits the CLI and server use unless told otherwise.</summary>
    public static YamlLimits Default { get; } = new();
}
