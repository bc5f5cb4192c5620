using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A retried call to a write that is not known to be idempotent: a retry after a timeout can apply it twice.</summary>
public sealed class RetryWithoutIdempotency : IRule
{
    public RuleInfo Info { get; } = new("retry-without-idempotency", ProcessStep.ApiAndData, Severity.High,
        "A retried write is not idempotent",
        "A timeout does not mean the write failed: the retry may apply it a second time, charging a card twice or creating a duplicate record.",
        "Make the operation idempotent (an idempotency key carried to the store, a natural key, an upsert) and mark it idempotent: true, or stop retrying it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        foreach (var site in context.Calls)
        {
            if (site.Call.Retries is not { Max: > 0 } retries || context.Design.FindOperation(site.Call.To) is not { } target)
            {
                continue;
            }

            if (AccessInference.Infer(target) != AccessType.Write || target.Idempotent == true)
            {
                continue;
            }

            var how = target.Type is null ? "a write (by its name)" : "a write";
            var attempts = $"retries {retries.Max} time{(retries.Max == 1 ? string.Empty : "s")}";
            if (target.Idempotent == false)
            {
                yield return Info.At(context.Span(site.Call.Path + "/retries"), site.Id,
                    $"{site.Id} {attempts}, but {site.Call.To} is {how} marked idempotent: false, so a retry after a timeout can apply it twice");
                continue;
            }

            var from = facts.Graph.IndexOf(site.Operation.Ref);
            var endpoints = from >= 0 ? facts.EndpointsReaching(from) : [];
            var unsafeEndpoints = endpoints.Where(e => e.Idempotency is null or Idempotency.None).ToList();
            if (endpoints.Count > 0 && unsafeEndpoints.Count == 0)
            {
                var names = string.Join(", ", endpoints.Select(e => $"{e.Name} ({(e.Idempotency is { } idempotency ? EnumNames.Text(idempotency) : string.Empty)})"));
                yield return Info.At(context.Span(site.Call.Path + "/retries"), site.Id,
                    $"{site.Id} {attempts} and {site.Call.To} is {how} with idempotent unstated; its endpoints {names} are idempotent, so say whether the key reaches {site.Call.To} and mark it idempotent: true", Severity.Low);
                continue;
            }

            var severity = unsafeEndpoints.Any(e => e.Idempotency == Idempotency.None) ? Severity.High : Severity.Medium;
            var endpointNote = unsafeEndpoints.Count > 0
                ? $"; endpoint{(unsafeEndpoints.Count == 1 ? string.Empty : "s")} {string.Join(", ", unsafeEndpoints.Select(e => e.Name))} {(severity == Severity.High ? "declare idempotency: none" : "state no idempotency")}"
                : string.Empty;
            yield return Info.At(context.Span(site.Call.Path + "/retries"), site.Id,
                $"{site.Id} {attempts}, but {site.Call.To} is {how} not marked idempotent, so a retry after a timeout can apply it twice{endpointNote}", severity);
        }
    }
}
