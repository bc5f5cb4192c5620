namespace Plumbline.Analysis.Review.Custom;

/// <summary>A team rule file's text and the path to show in its diagnostics. Finding and reading rule files is the caller's part.</summary>
public sealed record RuleSource(string Path, string Text);
