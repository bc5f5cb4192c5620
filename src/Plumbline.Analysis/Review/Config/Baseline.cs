using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Config;

/// <summary>
/// The findings a team knew of when it adopted the review (docs/config.md): <c>check --baseline FILE</c> leaves
/// findings whose keys are listed here out of the open findings and <c>--fail-on</c>, and counts the listed keys no
/// finding has any more, so the baseline can shrink. Keys, not lines, so editing the design does not churn it.
/// </summary>
/// <param name="Keys">The finding keys, in file order.</param>
/// <param name="File">The baseline's path as read.</param>
public sealed record Baseline(ImmutableArray<string> Keys, string File)
{
    /// <summary>The key holding the format version, first in the file.</summary>
    public const string VersionKey = "plumbline-baseline";

    /// <summary>The format version this build reads and writes.</summary>
    public const int CurrentVersion = 1;

    private static readonly string[] FileKeys = [VersionKey, "findings"];

    private readonly HashSet<string> _set = [.. Keys];

    /// <summary>Whether <paramref name="key"/> is listed.</summary>
    public bool Contains(string key) => _set.Contains(key);

    /// <summary>Reads a baseline held in memory.</summary>
    public static ProjectFileResult<Baseline> LoadText(string path, string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Load(SafeYamlReader.ReadText(path, text, limits));
    }

    /// <summary>Binds a baseline read as YAML: a version and a list of finding keys.</summary>
    public static ProjectFileResult<Baseline> Load(YamlReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Root is null || read.Source is null)
        {
            return new ProjectFileResult<Baseline>(null, read.Diagnostics);
        }

        var reader = new ProjectFileReader();
        reader.Diagnostics.AddRange(read.Diagnostics);
        var keys = Read(reader, read.Root);
        var (diagnostics, omitted) = DiagnosticLimits.Cap(reader.Diagnostics);
        return new ProjectFileResult<Baseline>(reader.HasErrors || keys is null ? null : new Baseline(keys.Value, read.Source.Path), diagnostics) { Omitted = omitted };
    }

    /// <summary>
    /// A baseline's text for <paramref name="keys"/>: a comment saying what it is, the version, and the keys sorted
    /// ordinally, one per line, each double-quoted (a subject may hold any character), so two runs over the same
    /// findings write the same bytes and a change reads as added and removed lines in a diff.
    /// </summary>
    public static string Write(IEnumerable<string> keys, string designPath)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(designPath);
        var sorted = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("# Plumbline baseline: the findings ").Append(Quote(designPath)).Append(" had when it was written\n");
        sb.Append("# (plumbline check --write-baseline). check --baseline fails only on findings not listed here;\n");
        sb.Append("# delete a line when its finding is fixed, or write the baseline again.\n");
        sb.Append(VersionKey).Append(": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (sorted.Count == 0)
        {
            sb.Append("findings: []\n");
            return sb.ToString();
        }

        sb.Append("findings:\n");
        foreach (var key in sorted)
        {
            sb.Append("  - ").Append(Quote(key)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar: backslash and quote escaped, every control, bidirectional or non-ASCII line-breaking character as \uXXXX.</summary>
    private static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' || (c >= '\u200E' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static ImmutableArray<string>? Read(ProjectFileReader reader, YamlNode root)
    {
        if (root is not YamlMapping file)
        {
            reader.Report(ConfigDiagnostics.WrongType(root.Span, string.Empty, $"a mapping with '{VersionKey}: {CurrentVersion}' and 'findings:'", ProjectFileReader.Found(root)));
            return null;
        }

        if (!reader.CheckVersion(file, VersionKey, "baseline", CurrentVersion))
        {
            return null;
        }

        reader.CheckKeys(file, string.Empty, "baseline", FileKeys);
        var node = file["findings"];
        if (node is null)
        {
            reader.Report(ConfigDiagnostics.MissingKey(ProjectFileReader.FirstKey(file), string.Empty, "findings", "baseline", "the list of finding keys ('findings: []' for none)"));
            return null;
        }

        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence list)
        {
            reader.Report(ConfigDiagnostics.WrongType(node.Span, "/findings", "a list of finding keys", node.KindName));
            return null;
        }

        var keys = ImmutableArray.CreateBuilder<string>(list.Items.Length);
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Length; i++)
        {
            var path = "/findings/" + i.ToString(CultureInfo.InvariantCulture);
            if (list.Items[i] is not YamlScalar { IsNull: false } item)
            {
                reader.Report(ConfigDiagnostics.WrongType(list.Items[i].Span, path, "a finding key", ProjectFileReader.Found(list.Items[i])));
                continue;
            }

            var at = item.Value.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == item.Value.Length - 1)
            {
                reader.Report(ConfigDiagnostics.NotAFindingKey(item.Span, path, item.Value));
                continue;
            }

            if (seen.TryGetValue(item.Value, out var first))
            {
                reader.Report(ConfigDiagnostics.RepeatedKey(item.Span, path, item.Value, first));
                continue;
            }

            seen[item.Value] = item.Span;
            keys.Add(item.Value);
        }

        return keys.ToImmutable();
    }
}
