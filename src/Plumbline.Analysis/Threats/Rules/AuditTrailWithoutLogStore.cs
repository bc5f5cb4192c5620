using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Repudiation: the design promises an audit trail but says nowhere where logs go.</summary>
public sealed class AuditTrailWithoutLogStore : ThreatRule
{
    public override RuleInfo Info { get; } = new("audit-trail-without-log-store", ProcessStep.Security, Severity.Medium,
        "The audit trail has nowhere stated to go",
        "An audit trail is only evidence if it is kept somewhere the audited services cannot rewrite; a design that lists what it audits but not where logs are kept has promised a trail without planning it.",
        "State operations.telemetry.logs (a log store the services can append to but not alter), and keep audit records apart from application logs.");

    public override Stride Stride => Stride.Repudiation;

    public override int? Cwe => 778;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        var design = context.Design;
        var audited = design.Security.Audit.Length > 0 || design.Data.Any(e => e.Audit is AuditScope.Writes or AuditScope.All);
        if (!audited)
        {
            yield break;
        }

        var logs = design.Operations.Telemetry.Logs;
        var control = new Control(logs, "/operations/telemetry/logs");
        yield return Raise(context, "audit", design.Security.Audit.Length > 0 ? "/security/audit" : "/data",
            $"the design audits {(design.Security.Audit.Length > 0 ? string.Join(", ", design.Security.Audit.Take(3)) : "entities")}; where its logs are kept is {control}",
            Severity.Medium, control);
    }
}
