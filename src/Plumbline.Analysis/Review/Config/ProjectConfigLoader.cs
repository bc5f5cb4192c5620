using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Config;

/// <summary>
/// Reads a project configuration (docs/config.md) from a file already read as YAML by the bounded reader: every
/// problem is a positioned diagnostic (PL1xxx for reading and YAML, PL6xxx for the format), all in one run, and a
/// rule id no rule of the review has is an error at its line. Bad input never throws.
/// </summary>
public static class ProjectConfigLoader
{
    /// <summary>The file name found next to a design (and in the folders above it, up to the repository's root).</summary>
    public const string FileName = ".plumbline.yaml";

    /// <summary>The key holding the format version, first in the file.</summary>
    public const string VersionKey = "plumbline-config";

    /// <summary>The format version this build reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>What <c>severity:</c> may say: a severity, most severe first, or off.</summary>
    public static ImmutableArray<string> Settings { get; } = [.. Enum.GetValues<Severity>().Select(s => EnumNames.ToSnake(s)), "off"];

    private static readonly string[] FileKeys = [VersionKey, "rules"];

    private static readonly string[] SettingKeys = ["rule", "severity", "reason", "subjects", "files"];

    /// <summary>Reads a configuration held in memory (a test, an editor buffer).</summary>
    public static ProjectFileResult<ProjectConfig> LoadText(string path, string text, IReadOnlySet<string> ruleIds, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Load(SafeYamlReader.ReadText(path, text, limits), ruleIds);
    }

    /// <summary>Binds a configuration read as YAML; <paramref name="ruleIds"/> are the ids of the review's rules, built in and the team's.</summary>
    public static ProjectFileResult<ProjectConfig> Load(YamlReadResult read, IReadOnlySet<string> ruleIds)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(ruleIds);
        if (read.Root is null || read.Source is null)
        {
            return new ProjectFileResult<ProjectConfig>(null, read.Diagnostics);
        }

        var reader = new ProjectFileReader();
        reader.Diagnostics.AddRange(read.Diagnostics);
        var settings = Read(reader, read.Root, ruleIds);
        var (diagnostics, omitted) = DiagnosticLimits.Cap(reader.Diagnostics);
        var config = reader.HasErrors || settings is null ? null : new ProjectConfig(settings.Value, read.Source.Path);
        return new ProjectFileResult<ProjectConfig>(config, diagnostics) { Omitted = omitted };
    }

    private static ImmutableArray<RuleSetting>? Read(ProjectFileReader reader, YamlNode root, IReadOnlySet<string> ruleIds)
    {
        if (root is not YamlMapping file)
        {
            reader.Report(ConfigDiagnostics.WrongType(root.Span, string.Empty, $"a mapping with '{VersionKey}: {CurrentVersion}' and 'rules:'", ProjectFileReader.Found(root)));
            return null;
        }

        if (!reader.CheckVersion(file, VersionKey, "project configuration", CurrentVersion))
        {
            return null;
        }

        reader.CheckKeys(file, string.Empty, "project configuration", FileKeys);
        var node = ProjectFileReader.Value(file, "rules");
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequence list)
        {
            reader.Report(ConfigDiagnostics.WrongType(node.Span, "/rules", "a list of rule settings (items starting with '- rule:')", node.KindName));
            return null;
        }

        var settings = ImmutableArray.CreateBuilder<RuleSetting>(list.Items.Length);
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (ReadSetting(reader, list.Items[i], "/rules/" + i.ToString(CultureInfo.InvariantCulture), ruleIds) is { } setting)
            {
                settings.Add(setting);
            }
        }

        return settings.ToImmutable();
    }

    private static RuleSetting? ReadSetting(ProjectFileReader reader, YamlNode node, string path, IReadOnlySet<string> ruleIds)
    {
        if (node is not YamlMapping item)
        {
            reader.Report(ConfigDiagnostics.WrongType(node.Span, path, "a rule setting: a mapping with rule, severity and reason", ProjectFileReader.Found(node)));
            return null;
        }

        reader.CheckKeys(item, path, "rule setting", SettingKeys);
        var rule = reader.Required(item, path, "rule", "rule setting", "the rule's id, such as missing-timeout");
        if (rule is not null && !ruleIds.Contains(rule.Value))
        {
            reader.Report(ConfigDiagnostics.UnknownRule(rule.Span, path + "/rule", rule.Value, [.. ruleIds]));
            rule = null;
        }

        var severity = reader.Required(item, path, "severity", "rule setting", "high, medium, low, info or off");
        var index = severity is null ? -1 : Settings.IndexOf(severity.Value);
        if (severity is not null && index < 0)
        {
            reader.Report(ConfigDiagnostics.InvalidSeverity(severity.Span, path + "/severity", severity.Value, Settings));
        }

        var reason = reader.Required(item, path, "reason", "rule setting", "why the team sets it so, in a sentence (reviewed like code)");
        var subjects = reader.Strings(item, path, "subjects");
        var files = reader.Strings(item, path, "files");
        if (rule is null || severity is null || index < 0 || reason is null)
        {
            return null;
        }

        var off = Settings[index] == "off";
        return new RuleSetting(rule.Value, off ? null : (Severity)index, off, reason.Value, subjects, files, item.Span);
    }
}
