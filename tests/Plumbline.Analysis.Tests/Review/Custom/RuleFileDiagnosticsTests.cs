using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Yaml;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Every PL4xxx code at its exact line:column, from variants of one valid rule file.</summary>
public sealed class RuleFileDiagnosticsTests
{
    private static readonly string[] Valid =
    [
        "plumbline-rules: 1",                      // 1
        "rules:",                                  // 2
        "  - id: team-a",                          // 3
        "    title: A test rule",                  // 4
        "    step: resilience",                    // 5
        "    severity: medium",                    // 6
        "    applies_to: components",              // 7
        "    when: { kind: service }",             // 8
        "    require: { owner: present }",         // 9
        "    message: \"{name} has no owner\"",    // 10
        "    why: Because it matters.",            // 11
        "    fix: Do it.",                         // 12
    ];

    /// <summary>The valid file with 1-based <paramref name="line"/> replaced (null removes it).</summary>
    private static string With(int line, string? replacement)
    {
        var lines = Valid.ToList();
        if (replacement is null)
        {
            lines.RemoveAt(line - 1);
        }
        else
        {
            lines[line - 1] = replacement;
        }

        return string.Join('\n', lines) + "\n";
    }

    private static RuleFileResult Load(string text) => RuleFileLoader.LoadText("team.rules.yaml", text);

    /// <summary>"line:column CODE" for each diagnostic, in order.</summary>
    private static string[] Positions(RuleFileResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.Span.Start} {d.Code}")];

    private static Diagnostic Only(string text, string position)
    {
        var result = Load(text);
        Assert.Equal([position], Positions(result));
        Assert.Empty(result.Rules);
        var diagnostic = result.Diagnostics[0];
        Assert.Equal("team.rules.yaml", diagnostic.Span.Path);
        return diagnostic;
    }

    [Fact]
    public void The_valid_file_loads_one_rule_with_its_metadata()
    {
        var result = Load(With(1, "plumbline-rules: 1"));
        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
        var rule = Assert.IsType<DeclarativeRule>(Assert.Single(result.Rules));
        Assert.Equal("team-a", rule.Info.Id);
        Assert.Equal("A test rule", rule.Info.Title);
        Assert.Equal(Analysis.Review.ProcessStep.Resilience, rule.Info.Step);
        Assert.Equal(Analysis.Review.Severity.Medium, rule.Info.Severity);
        Assert.Equal("Because it matters.", rule.Info.Why);
        Assert.Equal("Do it.", rule.Info.Fix);
        Assert.Equal(RuleTarget.Components, rule.Target);
        Assert.Equal("3:9", rule.Definition.Start.ToString());
        Assert.NotNull(result.Source);
    }

    [Fact]
    public void PL4001_an_unknown_key_in_a_rule_suggests_the_closest()
    {
        var result = Load(With(6, "    severty: medium"));
        Assert.Equal(["3:5 PL4002", "6:5 PL4001"], Positions(result));
        var unknown = result.Diagnostics[1];
        Assert.Equal("/rules/0/severty", unknown.YamlPath);
        Assert.Equal("unknown key 'severty' in a rule", unknown.Message);
        Assert.StartsWith("did you mean 'severity'?", unknown.Help, StringComparison.Ordinal);
        Assert.Equal("a rule needs 'severity'", result.Diagnostics[0].Message);
    }

