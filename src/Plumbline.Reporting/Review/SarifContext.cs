namespace Plumbline.Reporting.Review;

/// <summary>
/// Where a SARIF run's paths are relative to, so a reader on another machine (code scanning, a viewer in a
/// checkout) finds the file whatever path the user typed: every artifact URI is relative to
/// <see cref="BaseFolder"/>, named <c>SRCROOT</c> in <c>originalUriBaseIds</c>. The base is the repository
/// root when the design is in a git work tree (the checkout path code scanning resolves against), else the
/// folder the command ran in or the design's own folder; the engine decides (<c>PlumblineEngine.Origin</c>).
/// </summary>
/// <param name="BaseFolder">The base folder, an absolute path.</param>
/// <param name="BaseDescription">What the base is, in words, for <c>originalUriBaseIds.SRCROOT.description</c>.</param>
/// <param name="WorkingDirectory">The folder relative paths were typed in, to read them against.</param>
public sealed record SarifContext(string BaseFolder, string BaseDescription, string WorkingDirectory)
{
    /// <summary>The commit the design was read at, for <c>versionControlProvenance</c>; null outside a repository.</summary>
    public SarifProvenance? Provenance { get; init; }
}

/// <summary>A repository's address (without credentials), the commit and the branch, as SARIF's versionControlDetails.</summary>
public sealed record SarifProvenance(string RepositoryUri, string? RevisionId, string? Branch);
