using Xunit;
using static Plumbline.Analysis.Tests.Review.Custom.CustomRuleKit;

namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Each predicate against the kit's design: which elements it fires on and which it does not.</summary>
public sealed class PredicateTests
{
    [Fact]
    public void Present_fires_on_elements_without_the_field()
    {
        Assert.Equal(["counter", "links-cache", "links-db", "clicks-queue"], Subjects("components", "{ owner: present }"));
        Assert.Empty(Subjects("components", "{ kind: present }"));
    }

    [Fact]
    public void Absent_fires_on_elements_that_set_the_field()
    {
        Assert.Equal(["edge", "links-cache"], Subjects("components", "{ memory: absent }"));
        Assert.Empty(Subjects("components", "{ description: absent }"));
    }

    [Fact]
    public void A_value_must_equal_the_text_exactly_and_case_sensitively()
    {
        Assert.Equal(["links-db"], Subjects("components", "{ engine: redis }", when: "{ engine: present }"));
        Assert.Equal(["links-cache"], Subjects("components", "{ engine: PostgreSQL }", when: "{ engine: present }"));
        Assert.Equal(["links-cache", "links-db"], Subjects("components", "{ engine: postgresql }", when: "{ engine: present }"));
    }

    [Fact]
    public void Equals_in_a_mapping_is_the_same_as_a_plain_value()
    {
        Assert.Equal(["links-db"], Subjects("components", "{ engine: { equals: redis } }", when: "{ engine: present }"));
    }

    [Fact]
    public void A_quoted_present_is_the_word_itself_not_the_predicate()
    {
        Assert.Equal(["edge"], Subjects("components", "{ owner: \"present\" }", when: "{ owner: present }"));
    }

    [Fact]
    public void A_list_means_one_of()
    {
        Assert.Equal(["links-cache", "links-db", "clicks-queue"], Subjects("components", "{ kind: [service, worker] }"));
        Assert.Equal(["links-cache", "links-db", "clicks-queue"], Subjects("components", "{ kind: { in: [service, worker] } }"));
    }

    [Fact]
    public void Not_fires_on_the_value_and_passes_an_absent_field()
    {
        Assert.Equal(["redirect"], Subjects("endpoints", "{ auth: { not: none } }"));
        Assert.Empty(Subjects("components", "{ engine: { not: mysql } }"));
    }

    [Fact]
    public void Not_in_fires_on_any_listed_value_and_passes_an_absent_field()
    {
        Assert.Equal(["links-cache", "links-db"], Subjects("components", "{ kind: { not_in: [cache, database] } }"));
        Assert.Empty(Subjects("components", "{ shard_key: { not_in: [id] } }"));
    }

    [Fact]
    public void Min_and_max_compare_numbers()
    {
        Assert.Equal(["counter"], Subjects("components", "{ instances: { min: 2 } }", when: "{ instances: present }"));
        Assert.Equal(["edge"], Subjects("components", "{ instances: { max: 2 } }", when: "{ instances: present }"));
        Assert.Empty(Subjects("components", "{ instances: { min: 1, max: 3 } }", when: "{ instances: present }"));
        Assert.Equal(["edge"], Subjects("components", "{ instances: { min: 1, max: 2.5 } }", when: "{ instances: present }"));
    }

    [Fact]
    public void Min_and_max_fail_when_the_field_is_missing()
    {
        Assert.Equal(["links-cache", "links-db", "clicks-queue"], Subjects("components", "{ instances: { min: 1 } }"));
    }

    [Fact]
    public void Matches_uses_a_regex_anywhere_in_the_value_unless_anchored()
    {
        Assert.Equal(["edge", "counter"], Subjects("components", "{ name: { matches: '-(db|cache|queue)$' } }"));
        Assert.Empty(Subjects("components", "{ name: { matches: '^[a-z-]+$' } }"));
        Assert.Equal(["ADR-2"], Subjects("decisions", "{ date: { matches: '^\\d{4}-\\d{2}-\\d{2}$' } }"));
    }

    [Fact]
    public void Every_when_condition_must_hold_for_the_rule_to_apply()
    {
        Assert.Equal(["edge.get_link", "links-db.get"], Subjects("operations", "{ latency.p99: { max: 10ms } }", when: "{ type: read, latency.p50: present }"));
        Assert.Equal(["edge.get_link", "links-cache.get", "links-db.get"], Subjects("operations", "{ latency.p99: { max: 1ms } }", when: "{ type: read }"));
    }

    [Fact]
    public void Every_require_condition_must_hold_and_the_message_lists_each_failure()
    {
        var findings = Check(RuleFile("components", "{ owner: present, instances: { min: 2 } }", when: "{ kind: worker }"));
        var finding = Assert.Single(findings);
        Assert.Equal("counter: 'owner' is missing; 'instances' is 1, below the min of 2", finding.Message);
    }

    [Fact]
    public void A_dotted_path_reaches_nested_keys()
    {
        Assert.Equal(["links-db"], Subjects("components", "{ backup.keep: { min: 30d } }", when: "{ kind: database }"));
        Assert.Empty(Subjects("components", "{ backup.every: { max: 1d } }", when: "{ kind: database }"));
        Assert.Equal(["links-db.get"], Subjects("operations", "{ latency.p99: { max: 50ms } }", when: "{ latency.p99: present }"));
        Assert.Equal(["edge.get_link->links-db.get"], Subjects("calls", "{ retries.jitter: none }", when: "{ retries.backoff: present }"));
    }

