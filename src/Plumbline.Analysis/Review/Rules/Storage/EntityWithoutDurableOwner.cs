using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>
/// An entity whose owner does not keep data durably: a stateless service, or a cache without
/// backups holding records meant to live longer than a day.
/// </summary>
public sealed class EntityWithoutDurableOwner : IRule
{
    public RuleInfo Info { get; } = new("entity-without-durable-owner", ProcessStep.Storage, Severity.High,
        "An entity has no durable owner",
        "Data owned by a stateless service vanishes on the next deploy or restart, and data that lives only in a cache vanishes on an eviction or failover; if nothing else holds it, it is lost for good.",
        "Make a durable store (a database or object store) the entity's owner and let caches hold copies; if the data really is derivable, name what it is rebuilt from in the entity's derived_from and plan the rebuild.");

    private static readonly Duration Ephemeral = Duration.FromDays(1);

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var entity in design.Data)
        {
            if (entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner || owner.Kind == ComponentKind.External)
            {
                continue;
            }

            var span = context.Span(entity.Path + "/owner");
            if (!owner.IsStateful)
            {
                yield return Info.At(span, entity.Name,
                    $"{entity.Name} is owned by {owner.Name}, a stateless {EnumNames.Text(owner.Kind)}: nothing durable stores it, so a restart or deploy loses it");
                continue;
            }

            if (owner.Kind != ComponentKind.Cache || owner.Backup is not null || (entity.Retention is { } retention && retention <= Ephemeral))
            {
                continue;
            }

            var kept = entity.RetainForever ? "forever" : entity.Retention is { } r ? $"for {r}" : "with no stated retention";
            yield return entity.IsDerived
                ? Info.At(span, entity.Name,
                    $"{entity.Name} (kept {kept}) lives only in cache {owner.Name}; {string.Join(", ", entity.DerivedFrom)} can rebuild it, so plan for the rebuild load after a cache loss", Severity.Low)
                : Info.At(span, entity.Name,
                    $"{entity.Name} (kept {kept}) lives only in cache {owner.Name}, which has no backup and no other copy: an eviction, restart or failover loses it", Severity.Medium);
        }
    }
}
