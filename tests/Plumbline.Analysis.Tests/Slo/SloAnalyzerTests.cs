using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Slo;

public sealed class SloAnalyzerTests
{
    private const string Shop = """
        plumbline: 1
        system: { name: shop }
        requirements: { peak_to_average: 3 }
        workflows:
          browse: { entry: web.list, rate: 100/s, criticality: critical }
          register: { entry: web.register, rate: 2/s, type: write }
          verify: { entry: web.verify, rate: 1/s, type: write }
          login: { entry: web.login, rate: 50/s }
        api:
          endpoints:
            - { name: list, route: GET /products, workflow: browse }
            - { name: register, route: POST /users, workflow: register }
        components:
          web:
            kind: service
            instances: 2
            availability: 99.9%
            operations:
              list: {}
              register: { type: write }
              verify: { type: write }
              login: {}
        slos:
          - { name: browse-availability, workflow: browse, sli: availability, objective: 99.9% }
          - { name: browse-latency, workflow: browse, sli: latency, threshold: 300ms, objective: 99% }
          - { name: register-availability, workflow: register, sli: availability, objective: 99.9% }
          - { name: verify-availability, workflow: verify, sli: availability, objective: 99.5%, window: 28d }
          - { name: login-availability, workflow: login, sli: availability, objective: 99.95% }
          - { name: sign-up, journey: [register, verify, login], sli: availability }
        operations:
          runbooks:
            - { failure: web down, slos: [browse-availability], link: https://runbooks.example.com/web }
        """;

    private static SloReport Analyze(string yaml, SloOptions? options = null)
    {
        var design = TestDesigns.Load(yaml);
        return SloAnalyzer.Analyze(design, Estimator.Estimate(design), options);
    }

