using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review;

/// <summary>How much a finding matters. Ordered from most to least severe.</summary>
public enum Severity
{
    High,
    Medium,
    Low,
    Info,
}

/// <summary>
/// Where a rule sits in the system design process: the ten steps, plus the thinking areas that
/// run through them. Reports group findings and scores by this.
/// </summary>
public enum ProcessStep
{
    /// <summary>Ask good questions in requirement brief meetings: scope, users, data, scale, dependencies.</summary>
    RequirementBrief,

    /// <summary>Connect questions to business values: outcomes, metrics, trade-offs.</summary>
    BusinessValue,

    /// <summary>Step 1: functional and non-functional requirements, traffic and data growth.</summary>
    Requirements,

    /// <summary>Step 2: API contracts and data model, idempotency and versioning.</summary>
    ApiAndData,

    /// <summary>Step 3: high-level architecture.</summary>
    Architecture,

    /// <summary>Step 4: storage and data access patterns.</summary>
    Storage,

    /// <summary>Step 5: resilience: timeouts, retries, breakers, degradation.</summary>
    Resilience,

    /// <summary>Step 6: scale strategy: capacity, sharding, caching, queues.</summary>
    Scale,

    /// <summary>Step 7: observability and operations: SLOs, telemetry, runbooks.</summary>
    Observability,

    /// <summary>Step 8: security and compliance.</summary>
    Security,

    /// <summary>Step 9: cost and FinOps.</summary>
    Cost,

    /// <summary>Step 10: iterate and validate: prototypes, load and chaos tests.</summary>
    Validation,

    /// <summary>On-call readiness and incident response.</summary>
    OnCall,

    /// <summary>Security thinking in design and implementation.</summary>
    SecurityThinking,

    /// <summary>Align project goals to team and org goals.</summary>
    OrgAlignment,
}

/// <summary>Where a rule comes from.</summary>
public enum RuleOrigin
{
    /// <summary>Plumbline's own catalogue (<see cref="RuleRegistry"/>), documented in docs/rules/.</summary>
    BuiltIn,

    /// <summary>A team's rule file (docs/custom-rules.md): no page of ours.</summary>
    Team,
}

/// <summary>
/// What a rule is: a stable kebab-case id, the process step it belongs to, its default severity,
/// a title, why it matters and how to fix it, and where it comes from. A built-in rule's id names
/// its docs page, docs/rules/&lt;id&gt;.md, whose text travels with it (<see cref="Page"/>), so every
/// report links and quotes the same page without deciding anything itself.
/// </summary>
public sealed record RuleInfo(string Id, ProcessStep Step, Severity Severity, string Title, string Why, string Fix)
{
    /// <summary>The folder of the built-in rules' pages, relative to the repository.</summary>
    public const string DocsFolder = "docs/rules/";

    /// <summary>Built in (the default) or a team's.</summary>
    public RuleOrigin Origin { get; init; } = RuleOrigin.BuiltIn;

    /// <summary>The page's file name in <see cref="DocsFolder"/>, <c>missing-timeout.md</c>; null for a team's rule.</summary>
    public string? DocsPage => Origin == RuleOrigin.BuiltIn ? Id + ".md" : null;

    /// <summary>Where the rule's documentation lives, relative to the repository; null for a team's rule.</summary>
    public string? DocsPath => DocsPage is { } page ? DocsFolder + page : null;

    /// <summary>The text of the rule's page (Markdown), built into Plumbline; null for a team's rule.</summary>
    public string? Page => Origin == RuleOrigin.BuiltIn ? RulePages.Find(Id) : null;

    /// <summary>A finding of this rule about <paramref name="subject"/>, at <paramref name="span"/>.</summary>
    public Finding At(SourceSpan span, string subject, string message) => new(this, span, subject, message, Severity);

    /// <summary>A finding with a severity other than the rule's default (say, higher on a critical workflow).</summary>
    public Finding At(SourceSpan span, string subject, string message, Severity severity) => new(this, span, subject, message, severity);

    /// <summary>A finding whose message is an interpolated string: it keeps the message's template and values (<see cref="MessageTemplate"/>).</summary>
    public Finding At(SourceSpan span, string subject, FindingMessage message) => At(span, subject, message, Severity);

    /// <summary>A finding with its message's template, at a severity other than the rule's default.</summary>
    public Finding At(SourceSpan span, string subject, FindingMessage message, Severity severity)
    {
        var (text, template) = message.Build();
        return new Finding(this, span, subject, text, severity) { Template = template };
    }
}

/// <summary>
/// A problem a rule found: where it is, what it is about, and a stable key (rule id and subject)
/// that does not change when unrelated parts of the file move, so a design can accept it by key.
/// </summary>
public sealed record Finding(RuleInfo Rule, SourceSpan Span, string Subject, string Message, Severity Severity)
{
    private readonly Plumbline.Design.Model.NameCache _key = new();

    /// <summary><c>rule@subject</c>, written once: the review groups, sorts and matches findings by it many times.</summary>
    public string Key => _key.Get(Rule.Id, Subject, string.Empty, static (id, subject, _) => $"{id}@{subject}");

    /// <summary>The message's template and values, when the rule wrote it as an interpolated string; null for a message written whole.</summary>
    public MessageTemplate? Template { get; init; }

    /// <summary>
    /// The root cause this finding reports, as a key (<c>unstated@security.encryption.in_transit</c>); findings with one cause
    /// are reported once, the others listed under it (<see cref="Causes.FindingCauses"/>). Null until the review sets it, or
    /// when the rule sets none: the table decides, and a finding in no entry is its own cause (its key).
    /// </summary>
    public string? Cause { get; init; }

    /// <summary>The project configuration's setting that gave this finding its severity, when one did; null at the rule's own judgement.</summary>
    public Config.RuleSetting? Setting { get; init; }
}
