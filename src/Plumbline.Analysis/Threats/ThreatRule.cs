using System.Runtime.CompilerServices;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Threats;

/// <summary>
/// One threat derived from the design: which rule, about what (a flow, an asset, a component), where in the
/// file, how severe, and the control that answers it (null when nothing does: the threat is open).
/// </summary>
public sealed record Threat(RuleInfo Rule, Stride Stride, int? Cwe, string Subject, SourceSpan Span, string Message, Severity Severity, string? MitigatedBy)
{
    /// <summary>Stable across edits elsewhere in the file: what a team accepts a threat by.</summary>
    public string Key => $"{Rule.Id}@{Subject}";

    public bool IsMitigated => MitigatedBy is not null;

    /// <summary>Where the control this open threat lacks would be stated (a JSON pointer), when the rule names one; the review groups threats by it.</summary>
    public string? Lacks { get; init; }
}

/// <summary>
/// A threat rule: metadata (with its STRIDE category and CWE) beside a pure derivation over the
/// <see cref="ThreatModel"/>. It yields a threat wherever the threat applies, mitigated when the design names the
/// control that answers it, so a design with its controls in place shows its threats answered rather than
/// nothing. As a review rule it reports the open ones.
/// </summary>
public abstract class ThreatRule : IRule
{
    public abstract RuleInfo Info { get; }

    public abstract Stride Stride { get; }

    /// <summary>The CWE weakness that fits, or null.</summary>
    public virtual int? Cwe => null;

    public abstract IEnumerable<Threat> Derive(ThreatContext context);

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var threat in Derive(ThreatContext.For(context)))
        {
            if (!threat.IsMitigated)
            {
                yield return new Finding(Info, threat.Span, threat.Subject, threat.Message, threat.Severity) { Cause = Review.Causes.FindingCauses.OfControl(threat.Lacks) };
            }
        }
    }

    /// <summary>A threat about <paramref name="subject"/> at the key of <paramref name="path"/>: mitigated by <paramref name="control"/> when it is set.</summary>
    protected Threat Raise(ThreatContext context, string subject, string path, string message, Severity severity, Control? control = null) =>
        new(Info, Stride, Cwe, subject, context.Review.Locate(path), message, severity, control is { IsSet: true } ? control.ToString() : null)
        {
            Lacks = control is { IsSet: false } ? control.Path : null,
        };

    /// <summary>A threat answered by a control described in words.</summary>
    protected Threat Answered(ThreatContext context, string subject, string path, string message, Severity severity, string? answeredBy) =>
        new(Info, Stride, Cwe, subject, context.Review.Locate(path), message, severity, answeredBy);
}

/// <summary>What threat rules read: the review context (spans, graph) and the threat model, plus shared judgements.</summary>
public sealed class ThreatContext
{
    private static readonly ConditionalWeakTable<ReviewContext, ThreatContext> Cache = [];

    private ThreatContext(ReviewContext review)
    {
        Review = review;
        Model = ThreatModel.For(review);
    }

    public ReviewContext Review { get; }

    public ThreatModel Model { get; }

    public SystemDesign Design => Review.Design;

    public static ThreatContext For(ReviewContext review) => Cache.GetValue(review, r => new ThreatContext(r));

    /// <summary>Whether the design names this compliance regime (gdpr, pci-dss, hipaa, soc2) in requirements.constraints.compliance.</summary>
    public bool Under(string regime) =>
        Design.Requirements.Constraints.Compliance.Any(c => Normalise(c) == Normalise(regime));

    /// <summary>The compliance regimes the design names, as written.</summary>
    public IEnumerable<string> Regimes => Design.Requirements.Constraints.Compliance;

    /// <summary>Where a rate limit protects a workflow (an endpoint or a component on its synchronous path), or null.</summary>
    public string? RateLimitOn(Workflow workflow) => OperationsFacts.RateLimitOn(Review, workflow);

    /// <summary>The entry flow of a workflow.</summary>
    public Workflow? WorkflowOf(DataFlow entry) => entry.Kind == FlowKind.Entry ? Design.FindWorkflow(entry.Id) : null;

    /// <summary>
    /// The audit control over writes of an entity: its own <c>audit</c> (writes or all). The design-wide
    /// <c>security.audit</c> lines are prose for people: which entities they cover is never guessed from their words.
    /// </summary>
    public static Control AuditOfWrites(Entity entity) => entity.Audit is { } scope
        ? new Control(scope == AuditScope.None ? "none" : EnumNames.ToSnake(scope), entity.Path + "/audit")
        : Control.None(entity.Path + "/audit");

    /// <summary>The audit control over reads of an entity: its own <c>audit: all</c>.</summary>
    public static Control AuditOfReads(Entity entity) => entity.Audit is { } scope
        ? new Control(scope == AuditScope.All ? "all" : "none", entity.Path + "/audit")
        : Control.None(entity.Path + "/audit");

    /// <summary>"data (Link, Click)" or "no entity" for messages.</summary>
    public static string Carrying(DataFlow flow) =>
        flow.Carries.IsEmpty ? "no stated entity" : $"{TextWindow.Some(flow.Carries)} ({EnumNames.ToSnake(flow.Classification)}{(flow.Pii ? ", personal data" : string.Empty)})";

    /// <summary>The impact side of a flow's severity: its classification, or internal (assumed) when it carries no stated entity.</summary>
    public static Classification ImpactOf(DataFlow flow) => flow.Carries.IsEmpty ? Classification.Internal : flow.Classification;

    /// <summary>impact x likelihood of a flow.</summary>
    public static Severity SeverityOf(DataFlow flow) => ThreatSeverity.Of(ImpactOf(flow), flow.Exposure);

    /// <summary>"internet", "crossing a boundary" or "internal".</summary>
    public static string Describe(Exposure exposure) => exposure switch
    {
        Exposure.Internet => "from the internet",
        Exposure.CrossBoundary => "across a trust boundary",
        _ => "inside one boundary",
    };

    private static string Normalise(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
