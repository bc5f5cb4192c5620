using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// Reads a team's rule file (docs/custom-rules.md) into <see cref="DeclarativeRule"/>s. The file is read by
/// <see cref="SafeYamlReader"/> under the same limits as a design, and every problem becomes a positioned
/// diagnostic (PL1xxx for reading and YAML, PL4xxx from <see cref="RuleFileDiagnostics"/>), all in one run.
/// Bad input never throws.
/// </summary>
public static partial class RuleFileLoader
{
    /// <summary>The rule file format version this build reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The key holding the format version, first in the file.</summary>
    public const string VersionKey = "plumbline-rules";

    /// <summary>
    /// How a <c>matches</c> pattern runs: with the non-backtracking engine, whose time is linear in the value's
    /// length whatever the pattern, so no pattern can run for minutes (<c>(a+)+$</c> over a long name would).
    /// </summary>
    public const RegexOptions PatternOptions = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private const int MaxIdLength = 100;

    private static readonly string[] FileKeys = [VersionKey, "rules"];

    private static readonly string[] RuleKeys = ["id", "title", "step", "severity", "applies_to", "when", "require", "message", "why", "fix"];

    private static readonly string[] Operators = ["equals", "not", "in", "not_in", "min", "max", "matches"];

    /// <summary>The <c>step</c> words: every <see cref="ProcessStep"/> in snake_case, in order.</summary>
    public static ImmutableArray<string> Steps { get; } = [.. Enum.GetValues<ProcessStep>().Select(s => EnumNames.ToSnake(s))];

    /// <summary>The <c>severity</c> words, most severe first.</summary>
    public static ImmutableArray<string> Severities { get; } = [.. Enum.GetValues<Severity>().Select(s => EnumNames.ToSnake(s))];

    /// <summary>The <c>applies_to</c> words.</summary>
    public static ImmutableArray<string> Targets => RuleTargets.Names;

    /// <summary>Reads a rule file held in memory.</summary>
    /// <param name="path">The path to show in diagnostics.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="limits">Limits; <see cref="YamlLimits.Default"/> when null.</param>
    public static RuleFileResult LoadText(string path, string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Bind(SafeYamlReader.ReadText(path, text, limits), new Dictionary<string, SourceSpan>(StringComparer.Ordinal));
    }

    /// <summary>
    /// Reads several rule files as one set (<c>--rules</c> files and those found next to the design): each is
    /// checked as by <see cref="LoadText"/>, and an id defined in two files is a PL4009 error at the second.
    /// <see cref="RuleFileResult.Source"/> is null; each diagnostic's span names its file.
    /// </summary>
    public static RuleFileResult LoadAll(IEnumerable<RuleSource> sources, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return LoadAll(sources.Select(s => SafeYamlReader.ReadText(s.Path, s.Text, limits)));
    }

    /// <summary>
    /// Binds rule files already read as YAML (the engine reads files from disk, bounded, and passes them here),
    /// as one set like <see cref="LoadAll(IEnumerable{RuleSource}, YamlLimits?)"/>. A file that could not be read
    /// carries its diagnostic in.
    /// </summary>
    public static RuleFileResult LoadAll(IEnumerable<YamlReadResult> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var rules = ImmutableArray.CreateBuilder<IRule>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var omitted = OmittedDiagnostics.None;
        foreach (var file in files)
        {
            var result = Bind(file, seen);
            rules.AddRange(result.Rules);
            diagnostics.AddRange(result.Diagnostics);
            omitted = omitted.Add(result.Omitted);
        }

        var all = diagnostics.ToImmutable();
        return new RuleFileResult(all.Any(d => d.IsError) || omitted.Errors > 0 ? [] : rules.ToImmutable(), all, null) { Omitted = omitted };
    }

    private static RuleFileResult Bind(YamlReadResult read, Dictionary<string, SourceSpan> seen)
    {
        if (read.Root is null || read.Source is null)
        {
            return new RuleFileResult([], read.Diagnostics, read.Source);
        }

        var reader = new Reader(seen);
        reader.Diagnostics.AddRange(read.Diagnostics);
        var rules = reader.ReadFile(read.Root);
        var (diagnostics, omitted) = DiagnosticLimits.Cap(reader.Diagnostics);
        return new RuleFileResult(diagnostics.Any(d => d.IsError) || omitted.Errors > 0 ? [] : rules, diagnostics, read.Source) { Omitted = omitted };
    }

