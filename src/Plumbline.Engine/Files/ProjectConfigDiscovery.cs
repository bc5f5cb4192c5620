using Plumbline.Analysis.Review.Config;

namespace Plumbline.Engine.Files;

/// <summary>
/// Finds the project configuration that applies to a design without being named: <c>.plumbline.yaml</c> in the
/// design's folder, else in the nearest folder above it, stopping at the repository's root (the first folder holding
/// <c>.git</c>) so a configuration outside the repository never applies. The nearest wins and files are not merged, as
/// ruff and ESLint's flat configuration pick the nearest.
/// </summary>
public static class ProjectConfigDiscovery
{
    /// <summary>
    /// The configuration for <paramref name="designPath"/>, in the same form as the path given (relative stays relative),
    /// or null when none is found. A folder that cannot be read ends the search.
    /// </summary>
    public static string? FindFor(string designPath)
    {
        ArgumentNullException.ThrowIfNull(designPath);
        try
        {
            var given = Path.GetDirectoryName(designPath) ?? string.Empty;
            var folder = new DirectoryInfo(Path.GetFullPath(string.IsNullOrEmpty(given) ? "." : given));
            var up = string.Empty;
            for (var depth = 0; folder is not null && depth < 64; depth++)
            {
                var candidate = Path.Combine(folder.FullName, ProjectConfigLoader.FileName);
                if (File.Exists(candidate))
                {
                    return Path.IsPathRooted(designPath) ? candidate : Path.Combine(given, up, ProjectConfigLoader.FileName);
                }

                if (Path.Exists(Path.Combine(folder.FullName, ".git")))
                {
                    return null;
                }

                folder = folder.Parent;
                up = Path.Combine(up, "..");
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }
    }

    /// <summary>
    /// The design's path from the configuration's folder, with '/' between folders, as a setting's <c>files</c> globs
    /// match it; null when the design is outside that folder.
    /// </summary>
    public static string? DesignPathFrom(string configPath, string designPath)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(designPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? string.Empty;
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(designPath)).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }
}
