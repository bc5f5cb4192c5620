using System.Collections.Frozen;
using Plumbline.Analysis.Threats;

namespace Plumbline.Analysis.Review.Causes;

/// <summary>
/// The one table of root causes: which findings repeat one cause, so the review reports the cause once with the
/// repeats listed under it (<see cref="FindingGroup"/>). A cause is a key, <c>kind@subject</c>, read from what the
/// design states (never from a message's words):
/// <list type="bullet">
/// <item>a control left unstated design-wide: a threat whose missing control falls back to a <c>security.*</c> line
/// (<c>unstated@security.encryption.in_transit</c>), together with the design-wide rule that names that line
/// (<c>no-encryption-in-transit</c>), which heads the group;</item>
/// <item>one pair of components with no timeout between them, however many operations call across it
/// (<c>missing-timeout@web->redis</c>);</item>
/// <item>a gap of the whole design listed per workflow or component: no chaos scenario at all, no component listing
/// its zones, no grant stated anywhere, the blast radius of every tier of one layout;</item>
/// <item>the questions of the process the design leaves unanswered (success criteria, personas, outcomes, a budget,
/// a rollback plan, milestones, a decision's rejected options...), one reviewer's list of open questions
/// (<see cref="OpenQuestions"/>);</item>
/// <item>telemetry with no metrics in a design with no SLOs: nothing to measure is one gap with nothing stated to
/// measure it (<c>unstated@slos</c>, headed by <c>no-slos</c>).</item>
/// </list>
/// A finding not in the table is its own cause (its key).
/// </summary>
public static class FindingCauses
{
    /// <summary>The design-wide lines a threat's control falls back to, and the rule that reports the line itself (null when none does).</summary>
    private static readonly FrozenDictionary<string, string?> DesignWideControls = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["/security/encryption/in_transit"] = "no-encryption-in-transit",
        ["/security/encryption/at_rest"] = "no-encryption-at-rest",
        ["/security/authn/services"] = null,
        ["/security/authn/users"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Rules that report a design-wide line itself, and the cause they name (so their findings head the group).</summary>
    private static readonly FrozenDictionary<string, string> DesignWideRules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["no-encryption-in-transit"] = Unstated("/security/encryption/in_transit"),
        ["no-encryption-at-rest"] = Unstated("/security/encryption/at_rest"),
        ["no-audit-trail"] = Unstated("/security/audit"),
        ["no-slos"] = Unstated("/slos"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The cause of every open question: a section of the process the design leaves unanswered whose answer would record
    /// intent, ownership or process rather than change the architecture or its figures. A reviewer writes them as one
    /// comment ("Open questions: ..."), each still listed with its place and key.
    /// </summary>
    public const string OpenQuestions = "open-questions@design";

    /// <summary>
    /// Rules whose every finding is a question the design leaves unanswered (no answer given), not a risk in an answer it
    /// gives: the brief's success criteria, scope, personas, dependencies' owners and its own open questions; business
    /// outcomes, metrics, trade-offs and stakeholders; the budget; rollback and on-call; milestones, decisions and owners;
    /// a load-test plan. Rules whose unstated answer hides a risk to the running system (growth, peaks, SLOs, runbooks,
    /// encryption, a dependency's SLA...) stay findings of their own.
    /// </summary>
    private static readonly FrozenSet<string> QuestionRules = new[]
    {
        "scope-without-success-criteria", "scope-without-boundaries", "no-personas", "persona-without-failure-tolerance",
        "workflow-without-persona", "dependency-without-owner", "open-question",
        "no-business-outcomes", "outcome-without-metric", "metric-without-target", "tradeoff-without-costs",
        "tradeoff-without-impact-or-risk", "tradeoff-without-stakeholders", "stakeholder-without-priorities",
        "no-cost-budget", "no-rollback-plan", "on-call-missing",
        "no-milestones", "milestone-without-due-date", "milestone-without-okr", "no-decision-records",
        "decision-without-alternatives", "decision-without-consequences", "system-without-owners",
        "no-load-scenario",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Audit rules judged per entity that fall back to the design's <c>security.audit</c> lines.</summary>
    private static readonly FrozenSet<string> AuditRules = new[]
    {
        "sensitive-write-without-audit", "restricted-read-without-audit", "hipaa-phi-read-without-audit",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The cause of a threat whose control is missing: the design-wide line the control fell back to, when it did; else
    /// null (the threat is its own cause: a call or component that states no control of its own while the design does).
    /// </summary>
    /// <param name="controlPath">The JSON pointer the control was looked up at last, such as <c>/security/encryption/in_transit</c>.</param>
    public static string? OfControl(string? controlPath) =>
        controlPath is not null && DesignWideControls.ContainsKey(controlPath) ? Unstated(controlPath) : null;

    /// <summary>The rule id whose finding names a cause itself and so heads its group, or null when no rule does.</summary>
    public static string? HeadRule(string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        foreach (var (rule, named) in DesignWideRules)
        {
            if (named == cause)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The cause of <paramref name="finding"/>: what its rule set (<see cref="Finding.Cause"/>), else the table's, else its own key.</summary>
    public static string Of(Finding finding, ReviewContext context) => For(context)(finding);

    /// <summary>
    /// The causes of one review's findings: what the table needs from the design (calls by id, whether it states any
    /// chaos scenario, zone, grant or audit line) is read once, so grouping costs a lookup per finding.
    /// </summary>
    public static Func<Finding, string> For(ReviewContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var design = context.Design;
        var calls = new Dictionary<string, CallSite>(StringComparer.Ordinal);
        foreach (var site in context.Calls)
        {
            calls.TryAdd(site.Id, site);
        }

        var noAudit = design.Security.Audit.IsDefaultOrEmpty;
        var noChaos = design.Validation.Chaos.IsDefaultOrEmpty;
        var noZones = design.Components.All(c => c.Zones.IsDefaultOrEmpty);
        var noGrants = design.Components.All(c => c.Security is null || c.Security.Grants.IsDefaultOrEmpty);
        var noSloMetrics = design.Slos.IsDefaultOrEmpty && Rules.Operations.OperationsFacts.IsUnstated(design.Operations.Telemetry.Metrics);
        var standIns = new HashSet<string>(
            design.Requirements.Dependencies.Where(d => d.Component is { } name && design.FindComponent(name) is not null).Select(d => d.Name),
            StringComparer.Ordinal);
        var allLoaded = design.Validation.Load.Any(s => s.Workflows.IsDefaultOrEmpty);
        var loaded = new HashSet<string>(design.Validation.Load.SelectMany(s => s.Workflows.IsDefaultOrEmpty ? [] : s.Workflows), StringComparer.Ordinal);
        return finding =>
        {
            ArgumentNullException.ThrowIfNull(finding);
            if (finding.Cause is { } set)
            {
                return set;
            }

            var id = finding.Rule.Id;
            if (DesignWideRules.TryGetValue(id, out var named))
            {
                return named;
            }

            if (noAudit && AuditRules.Contains(id))
            {
                return Unstated("/security/audit");
            }

            if (QuestionRules.Contains(id))
            {
                return OpenQuestions;
            }

            return id switch
            {
                // One pair of components, one timeout policy: every operation calling across it repeats the same gap.
                "missing-timeout" when calls.TryGetValue(finding.Subject, out var site) => $"missing-timeout@{site.Component.Name}->{site.Call.To.Component}",

                // Every tier's blast radius is a listing of one layout.
                "blast-radius" => "blast-radius@components",

                // No chaos scenario at all: each critical workflow repeats it.
                "critical-workflow-without-chaos" when noChaos => Unstated("/validation/chaos"),

                // No component lists its zones: each critical workflow repeats it.
                "single-zone-design" when noZones => Unstated("/components/zones"),

                // No grant stated anywhere: each component reaching data it does not own repeats it.
                "data-reach-without-grant" when noGrants => Unstated("/components/security/grants"),

                // A dependency no component stands for: its SLA changes no figure of the design, so it is a question.
                "dependency-without-sla" when !standIns.Contains(finding.Subject) => OpenQuestions,

                // No load scenario drives the workflow at all: its load plan is an open question, not a short one.
                "load-below-peak" when !allLoaded && !loaded.Contains(finding.Subject) => OpenQuestions,

                // No SLO and no metrics: the SLOs the telemetry cannot measure are the ones never set.
                "telemetry-incomplete" when noSloMetrics => Unstated("/slos"),

                _ => finding.Key,
            };
        };
    }

    private static string Unstated(string path) => "unstated@" + ThreatModel.Dotted(path);
}
