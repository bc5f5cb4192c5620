using System.Collections.Immutable;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Builds one-rule files and runs them against inline designs, without the built-in catalogue.</summary>
internal static class CustomRuleKit
{
    /// <summary>A design with a little of everything a declarative rule can look at.</summary>
    public const string DesignYaml = """
        plumbline: 1
        system: { name: links }
        requirements:
          personas:
            - name: visitor
              workflows: [redirect]
              failure_tolerance: low
            - name: marketer
              workflows: [shorten]
          dependencies:
            - name: geoip-vendor
              sla: 99.9%
              owner: external
            - name: mail-vendor
        workflows:
          redirect:
            entry: edge.get_link
            rate: 1B/month
            criticality: critical
          shorten:
            entry: edge.shorten
            rate: 100M/month
            type: write
        api:
          version: v1
          versioning: path
          endpoints:
            - name: redirect
              route: GET /{code}
              workflow: redirect
              auth: none
            - name: create-link
              route: POST /v1/links
              workflow: shorten
              auth: api_key
              idempotency: key
        data:
          - entity: link
            owner: links-db
            record_size: 500B
            retention: 5y
            classification: internal
          - entity: click
            owner: links-db
            record_size: 100B
        components:
          edge:
            kind: service
            owner: links-team
            instances: 3
            zones: [a, b]
            capacity: 300/s
            availability: 99.9%
            memory: 4GiB
            operations:
              get_link:
                type: read
                latency: { p50: 2ms, p99: 20ms }
                calls:
                  - to: links-cache.get
                    timeout: 50ms
                  - to: links-db.get
                    probability: 10%
                    timeout: 500ms
                    retries: { max: 2, backoff: exponential, base: 20ms, jitter: full }
              shorten:
                type: write
                calls:
                  - to: links-db.put
                    timeout: 2s
                    retries: 5
                  - to: clicks-queue.publish
                    async: true
          counter:
            kind: worker
            instances: 1
            operations:
              count:
          links-cache:
            kind: cache
            engine: redis
            memory: 64GB
            hit_ratio: 0.9
            operations:
              get: { type: read, latency: { p99: 2ms } }
          links-db:
            kind: database
            engine: PostgreSQL
            replicas: 1
            backup: { every: 1d, keep: 7d }
            operations:
              get: { type: read, latency: { p50: 1ms, p99: 80ms } }
              put: { type: write, idempotent: true }
          clicks-queue:
            kind: queue
            consumers: [counter.count]
            operations:
              publish: {}
        slos:
          - name: redirect-availability
            workflow: redirect
            sli: availability
            objective: 99.95%
            window: 28d
          - name: redirect-latency
            workflow: redirect
            sli: latency
            threshold: 50ms
            objective: 99%
        decisions:
          - id: ADR-1
            title: One PostgreSQL primary before sharding
            status: accepted
            date: 2026-01-10
          - id: ADR-2
            title: Redis for the link cache
        """;

    private static readonly Lazy<SystemDesign> Loaded = new(() => ReviewKit.Load(DesignYaml));

    public static SystemDesign LoadedDesign => Loaded.Value;

    /// <summary>A rule file with one rule, <c>t-rule</c>; <paramref name="when"/> and <paramref name="message"/> are YAML flow values or null.</summary>
    public static string RuleFile(string appliesTo, string require, string? when = null, string? message = null) =>
        $"""
        plumbline-rules: 1
        rules:
          - id: t-rule
            title: A test rule
            step: resilience
            severity: medium
            applies_to: {appliesTo}
        {(when is null ? string.Empty : $"    when: {when}\n")}    require: {require}
        {(message is null ? string.Empty : $"    message: {message}\n")}    why: Because the test says so.
            fix: Do what the test wants.
        """;

    public static ImmutableArray<IRule> Load(string rules)
    {
        var result = RuleFileLoader.LoadText("team.rules.yaml", rules);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.NotEmpty(result.Rules);
        return result.Rules;
    }

    /// <summary>The findings of a one-rule file's rule on a design (the shared one by default), checked directly.</summary>
    public static IReadOnlyList<Finding> Check(string rules, SystemDesign? design = null)
    {
        var context = new ReviewContext(design ?? LoadedDesign, ReviewKit.Options);
        return [.. Load(rules).SelectMany(r => r.Check(context))];
    }

    /// <summary>The subjects a rule finds, in order.</summary>
    public static IReadOnlyList<string> Subjects(string appliesTo, string require, string? when = null, SystemDesign? design = null) =>
        [.. Check(RuleFile(appliesTo, require, when), design).Select(f => f.Subject)];
}
