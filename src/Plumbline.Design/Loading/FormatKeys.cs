using System.Collections.Frozen;

namespace Plumbline.Design.Loading;

/// <summary>
/// The keys the loader accepts in each object of format version 1, by the object's name in the
/// JSON Schema's <c>$defs</c>. The binder refuses any other key, and a test holds the schema to
/// this table, so the two cannot drift apart.
/// </summary>
public static class FormatKeys
{
    /// <summary>The format version this build reads and writes.</summary>
    public const int CurrentVersion = 1;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["design"] = ["plumbline", "system", "requirements", "business", "workflows", "api", "data", "regions", "components", "slos", "operations", "security", "cost", "validation", "decisions", "milestones"],
        ["system"] = ["name", "summary", "owners"],
        ["requirements"] = ["scope", "edge_cases", "personas", "constraints", "users", "growth", "peak_to_average", "month", "dependencies", "open_questions"],
        ["scope"] = ["in", "out", "success_criteria"],
        ["persona"] = ["name", "description", "workflows", "failure_tolerance"],
        ["constraints"] = ["budget", "deadline", "compliance", "other"],
        ["users"] = ["monthly_active", "daily_active", "peak_concurrent"],
        ["dependency"] = ["name", "direction", "sla", "owner", "component"],
        ["open_question"] = ["question", "owner", "due", "answer"],
        ["business"] = ["outcomes", "metrics", "tradeoffs", "stakeholders"],
        ["outcome"] = ["name", "kind", "description", "metrics"],
        ["metric"] = ["name", "target", "description", "owner"],
        ["tradeoff"] = ["choice", "gains", "costs", "impact", "risk", "stakeholders"],
        ["stakeholder"] = ["name", "priorities"],
        ["workflow"] = ["description", "entry", "rate", "per_user", "peak_rate", "request", "response", "type", "criticality", "rpo", "rto", "skew", "public"],
        ["skew"] = ["key", "hottest", "zipf", "keys"],
        ["api"] = ["version", "versioning", "endpoints"],
        ["endpoint"] = ["name", "route", "workflow", "idempotency", "auth", "reads", "writes", "version", "rate_limit", "public"],
        ["entity"] = ["entity", "description", "owner", "record_size", "new_records", "initial_records", "retention", "classification", "pii", "access", "consistency", "source", "rpo", "rto", "durability", "at_rest", "audit", "erasure", "derived_from", "skew"],
        ["component"] = ["kind", "description", "engine", "model", "stateless", "instances", "replicas", "zones", "capacity", "availability", "load_balancing", "rate_limit", "autoscaling", "memory", "hit_ratio", "storage_per_node", "shard_key", "partitions", "retention", "dead_letter", "consumers", "backup", "owner", "sla", "quorum", "consistency", "replication", "failover", "multi_region", "runs_on", "size", "storage_class", "security", "cells", "admission", "operations"],
        ["cells"] = ["count", "key", "router"],
        ["admission"] = ["max_in_flight", "max_queued", "max_queue_time", "adaptive", "by_criticality"],
        ["limit"] = ["rate", "per"],
        ["consumer"] = ["to", "share"],
        ["component_security"] = ["authn", "authz", "in_transit", "at_rest", "grants"],
        ["instance_size"] = ["vcpu", "memory"],
        ["region"] = ["zones", "availability", "zone_availability"],
        ["quorum"] = ["reads", "writes"],
        ["capacity"] = ["reads", "writes"],
        ["autoscaling"] = ["min", "max", "target_utilisation", "delay", "cooldown"],
        ["backup"] = ["every", "keep", "restore_tested", "restore_rate", "cross_region"],
        ["replication"] = ["mode", "lag", "copies", "across_regions", "annual_failure_rate", "repair"],
        ["region_replication"] = ["mode", "lag"],
        ["failover"] = ["mode", "detection", "promotion", "time"],
        ["operation"] = ["latency", "type", "idempotent", "capacity", "rows", "response", "reads", "writes", "consistency", "calls"],
        ["latency"] = ["p50", "p90", "p99", "p999", "mean"],
        ["call"] = ["to", "probability", "count", "timeout", "retries", "circuit_breaker", "async", "parallel", "fallback", "security", "load_balancing", "bulkhead"],
        ["bulkhead"] = ["max_concurrent", "max_queued"],
        ["call_security"] = ["authn", "in_transit"],
        ["fallback"] = ["to", "description"],
        ["retries"] = ["max", "backoff", "base", "max_delay", "jitter"],
        ["circuit_breaker"] = ["failure_rate", "window", "min_calls", "open_for"],
        ["slo"] = ["name", "workflow", "journey", "sli", "objective", "threshold", "window", "description", "query"],
        ["slo_query"] = ["errors", "total", "histogram", "bucket"],
        ["operations"] = ["telemetry", "runbooks", "rollback", "on_call", "feature_flags", "alerting"],
        ["telemetry"] = ["metrics", "traces", "logs", "latency_buckets"],
        ["runbook"] = ["failure", "detect", "mitigate", "components", "slos", "link"],
        ["on_call"] = ["rotation", "escalation"],
        ["alerting"] = ["windows", "low_traffic_share"],
        ["alert_window"] = ["name", "severity", "budget", "long", "short"],
        ["security"] = ["boundaries", "authn", "authz", "encryption", "secrets", "audit", "accepted_risks"],
        ["boundary"] = ["name", "contains", "trusted"],
        ["authn"] = ["users", "services"],
        ["encryption"] = ["in_transit", "at_rest"],
        ["secrets"] = ["store", "rotation"],
        ["accepted_risk"] = ["threat", "finding", "reason", "until", "owner"],
        ["cost"] = ["catalog", "budget", "alerts", "prices"],
        ["validation"] = ["load", "chaos"],
        ["load_scenario"] = ["name", "shape", "workflows", "expect"],
        ["load_shape"] = ["ramp", "rate", "diurnal", "over", "hold"],
        ["expectation"] = ["slos"],
        ["chaos_scenario"] = ["name", "at", "fault", "expect"],
        ["fault"] = ["zone_down", "instance_down", "slow", "fail", "instances", "add", "times", "error_rate", "for"],
        ["decision"] = ["id", "title", "status", "date", "context", "options", "decision", "consequences", "components"],
        ["milestone"] = ["name", "okr", "stage", "due", "deliverables"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    internal static FrozenDictionary<string, FrozenSet<string>> Sets { get; } =
        All.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
