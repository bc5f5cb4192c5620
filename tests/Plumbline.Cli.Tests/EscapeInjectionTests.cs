using System.Text;
using Plumbline.Design.Text;
using Plumbline.Reporting.Terminal;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// Text from a file is hostile until printed safely: whatever a design, a rule file or a file name holds, no
/// control character or bidirectional override reaches standard output or standard error, from any command in
/// any format. The hostile text sets the terminal's title, clears the screen, flips the text's direction,
/// returns the cursor, and forges a clean result on a line of its own.
/// </summary>
public sealed class EscapeInjectionTests : IDisposable
{
    /// <summary>In YAML double-quoted form: ESC ] 0 ; title BEL, ESC [ 2 J, RLO, LRI, CR LF, NEL, CSI (C1), DEL.</summary>
    private const string Hostile = "\"\\e]0;pwned\\a\\e[2J\\u202Eevil\\u2066\\r\\n\\nAll good: 0 findings\\N\\x9b31m\\x7f\\b\\t\"";

    private static readonly string Design = $"""
        plumbline: 1
        system:
          name: tiny-shop
          summary: {Hostile}
          owners: [{Hostile}]
        requirements:
          personas:
            - name: {Hostile}
              description: {Hostile}
          open_questions:
            - question: {Hostile}
              owner: {Hostile}
        workflows:
          browse:
            description: {Hostile}
            entry: web.list
            rate: 20/s
            peak_rate: 60/s
            criticality: high
        data:
          - entity: Item
            description: {Hostile}
            owner: db
            record_size: 1KB
            new_records: 10/s
        components:
          web:
            kind: service
            description: {Hostile}
            owner: {Hostile}
            engine: {Hostile}
            instances: 1
            capacity: 100/s
            operations:
              list:
                calls:
                  - to: db.query
                    retries: 3
          db:
            kind: database
            model: oltp
            engine: {Hostile}
            operations:
              query: {"{}"}
        security:
          authz: {Hostile}
          encryption:
            in_transit: {Hostile}
            at_rest: {Hostile}
          audit: [{Hostile}]
          accepted_risks:
            - finding: team-hostile-accepted@web
              reason: {Hostile}
              until: 2099-12-31
              owner: {Hostile}
            - threat: {Hostile}
              reason: {Hostile}
        decisions:
          - id: {Hostile}
            title: {Hostile}
        api:
          endpoints:
            - name: {Hostile}
              route: GET /items
              workflow: browse
        slos:
          - name: {Hostile}
            workflow: browse
            sli: availability
            objective: 99.9%
            description: {Hostile}
        """;

