using Plumbline.Design.Model;
using Plumbline.Design.Pricing;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Cost;

/// <summary>How a component is priced.</summary>
internal enum PricingKind
{
    /// <summary>Not priced: a client, an external system, or nothing in the catalog fits.</summary>
    None,

    /// <summary>Instances of a compute type or a managed database class, running all month.</summary>
    Instances,

    /// <summary>A managed service priced by usage.</summary>
    Service,

    /// <summary>Object storage: a storage class and its requests.</summary>
    ObjectStorage,
}

/// <summary>What a component runs on, how that was decided, and whether Plumbline assumed it.</summary>
internal sealed record ComponentPricing(PricingKind Kind, InstanceType? Instance, ServicePrice? Service, string Description, bool Assumed);

/// <summary>What the design says a component runs on: an instance type, class or service by name, or a size. Null when silent.</summary>
internal sealed record PricingSpec(string? RunsOn, int? Vcpu, ByteSize? Memory, string? StorageClass);

/// <summary>Chooses what each component is priced as, from what the design says or, where it says nothing, a stated default.</summary>
internal static class ComponentPricingRules
{
    /// <param name="ownInstances">The design states the component's instances: a queue, load balancer or CDN with its own nodes (a Kafka cluster, an HAProxy pair) runs on instances, not as a managed service.</param>
    public static ComponentPricing Resolve(Component component, PricingSpec spec, PriceCatalog catalog, CostOptions options, bool ownInstances = false)
    {
        if (spec.RunsOn is { } name)
        {
            if (catalog.FindInstance(name) is { } instance)
            {
                return new(PricingKind.Instances, instance, null, instance.Name, Assumed: false);
            }

            if (catalog.FindService(name) is { } service)
            {
                return new(PricingKind.Service, null, service, service.Name, Assumed: false);
            }

            return new(PricingKind.None, null, null, $"'{name}' is not in the catalog", Assumed: false);
        }

        if (spec.Vcpu is { } vcpu)
        {
            var memory = spec.Memory ?? ByteSize.Zero;
            return Cheapest(catalog, vcpu, memory) is { } fit
                ? new(PricingKind.Instances, fit, null, $"{fit.Name}, the cheapest type with at least {vcpu} vCPU and {memory}", Assumed: false)
                : new(PricingKind.None, null, null, $"no catalog type has at least {vcpu} vCPU and {memory}", Assumed: false);
        }

        switch (component.Kind)
        {
            case ComponentKind.Client:
                return new(PricingKind.None, null, null, "a client runs on its users' devices", Assumed: false);
            case ComponentKind.External:
                return new(PricingKind.None, null, null, "an external system is billed by its provider", Assumed: false);
            case ComponentKind.ObjectStore:
                return new(PricingKind.ObjectStorage, null, null, "object storage", Assumed: true);
            case ComponentKind.Cdn or ComponentKind.LoadBalancer or ComponentKind.Queue
                when !ownInstances && catalog.Services.FirstOrDefault(s => s.Kind == component.Kind) is { } service:
                return new(PricingKind.Service, null, service, $"{service.Name}, the catalog's first {Kind(component.Kind)} service", Assumed: true);
            case ComponentKind.Cdn when !ownInstances:
                return new(PricingKind.None, null, null, "the catalog has no cdn service", Assumed: true);
        }

        var (defaultVcpu, defaultMemory, why) = component.Kind switch
        {
            _ when component.Memory is { } m => (options.DefaultVcpu, m, "its memory"),
            ComponentKind.Cache or ComponentKind.Database => (options.DefaultVcpu, ByteSize.FromGibibytes(options.DefaultMemoryGiB * 2), $"the default for a {Kind(component.Kind)}"),
            _ => (options.DefaultVcpu, ByteSize.FromGibibytes(options.DefaultMemoryGiB),
                $"the default for a {Kind(component.Kind)}" + (component.Kind is ComponentKind.Cdn or ComponentKind.LoadBalancer or ComponentKind.Queue ? " on its own instances" : string.Empty)),
        };
        return Cheapest(catalog, defaultVcpu, defaultMemory) is { } assumed
            ? new(PricingKind.Instances, assumed, null, $"{assumed.Name}, the cheapest type with at least {defaultVcpu} vCPU and {defaultMemory} ({why})", Assumed: true)
            : new(PricingKind.None, null, null, $"no catalog type has at least {defaultVcpu} vCPU and {defaultMemory}", Assumed: true);
    }

    /// <summary>
    /// The cheapest compute type (not a managed database class, not burstable: a burstable type runs
    /// out of CPU credits under steady load) with at least the vCPU and memory asked; ties go to the
    /// name first in order.
    /// </summary>
    public static InstanceType? Cheapest(PriceCatalog catalog, int vcpu, ByteSize memory) =>
        catalog.Instances
            .Where(i => !i.IsManagedDatabase && i.Family != InstanceFamily.Burstable && i.Vcpu >= vcpu && i.Memory >= memory)
            .OrderBy(i => i.PerHour)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The storage class a component's data is priced at: named, or the catalog's first of the kind its pricing implies.</summary>
    public static StorageClass? StorageClassFor(ComponentPricing pricing, PricingSpec spec, PriceCatalog catalog)
    {
        if (spec.StorageClass is { } name)
        {
            return catalog.FindStorage(name);
        }

        return pricing.Kind switch
        {
            PricingKind.ObjectStorage => FirstOf(catalog, StorageKind.Object),
            PricingKind.Instances when pricing.Instance!.IsManagedDatabase => FirstOf(catalog, StorageKind.Database),
            PricingKind.Instances => FirstOf(catalog, StorageKind.Block),
            _ => null,
        };
    }

    private static StorageClass? FirstOf(PriceCatalog catalog, StorageKind kind) => catalog.Storage.FirstOrDefault(s => s.Kind == kind);

    private static string Kind(ComponentKind kind) => Design.Text.EnumNames.Text(kind);
}
