using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Cost;

/// <summary>
/// The cost findings on small designs priced at the shipped catalog (730 hours a month; m5.large
/// 0.096 USD/h, m5.4xlarge 0.768 USD/h, m7g.large 0.0816 USD/h; internet egress 100 GiB free, then
/// 0.09 USD/GB to 10 TiB and 0.085 USD/GB to 50 TiB), against figures worked by hand.
/// </summary>
public sealed class CostRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static List<Finding> Findings(string yaml, string ruleId) =>
        [.. Reviewer.Review(TestDesigns.Load(yaml), new ReviewOptions(Today)).Findings.Where(f => f.Rule.Id == ruleId)];

    [Fact]
    public void Over_budget_now_is_high_and_quotes_the_bill()
    {
        // 20 x 0.768 USD/h x 730 h = 11,212.80 USD; 11,212.80 / 1,000 = 1121.3%.
        const string yaml = """
            plumbline: 1
            system: { name: reports }
            workflows:
              render: { entry: api.render, rate: 5/s }
            components:
              api: { kind: service, instances: 20, runs_on: m5.4xlarge, operations: { render: {} } }
            cost: { catalog: default, budget: 1000 USD/month, alerts: [80%, 100%] }
            """;
        var finding = Assert.Single(Findings(yaml, "cost-over-budget"));
        Assert.Equal(("cost-over-budget@now", Severity.High), (finding.Key, finding.Severity));
        Assert.Contains("costs 11212.8 USD/month now, 1121.3% of its 1000 USD/month budget", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_budget_after_growth_is_medium_and_names_the_first_horizon_over()
    {
        // Traffic doubles every year; 1 m5.large serves 100/s at 70%, so peak 50/s needs 1 now,
        // 100/s needs 2 after 12 months, 400/s needs ceil(5.71) = 6 after 36 months:
        // 6 x 0.096 x 730 = 420.48 USD, 140.2% of 300 USD.
        const string yaml = """
            plumbline: 1
            system: { name: reports }
            requirements: { peak_to_average: 1, growth: 100%/year }
            workflows:
              render: { entry: api.render, rate: 50/s }
            components:
              api: { kind: service, instances: 1, capacity: 100/s, runs_on: m5.large, operations: { render: {} } }
            cost: { catalog: default, budget: 300 USD/month, alerts: [80%, 100%] }
            """;
        var finding = Assert.Single(Findings(yaml, "cost-over-budget"));
        Assert.Equal(("cost-over-budget@36-months", Severity.Medium), (finding.Key, finding.Severity));
        Assert.Contains("costs 420.48 USD/month after 36 months, 140.2% of its 300 USD/month budget; now it costs 70.08 USD/month", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_autoscaled_component_is_judged_at_its_own_target_utilisation()
    {
        // Average 120/s at 50% of 100/s needs ceil(2.4) = 3 (at the default 70% it would be 2), and one
        // spare: 4; autoscaling.min 10 keeps 6 idle: 6 x 0.096 x 730 = 420.48 USD of 700.80 USD, 60%.
        const string yaml = """
            plumbline: 1
            system: { name: notes }
            requirements: { peak_to_average: 2 }
            workflows:
              read: { entry: api.get, rate: 120/s }
            components:
              api:
                kind: service
                capacity: 100/s
                runs_on: m5.large
                autoscaling: { min: 10, max: 20, target_utilisation: 50% }
                operations: { get: {} }
            cost: { catalog: default, budget: 2000 USD/month, alerts: [80%] }
            """;
        var finding = Assert.Single(Findings(yaml, "idle-compute"));
        Assert.Equal("idle-compute@api", finding.Key);
        Assert.Contains("api runs 10 m5.large where it needs 4 (average load at the target utilisation, with one instance lost)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("420.48 USD/month of its compute (60%) is idle", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, "210.24 USD/month of its compute (33.3%) is idle")]
    [InlineData(6, null)]
    public void Spread_over_zones_a_component_keeps_what_carries_peak_with_one_zone_lost(int instances, string? idle)
    {
        // Peak 250/s at 70% of 100/s needs ceil(3.57) = 4. Over 3 zones, losing one must leave 4:
        // 3 x ceil(4 / 2) = 6 (Azure's zones / (zones - 1)). With 9, 3 x 0.096 x 730 = 210.24 USD of
        // 630.72 USD is idle (33.3%, over 30%); with 6, none.
        var yaml = $$"""
            plumbline: 1
            system: { name: notes }
            requirements: { peak_to_average: 1 }
            workflows:
              read: { entry: api.get, rate: 250/s }
            components:
              api:
                kind: service
                instances: {{instances}}
                zones: [a, b, c]
                capacity: 100/s
                runs_on: m5.large
                operations: { get: {} }
            cost: { catalog: default, budget: 2000 USD/month, alerts: [80%] }
            """;
        var findings = Findings(yaml, "idle-compute");
        if (idle is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Contains($"api runs {instances} m5.large where it needs 6 (peak load at the target utilisation, with one of its 3 zones lost)", finding.Message, StringComparison.Ordinal);
        Assert.Contains(idle, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Without_zones_one_spare_instance_is_not_idle(int instances, bool fires)
    {
        // Peak 50/s needs 1 of 100/s at 70%; a second instance is what a single-point-of-failure review asks
        // for, so 2 are needed. With 3, 1 x 0.096 x 730 = 70.08 USD of 210.24 USD (33.3%) is idle.
        var yaml = $$"""
            plumbline: 1
            system: { name: notes }
            requirements: { peak_to_average: 1 }
            workflows:
              read: { entry: api.get, rate: 50/s }
            components:
              api: { kind: service, instances: {{instances}}, capacity: 100/s, runs_on: m5.large, operations: { get: {} } }
            cost: { catalog: default, budget: 2000 USD/month, alerts: [80%] }
            """;
        var findings = Findings(yaml, "idle-compute");
        Assert.Equal(fires, findings.Count == 1);
        if (fires)
        {
            Assert.Contains("api runs 3 m5.large where it needs 2 (peak load at the target utilisation, with one instance lost): 70.08 USD/month of its compute (33.3%) is idle", findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(4, false)]
    public void A_store_keeps_the_shards_its_data_needs(int instances, bool fires)
    {
        // 3,500,000 records of 1 MB = 3.5 TB, kept as it is: ceil(3.5 TB / 1 TB) = 4 shards. With 6,
        // 2 x 0.096 x 730 = 140.16 USD of 420.48 USD (33.3%) is idle; with 4, none.
        var yaml = $$"""
            plumbline: 1
            system: { name: archive }
            workflows:
              put: { entry: db.insert, rate: 1/s }
            data:
              - { entity: Doc, owner: db, record_size: 1MB, initial_records: 3500000, new_records: 0/s }
            components:
              db:
                kind: database
                instances: {{instances}}
                capacity: { reads: 1000/s, writes: 1000/s }
                storage_per_node: 1TB
                shard_key: id
                runs_on: m5.large
                operations: { insert: { type: write } }
            cost: { catalog: default, budget: 2000 USD/month, alerts: [80%] }
            """;
        var findings = Findings(yaml, "idle-compute");
        Assert.Equal(fires, findings.Count == 1);
        if (fires)
        {
            Assert.Contains("db runs 6 m5.large where it needs 4", findings[0].Message, StringComparison.Ordinal);
            Assert.Contains("140.16 USD/month of its compute (33.3%) is idle", findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Egress_is_priced_through_the_tiers_before_its_share_is_judged()
    {
        // 20/s x 1 MB x 2,628,000 s = 5.256e13 bytes = 48,950.31 GiB; 10,140 GB x 0.09 + 38,710.31 GB
        // x 0.085 = 4,202.98 USD; compute 2 x 0.0816 x 730 = 119.14 USD; 4,202.98 / 4,322.11 = 97.2%.
        const string yaml = """
            plumbline: 1
            system: { name: downloads }
            workflows:
              download: { entry: files.get, rate: 20/s, response: 1MB }
            components:
              files: { kind: service, instances: 2, runs_on: m7g.large, operations: { get: {} } }
            cost: { catalog: default, budget: 5000 USD/month, alerts: [80%] }
            """;
        var finding = Assert.Single(Findings(yaml, "egress-dominates-cost"));
        Assert.Contains("sending data out is 97.2% of the monthly cost (4202.98 USD/month of 4322.11 USD/month), most of it from files", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_whose_price_file_was_not_loaded_gets_no_cost_finding()
    {
        const string yaml = """
            plumbline: 1
            system: { name: reports }
            workflows:
              render: { entry: api.render, rate: 5/s, response: 10MB }
            components:
              api: { kind: service, instances: 20, runs_on: m5.4xlarge, operations: { render: {} } }
            cost: { catalog: team-prices.yaml, budget: 10 USD/month, alerts: [80%] }
            """;
        var findings = Reviewer.Review(TestDesigns.Load(yaml), new ReviewOptions(Today)).Findings;
        Assert.DoesNotContain(findings, f => f.Rule.Id is "cost-over-budget" or "idle-compute" or "egress-dominates-cost" or "storage-outgrows-compute" or "stale-price-catalog");
    }
}
