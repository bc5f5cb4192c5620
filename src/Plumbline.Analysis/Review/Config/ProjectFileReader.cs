using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Config;

/// <summary>What a project configuration or a baseline file made: the value when there is no error, and every problem by position.</summary>
public sealed record ProjectFileResult<T>(T? Value, ImmutableArray<Diagnostic> Diagnostics)
    where T : class
{
    /// <summary>Diagnostics found but not listed, past <see cref="DiagnosticLimits.MaxListed"/>. Default none.</summary>
    public OmittedDiagnostics Omitted { get; init; }

    /// <summary>True when the file was read and has no error (warnings are fine).</summary>
    public bool Success => Value is not null && Omitted.Errors == 0 && !Diagnostics.Any(d => d.IsError);
}

/// <summary>The shared reading of the small project files: a version key first, known keys, values of the right kind.</summary>
internal sealed class ProjectFileReader
{
    public List<Diagnostic> Diagnostics { get; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public void Report(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

    /// <summary>False when the version is one this build does not read (the rest would be noise); a missing version is reported, and reading goes on.</summary>
    public bool CheckVersion(YamlMapping file, string versionKey, string what, int supported)
    {
        var node = Value(file, versionKey);
        if (node is null)
        {
            Report(ConfigDiagnostics.MissingKey(FirstKey(file), string.Empty, versionKey, what, $"the format version, {supported}, as the first line"));
            return true;
        }

        var text = supported.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (node is YamlScalar { IsPlain: true } scalar && scalar.Value == text)
        {
            return true;
        }

        Report(ConfigDiagnostics.UnsupportedVersion(node.Span, "/" + versionKey, what, versionKey, node is YamlScalar s ? s.Value : node.KindName, supported));
        return false;
    }

    public void CheckKeys(YamlMapping mapping, string path, string objectName, IReadOnlyList<string> known)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                Report(ConfigDiagnostics.UnknownKey(entry.Key.Span, path + "/" + Segment(entry.Key.Value), entry.Key.Value, objectName, known));
            }
        }
    }

    /// <summary>A required, non-empty single value.</summary>
    public YamlScalar? Required(YamlMapping mapping, string path, string key, string objectName, string what)
    {
        var node = Value(mapping, key);
        if (node is null || node is YamlScalar { Value: var v } && string.IsNullOrWhiteSpace(v))
        {
            Report(ConfigDiagnostics.MissingKey(node?.Span ?? mapping.Span, path, key, objectName, what));
            return null;
        }

        if (node is not YamlScalar scalar)
        {
            Report(ConfigDiagnostics.WrongType(node.Span, path + "/" + key, "a single value", node.KindName));
            return null;
        }

        return scalar;
    }

    /// <summary>An optional list of values; one value alone is a list of one.</summary>
    public ImmutableArray<string> Strings(YamlMapping mapping, string path, string key)
    {
        var node = Value(mapping, key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalar one:
                return [one.Value];
            case YamlSequence list:
                var values = ImmutableArray.CreateBuilder<string>(list.Items.Length);
                for (var i = 0; i < list.Items.Length; i++)
                {
                    if (list.Items[i] is YamlScalar { IsNull: false } item)
                    {
                        values.Add(item.Value);
                    }
                    else
                    {
                        Report(ConfigDiagnostics.WrongType(list.Items[i].Span, $"{path}/{key}/{i}", "a value", Found(list.Items[i])));
                    }
                }

                return values.ToImmutable();
            default:
                Report(ConfigDiagnostics.WrongType(node.Span, path + "/" + key, "a value or a list of values", node.KindName));
                return [];
        }
    }

    public static YamlNode? Value(YamlMapping mapping, string key) =>
        mapping[key] is { } node && node is not YamlScalar { IsNull: true } ? node : null;

    public static SourceSpan FirstKey(YamlMapping mapping) => mapping.Entries.IsEmpty ? mapping.Span : mapping.Entries[0].Key.Span;

    public static string Found(YamlNode node) => node is YamlScalar { IsNull: true } ? "nothing" : node.KindName;

    private static string Segment(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