    private static void Near(double expected, double? actual, double relative = 1e-12) =>
        Assert.True(actual is { } a && Math.Abs(expected - a) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void A_999_slo_over_30_days_has_432_minutes_and_259200_requests_of_budget()
    {
        var browse = Analyze(Shop).Slos.Single(s => s.Name == "browse-availability");

        Near(0.001, browse.Budget.Value);
        Near(2_592, browse.BudgetTime.Value);                  // 43.2 minutes
        Near(259_200, browse.BudgetRequestsAverage.Value);     // 100/s x 2,592,000 s x 0.1%
        Near(777_600, browse.BudgetRequestsPeak.Value);        // at the 300/s peak
        Assert.Equal("/slos/0/objective", browse.Objective.Inputs.Single().Source);
    }

    [Fact]
    public void The_default_windows_give_the_workbooks_four_alerts()
    {
        var browse = Analyze(Shop).Slos.Single(s => s.Name == "browse-availability");

        Assert.Equal(["browse-availability-page-quick", "browse-availability-page-slow", "browse-availability-ticket-quick", "browse-availability-ticket-slow"],
            browse.Alerts.Select(a => a.Name));
        Assert.Equal([AlertSeverity.Page, AlertSeverity.Page, AlertSeverity.Ticket, AlertSeverity.Ticket], browse.Alerts.Select(a => a.Severity));
        var quick = browse.Alerts[0];
        Near(14.4, quick.Factor.Value);
        Near(0.0144, quick.Threshold.Value);
        Near(86.4, quick.FailuresPerMinute.Value);             // 1.44% of 100/s x 60 s
        Near(51.84, quick.FullOutageDetection.Value);          // 1.44% of an hour
        Near(0.02, quick.BudgetSpentAtDetection.Value);
        Near(180_000, quick.TimeToExhaust.Value);              // 30 days / 14.4 = 50 hours
        Near(5_184, quick.FailuresToFire.Value);               // 1.44% of 360,000 requests in the hour
        Assert.Empty(quick.Problems);
        Near(6, browse.Alerts[1].Factor.Value);
        Near(0.006, browse.Alerts[1].Threshold.Value);
        Near(3, browse.Alerts[2].Factor.Value);
        Near(1, browse.Alerts[3].Factor.Value);
        Assert.Empty(browse.Alerts[3].Problems);
    }

    [Fact]
    public void A_28_day_slo_gets_its_own_factors()
    {
        var verify = Analyze(Shop).Slos.Single(s => s.Name == "verify-availability");

        Near(13.44, verify.Alerts[0].Factor.Value);
        Near(13.44 * 0.005, verify.Alerts[0].Threshold.Value);
        Near(0.93333333333333333, verify.Alerts[3].Factor.Value);
        Assert.Equal([AlertProblem.BelowBudgetPace], verify.Alerts[3].Problems);
        Near(28 * 86_400 * 0.005, verify.BudgetTime.Value);     // 3.36 hours
    }

    [Fact]
    public void A_journey_without_an_objective_composes_its_steps()
    {
        var signUp = Analyze(Shop).Slos.Single(s => s.Name == "sign-up");

        Assert.False(signUp.Slo.ObjectiveStated);
        Near(0.999 * 0.995 * 0.9995, signUp.Objective.Value);
        Assert.Equal(["register-availability", "verify-availability", "login-availability"], signUp.Objective.Inputs.Select(i => i.Name));
        Near(1, signUp.AverageRate.Value);                      // verify, the least-used step
        Assert.Equal("register + verify + login", signUp.Subject);
        Assert.NotNull(signUp.Composed);
        Assert.Equal(3, signUp.Composed.Steps.Length);
        Near(signUp.Composed.Steps.Aggregate(1.0, (p, s) => p * s.Value), signUp.Composed.Value.Value);
    }

    [Fact]
    public void The_composed_availability_stands_beside_the_objective()
    {
        var browse = Analyze(Shop).Slos.Single(s => s.Name == "browse-availability");

        // Two instances at 99.9%, no zones listed: 1 - 0.001^2 = 99.9999%, above 99.9%.
        Near(1 - (0.001 * 0.001), browse.Composed!.Value.Value);
        Assert.True(browse.Composed.MeetsObjective);
    }

    [Fact]
    public void A_latency_threshold_between_buckets_rounds_down_and_says_so()
    {
        var latency = Analyze(Shop).Slos.Single(s => s.Name == "browse-latency");

        Assert.Equal(BucketSource.RoundedDown, latency.Bucket!.Source);
        Assert.Equal(0.25, latency.Bucket.Bucket.Seconds);
        Assert.Equal("0.25", LatencyBuckets.Le(latency.Bucket.Bucket));
        Assert.Contains("requests between 250ms and 300ms count as slow", latency.Bucket.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_on_a_boundary_is_exact()
    {
        var report = Analyze(Shop.Replace("threshold: 300ms", "threshold: 250ms", StringComparison.Ordinal));

        var bucket = report.Slos.Single(s => s.Name == "browse-latency").Bucket!;
        Assert.True(bucket.IsExact);
        Assert.Null(bucket.Change);
    }

    [Fact]
    public void Endpoints_and_runbooks_are_found_for_the_default_queries_and_links()
    {
        var report = Analyze(Shop);

        var browse = report.Slos.Single(s => s.Name == "browse-availability");
        Assert.Equal("/products", browse.Targets.Single().Endpoints.Single().Route);
        Assert.Equal("https://runbooks.example.com/web", browse.Runbook!.Link);
        var verify = report.Slos.Single(s => s.Name == "verify-availability");
        Assert.False(verify.Targets.Single().HasEndpoints);
        Assert.Null(verify.Runbook);
    }

    [Fact]
    public void One_failure_in_a_low_traffic_slo_is_a_visible_share_of_its_budget()
    {
        // 10 requests an hour at 99.9% over 30 days: 7,200 requests, a budget of 7.2 failures; one burns 13.9% of it
        // (the SRE Workbook's example). Page-quick fires when failures in the hour pass 1.44% of 10: the first one.
        var report = Analyze("""
            plumbline: 1
            system: { name: quiet }
            workflows:
              report: { entry: app.run, rate: 10/h }
            components:
              app: { kind: service, operations: { run: {} } }
            slos:
              - { name: report-availability, workflow: report, sli: availability, objective: 99.9% }
            """);

        var warning = report.Slos.Single().LowTraffic!;
        Near(1 / 7.2, warning.SharePerFailure.Value, 1e-9);
        Assert.Equal(1, warning.FailuresToPage);
        Assert.Equal("report-availability-page-quick", warning.PageWindow);
    }

    [Fact]
    public void Windows_from_the_design_replace_the_shipped_ones_and_a_window_longer_than_the_period_is_flagged()
    {
        var report = Analyze(Shop.Replace("""
            operations:
              runbooks:
            """, """
            operations:
              alerting:
                windows:
                  - { name: page, severity: page, budget: 2%, long: 1h, short: 5m }
                  - { name: slow, severity: ticket, budget: 50%, long: 35d, short: 1d }
              runbooks:
            """, StringComparison.Ordinal));

        Assert.Equal("design", report.Alerting.Origin);
        var browse = report.Slos.Single(s => s.Name == "browse-availability");
        Assert.Equal(["browse-availability-page", "browse-availability-slow"], browse.Alerts.Select(a => a.Name));
        Assert.Contains(AlertProblem.LongerThanPeriod, browse.Alerts[1].Problems);
        Assert.Equal("/operations/alerting/windows/0/budget", browse.Alerts[0].Factor.Inputs[0].Source);
    }

    [Fact]
    public void A_loose_objective_can_make_an_alert_that_never_fires()
    {
        var report = Analyze(Shop.Replace("objective: 99.5%, window: 28d", "objective: 90%", StringComparison.Ordinal));

        var quick = report.Slos.Single(s => s.Name == "verify-availability").Alerts[0];
        Near(1.44, quick.Threshold.Value);
        Assert.Contains(AlertProblem.NeverFires, quick.Problems);
        Assert.False(quick.FullOutageDetection.IsKnown);
    }

    [Fact]
    public void A_journey_tighter_than_its_steps_can_compose_does_not_meet_its_objective()
    {
        // Each step runs on one instance at 99.9% (no zones): the journey composes 99.9%^2 = 99.8001%, below 99.9%.
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: accounts }
            workflows:
              register: { entry: web.register, rate: 2/s, type: write }
              verify: { entry: web.verify, rate: 1/s, type: write }
            components:
              web: { kind: service, availability: 99.9%, operations: { register: { type: write }, verify: { type: write } } }
            slos:
              - { name: sign-up, journey: [register, verify], sli: availability, objective: 99.9% }
            """);

        var signUp = SloAnalyzer.Analyze(design, Estimator.Estimate(design)).Slos.Single();
        Near(0.999 * 0.999, signUp.Composed!.Value.Value);
        Assert.False(signUp.Composed.MeetsObjective);
    }
}
