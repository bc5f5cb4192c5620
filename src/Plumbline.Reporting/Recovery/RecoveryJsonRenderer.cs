using System.Text.Json;
using Plumbline.Analysis.Recovery;
using Plumbline.Design.Text;
using Plumbline.Reporting.Estimates;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Recovery;

/// <summary>
/// Writes a recovery report as JSON: per store its copies, targets, each failure's RPO and RTO (seconds; null when
/// everything is lost or there is nothing to recover from, with <c>unbounded</c> true), restore times, durability, and
/// every figure's formula and inputs with their sources.
/// </summary>
public static class RecoveryJsonRenderer
{
    public static void Write(Stream stream, RecoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("system", report.SystemName);
        WriteBody(w, report);
        w.WriteEndObject();
    }

    /// <summary>The report's fields inside an open object; the estimate's JSON nests them under "recovery".</summary>
    internal static void WriteBody(Utf8JsonWriter w, RecoveryReport report)
    {
        w.WriteStartArray("horizonsMonths");
        foreach (var h in report.HorizonsMonths)
        {
            w.WriteNumberValue(h);
        }

        w.WriteEndArray();
        w.WriteStartArray("stores");
        foreach (var store in report.Stores)
        {
            w.WriteStartObject();
            w.WriteString("component", store.Component);
            w.WriteString("kind", EnumNames.Words(store.Kind));
            w.WriteString("replication", store.Replication);
            w.WriteString("failover", store.FailoverText);
            w.WriteStartArray("entities");
            foreach (var entity in store.Entities)
            {
                w.WriteStringValue(entity);
            }

            w.WriteEndArray();
            EstimateJsonRenderer.Figure(w, "copies", store.Copies);
            EstimateJsonRenderer.Figure(w, "writeAcks", store.WriteAcks);
            Target(w, "rpo", store.Rpo);
            Target(w, "rto", store.Rto);
            if (store.RestoreOutgrowsRtoMonth is { } month)
            {
                w.WriteNumber("restoreOutgrowsRtoMonth", month);
            }
            else
            {
                w.WriteNull("restoreOutgrowsRtoMonth");
            }

            w.WriteStartArray("failures");
            foreach (var domain in store.Domains)
            {
                w.WriteStartObject();
                w.WriteString("scope", RecoverySections.Scope(domain));
                w.WriteString("what", domain.Why);
                w.WriteNumber("copiesLost", domain.CopiesLost);
                w.WriteNumber("copiesLeft", domain.CopiesLeft);
                w.WriteString("recovery", EnumNames.Words(domain.Path));
                w.WriteBoolean("rpoUnbounded", domain.Rpo.Value is { } r && double.IsPositiveInfinity(r));
                EstimateJsonRenderer.Figure(w, "rpo", domain.Rpo);
                w.WriteBoolean("rtoUnbounded", domain.Rto.Value is { } t && double.IsPositiveInfinity(t));
                EstimateJsonRenderer.Figure(w, "rto", domain.Rto);
                w.WriteString("target", RecoverySections.Target(store, domain));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("restore");
            foreach (var figure in store.Restore)
            {
                w.WriteStartObject();
                w.WriteString("at", figure.Name);
                EstimateJsonRenderer.Figure(w, "time", figure);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("durability");
            EstimateJsonRenderer.Figure(w, "mttdl", store.Durability.Mttdl);
            EstimateJsonRenderer.Figure(w, "independentLoss", store.Durability.Independent);
            EstimateJsonRenderer.Figure(w, "correlatedLoss", store.Durability.Correlated);
            EstimateJsonRenderer.Figure(w, "durability", store.Durability.Durability);
            if (store.Durability.SharedDomain is { } shared)
            {
                w.WriteString("sharedDomain", shared);
            }
            else
            {
                w.WriteNull("sharedDomain");
            }

            if (store.DurabilityTarget is { } target)
            {
                w.WriteStartObject("target");
                JsonNumbers.Write(w, "durability", target.Durability);
                w.WriteString("source", target.Source);
                w.WriteString("path", target.SourcePath);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("assumed");
        foreach (var assumption in report.Assumptions)
        {
            w.WriteStringValue(assumption);
        }

        w.WriteEndArray();
    }

    private static void Target(Utf8JsonWriter w, string name, RecoveryTarget? target)
    {
        if (target is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        JsonNumbers.Write(w, "seconds", target.Seconds);
        w.WriteString("source", target.Source);
        w.WriteString("path", target.SourcePath);
        w.WriteEndObject();
    }
}
