using System.Collections.Immutable;

namespace Plumbline.Cli;

/// <summary>
/// Finds the rule files that apply to a design without being named: those in the design's folder called
/// <c>*.rules.yaml</c> or <c>plumbline-rules.yaml</c>. Subfolders are not searched.
/// </summary>
public static class RuleFileDiscovery
{
    // Windows and macOS file systems usually ignore case, so 'Design.yaml' and 'design.yaml' are one file there.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The name of a folder's general rule file.</summary>
    public const string DefaultFileName = "plumbline-rules.yaml";

    /// <summary>The ending that marks any other rule file.</summary>
    public const string Suffix = ".rules.yaml";

    /// <summary>
    /// The rule files next to a design, sorted by name (ordinal), as paths in the same form as
    /// <paramref name="designPath"/> (relative stays relative), so diagnostics read as the user typed.
    /// The design itself is never one of them. Empty when the folder cannot be listed.
    /// </summary>
    public static ImmutableArray<string> FindNextTo(string designPath)
    {
        ArgumentNullException.ThrowIfNull(designPath);
        var folder = Path.GetDirectoryName(designPath);
        var listed = string.IsNullOrEmpty(folder) ? "." : folder;
        try
        {
            var design = Path.GetFullPath(designPath);
            return [.. Directory.EnumerateFiles(listed)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(IsRuleFileName)
                .Order(StringComparer.Ordinal)
                .Select(name => string.IsNullOrEmpty(folder) ? name : Path.Combine(folder, name))
                .Where(path => !string.Equals(Path.GetFullPath(path), design, PathComparison))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return [];
        }
    }

    /// <summary>True for <c>plumbline-rules.yaml</c> and <c>*.rules.yaml</c> (case-sensitive).</summary>
    public static bool IsRuleFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName == DefaultFileName || (fileName.EndsWith(Suffix, StringComparison.Ordinal) && fileName.Length > Suffix.Length);
    }
}