    [Fact]
    public void A_number_in_a_dotted_path_indexes_a_list()
    {
        Assert.Empty(Subjects("components", "{ zones.0: a, zones.1: b }", when: "{ zones: present }"));
        Assert.Equal(["edge"], Subjects("components", "{ zones.2: present }", when: "{ zones: present }"));
    }

    [Fact]
    public void Retries_written_as_a_number_is_read_as_its_max()
    {
        Assert.Equal(["edge.shorten->links-db.put"], Subjects("calls", "{ retries.max: { max: 3 } }", when: "{ retries: present }"));
    }

    [Fact]
    public void A_duration_bound_compares_durations_as_written()
    {
        // timeout: { max: 1s } against 50ms and 500ms passes, against 2s fails; an async call has no timeout.
        Assert.Equal(["edge.shorten->links-db.put", "edge.shorten->clicks-queue.publish"], Subjects("calls", "{ timeout: { max: 1s } }"));
        Assert.Equal(["edge.shorten->clicks-queue.publish"], Subjects("calls", "{ timeout: { max: 2000ms } }"));
        Assert.Equal(["edge.get_link->links-cache.get"], Subjects("calls", "{ timeout: { min: 0.5s } }", when: "{ timeout: present }"));
    }

    [Fact]
    public void Size_rate_percent_and_count_bounds_compare_in_their_units()
    {
        Assert.Equal(["edge"], Subjects("components", "{ memory: { min: 8GB } }", when: "{ memory: present }"));
        Assert.Equal(["links-cache"], Subjects("components", "{ memory: { max: 4GiB } }", when: "{ memory: present }"));
        Assert.Empty(Subjects("components", "{ capacity: { min: 18K/min } }", when: "{ capacity: present }"));
        Assert.Equal(["edge"], Subjects("components", "{ capacity: { min: 1.2M/hour } }", when: "{ capacity: present }"));
        Assert.Equal(["edge"], Subjects("components", "{ availability: { min: 99.95% } }", when: "{ availability: present }"));
        Assert.Equal(["redirect-latency"], Subjects("slos", "{ objective: { min: 99.9% } }"));
        Assert.Equal(["redirect"], Subjects("workflows", "{ rate: { max: 100M/month } }"));
    }

    [Fact]
    public void A_share_compares_whether_written_as_a_ratio_or_a_percent()
    {
        Assert.Empty(Subjects("components", "{ hit_ratio: { min: 80% } }", when: "{ kind: cache }"));
        Assert.Equal(["links-cache"], Subjects("components", "{ hit_ratio: { min: 95% } }", when: "{ kind: cache }"));
        Assert.Empty(Subjects("calls", "{ probability: { max: 0.1 } }", when: "{ probability: present }"));
    }

    [Fact]
    public void A_bare_zero_compares_with_any_unit()
    {
        Assert.Empty(Subjects("calls", "{ timeout: { min: 0 } }", when: "{ timeout: present }"));
    }

    [Fact]
    public void A_value_that_does_not_read_in_the_bounds_unit_fails_and_says_so()
    {
        var finding = Assert.Single(Check(RuleFile("components", "{ engine: { min: 1s } }", when: "{ kind: cache }")));
        Assert.Equal("links-cache: 'engine' is 'redis', which does not compare with 1s", finding.Message);
    }

    [Fact]
    public void An_operation_written_with_nothing_is_an_element_with_no_fields()
    {
        Assert.Equal(["edge.shorten", "counter.count", "links-db.put", "clicks-queue.publish"], Subjects("operations", "{ latency: present }", when: "{ type: { not: read } }"));
    }

    [Fact]
    public void Name_is_the_elements_stable_name_when_it_has_no_name_key()
    {
        Assert.Equal(["edge.get_link"], Subjects("operations", "{ name: { not: edge.get_link } }"));
        Assert.Equal(
            ["edge.get_link->links-cache.get", "edge.get_link->links-db.get", "edge.shorten->clicks-queue.publish"],
            Subjects("calls", "{ name: { in: [edge.shorten->links-db.put] } }"));
    }

    [Fact]
    public void Without_a_message_the_finding_names_the_subject_and_the_failure()
    {
        var finding = Assert.Single(Check(RuleFile("calls", "{ timeout: { max: 1s } }", when: "{ async: { not: true } }")));
        Assert.Equal("edge.shorten->links-db.put: 'timeout' is 2s, above the max of 1s", finding.Message);
    }

    [Fact]
    public void A_message_fills_in_name_path_and_fields_as_written()
    {
        var findings = Check(RuleFile("calls", "{ timeout: { max: 100ms } }", message: "\"{name} at {path} waits {timeout}; retries {retries.max}, backoff {retries.backoff}\""));
        Assert.Equal(
            [
                "edge.get_link->links-db.get at /components/edge/operations/get_link/calls/1 waits 500ms; retries 2, backoff exponential",
                "edge.shorten->links-db.put at /components/edge/operations/shorten/calls/0 waits 2s; retries 5, backoff (none)",
                "edge.shorten->clicks-queue.publish at /components/edge/operations/shorten/calls/1 waits (none); retries (none), backoff (none)",
            ],
            findings.Select(f => f.Message));
    }

    [Fact]
    public void A_message_shows_lists_joined_and_mappings_as_written()
    {
        var finding = Assert.Single(Check(RuleFile("components", "{ zones: absent }", when: "{ zones: present }", message: "\"{name} in {zones} with backup {backup}\"")));
        Assert.Equal("edge in a, b with backup (none)", finding.Message);

        var db = Assert.Single(Check(RuleFile("components", "{ backup: absent }", message: "\"{backup}\"")));
        Assert.Equal("{ every: 1d, keep: 7d }", db.Message);
    }
}
