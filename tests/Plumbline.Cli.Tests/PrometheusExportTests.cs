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
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
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
        var run = CliRun.Of("export", Path.Combine(Repository.Root, "examples", example), "--prometheus", "--output", rules);
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

    [Fact]
    public void Latency_alerts_count_the_requests_above_the_bucket_the_threshold_is_measured_at()
    {
        // Three latency SLOs of 99% on one route at 10/s: within 50ms (a bucket boundary), within 300ms (not one:
        // measured at le=0.25, so it counts 250-300ms as slow) and within 1s (an integer boundary, which Prometheus 3
        // writes le="1.0" and Prometheus 2 le="1"; the series here use "1.0"). Thresholds for 99% over 30 days:
        // page at 14.4% (1h and 5m) and 6% (6h and 30m); ticket at 3% (1d and 2h) and 1% (3d and 6h).
        using var dir = new TempFolder();
        var design = dir.Write("links.yaml", """
            plumbline: 1
            system: { name: links }
            workflows:
              redirect: { entry: api.resolve, rate: 10/s, type: read }
            api:
              endpoints:
                - { name: resolve, route: GET /r, workflow: redirect }
            components:
              api: { kind: service, instances: 2, operations: { resolve: { type: read } } }
            slos:
              - { name: redirect-fast, workflow: redirect, sli: latency, threshold: 50ms, objective: 99% }
              - { name: redirect-300, workflow: redirect, sli: latency, threshold: 300ms, objective: 99% }
              - { name: redirect-1s, workflow: redirect, sli: latency, threshold: 1s, objective: 99% }
            """);
        var rules = dir.File("rules.yml");
        var run = CliRun.Of("export", design, "--prometheus", "--output", rules);
        Assert.True(run.Exit == 0, run.Error);
        var alerts = Alerts(rules);
        string[] all = ["page-quick", "page-slow", "ticket-quick", "ticket-slow"];

        var tests = new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 5m\ntests:\n");
        // 20% of requests take 50-250ms: slow for the 50ms SLO (every window fires), fast for the other two.
        Histogram(tests, fast50: 480, fast250: 600, fast500: 600, fast1s: 600);
        Expect(tests, alerts, "1h", ("redirect-fast", all), ("redirect-300", []), ("redirect-1s", []));
        // 2% take more than 1s: slow for all three, above the ticket-slow threshold (1%) only.
        Histogram(tests, fast50: 588, fast250: 588, fast500: 588, fast1s: 588);
        Expect(tests, alerts, "1h", ("redirect-fast", ["ticket-slow"]), ("redirect-300", ["ticket-slow"]), ("redirect-1s", ["ticket-slow"]));
        // 20% take 250-500ms: the 300ms SLO, measured at le=0.25, counts them all as slow and pages.
        Histogram(tests, fast50: 480, fast250: 480, fast500: 600, fast1s: 600);
        Expect(tests, alerts, "1h", ("redirect-fast", all), ("redirect-300", all), ("redirect-1s", []));
        File.WriteAllText(dir.File("tests.yml"), tests.ToString());

        var result = Promtool.Run("test", "rules", dir.File("tests.yml"));
        Assert.True(result.Exit == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    /// <summary>One test case of 600 requests a minute on GET /r for an hour, each bucket counting the requests at or below it.</summary>
    private static void Histogram(StringBuilder tests, int fast50, int fast250, int fast500, int fast1s)
    {
        tests.Append("  - interval: 1m\n    input_series:\n");
        const string Route = "http_request_method=\"GET\",http_route=\"/r\"";
        foreach (var (le, perMinute) in new[] { ("0.05", fast50), ("0.25", fast250), ("0.5", fast500), ("1.0", fast1s), ("+Inf", 600) })
        {
            tests.Append(Invariant($"      - series: 'http_server_request_duration_seconds_bucket{{{Route},le=\"{le}\"}}'\n        values: '0+{perMinute}x60'\n"));
        }

        tests.Append(Invariant($"      - series: 'http_server_request_duration_seconds_count{{{Route}}}'\n        values: '0+600x60'\n"));
        tests.Append("    alert_rule_test:\n");
    }

    /// <summary>At <paramref name="at"/>, each SLO's alert fires for exactly the windows named, with the labels and annotations of the rules file.</summary>
    private static void Expect(StringBuilder tests, List<Alert> alerts, string at, params (string Slo, string[] Firing)[] expected)
    {
        foreach (var (slo, firing) in expected)
        {
            var mine = alerts.Where(a => a.Labels["slo"] == slo && a.Labels.ContainsKey("alert_window")).ToList();
            Assert.Equal(4, mine.Count);
            tests.Append(Invariant($"      - eval_time: {at}\n        alertname: {mine[0].Name}\n        exp_alerts:{(firing.Length == 0 ? " []" : string.Empty)}\n"));
            foreach (var alert in mine.Where(a => firing.Contains(a.Labels["alert_window"])))
            {
                tests.Append("          - exp_labels:\n");
                foreach (var (key, value) in alert.Labels)
                {
                    tests.Append($"              {key}: {Quote(value)}\n");
                }

                tests.Append("            exp_annotations:\n");
                foreach (var (key, value) in alert.Annotations)
                {
                    tests.Append($"              {key}: {Quote(value)}\n");
                }
            }
        }
    }

    [Fact]
    public void An_sli_with_no_series_alerts_after_ten_minutes()
    {
        // The burn-rate alerts cannot fire on an SLI that is not measured at all. register (10/s: 10 requests take
        // 1 s, so the shortest hold, 10 minutes) pages when its requests have had no series for 10 minutes: pending
        // before, firing after, silent while the series exist. In the sign-up journey each step is watched: verify's
        // series missing fires the alert for that step only. export (6 an hour: 10 requests take 100 minutes) opens a
        // ticket after 100 minutes; audit (one a day: 10 take 10 days) gets no such alert, and the file says why.
        using var dir = new TempFolder();
        var design = dir.Write("accounts.yaml", """
            plumbline: 1
            system: { name: accounts }
            workflows:
              register: { entry: api.register, rate: 10/s, type: write }
              verify: { entry: api.verify, rate: 10/s, type: write }
              export: { entry: api.export, rate: 6/h, type: read }
              audit: { entry: api.audit, rate: 1/day, type: read }
            api:
              endpoints:
                - { name: register, route: POST /users, workflow: register }
                - { name: verify, route: POST /verifications, workflow: verify }
                - { name: export, route: GET /export, workflow: export }
                - { name: audit, route: GET /audit, workflow: audit }
            components:
              api: { kind: service, instances: 2, operations: { register: { type: write }, verify: { type: write }, export: { type: read }, audit: { type: read } } }
            slos:
              - { name: register-availability, workflow: register, sli: availability, objective: 99.9% }
              - { name: sign-up, journey: [register, verify], sli: availability, objective: 99.9% }
              - { name: export-availability, workflow: export, sli: availability, objective: 99% }
              - { name: audit-availability, workflow: audit, sli: availability, objective: 90% }
            """);
        var rules = dir.File("rules.yml");
        var run = CliRun.Of("export", design, "--prometheus", "--output", rules);
        Assert.True(run.Exit == 0, run.Error);
        var absent = Alerts(rules).Where(a => !a.Labels.ContainsKey("alert_window")).ToDictionary(a => a.Labels["slo"], StringComparer.Ordinal);
        Assert.Equal(3, absent.Count);
        Assert.Equal("page", absent["register-availability"].Labels["severity"]);
        Assert.Equal("page", absent["sign-up"].Labels["severity"]);
        Assert.Equal("ticket", absent["export-availability"].Labels["severity"]);
        Assert.Contains("# No alert on a missing SLI for audit-availability: at the average 1/day, 10 requests take longer than a day", File.ReadAllText(rules), StringComparison.Ordinal);
        var holds = File.ReadAllLines(rules).Where(l => l.TrimStart().StartsWith("for:", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(["for: '10m'", "for: '10m'", "for: '100m'"], holds);

        var tests = new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
        // Nothing measured at all.
        tests.Append("  - interval: 1m\n    input_series:\n      - series: 'up{job=\"other\"}'\n        values: '1x120'\n    alert_rule_test:\n");
        Absent(tests, absent["register-availability"], "5m", null);
        Absent(tests, absent["register-availability"], "15m", []);
        Absent(tests, absent["export-availability"], "15m", null);
        Absent(tests, absent["export-availability"], "105m", []);
        // register measured, verify not: register's SLO is quiet, the journey's alert names the step.
        tests.Append("  - interval: 1m\n    input_series:\n");
        tests.Append("      - series: 'http_server_request_duration_seconds_count{http_request_method=\"POST\",http_route=\"/users\",http_response_status_code=\"200\"}'\n        values: '0+600x30'\n");
        tests.Append("    alert_rule_test:\n");
        Absent(tests, absent["register-availability"], "15m", null);
        Absent(tests, absent["sign-up"], "15m", [("step", "verify")]);
        File.WriteAllText(dir.File("tests.yml"), tests.ToString());

        var result = Promtool.Run("test", "rules", dir.File("tests.yml"));
        Assert.True(result.Exit == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    /// <summary>At <paramref name="at"/>, the alert is silent (<paramref name="extra"/> null) or fires once with its labels and these.</summary>
    private static void Absent(StringBuilder tests, Alert alert, string at, (string Key, string Value)[]? extra)
    {
        tests.Append(Invariant($"      - eval_time: {at}\n        alertname: {alert.Name}\n        exp_alerts:{(extra is null ? " []" : string.Empty)}\n"));
        if (extra is null)
        {
            return;
        }

        tests.Append("          - exp_labels:\n");
        foreach (var (key, value) in alert.LabelList.Concat(extra))
        {
            tests.Append($"              {key}: {Quote(value)}\n");
        }

        tests.Append("            exp_annotations:\n");
        foreach (var (key, value) in alert.Annotations)
        {
            tests.Append($"              {key}: {Quote(value)}\n");
        }
    }

    [Fact]
    public void The_period_error_ratio_weighs_every_request_alike()
    {
        // Two busy hours at 100/s without errors, then a quiet hour at 1/s with 10% errors. Over the three hours
        // 360 of 723,600 requests failed; sampled every 5 minutes, 12 quiet samples of 0.1/s errors in 1/s and 24
        // busy ones of 100/s: 1.2 / 2,412 = 0.0497512%. An average of the 36 five-minute ratios (as Sloth's
        // optimized rule takes it) says 1.2 / 36 = 3.33%, 67 times as much: a quiet night's few failures
        // would spend the month's budget.
        using var dir = new TempFolder();
        var design = dir.Write("shop.yaml", Checkout);
        var rules = dir.File("rules.yml");
        var run = CliRun.Of("export", design, "--prometheus", "--output", rules);
        Assert.True(run.Exit == 0, run.Error);

        const string Selector = "{system=\"shop\",slo=\"checkout-availability\"}";
        const string Route = "http_request_method=\"POST\",http_route=\"/orders\"";
        var tests = new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 5m\ntests:\n  - interval: 1m\n    input_series:\n");
        tests.Append($"      - series: 'http_server_request_duration_seconds_count{{{Route},http_response_status_code=\"200\"}}'\n        values: '0+6000x120 720054+54x59'\n");
        tests.Append($"      - series: 'http_server_request_duration_seconds_count{{{Route},http_response_status_code=\"500\"}}'\n        values: '0+0x120 6+6x59'\n");
        tests.Append("    promql_expr_test:\n");
        Near(tests, "3h", $"slo:sli_error:ratio_rate30d{Selector}", 1.2 / 2412);
        Near(tests, "3h", $"slo:period_burn_rate:ratio{Selector}", 1.2 / 2412 / 0.001);
        Near(tests, "3h", $"slo:period_error_budget_remaining:ratio{Selector}", 1 - (1.2 / 2412 / 0.001));
        Near(tests, "3h", $"sum_over_time(slo:sli_error:ratio_rate5m{Selector}[30d]) / count_over_time(slo:sli_error:ratio_rate5m{Selector}[30d])", 1.2 / 36);
        File.WriteAllText(dir.File("tests.yml"), tests.ToString());

        var result = Promtool.Run("test", "rules", dir.File("tests.yml"));
        Assert.True(result.Exit == 0, result.Output);
    }

    [Fact]
    public void Every_dashboard_query_gives_one_series_with_the_hand_computed_value()
    {
        // Two steps at 10/s, each with a steady 0.05% error ratio for three hours. register's 99.9% SLO: the SLI is
        // 99.95% over every window, the burn rate 0.05% / 0.1% = 0.5, the budget remaining 1 - 0.5 = 50%. The 99.9%
        // sign-up journey fails when either step does: 1 - 0.9995 x 0.9995 = 0.099975% of the time, an SLI of
        // 99.900025%, a burn rate of 0.99975 and 0.025% of the budget remaining.
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
              - { name: register-availability, workflow: register, sli: availability, objective: 99.9% }
              - { name: sign-up, journey: [register, verify], sli: availability, objective: 99.9% }
            """);
        var rules = dir.File("rules.yml");
        Assert.Equal(0, CliRun.Of("export", design, "--prometheus", "--output", rules).Exit);
        var dashboard = CliRun.Of("export", design, "--grafana");
        Assert.True(dashboard.Exit == 0, dashboard.Error);

        var targets = new List<(string Expr, string Legend)>();
        using (var json = System.Text.Json.JsonDocument.Parse(dashboard.Out))
        {
            foreach (var panel in json.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.TryGetProperty("targets", out _)))
            {
                targets.AddRange(panel.GetProperty("targets").EnumerateArray()
                    .Select(t => (t.GetProperty("expr").GetString()!, t.GetProperty("legendFormat").GetString()!)));
            }
        }

        // Per SLO: the SLI (30 days and 5 minutes), budget remaining, objective, and the burn rate over 7 windows and the period.
        Assert.Equal(24, targets.Count);
        var tests = new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 5m\ntests:\n  - interval: 1m\n    input_series:\n");
        foreach (var route in new[] { "/users", "/verifications" })
        {
            var labels = $"http_request_method=\"POST\",http_route=\"{route}\"";
            tests.Append($"      - series: 'http_server_request_duration_seconds_count{{{labels},http_response_status_code=\"200\"}}'\n        values: '0+599.7x180'\n");
            tests.Append($"      - series: 'http_server_request_duration_seconds_count{{{labels},http_response_status_code=\"500\"}}'\n        values: '0+0.3x180'\n");
        }

        tests.Append("    promql_expr_test:\n");
        foreach (var (expr, legend) in targets)
        {
            var errorRatio = expr.Contains("slo=\"sign-up\"", StringComparison.Ordinal) ? 1 - (0.9995 * 0.9995) : 0.0005;
            var expected = legend switch
            {
                "SLI" => 1 - errorRatio,
                "remaining" => 1 - (errorRatio / 0.001),
                "objective" => 0.999,
                _ => errorRatio / 0.001, // a burn rate, by window
            };
            Near(tests, "3h", expr, expected);
        }

        File.WriteAllText(dir.File("tests.yml"), tests.ToString());
        var result = Promtool.Run("test", "rules", dir.File("tests.yml"));
        Assert.True(result.Exit == 0, result.Output);
    }

    /// <summary>
    /// A promtool expression test that <paramref name="expr"/> gives exactly one series, within 1e-9 of
    /// <paramref name="expected"/>: promtool 2.x compares sample values exactly, so the test counts instead.
    /// </summary>
    private static void Near(StringBuilder tests, string at, string expr, double expected)
    {
        tests.Append(Invariant($"      - expr: {Quote($"count({expr})")}\n        eval_time: {at}\n        exp_samples:\n          - labels: '{{}}'\n            value: 1\n"));
        tests.Append(Invariant($"      - expr: {Quote($"count(abs(({expr}) - {expected:R}) < 1e-9)")}\n        eval_time: {at}\n        exp_samples:\n          - labels: '{{}}'\n            value: 1\n"));
    }

    internal sealed record Alert(string Name, List<(string Key, string Value)> LabelList, List<(string Key, string Value)> Annotations)
    {
        public Dictionary<string, string> Labels { get; } = LabelList.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>Every alerting rule of a rules file, with its labels and annotations in file order.</summary>
    private static List<Alert> Alerts(string rules)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(rules))
        {
            yaml.Load(reader);
        }

        var groups = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"];
        static List<(string, string)> Pairs(YamlMappingNode map) =>
            [.. map.Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!))];
        return [.. groups.Children.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>())
            .Where(r => r.Children.ContainsKey("alert"))
            .Select(r => new Alert(((YamlScalarNode)r["alert"]).Value!, Pairs((YamlMappingNode)r["labels"]), Pairs((YamlMappingNode)r["annotations"])))];
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
            var labels = rule.Children.ContainsKey("alert") ? (YamlMappingNode)rule["labels"] : null;
            if (labels is null || !labels.Children.ContainsKey("alert_window"))
            {
                continue;
            }

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