    /// <summary>Kebab-case: lower-case letters and digits in words joined by '-', starting with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    /// <summary>One file's reading: the diagnostics so far and the ids already taken.</summary>
    private sealed class Reader(Dictionary<string, SourceSpan> seen)
    {
        private readonly HashSet<string> _builtIn = RuleRegistry.All.Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);

        public List<Diagnostic> Diagnostics { get; } = [];

        /// <summary>Errors reported so far, counted as they come (counting the list per rule would be quadratic).</summary>
        private int ErrorCount { get; set; }

        public ImmutableArray<IRule> ReadFile(YamlNode root)
        {
            if (root is not YamlMapping file)
            {
                Report(RuleFileDiagnostics.WrongType(root.Span, string.Empty, $"a mapping with '{VersionKey}: {CurrentVersion}' and 'rules:'", root.KindName));
                return [];
            }

            if (!CheckVersion(file))
            {
                return [];
            }

            CheckKeys(file, string.Empty, "rule file", FileKeys);

            var rulesNode = Value(file, "rules");
            if (rulesNode is null)
            {
                Report(RuleFileDiagnostics.MissingKey(FirstKey(file), string.Empty, "rules", "rule file", "a list of rules, each starting with '- id:'"));
                return [];
            }

            if (rulesNode is not YamlSequence list)
            {
                Report(RuleFileDiagnostics.WrongType(rulesNode.Span, "/rules", "a list of rules (items starting with '- id:')", rulesNode.KindName));
                return [];
            }

            if (list.Items.IsEmpty)
            {
                Report(RuleFileDiagnostics.NoRules(KeySpan(file, "rules"), "/rules"));
            }

            var rules = ImmutableArray.CreateBuilder<IRule>();
            for (var i = 0; i < list.Items.Length; i++)
            {
                if (ReadRule(list.Items[i], "/rules/" + i.ToString(CultureInfo.InvariantCulture)) is { } rule)
                {
                    rules.Add(rule);
                }
            }

            return rules.ToImmutable();
        }

        /// <summary>False when the version is one this build does not read: the rest would only be noise.</summary>
        private bool CheckVersion(YamlMapping file)
        {
            var node = Value(file, VersionKey);
            if (node is null)
            {
                Report(RuleFileDiagnostics.MissingKey(FirstKey(file), string.Empty, VersionKey, "rule file",
                    $"the format version, {CurrentVersion}, as the first line"));
                return true;
            }

            if (node is YamlScalar { IsPlain: true } scalar && scalar.Value == CurrentVersion.ToString(CultureInfo.InvariantCulture))
            {
                return true;
            }

            var shown = node is YamlScalar s ? s.Value : node.KindName;
            Report(RuleFileDiagnostics.UnsupportedVersion(node.Span, "/" + VersionKey, shown, CurrentVersion));
            return false;
        }

        private DeclarativeRule? ReadRule(YamlNode node, string path)
        {
            if (node is not YamlMapping rule)
            {
                Report(RuleFileDiagnostics.WrongType(node.Span, path, "a rule: a mapping with id, title, step, severity, applies_to, require, why and fix", node.KindName));
                return null;
            }

            var errorsBefore = ErrorCount;
            CheckKeys(rule, path, "rule", RuleKeys);

            var id = ReadId(rule, path);
            var title = RequiredText(rule, path, "title", "a one-line title, such as 'Every service names its owning team'");
            var step = ReadWord(rule, path, "step", "the process step the rule belongs to, such as org_alignment", Steps, RuleFileDiagnostics.InvalidStep);
            var severity = ReadWord(rule, path, "severity", "high, medium, low or info", Severities, RuleFileDiagnostics.InvalidSeverity);
            var targetIndex = ReadWord(rule, path, "applies_to", "the kind of element it checks, such as components", RuleTargets.Names, RuleFileDiagnostics.InvalidTarget);
            RuleTarget? target = targetIndex is { } t ? (RuleTarget)t : null;
            var when = ReadConditions(rule, path, "when", target, required: false);
            var require = ReadConditions(rule, path, "require", target, required: true);
            var message = ReadMessage(rule, path, target);
            var why = RequiredText(rule, path, "why", "why the rule matters, in a sentence");
            var fix = RequiredText(rule, path, "fix", "how to fix a finding, in a sentence");

            if (ErrorCount > errorsBefore || id is null || title is null || step is null || severity is null
                || target is null || require.IsDefaultOrEmpty || why is null || fix is null)
            {
                return null;
            }

            var info = new RuleInfo(id.Value, (ProcessStep)step.Value, (Severity)severity.Value, title, why, fix) { Origin = RuleOrigin.Team };
            return new DeclarativeRule(info, target.Value, when.IsDefault ? [] : when, require, message, id.Span);
        }

