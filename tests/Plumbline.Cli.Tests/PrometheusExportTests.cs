using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Plumbline.Cli.Tests;

/// <summary>
/// The exported rules against the real consumer: <c>promtool check rules</c> accepts every example's, and
/// <c>promtool test rules</c> with synthetic series shows the alerts fire when they should: for a 99.9% SLO,
/// a 2% error ratio pages within the hour, 0.05% never pages nor opens a ticket, and 0.4% opens a ticket
/// and does not page. The test script installs Debian's prometheus package for promtool.
/// </summary>
public sealed class PrometheusExportTests
{
    private const string Checkout = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.order, rate: 10/s, type: write, criticality: critical }
        api:
          endpoints:
            - { name: order, route: POST /orders, workflow: checkout, idempotency: key, auth: session }
        components:
          api:
            kind: service
            instances: 2
            operations:
              order: { type: write, idempotent: true }
        slos:
          - { name: checkout-availability, workflow: checkout, sli: availability, objective: 99.9%, window: 30d }
        operations:
          runbooks:
            - { failure: checkout failing, slos: [checkout-availability], link: https://runbooks.example.com/checkout }
        """;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(InitCommandTests.RepositoryRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Promtool_accepts_every_examples_rules(string example)
    {
        using var dir = new TempFolder();
        var rules = dir.File("rules.yml");
        var run = CliRun.Of("export", Path.Combine(InitCommandTests.RepositoryRoot(), "examples", example), "--prometheus", "--output", rules);
        Assert.True(run.Exit == 0, run.Error);

        var check = Promtool.Run("check", "rules", rules);
        Assert.True(check.Exit == 0, check.Output);
        Assert.Contains("SUCCESS", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_burn_rate_alerts_fire_when_they_should()
    {
        using var dir = new TempFolder();
        var design = dir.Write("shop.yaml", Checkout);
        var rules = dir.File("rules.yml");
        var run = CliRun.Of("export", design, "--prometheus", "--output", rules);
        Assert.True(run.Exit == 0, run.Error);
        var annotations = Annotations(rules);

        // 10 requests a second, one error ratio held from the start. Thresholds for 99.9% over 30 days: page at
        // 1.44% (over 1h and 5m) and 0.6% (6h and 30m); ticket at 0.3% (1d and 2h) and 0.1% (3d and 6h).
        // Samples every minute; the rules are evaluated every 5 minutes, which keeps three days quick.
        var tests = new StringBuilder();
        tests.Append("rule_files:\n  - rules.yml\nevaluation_interval: 5m\ntests:\n");
        Case(tests, annotations, errorRatio: 0.02, minutes: 60, at: ["10m", "1h"], firing: ["page-quick", "page-slow", "ticket-quick", "ticket-slow"]);
        Case(tests, annotations, errorRatio: 0.0005, minutes: 3 * 24 * 60, at: ["10m", "1h", "6h", "1d", "3d"], firing: []);
        Case(tests, annotations, errorRatio: 0.004, minutes: 24 * 60, at: ["1h", "6h", "1d"], firing: ["ticket-quick", "ticket-slow"]);
        File.WriteAllText(dir.File("tests.yml"), tests.ToString());

        var result = Promtool.Run("test", "rules", dir.File("tests.yml"));
        Assert.True(result.Exit == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    private static void Case(StringBuilder tests, Dictionary<string, (string Summary, string Description, string Severity, string Long, string Short)> annotations,
        double errorRatio, int minutes, string[] at, string[] firing) =>
        Case(tests, annotations, [("POST", "/orders", errorRatio)], minutes, at, firing,
            "CheckoutAvailabilityBudgetBurn", "shop", "checkout-availability", "checkout", "https://runbooks.example.com/checkout");

    private static void Case(StringBuilder tests, Dictionary<string, (string Summary, string Description, string Severity, string Long, string Short)> annotations,
        (string Method, string Route, double ErrorRatio)[] routes, int minutes, string[] at, string[] firing,
        string alert, string system, string slo, string workflow, string? runbook)
    {
        const double PerMinute = 600; // 10/s on each route
        tests.Append("  - interval: 1m\n    input_series:\n");
        foreach (var (method, path, errorRatio) in routes)
        {
            var errors = PerMinute * errorRatio;
            var ok = PerMinute - errors;
            var route = $"http_request_method=\"{method}\",http_route=\"{path}\"";
            tests.Append(Invariant($"      - series: 'http_server_request_duration_seconds_count{{{route},http_response_status_code=\"200\"}}'\n        values: '0+{ok}x{minutes}'\n"));
            tests.Append(Invariant($"      - series: 'http_server_request_duration_seconds_count{{{route},http_response_status_code=\"500\"}}'\n        values: '0+{errors}x{minutes}'\n"));
        }

        tests.Append("    alert_rule_test:\n");
        foreach (var time in at)
        {
            tests.Append(Invariant($"      - eval_time: {time}\n        alertname: {alert}\n        exp_alerts:{(firing.Length == 0 ? " []" : string.Empty)}\n"));
            foreach (var window in firing)
            {
                var a = annotations[window];
                tests.Append("          - exp_labels:\n");
                tests.Append(Invariant($"              severity: {a.Severity}\n              system: {system}\n              slo: {slo}\n              workflow: {Quote(workflow)}\n"));
                tests.Append(Invariant($"              alert_window: {window}\n              long_window: {a.Long}\n              short_window: {a.Short}\n"));
                tests.Append("            exp_annotations:\n");
                tests.Append($"              summary: {Quote(a.Summary)}\n              description: {Quote(a.Description)}\n");
                if (runbook is not null)
                {
                    tests.Append($"              runbook_url: {runbook}\n");
                }
            }
        }
    }

    [Fact]
    public void A_journey_fails_when_any_step_does()
    {
        // Two steps at 1% errors each: the journey fails 1 - 0.99 x 0.99 = 1.99% of the time, above page-quick's
        // 1.44% for a 99.9% journey; an average of the two steps' ratios (1%) would not page quick. One step at
        // 0.8% and the other clean: 0.8%, which pages slow (0.6%) and not quick.
        using var dir = new TempFolder();
        var design = dir.Write("accounts.yaml", """
            plumbline: 1
            system: { name: accounts }
            workflows:
              register: { entry: api.register, rate: 10/s, type: write }
              verify: { entry: api.verify, rate: 10/s, type: write }
            api:
              endpoints:
                - { name: register, route: POST /users, workflow: register }
                - { name: verify, route: POST /verifications, workflow: verify }
            components:
              api: { kind: service, instances: 2, operations: { register: { type: write }, verify: { type: write } } }
            slos:
              - { name: sign-up, journey: [register, verify], sli: availability, objective: 99.9% }
            """);
        var rules = dir.File("rules.yml");
        var run = CliRun.Of("export", design, "--prometheus", "--output", rules);
        Assert.True(run.Exit == 0, run.Error);

        var tests = new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 5m\ntests:\n");
        Case(tests, Annotations(rules), [("POST", "/users", 0.01), ("POST", "/verifications", 0.01)], 60, ["10m", "1h"],
            ["page-quick", "page-slow", "ticket-quick", "ticket-slow"], "SignUpBudgetBurn", "accounts", "sign-up", "register + verify", null);
        Case(tests, Annotations(rules), [("POST", "/users", 0.008), ("POST", "/verifications", 0.0)], 60, ["1h"],
            ["page-slow", "ticket-quick", "ticket-slow"], "SignUpBudgetBurn", "accounts", "sign-up", "register + verify", null);
        File.WriteAllText(dir.File("tests.yml"), tests.ToString());

        var result = Promtool.Run("test", "rules", dir.File("tests.yml"));
        Assert.True(result.Exit == 0, result.Output);
    }

    /// <summary>Each alert's labels and annotations as the rules file has them, by alert window.</summary>
    private static Dictionary<string, (string Summary, string Description, string Severity, string Long, string Short)> Annotations(string rules)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(rules))
        {
            yaml.Load(reader);
        }

        var result = new Dictionary<string, (string, string, string, string, string)>(StringComparer.Ordinal);
        var groups = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"];
        foreach (var rule in groups.Children.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>()))
        {
            if (!rule.Children.ContainsKey("alert"))
            {
                continue;
            }

            var labels = (YamlMappingNode)rule["labels"];
            var notes = (YamlMappingNode)rule["annotations"];
            string S(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;
            result[S(labels, "alert_window")] = (S(notes, "summary"), S(notes, "description"), S(labels, "severity"), S(labels, "long_window"), S(labels, "short_window"));
        }

        Assert.Equal(4, result.Count);
        return result;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Runs Prometheus's promtool, which the test script installs (Debian package prometheus).</summary>
internal static class Promtool
{
    public static (int Exit, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("promtool")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("promtool is not installed: install Debian's prometheus package (apt-get install --no-install-recommends prometheus), as scripts/test does", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("promtool ran for more than 3 minutes");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
