using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Analysis.Tests.Slo;

/// <summary>
/// What the SLO analysis takes from where: the windows of an option file or the design, the low-traffic share, each
/// input's place in the design, a journey's objective from its steps' strictest SLOs, its traffic from its least-used
/// step, and which alert a quiet SLO's page comes from. Every figure worked by hand in the comments.
/// </summary>
public sealed class SloAnalyzerFigureTests
{
    // Two workflows on one service at 99.9% (one instance, no zones): each composes 99.9%, a journey of both 99.9%^2.
    private const string Accounts = """
        plumbline: 1
        system: { name: accounts }
        requirements: { peak_to_average: 2 }
        workflows:
          register: { entry: web.register, rate: 4/s, type: write }
          verify: { entry: web.verify, rate: 1/s, type: write }
        components:
          web:
            kind: service
            availability: 99.9%
            operations:
              register: { type: write, latency: { p50: 10ms, p99: 40ms } }
              verify: { type: write, latency: { p50: 10ms, p99: 40ms } }
        slos:
          - { name: register-loose, workflow: register, sli: availability, objective: 99% }
          - { name: register-tight, workflow: register, sli: availability, objective: 99.9% }
          - { name: verify-availability, workflow: verify, sli: availability, objective: 99.5% }
          - { name: register-fast, workflow: register, sli: latency, threshold: 100ms, objective: 99% }
          - { name: register-slow, workflow: register, sli: latency, threshold: 1s, objective: 99.9% }
          - { name: verify-fast, workflow: verify, sli: latency, threshold: 100ms, objective: 95% }
          - { name: sign-up, journey: [register, verify], sli: availability }
        """;

    private static SloReport Analyze(string yaml, SloOptions? options = null)
    {
        var design = TestDesigns.Load(yaml);
        return SloAnalyzer.Analyze(design, Estimator.Estimate(design), options);
    }

    private static void Near(double expected, double? actual, double relative = 1e-12) =>
        Assert.True(actual is { } a && Math.Abs(expected - a) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        var design = TestDesigns.Load(Accounts);
        var estimate = Estimator.Estimate(design);

        Assert.Equal("design", Assert.Throws<ArgumentNullException>(() => SloAnalyzer.Analyze(null!, estimate)).ParamName);
        Assert.Equal("estimate", Assert.Throws<ArgumentNullException>(() => SloAnalyzer.Analyze(design, null!)).ParamName);
    }

    [Fact]
    public void A_journey_takes_each_steps_strictest_slo_of_its_kind()
    {
        // register has 99% and 99.9%: the stricter, 99.9%; verify 99.5%. 0.999 x 0.995 = 0.994005.
        var signUp = Analyze(Accounts).Slos.Single(s => s.Name == "sign-up");

        Near(0.994005, signUp.Objective.Value);
        Assert.Equal(["register-tight", "verify-availability"], signUp.Objective.Inputs.Select(i => i.Name));
        // The budget quotes the objective as derived (composed from two inputs), at no line.
        var objective = signUp.Budget.Inputs.Single();
        Assert.Equal((FigureSources.Derived, 0), (objective.Source, objective.Line));
    }