    private static readonly string Rules = $"""
        plumbline-rules: 1
        rules:
          - id: team-hostile
            title: {Hostile}
            step: org_alignment
            severity: high
            applies_to: components
            when: {"{ kind: service }"}
            require: {"{ owner: { matches: '^team-' } }"}
            message: "{"{name}"} is owned by {"{owner}"}: "
            why: {Hostile}
            fix: {Hostile}
          - id: team-hostile-accepted
            title: {Hostile}
            step: org_alignment
            severity: high
            applies_to: components
            when: {"{ kind: service }"}
            require: {"{ owner: { matches: '^team-' } }"}
            why: {Hostile}
            fix: {Hostile}
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Commands() =>
    [
        "validate {design}",
        "validate {design} --format json",
        "estimate {design}",
        "estimate {design} --explain --sensitivity",
        "estimate {design} --format json --sensitivity",
        "estimate {design} --format markdown --explain --sensitivity",
        "check {design} --today 2026-11-25",
        "check {design} --today 2026-11-25 --verbose",
        "check {design} --today 2026-11-25 --format json",
        "check {design} --today 2026-11-25 --format sarif",
        "check {design} --today 2026-11-25 --format markdown",
        "cost {design} --explain",
        "cost {design} --format json",
        "cost {design} --format markdown --explain",
        "recovery {design} --explain",
        "recovery {design} --format json",
        "recovery {design} --format markdown --explain",
        "slo {design} --explain",
        "slo {design} --format json",
        "slo {design} --format markdown --explain",
        "threats {design} --today 2026-11-25 --flows",
        "threats {design} --today 2026-11-25 --format json",
        "threats {design} --today 2026-11-25 --format markdown",
        "threats {design} --today 2026-11-25 --format sarif",
        "threats {invalid}",
        "threats {evilname} --today 2026-11-25",
        "report {design} --today 2026-11-25",
        "report {design} --today 2026-11-25 --format html",
        "report {evilname} --today 2026-11-25 --format html",
        "report {invalid}",
        "diff {design} {evilname} --today 2026-11-25",
        "diff {evilname} {design} --today 2026-11-25 --format json --fail-on low",
        "diff {design} {invalid}",
        "diagram {design}",
        "diagram {design} --format dot --view context",
        "diagram {design} --format svg --view dataflow",
        "diagram {design} --view workflow:browse",
        "diagram {design} --view workflow:\u001b]0;x\u0007",
        "diagram {invalid}",
        "export {design} --prometheus",
        "export {design} --openslo",
        "export {design} --grafana",
        "cost {invalid}",
        "slo {invalid}",
        "validate {invalid}",
        "validate {invalid} --format json",
        "check {invalid}",
        "estimate {invalid}",
        "check {badrules} --today 2026-11-25",
        "validate {evilname}",
        "check {evilname} --today 2026-11-25",
        "validate {missing}",
        "validate {design} --bogus-\u001b[2J",
        "check {design} --today \u001b]0;x\u0007",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void No_control_character_from_a_file_reaches_the_terminal(string commandLine)
    {
        var run = CliRun.Of(Arguments(commandLine));
        Assert.True(run.Exit is 0 or 1 or 2, $"exit {run.Exit}: {run.Error}");
        AssertClean("stdout", run.Out);
        AssertClean("stderr", run.Error);
        Assert.True(run.Out.Length + run.Error.Length > 0, "the command printed nothing");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void In_colour_the_only_escape_sequences_are_the_palette(string commandLine)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(Arguments(commandLine), new CliConsole(output, error, new StringReader(string.Empty)) { UseColor = true });
        Assert.True(exit is 0 or 1 or 2, $"exit {exit}: {error}");
        var palette = Enum.GetValues<TerminalStyle>().Select(TerminalStyles.Code).Where(c => c.Length > 0).Append(TerminalStyles.Reset).ToList();
        foreach (var (name, text) in new[] { ("stdout", output.ToString()), ("stderr", error.ToString()) })
        {
            var withoutPalette = palette.Aggregate(text, (t, code) => t.Replace(code, string.Empty, StringComparison.Ordinal));
            AssertClean(name, withoutPalette);
        }
    }

    [Fact]
    public void The_hostile_text_is_shown_escaped_not_dropped()
    {
        var run = CliRun.Of(Arguments("check {design} --today 2026-11-25"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("is owned by \\u001B]0;pwned\\u0007\\u001B[2J\\u202Eevil\\u2066", run.Out, StringComparison.Ordinal);

        // The forged line stays on the finding's line: line breaks inside a message are spaces.
        Assert.DoesNotContain("\nAll good", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_name_with_control_characters_is_refused_and_echoed_escaped()
    {
        var run = CliRun.Of(Arguments("validate {invalid}"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("error PL2007: '\\u001B]0;pwned\\u0007\\u001B[2J", run.Out, StringComparison.Ordinal);
        Assert.Contains("is not a valid system name", run.Out, StringComparison.Ordinal);
    }

    private string[] Arguments(string commandLine)
    {
        var design = _dir.Write("design.yaml", Design);
        _dir.Write("team.rules.yaml", Rules);
        var invalid = _dir.Write("invalid.yaml", Design.Replace("  name: tiny-shop", "  name: " + Hostile, StringComparison.Ordinal));
        Directory.CreateDirectory(_dir.File("bad"));
        var badRules = Path.Combine(_dir.File("bad"), "design.yaml");
        File.WriteAllText(badRules, Design);
        File.WriteAllText(Path.Combine(_dir.File("bad"), "bad.rules.yaml"), "plumbline-rules: 1\nrules:\n  - id: " + Hostile + "\n    message: " + Hostile + "\n");
        var evilName = _dir.Write("evil\u001b]0;title\u0007\u202E.yaml", Design);
        return [.. commandLine.Split(' ').Select(a => a
            .Replace("{design}", design, StringComparison.Ordinal)
            .Replace("{invalid}", invalid, StringComparison.Ordinal)
            .Replace("{badrules}", badRules, StringComparison.Ordinal)
            .Replace("{evilname}", evilName, StringComparison.Ordinal)
            .Replace("{missing}", _dir.File("missing\u001b[2J\u0085.yaml"), StringComparison.Ordinal))];
    }

    private static void AssertClean(string stream, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && TerminalText.IsUnsafe(c))
            {
                var around = text.Substring(Math.Max(0, i - 60), Math.Min(120, text.Length - Math.Max(0, i - 60)));
                Assert.Fail(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{stream}: U+{(int)c:X4} at {i}, in: {new StringBuilder(around).Replace("\u001b", "<ESC>")}"));
            }
        }
    }
}
