using System.Text.RegularExpressions;

namespace Plumbline.Engine.Files;

/// <summary>What the folder that paths are given relative to is.</summary>
public enum OriginBase
{
    /// <summary>The root of the git work tree the design is in: the checkout path code scanning expects.</summary>
    Repository,

    /// <summary>The folder the command ran in, when the design is under it and in no repository.</summary>
    WorkingDirectory,

    /// <summary>The design's own folder, when it is in no repository and not under the working directory.</summary>
    DesignFolder,
}

/// <summary>The commit a design was read at: the repository's address (no credentials), the commit and the branch.</summary>
/// <param name="RepositoryUri">The remote <c>origin</c>'s address with any user name and password removed (an scp-like
/// <c>git@host:org/repo</c> becomes <c>ssh://host/org/repo</c>, a local path a <c>file://</c> address), or the work tree's
/// own <c>file://</c> address when there is no remote.</param>
/// <param name="RevisionId">The commit checked out (HEAD), null in a repository with no commit yet.</param>
/// <param name="Branch">The branch checked out, null when HEAD is detached (as in most CI checkouts).</param>
public sealed record SourceRevision(string RepositoryUri, string? RevisionId, string? Branch);

/// <summary>
/// Where a design sits, for tools that resolve paths on another machine (code scanning): the folder paths are
/// relative to, the design's path from it with '/' separators, and the commit, when the design is in a git work tree.
/// </summary>
public sealed record DesignOrigin(string FullPath, string BaseFolder, OriginBase Base, string RelativePath, SourceRevision? Revision);

/// <summary>
/// Finds a design's <see cref="DesignOrigin"/>: the nearest folder above it holding <c>.git</c> (a folder, or a
/// file in a linked work tree or submodule) is the base; else the working directory when the design is under it;
/// else the design's folder. The commit is asked of <c>git</c> (rev-parse, symbolic-ref, config; each bounded to a
/// few seconds); without git, or when git refuses the repository (an unsafe owner, say), there is no revision and
/// the base stands. Nothing here reads a design.
/// </summary>
public static partial class DesignOrigins
{
    /// <summary>The origin of the design at <paramref name="designPath"/>, a relative path read against <paramref name="workingDirectory"/>.</summary>
    public static DesignOrigin Locate(string designPath, string workingDirectory, bool askGit = true)
    {
        ArgumentNullException.ThrowIfNull(designPath);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        var full = Path.GetFullPath(designPath, workingDirectory);
        var folder = Path.GetDirectoryName(full) ?? full;

        var root = RepositoryRoot(folder);
        if (root is not null)
        {
            return new DesignOrigin(full, root, OriginBase.Repository, Relative(root, full), askGit ? Revision(root) : null);
        }

        var cwd = Path.GetFullPath(workingDirectory);
        return IsUnder(full, cwd)
            ? new DesignOrigin(full, cwd, OriginBase.WorkingDirectory, Relative(cwd, full), null)
            : new DesignOrigin(full, folder, OriginBase.DesignFolder, Path.GetFileName(full), null);
    }

    /// <summary>
    /// A remote's address as a SARIF repository URI: credentials removed (an https token in the address must not
    /// end up in an uploaded report), scp-like addresses as ssh URIs, local paths as file URIs.
    /// </summary>
    public static string RepositoryUri(string remote, string root)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(root);
        var text = remote.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && !Path.IsPathRooted(text))
        {
            var clean = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
            return clean.Uri.AbsoluteUri;
        }

        if (ScpLike().Match(text) is { Success: true } scp)
        {
            return new UriBuilder("ssh", scp.Groups["host"].Value) { Path = scp.Groups["path"].Value.TrimStart('/') }.Uri.AbsoluteUri;
        }

        return new Uri(Path.GetFullPath(text, root)).AbsoluteUri;
    }

    private static string? RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static SourceRevision? Revision(string root)
    {
        var revision = Git(root, "rev-parse", "--verify", "-q", "HEAD");
        if (revision is null && Git(root, "rev-parse", "--git-dir") is null)
        {
            return null; // no git, or git will not read this repository
        }

        var branch = Git(root, "symbolic-ref", "--short", "-q", "HEAD");
        var remote = Git(root, "config", "--get", "remote.origin.url");
        var address = remote is null ? new Uri(root.EndsWith('/') ? root : root + "/").AbsoluteUri : RepositoryUri(remote, root);
        return new SourceRevision(address, revision, branch);
    }

    /// <summary>One line of git's output, or null when git is missing, fails, or takes too long.</summary>
    private static string? Git(string root, params string[] arguments)
    {
        var result = GitProcess.Run(root, arguments);
        if (result is not { ExitCode: 0 })
        {
            return null;
        }

        var line = System.Text.Encoding.UTF8.GetString(result.Output).Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : null;
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    [GeneratedRegex(@"^(?:[^@/:]+@)?(?<host>[^@/:]+):(?<path>[^/].*)$")]
    private static partial Regex ScpLike();
}