    [Fact]
    public void A_latency_journey_takes_the_steps_slos_of_its_own_threshold()
    {
        // At 100ms: register-fast 99% and verify-fast 95%, not register-slow's 99.9% at 1s: 0.99 x 0.95 = 0.9405.
        var report = Analyze(Accounts.Replace("sli: availability }", "sli: latency, threshold: 100ms }", StringComparison.Ordinal));

        var journey = report.Slos.Single(s => s.Name == "sign-up");
        Near(0.9405, journey.Objective.Value);
        Assert.Equal(["register-fast", "verify-fast"], journey.Objective.Inputs.Select(i => i.Name));
        // A latency journey is not composed from the estimate, and the report says why, then how its traffic is counted.
        Assert.Null(journey.Composed);
        Assert.Equal(2, report.Notes.Length);
        Assert.StartsWith("A latency journey is not compared", report.Notes[0], StringComparison.Ordinal);
        Assert.StartsWith("A journey counts once", report.Notes[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_journey_brings_the_note_on_its_traffic()
    {
        var withJourney = Analyze(Accounts);
        var without = Analyze(Accounts.Replace("  - { name: sign-up, journey: [register, verify], sli: availability }", string.Empty, StringComparison.Ordinal));

        Assert.StartsWith("A journey counts once", Assert.Single(withJourney.Notes), StringComparison.Ordinal);
        Assert.Empty(without.Notes);
    }

    [Fact]
    public void A_journeys_traffic_is_its_least_used_steps_average_and_peak()
    {
        // register 4/s, verify 1/s, peaks twice that: 1/s and 2/s; budget over 30 days at 99.4005%:
        // 1 x 2,592,000 x 0.005995 = 15,539.04 at average, 31,078.08 at peak.
        var signUp = Analyze(Accounts).Slos.Single(s => s.Name == "sign-up");

        Near(1, signUp.AverageRate.Value);
        Near(2, signUp.PeakRate.Value);
        Near(15_539.04, signUp.BudgetRequestsAverage.Value, 1e-9);
        Near(31_078.08, signUp.BudgetRequestsPeak.Value, 1e-9);
        Assert.Equal(["register", "verify"], signUp.PeakRate.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void A_journeys_peak_is_unknown_when_a_steps_is()
    {
        var design = TestDesigns.Load(Accounts);
        var estimate = Estimator.Estimate(design);
        var noVerifyPeak = estimate with
        {
            Traffic = [.. estimate.Traffic.Select(t => t.Workflow == "verify" ? t with { Peak = Figure.Unknown("peak rate", FigureUnit.Rate, "not stated") } : t)],
        };

        var signUp = SloAnalyzer.Analyze(design, noVerifyPeak).Slos.Single(s => s.Name == "sign-up");
        Assert.Equal(1.0, signUp.AverageRate.Value);
        Assert.False(signUp.PeakRate.IsKnown);
    }

    [Fact]
    public void One_failure_burning_exactly_the_low_traffic_share_is_not_low_traffic()
    {
        // 100,000 a day over a 1-day window at 90%: 100,000 x 10% = 10,000 failures allowed, one is 0.01% of them.
        // At a share of 0.01% that is not more than the share; at 0.0099% it is.
        const string Daily = """
            plumbline: 1
            system: { name: daily }
            workflows:
              sync: { entry: app.sync, rate: 100K/day }
            components:
              app: { kind: service, operations: { sync: {} } }
            slos:
              - { name: sync-availability, workflow: sync, sli: availability, objective: 90%, window: 1d }
            operations:
              alerting: { low_traffic_share: {{share}} }
            """;

        var at = Analyze(Daily.Replace("{{share}}", "0.01%", StringComparison.Ordinal)).Slos.Single();
        Assert.Equal(10_000.0, at.BudgetRequestsAverage.Value);
        Assert.Null(at.LowTraffic);
        Assert.NotNull(Analyze(Daily.Replace("{{share}}", "0.0099%", StringComparison.Ordinal)).Slos.Single().LowTraffic);
    }

    [Fact]
    public void An_slo_on_one_workflow_quotes_the_estimates_own_traffic()
    {
        var design = TestDesigns.Load(Accounts);
        var estimate = Estimator.Estimate(design);
        var register = SloAnalyzer.Analyze(design, estimate).Slos.Single(s => s.Name == "register-tight");

        var traffic = estimate.Traffic.Single(t => t.Workflow == "register");
        Assert.Same(traffic.Average, register.AverageRate);
        Assert.Same(traffic.Peak, register.PeakRate);
    }

    [Fact]
    public void Without_the_estimates_traffic_the_budget_in_requests_is_unknown()
    {
        var design = TestDesigns.Load(Accounts);
        var estimate = Estimator.Estimate(design);
        var verifyOnly = estimate with { Traffic = [.. estimate.Traffic.Where(t => t.Workflow == "verify")] };

        var report = SloAnalyzer.Analyze(design, verifyOnly);
        var signUp = report.Slos.Single(s => s.Name == "sign-up");
        Assert.False(signUp.AverageRate.IsKnown);
        Assert.False(signUp.PeakRate.IsKnown);
        Assert.False(signUp.BudgetRequestsAverage.IsKnown);
        Assert.Null(signUp.LowTraffic);
        // verify alone keeps its 1/s: 1 x 2,592,000 x 0.005 = 12,960 failed requests allowed.
        Near(12_960, report.Slos.Single(s => s.Name == "verify-availability").BudgetRequestsAverage.Value, 1e-9);
    }

    [Fact]
    public void Each_input_names_its_line_in_the_design_or_says_it_is_a_default()
    {
        var register = Analyze(Accounts).Slos.Single(s => s.Name == "register-tight");

        // The objective is stated on line 16 (/slos/1/objective); the window is not, so its 30 days are a default.
        var objective = register.Budget.Inputs.Single();
        Assert.Equal(("/slos/1/objective", 16), (objective.Source, objective.Line));
        var window = register.BudgetTime.Inputs[0];
        Assert.Equal((FigureSources.Default, 0, 2_592_000.0), (window.Source, window.Line, window.Value));
        // The shipped windows are defaults too.
        Assert.All(register.Alerts[0].Factor.Inputs.Where(i => i.Name != "window"), i => Assert.Equal(FigureSources.Default, i.Source));
    }

    [Fact]
    public void Windows_given_as_an_option_replace_the_design_and_are_quoted_as_the_option()
    {
        // One page window: 10% of a 30-day budget in 1 day is a factor of 0.1 x 30 = 3.
        var file = AlertingLoader.LoadText("windows.yaml", """
            windows:
              - { name: daily, severity: page, budget: 10%, long: 1d, short: 1h }
            """);
        Assert.True(file.Success, string.Join("; ", file.Diagnostics));

        var register = Analyze(Accounts, new SloOptions(file.Alerting)).Slos.Single(s => s.Name == "register-tight");
        var alert = Assert.Single(register.Alerts);
        Assert.Equal("register-tight-daily", alert.Name);
        Near(3, alert.Factor.Value);
        Assert.Equal(FigureSources.Option, alert.Factor.Inputs[0].Source);
    }

    [Fact]
    public void An_availability_slo_has_no_bucket_and_a_latency_slo_is_composed_from_the_path()
    {
        var report = Analyze(Accounts);

        Assert.Null(report.Slos.Single(s => s.Name == "register-tight").Bucket);
        // A threshold written on an availability SLO measures nothing: still no bucket.
        var withThreshold = Analyze(Accounts.Replace("sli: availability, objective: 99.9% }", "sli: availability, objective: 99.9%, threshold: 300ms }", StringComparison.Ordinal));
        Assert.Null(withThreshold.Slos.Single(s => s.Name == "register-tight").Bucket);
        // register's path is web.register alone, p99 40ms at average load, within 100ms.
        var fast = report.Slos.Single(s => s.Name == "register-fast");
        Assert.NotNull(fast.Composed);
        Assert.True(fast.Composed.MeetsObjective);
        Assert.StartsWith("the synchronous path's p99 is ", fast.Composed.Arithmetic, StringComparison.Ordinal);
        Assert.Equal(BucketSource.Threshold, fast.Bucket!.Source);
    }

    [Fact]
    public void A_journeys_composition_multiplies_its_steps_and_one_workflows_is_the_estimates_own()
    {
        var design = TestDesigns.Load(Accounts);
        var estimate = Estimator.Estimate(design);
        var report = SloAnalyzer.Analyze(design, estimate);

        // 99.9% x 99.9% = 99.8001%, above the journey's composed objective of 99.4005%.
        var signUp = report.Slos.Single(s => s.Name == "sign-up").Composed!;
        Assert.Equal("register 99.9% x verify 99.9% = 99.8001%", signUp.Arithmetic);
        Assert.Equal("product of the steps' composed availability", signUp.Value.Formula);
        Assert.True(signUp.MeetsObjective);

        var register = report.Slos.Single(s => s.Name == "register-tight").Composed!;
        Assert.Equal("composed availability of the synchronous path (the estimate)", register.Value.Formula);
        Assert.Equal(estimate.Workflows.Single(w => w.Workflow == "register").Availability.Detail.Arithmetic, register.Arithmetic);
    }

    [Fact]
    public void A_composition_is_left_out_only_when_the_estimate_has_neither_factors_nor_a_formula()
    {
        var design = TestDesigns.Load(Accounts);
        var estimate = Estimator.Estimate(design);
        bool Composed(Func<Plumbline.Analysis.Availability.WorkflowAvailability, Plumbline.Analysis.Availability.WorkflowAvailability> edit)
        {
            var edited = estimate with
            {
                Workflows = [.. estimate.Workflows.Select(w => w with { Availability = w.Availability with { Detail = edit(w.Availability.Detail) } })],
            };
            return SloAnalyzer.Analyze(design, edited).Slos.Single(s => s.Name == "register-tight").Composed is not null;
        }

        Assert.True(Composed(d => d with { Factors = [] }));
        Assert.True(Composed(d => d with { Expression = string.Empty }));
        Assert.False(Composed(d => d with { Factors = [], Expression = string.Empty }));
    }

    [Fact]
    public void A_busy_slo_is_not_low_traffic()
    {
        // verify: 1/s x 2,592,000 s x 0.5% = 12,960 failures allowed; one burns 0.0077% of the budget, below 0.1%.
        Assert.Null(Analyze(Accounts).Slos.Single(s => s.Name == "verify-availability").LowTraffic);
    }

    [Fact]
    public void A_low_traffic_share_stated_in_the_design_replaces_the_shipped_one()
    {
        // One failure of verify's 12,960 burns 1/12,960 = 0.0077%: above a stated 0.005%, so low traffic.
        var report = Analyze(Accounts + """

            operations:
              alerting: { low_traffic_share: 0.005% }
            """);

        Assert.Equal(0.00005, report.LowTrafficShare, 15);
        var warning = report.Slos.Single(s => s.Name == "verify-availability").LowTraffic!;
        Near(1 / 12_960.0, warning.SharePerFailure.Value, 1e-9);
    }

    [Fact]
    public void A_quiet_slo_pages_from_the_page_window_that_fires_first_never_from_a_ticket()
    {
        // 10 requests an hour (1/360 per second) at 99.9% over 30 days: 7.2 failures allowed, one burns 13.9%.
        // page: 50% of the budget in a day, factor 15, threshold 1.5%: 1.5% x 86,400 / 360 = 3.6 failures in the day, so 4 page.
        // ticket: 1% in an hour, factor 7.2, threshold 0.72%: 0.0072 x 3,600 / 360 = 0.072, fewer, but a ticket does not page.
        var report = Analyze(Quiet("99.9%", """
                  - { name: page, severity: page, budget: 50%, long: 1d, short: 1h }
                  - { name: ticket, severity: ticket, budget: 1%, long: 1h, short: 5m }
            """));

        var warning = report.Slos.Single().LowTraffic!;
        Assert.Equal(("report-availability-page", 4.0), (warning.PageWindow, warning.FailuresToPage));
    }

    [Fact]
    public void A_quiet_slo_with_no_page_window_has_no_failures_to_page()
    {
        var report = Analyze(Quiet("99.9%", """
                  - { name: ticket, severity: ticket, budget: 1%, long: 1h, short: 5m }
            """));

        var warning = report.Slos.Single().LowTraffic!;
        Assert.Equal((null, null), (warning.PageWindow, warning.FailuresToPage));
    }

    [Fact]
    public void A_page_window_that_never_fires_is_passed_over()
    {
        // At 90% the budget is 10%: the quick page's threshold is 14.4 x 10% = 144%, never reached; the slow page's
        // 6 x 10% = 60%: 0.6 x 21,600 s / 360 = 36 failures in its 6 hours, so the 37th pages.
        var report = Analyze(Quiet("90%", """
                  - { name: page-quick, severity: page, budget: 2%, long: 1h, short: 5m }
                  - { name: page-slow, severity: page, budget: 5%, long: 6h, short: 30m }
            """));

        var warning = report.Slos.Single().LowTraffic!;
        Assert.Equal(("report-availability-page-slow", 37.0), (warning.PageWindow, warning.FailuresToPage));
    }

    [Fact]
    public void A_long_window_as_long_as_the_period_is_no_problem_and_a_threshold_of_exactly_100_percent_never_fires()
    {
        // 50% objective, 50% of a 30-day budget in 7.5 days: factor 0.5 x 30 / 7.5 = 2, threshold 2 x 50% = 100% exactly:
        // an error ratio cannot pass it. A window of 30 days on a 30-day SLO: factor 1 x 30 / 30 = 1, within the period.
        var report = Analyze(Quiet("50%", """
                  - { name: half, severity: page, budget: 50%, long: 180h, short: 15h }
                  - { name: whole, severity: ticket, budget: 100%, long: 30d, short: 1d }
            """));

        var (half, whole) = (report.Slos.Single().Alerts[0], report.Slos.Single().Alerts[1]);
        Assert.Equal(1.0, half.Threshold.Value);
        Assert.Equal([AlertProblem.NeverFires], half.Problems);
        Assert.False(half.FullOutageDetection.IsKnown);
        Assert.Equal(1.0, whole.Factor.Value);
        Assert.Empty(whole.Problems);
    }

    private static string Quiet(string objective, string windows) => $$"""
        plumbline: 1
        system: { name: quiet }
        workflows:
          report: { entry: app.run, rate: 10/h }
        components:
          app: { kind: service, operations: { run: {} } }
        slos:
          - { name: report-availability, workflow: report, sli: availability, objective: {{objective}} }
        operations:
          alerting:
            windows:
        {{windows}}
        """;
}