        private YamlScalar? ReadId(YamlMapping rule, string path)
        {
            var id = Required(rule, path, "id", "rule", "a kebab-case id such as team-owner-required");
            if (id is null)
            {
                return null;
            }

            var idPath = path + "/id";
            if (id.Value.Length > MaxIdLength || !KebabCase().IsMatch(id.Value))
            {
                Report(RuleFileDiagnostics.InvalidRuleId(id.Span, idPath, id.Value));
                return null;
            }

            if (_builtIn.Contains(id.Value))
            {
                Report(RuleFileDiagnostics.BuiltInRuleId(id.Span, idPath, id.Value));
                return null;
            }

            if (seen.TryGetValue(id.Value, out var first))
            {
                Report(RuleFileDiagnostics.DuplicateRuleId(id.Span, idPath, id.Value, first));
                return null;
            }

            seen[id.Value] = id.Span;
            return id;
        }

        private int? ReadWord(
            YamlMapping rule, string path, string key, string what, ImmutableArray<string> allowed,
            Func<SourceSpan, string, string, IReadOnlyList<string>, Diagnostic> invalid)
        {
            var scalar = Required(rule, path, key, "rule", what);
            if (scalar is null)
            {
                return null;
            }

            var index = allowed.IndexOf(scalar.Value);
            if (index < 0)
            {
                Report(invalid(scalar.Span, path + "/" + key, scalar.Value, allowed));
                return null;
            }

            return index;
        }

        private string? RequiredText(YamlMapping rule, string path, string key, string what)
        {
            var scalar = Required(rule, path, key, "rule", what);
            if (scalar is null)
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                Report(RuleFileDiagnostics.EmptyValue(scalar.Span, path + "/" + key, what));
                return null;
            }

