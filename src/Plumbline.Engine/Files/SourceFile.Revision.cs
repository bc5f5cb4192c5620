using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Yaml;

namespace Plumbline.Engine.Files;

public static partial class SourceFile
{
    /// <summary>
    /// Whether <paramref name="source"/> names a file as committed to git (<c>REV:path</c>, such as
    /// <c>HEAD~1:design.yaml</c> or <c>main:./design.yaml</c>) rather than a file on disk: it is not a file here, and a
    /// colon follows a revision (not a Windows drive letter).
    /// </summary>
    public static bool IsRevision(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var colon = source.IndexOf(':', StringComparison.Ordinal);
        var driveLetter = colon == 1 && char.IsAsciiLetter(source[0]) && source.Length > 2 && source[2] is '\\' or '/';
        return colon > 0 && colon < source.Length - 1 && !driveLetter && !File.Exists(source);
    }

    /// <summary>
    /// Reads <c>REV:path</c> through git from <paramref name="workingDirectory"/>'s repository, as <c>git cat-file blob</c>
    /// gives it: the path is from the repository's root, or from the working directory when it starts with <c>./</c>,
    /// as git reads it. Bounded like a file on disk; a revision or path git does not know, or no git, is PL1017.
    /// </summary>
    public static SourceFileRead ReadRevision(string source, string workingDirectory, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        limits ??= YamlLimits.Default;
        if (source.StartsWith('-') || source.Contains('\0', StringComparison.Ordinal))
        {
            return Failed(source, DiagnosticCodes.FileUnreadable(FileStart(source), "a git revision cannot start with '-' or hold a NUL character"));
        }

        var size = GitProcess.Run(workingDirectory, ["cat-file", "-s", source]);
        if (size is null)
        {
            return Failed(source, DiagnosticCodes.FileUnreadable(FileStart(source), "git is not installed or did not answer in time"));
        }

        if (size.ExitCode != 0
            || !long.TryParse(System.Text.Encoding.UTF8.GetString(size.Output).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            var why = size.Error.Length > 0 ? size.Error : "git does not know this revision and path";
            return Failed(source, DiagnosticCodes.FileUnreadable(FileStart(source), "git cannot read it: " + why));
        }

        if (length > limits.MaxBytes)
        {
            return Failed(source, DiagnosticCodes.FileTooLarge(FileStart(source), length, limits.MaxBytes));
        }

        var blob = GitProcess.Run(workingDirectory, ["cat-file", "blob", source], limits.MaxBytes);
        return blob switch
        {
            null => Failed(source, DiagnosticCodes.FileUnreadable(FileStart(source), "git did not answer in time")),
            { Truncated: true } => Failed(source, DiagnosticCodes.FileTooLarge(FileStart(source), limits.MaxBytes + 1L, limits.MaxBytes, sizeIsLowerBound: true)),
            { ExitCode: not 0 } => Failed(source, DiagnosticCodes.FileUnreadable(FileStart(source), "git cannot read it: " + blob.Error)),
            _ => new SourceFileRead(source, blob.Output, null),
        };
    }
}