    [Fact]
    public void PL4001_an_unknown_key_at_the_top_suggests_the_closest()
    {
        var result = Load(With(2, "rulez:"));
        Assert.Equal(["1:1 PL4002", "2:1 PL4001"], Positions(result));
        Assert.StartsWith("did you mean 'rules'?", result.Diagnostics[1].Help, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4001_an_unknown_operator_suggests_the_closest()
    {
        var d = Only(With(9, "    require: { owner: { equal: x } }"), "9:25 PL4001");
        Assert.Equal("unknown key 'equal' in a condition", d.Message);
        Assert.StartsWith("did you mean 'equals'?", d.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4002_a_missing_key_points_at_the_rules_first_key()
    {
        var d = Only(With(12, null), "3:5 PL4002");
        Assert.Equal("a rule needs 'fix'", d.Message);
        Assert.Equal("/rules/0", d.YamlPath);
    }

    [Fact]
    public void PL4002_a_key_with_no_value_is_missing()
    {
        Assert.Equal("a rule needs 'why'", Only(With(11, "    why:"), "3:5 PL4002").Message);
    }

    [Fact]
    public void PL4003_a_value_of_the_wrong_kind()
    {
        var d = Only(With(4, "    title: [a, b]"), "4:12 PL4003");
        Assert.Equal("expected a single value, found a list", d.Message);
        Assert.Equal("/rules/0/title", d.YamlPath);
    }

    [Fact]
    public void PL4003_in_needs_a_list()
    {
        Assert.Equal("expected a list of values, such as [a, b], found a value",
            Only(With(9, "    require: { owner: { in: links-team } }"), "9:29 PL4003").Message);
    }

    [Fact]
    public void PL4003_an_unquoted_message_in_braces_says_to_quote_it()
    {
        var d = Only(With(10, "    message: {name}"), "10:14 PL4003");
        Assert.StartsWith("expected a single value (put a message that starts with '{' in quotes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4004_another_version_stops_reading()
    {
        var d = Only(With(1, "plumbline-rules: 2") + "bogus: true\n", "1:18 PL4004");
        Assert.Equal("rule file version '2' is not supported; this Plumbline reads version 1", d.Message);
    }

    [Fact]
    public void PL4005_a_bad_step_lists_the_steps_and_suggests_one()
    {
        var d = Only(With(5, "    step: org-alignment"), "5:11 PL4005");
        Assert.Equal("'org-alignment' is not a process step", d.Message);
        Assert.StartsWith("did you mean 'org_alignment'? write one of: requirement_brief, business_value, requirements,", d.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4006_a_bad_severity_lists_the_severities()
    {
        var d = Only(With(6, "    severity: critical"), "6:15 PL4006");
        Assert.Equal("write one of: high, medium, low, info", d.Help);
    }

    [Fact]
    public void PL4007_a_bad_applies_to_lists_the_targets_and_suggests_one()
    {
        var d = Only(With(7, "    applies_to: component"), "7:17 PL4007");
        Assert.Equal("did you mean 'components'? write one of: components, operations, calls, workflows, entities, endpoints, slos, personas, dependencies, decisions", d.Help);
    }

    [Fact]
    public void PL4008_an_id_that_is_not_kebab_case()
    {
        Assert.Equal("'Team_A' is not a valid rule id", Only(With(3, "  - id: Team_A"), "3:9 PL4008").Message);
    }

    [Fact]
    public void PL4009_a_duplicate_id_names_both_positions()
    {
        var text = string.Join('\n', Valid.Concat(Valid.Skip(2))) + "\n";
        var d = Only(text, "13:9 PL4009");
        Assert.Equal("the rule id 'team-a' is already defined at 3:9", d.Message);
        Assert.Equal("/rules/1/id", d.YamlPath);
    }

    [Fact]
    public void PL4009_a_duplicate_across_files_names_the_other_file()
    {
        const string a = "rules/a.rules.yaml";
        const string b = "rules/b.rules.yaml";
        var result = RuleFileLoader.LoadAll([new RuleSource(a, string.Join('\n', Valid) + "\n"), new RuleSource(b, With(4, "    title: Another"))]);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("PL4009", d.Code);
        Assert.Equal(b, d.Span.Path);
        Assert.Equal("3:9", d.Span.Start.ToString());
        Assert.Equal($"the rule id 'team-a' is already defined at {a}:3:9", d.Message);
        Assert.Empty(result.Rules);
    }

    [Fact]
    public void PL4010_an_id_of_a_built_in_rule()
    {
        var d = Only(With(3, "  - id: expired-acceptance"), "3:9 PL4010");
        Assert.Equal("'expired-acceptance' is the id of a built-in rule", d.Message);
    }

    [Fact]
    public void PL4011_a_regex_that_does_not_parse()
    {
        var d = Only(With(9, "    require: { name: { matches: '(' } }"), "9:33 PL4011");
        Assert.StartsWith("'(' is not a valid regular expression: insufficient closing parentheses", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"'(a)\1'")]
    [InlineData("'^(?=a)a'")]
    [InlineData("'(?<=a)b'")]
    [InlineData("'(?>a+)b'")]
    public void PL4011_a_pattern_that_needs_backtracking_is_refused_at_load(string pattern)
    {
        // Patterns run in linear time (the non-backtracking engine); constructs that need backtracking cannot.
        var d = Only(With(9, $"    require: {{ name: {{ matches: {pattern} }} }}"), "9:33 PL4011");
        Assert.EndsWith("team rules run patterns in linear time, which rules out backreferences (\\1), lookarounds ((?=...), (?<=...)), atomic groups and conditionals, or the pattern is too large", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4012_an_empty_list_matches_nothing()
    {
        Assert.Equal("an empty list matches nothing", Only(With(9, "    require: { owner: [] }"), "9:23 PL4012").Message);
    }

    [Fact]
    public void PL4013_a_bound_that_is_no_number_or_unit()
    {
        Assert.Equal("'soon' is not a number or a quantity with a unit",
            Only(With(9, "    require: { memory: { max: soon } }"), "9:31 PL4013").Message);
    }

    [Fact]
    public void PL4014_min_above_max()
    {
        Assert.Equal("min 2GB is above max 1GB, so no value passes",
            Only(With(9, "    require: { memory: { min: 2GB, max: 1GB } }"), "9:24 PL4014").Message);
    }

    [Fact]
    public void PL4015_a_field_the_element_does_not_have_suggests_the_closest()
    {
        var d = Only(With(9, "    require: { ownr: present }"), "9:16 PL4015");
        Assert.Equal("a component has no field 'ownr'", d.Message);
        Assert.StartsWith("did you mean 'owner'?", d.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4015_a_nested_field_is_checked_against_its_object()
    {
        var d = Only(With(9, "    require: { backup.evry: present }"), "9:16 PL4015");
        Assert.Equal("'backup' has no field 'evry' (in 'backup.evry')", d.Message);
        Assert.Equal("did you mean 'every'? 'backup' has: every, keep, restore_tested, restore_rate, cross_region", d.Help);
    }

    [Fact]
    public void PL4016_a_field_path_with_an_empty_part()
    {
        Assert.Equal("'backup..every' is not a field path", Only(With(9, "    require: { backup..every: present }"), "9:16 PL4016").Message);
    }

    [Fact]
    public void PL4017_a_placeholder_that_is_no_field()
    {
        var d = Only(With(10, "    message: \"{name} has no {ownr}\""), "10:14 PL4017");
        Assert.Equal("the message uses '{ownr}', which is not {name}, {path} or a field of a component", d.Message);
        Assert.StartsWith("did you mean '{owner}'?", d.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4018_an_empty_text()
    {
        Assert.Equal("this is empty; it needs why the rule matters, in a sentence", Only(With(11, "    why: \"  \""), "11:10 PL4018").Message);
    }

    [Fact]
    public void PL4019_when_without_conditions()
    {
        Assert.Equal("'when' has no conditions", Only(With(8, "    when: {}"), "8:11 PL4019").Message);
    }

    [Fact]
    public void PL4020_a_file_without_rules_is_a_warning()
    {
        var result = Load("plumbline-rules: 1\nrules: []\n");
        Assert.Equal(["2:1 PL4020"], Positions(result));
        Assert.True(result.Success);
        Assert.Equal(DiagnosticSeverity.Warning, result.Diagnostics[0].Severity);
        Assert.Empty(result.Rules);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run_and_no_rule_is_returned()
    {
        var text = """
            plumbline-rules: 1
            rules:
              - id: Bad_Id
                title: A
                step: nowhere
                severity: critical
                applies_to: components
                require: { ownr: present, memory: { max: soon }, name: { matches: '[' } }
                why: W.
                fix: F.
                extra: 1
              - id: fine-rule
                title: B
                step: resilience
                severity: low
                applies_to: calls
                require: { timeout: { max: 1s } }
                why: W.
                fix: F.
            """;
        var result = Load(text);
        Assert.Equal(["3:9 PL4008", "5:11 PL4005", "6:15 PL4006", "8:16 PL4015", "8:46 PL4013", "8:71 PL4011", "11:5 PL4001"], Positions(result));
        Assert.Empty(result.Rules);
    }

    [Fact]
    public void YAML_problems_keep_their_PL1xxx_codes_and_positions()
    {
        Assert.Contains("6:5 PL1007", Positions(Load(With(5, "    step: resilience\n    step: scale"))));
        Assert.Equal(["9:14 PL1004"], Positions(Load(With(9, "    require: *owner"))));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var result = RuleFileLoader.LoadText("big.rules.yaml", With(1, "plumbline-rules: 1") + new string('#', 2000), new YamlLimits(MaxBytes: 1000));
        Assert.Equal("PL1001", Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Source);
    }

    [Fact]
    public void The_catalogue_has_one_method_per_code()
    {
        Assert.Equal(20, RuleFileDiagnostics.Codes.Count);
        Assert.Equal("PL4001", RuleFileDiagnostics.Codes[0]);
        Assert.Equal("PL4020", RuleFileDiagnostics.Codes[^1]);
    }
}