            return scalar.Value.Trim();
        }

        private MessageTemplate? ReadMessage(YamlMapping rule, string path, RuleTarget? target)
        {
            if (Value(rule, "message") is YamlMapping braced)
            {
                // message: {name} has no owner  is a YAML flow mapping, not text.
                Report(RuleFileDiagnostics.WrongType(braced.Span, path + "/message",
                    "a single value (put a message that starts with '{' in quotes: \"{name} has no owner\")", braced.KindName));
                return null;
            }

            var scalar = Scalar(rule, path, "message");
            if (scalar is null)
            {
                return null;
            }

            var messagePath = path + "/message";
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                Report(RuleFileDiagnostics.EmptyValue(scalar.Span, messagePath, "the finding's message, or remove 'message' for the default"));
                return null;
            }

            var template = MessageTemplate.Parse(scalar.Value.Trim());
            if (target is not { } t)
            {
                return template;
            }

            foreach (var part in template.Parts)
            {
                if (part.Placeholder is null or "path")
                {
                    continue;
                }

                if (part.Field is null || FieldCatalog.Check(t, part.Field) is not null)
                {
                    Report(RuleFileDiagnostics.UnknownPlaceholder(scalar.Span, messagePath, part.Placeholder, RuleTargets.Readable(t), FieldCatalog.TopFields(t)));
                }
            }

            return template;
        }

        private ImmutableArray<Condition> ReadConditions(YamlMapping rule, string path, string key, RuleTarget? target, bool required)
        {
            var node = Value(rule, key);
            var conditionsPath = path + "/" + key;
            if (node is null)
            {
                if (required)
                {
                    Report(RuleFileDiagnostics.MissingKey(FirstKey(rule), path, key, "rule", "the conditions an element must meet, such as { owner: present }"));
                }

                return default;
            }

            if (node is not YamlMapping conditions)
            {
                Report(RuleFileDiagnostics.WrongType(node.Span, conditionsPath, "a mapping of fields to conditions, such as { owner: present }", node.KindName));
                return default;
            }

            if (conditions.Entries.IsEmpty)
            {
                Report(RuleFileDiagnostics.NoConditions(conditions.Span, conditionsPath, key));
                return default;
            }

            var builder = ImmutableArray.CreateBuilder<Condition>(conditions.Entries.Length);
            foreach (var entry in conditions.Entries)
            {
                var fieldPath = conditionsPath + "/" + Segment(entry.Key.Value);
                var field = FieldPath.TryParse(entry.Key.Value);
                if (field is null)
                {
                    Report(RuleFileDiagnostics.InvalidField(entry.Key.Span, fieldPath, entry.Key.Value));
                }
                else if (target is { } t && FieldCatalog.Check(t, field) is { } problem)
                {
                    Report(RuleFileDiagnostics.UnknownField(entry.Key.Span, fieldPath, field.Text, problem.Segment, problem.ObjectName, problem.Known));
                }

                var predicates = ReadPredicates(entry.Value, fieldPath);
                if (field is not null && !predicates.IsDefaultOrEmpty)
                {
                    builder.Add(new Condition(field, predicates));
                }
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<Predicate> ReadPredicates(YamlNode node, string path)
        {
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    Report(RuleFileDiagnostics.InvalidCondition(node.Span, path, "this condition has no value"));
                    return default;
                case YamlScalar { IsPlain: true, Value: "present" }:
                    return [new PresentPredicate()];
                case YamlScalar { IsPlain: true, Value: "absent" }:
                    return [new AbsentPredicate()];
                case YamlScalar scalar:
                    return [new EqualsPredicate(scalar.Value)];
                case YamlSequence list:
                    return ReadTexts(list, path) is { IsDefault: false } values ? [new InPredicate(values)] : default;
            }

            if (node is not YamlMapping mapping)
            {
                Report(RuleFileDiagnostics.InvalidCondition(node.Span, path, $"{node.KindName} is not a condition"));
                return default;
            }

            if (mapping.Entries.IsEmpty)
            {
                Report(RuleFileDiagnostics.InvalidCondition(node.Span, path, "this condition has no operator"));
                return default;
            }

            CheckKeys(mapping, path, "condition", Operators);
            var predicates = ImmutableArray.CreateBuilder<Predicate>();
            Bound? min = null;
            Bound? max = null;
            foreach (var entry in mapping.Entries)
            {
                var op = entry.Key.Value;
                var opPath = path + "/" + Segment(op);
                if (Array.IndexOf(Operators, op) < 0)
                {
                    continue;
                }

                if (op is "in" or "not_in")
                {
                    if (entry.Value is not YamlSequence list)
                    {
                        Report(RuleFileDiagnostics.WrongType(entry.Value.Span, opPath, "a list of values, such as [a, b]", Found(entry.Value)));
                    }
                    else if (ReadTexts(list, opPath) is { IsDefault: false } values)
                    {
                        predicates.Add(op == "in" ? new InPredicate(values) : new NotInPredicate(values));
                    }

                    continue;
                }

                if (entry.Value is not YamlScalar { IsNull: false } scalar)
                {
                    Report(RuleFileDiagnostics.WrongType(entry.Value.Span, opPath, "a single value", Found(entry.Value)));
                    continue;
                }

                switch (op)
                {
                    case "equals":
                        predicates.Add(new EqualsPredicate(scalar.Value));
                        break;
                    case "not":
                        predicates.Add(new NotEqualsPredicate(scalar.Value));
                        break;
                    case "matches":
                        if (ReadRegex(scalar, opPath) is { } regex)
                        {
                            predicates.Add(new MatchesPredicate(regex));
                        }

                        break;
                    default:
                        var bound = Bound.TryParse(scalar.Value);
                        if (bound is null)
                        {
                            Report(RuleFileDiagnostics.InvalidBound(scalar.Span, opPath, scalar.Value));
                            break;
                        }

                        if (op == "min")
                        {
                            min = bound;
                        }
                        else
                        {
                            max = bound;
                        }

                        predicates.Add(new BoundPredicate(bound, IsMax: op == "max"));
                        break;
                }
            }

            if (min is not null && max is not null && min.IsAbove(max))
            {
                Report(RuleFileDiagnostics.EmptyRange(mapping.Span, path, min.Text, max.Text));
            }

            return predicates.ToImmutable();
        }

        private Regex? ReadRegex(YamlScalar scalar, string path)
        {
            try
            {
                return new Regex(scalar.Value, PatternOptions);
            }
            catch (ArgumentException ex)
            {
                Report(RuleFileDiagnostics.InvalidRegex(scalar.Span, path, scalar.Value, RegexError(ex)));
                return null;
            }
            catch (NotSupportedException)
            {
                // Backreferences, lookarounds, atomic groups and conditionals need backtracking, which can take exponential time.
                Report(RuleFileDiagnostics.InvalidRegex(scalar.Span, path, scalar.Value,
                    "team rules run patterns in linear time, which rules out backreferences (\\1), lookarounds ((?=...), (?<=...)), atomic groups and conditionals, or the pattern is too large"));
                return null;
            }
        }

        /// <summary>The values of a list of single values; default after reporting an empty list or an item that is not a value.</summary>
        private ImmutableArray<string> ReadTexts(YamlSequence list, string path)
        {
            if (list.Items.IsEmpty)
            {
                Report(RuleFileDiagnostics.InvalidCondition(list.Span, path, "an empty list matches nothing"));
                return default;
            }

            var values = ImmutableArray.CreateBuilder<string>(list.Items.Length);
            var ok = true;
            for (var i = 0; i < list.Items.Length; i++)
            {
                if (list.Items[i] is YamlScalar { IsNull: false } item)
                {
                    values.Add(item.Value);
                }
                else
                {
                    Report(RuleFileDiagnostics.WrongType(list.Items[i].Span, path + "/" + i.ToString(CultureInfo.InvariantCulture), "a single value", Found(list.Items[i])));
                    ok = false;
                }
            }

            return ok ? values.ToImmutable() : default;
        }

        private void CheckKeys(YamlMapping mapping, string path, string objectName, IReadOnlyList<string> known)
        {
            foreach (var entry in mapping.Entries)
            {
                if (!known.Contains(entry.Key.Value))
                {
                    Report(RuleFileDiagnostics.UnknownKey(entry.Key.Span, path + "/" + Segment(entry.Key.Value), entry.Key.Value, objectName, known));
                }
            }
        }

        /// <summary>A required single value; reports when it is missing (or a YAML null) or not a single value.</summary>
        private YamlScalar? Required(YamlMapping mapping, string path, string key, string objectName, string what)
        {
            if (Value(mapping, key) is null)
            {
                Report(RuleFileDiagnostics.MissingKey(FirstKey(mapping), path, key, objectName, what));
                return null;
            }

            return Scalar(mapping, path, key);
        }

        private YamlScalar? Scalar(YamlMapping mapping, string path, string key)
        {
            var node = Value(mapping, key);
            if (node is null or YamlScalar)
            {
                return (YamlScalar?)node;
            }

            Report(RuleFileDiagnostics.WrongType(node.Span, path + "/" + key, "a single value", node.KindName));
            return null;
        }

        private void Report(Diagnostic diagnostic)
        {
            Diagnostics.Add(diagnostic);
            ErrorCount += diagnostic.IsError ? 1 : 0;
        }

        /// <summary>The value of a key, or null when absent or a YAML null (<c>key:</c> with nothing after it).</summary>
        private static YamlNode? Value(YamlMapping mapping, string key) =>
            mapping[key] is { } node && node is not YamlScalar { IsNull: true } ? node : null;

        private static SourceSpan KeySpan(YamlMapping mapping, string key)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Key.Span;
                }
            }

            return FirstKey(mapping);
        }

        /// <summary>Where to point about a key the mapping lacks: its first key, or the mapping itself when empty.</summary>
        private static SourceSpan FirstKey(YamlMapping mapping) =>
            mapping.Entries.IsEmpty ? mapping.Span : mapping.Entries[0].Key.Span;

        private static string Found(YamlNode node) => node is YamlScalar { IsNull: true } ? "nothing" : node.KindName;

        private static string Segment(string key) =>
            key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        /// <summary>The parser's explanation without its restatement of the pattern.</summary>
        private static string RegexError(ArgumentException ex) =>
            ex is RegexParseException parse
                ? string.Create(CultureInfo.InvariantCulture, $"{EnumNames.ToSnake(parse.Error.ToString()).Replace('_', ' ')} at character {parse.Offset}")
                : ex.Message;
    }
}
