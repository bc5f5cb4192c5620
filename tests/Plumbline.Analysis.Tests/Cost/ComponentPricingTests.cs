using Plumbline.Analysis.Cost;
using Plumbline.Design.Model;
using Plumbline.Design.Pricing;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// What each component is priced as, at <see cref="CostTestCatalog"/>: a named type or service, a size, or where the design
/// says nothing a default by kind, with whether Plumbline assumed it. The cheapest fit is worked out from the catalog's
/// prices per hour: of the 2-vCPU compute types, c6i.large (4 GiB, 0.085) &lt; m5.large (8 GiB, 0.096) &lt; r5.large
/// (16 GiB, 0.126); t3.medium (burstable) and db.t4g.medium (a managed database class) are never chosen by size.
/// </summary>
public sealed class ComponentPricingTests
{
    private const string Kinds = """
        plumbline: 1
        system: { name: kinds }
        workflows:
          w: { entry: api.op, rate: 10/s }
        components:
          api: { kind: service, operations: { op: {} } }
          big: { kind: service, memory: 16GiB, operations: { op: {} } }
          db: { kind: database, operations: { op: {} } }
          kv: { kind: cache, operations: { op: {} } }
          q: { kind: queue, operations: { op: {} } }
          lb: { kind: load_balancer, operations: { op: {} } }
          edge: { kind: cdn, operations: { op: {} } }
          files: { kind: object_store, operations: { op: {} } }
          pay: { kind: external, operations: { op: {} } }
          user: { kind: client, operations: { op: {} } }
        """;

    private static readonly PricingSpec Silent = new(null, null, null, null);

    private static Component Of(string name) => TestDesigns.Load(Kinds).Components.Single(c => c.Name == name);

    private static ComponentPricing Resolve(string component, PricingSpec? spec = null, PriceCatalog? catalog = null, CostOptions? options = null, bool ownInstances = false) =>
        ComponentPricingRules.Resolve(Of(component), spec ?? Silent, catalog ?? CostTestCatalog.Load(), options ?? CostOptions.Default, ownInstances);

    [Fact]
    public void A_named_type_or_service_is_priced_as_stated_and_an_unknown_name_not_at_all()
    {
        Assert.Equal((PricingKind.Instances, "m5.large", "m5.large", false), Row(Resolve("api", new("m5.large", null, null, null))));
        Assert.Equal((PricingKind.Service, null, "queue-service", false), Row(Resolve("api", new("queue-service", null, null, null))));
        Assert.Equal((PricingKind.None, null, "'x9.huge' is not in the catalog", false), Row(Resolve("api", new("x9.huge", null, null, null))));
    }

    [Fact]
    public void A_size_is_priced_at_the_cheapest_type_that_fits_it()
    {
        // 2 vCPU and any memory: c6i.large, the cheapest; 2 vCPU and 8 GiB: m5.large (c6i.large has 4).
        Assert.Equal((PricingKind.Instances, "c6i.large", "c6i.large, the cheapest type with at least 2 vCPU and 0B", false),
            Row(Resolve("api", new(null, 2, null, null))));
        Assert.Equal((PricingKind.Instances, "m5.large", "m5.large, the cheapest type with at least 2 vCPU and 8GiB", false),
            Row(Resolve("api", new(null, 2, ByteSize.FromGibibytes(8), null))));
        Assert.Equal((PricingKind.None, null, "no catalog type has at least 64 vCPU and 0B", false), Row(Resolve("api", new(null, 64, null, null))));
    }

    [Fact]
    public void A_client_and_an_external_system_are_not_priced_and_object_storage_is_assumed()
    {
        Assert.Equal((PricingKind.None, null, "an external system is billed by its provider", false), Row(Resolve("pay")));
        Assert.Equal((PricingKind.None, null, "a client runs on its users' devices", false), Row(Resolve("user")));
        Assert.Equal((PricingKind.ObjectStorage, null, "object storage", true), Row(Resolve("files")));
    }

    [Fact]
    public void A_queue_load_balancer_or_cdn_is_the_catalogs_first_service_of_its_kind_unless_it_states_its_instances()
    {
        Assert.Equal((PricingKind.Service, null, "queue-service, the catalog's first queue service", true), Row(Resolve("q")));
        Assert.Equal((PricingKind.Service, null, "lb-service, the catalog's first load_balancer service", true), Row(Resolve("lb")));
        Assert.Equal((PricingKind.Service, null, "cdn-service, the catalog's first cdn service", true), Row(Resolve("edge")));
        // With instances of its own (a Kafka cluster): the default compute, 2 vCPU and 4 GiB, c6i.large.
        Assert.Equal((PricingKind.Instances, "c6i.large", "c6i.large, the cheapest type with at least 2 vCPU and 4GiB (the default for a queue on its own instances)", true),
            Row(Resolve("q", ownInstances: true)));
    }

    [Fact]
    public void Without_a_service_of_its_kind_a_queue_runs_on_instances_and_a_cdn_is_not_priced()
    {
        var noServices = CostTestCatalog.Without("services");

        Assert.Equal((PricingKind.Instances, "c6i.large", "c6i.large, the cheapest type with at least 2 vCPU and 4GiB (the default for a queue on its own instances)", true),
            Row(Resolve("q", catalog: noServices)));
        Assert.Equal((PricingKind.None, null, "the catalog has no cdn service", true), Row(Resolve("edge", catalog: noServices)));
        Assert.Equal((PricingKind.Instances, "c6i.large", "c6i.large, the cheapest type with at least 2 vCPU and 4GiB (the default for a cdn on its own instances)", true),
            Row(Resolve("edge", ownInstances: true)));
    }

    [Fact]
    public void A_silent_store_gets_twice_the_default_memory_a_service_the_default_and_a_stated_memory_its_own()
    {
        // A database or cache: 2 vCPU and 2 x 4 = 8 GiB, m5.large; a service: 4 GiB, c6i.large; memory 16GiB: r5.large.
        Assert.Equal((PricingKind.Instances, "m5.large", "m5.large, the cheapest type with at least 2 vCPU and 8GiB (the default for a database)", true), Row(Resolve("db")));
        Assert.Equal((PricingKind.Instances, "m5.large", "m5.large, the cheapest type with at least 2 vCPU and 8GiB (the default for a cache)", true), Row(Resolve("kv")));
        Assert.Equal((PricingKind.Instances, "c6i.large", "c6i.large, the cheapest type with at least 2 vCPU and 4GiB (the default for a service)", true), Row(Resolve("api")));
        Assert.Equal((PricingKind.Instances, "r5.large", "r5.large, the cheapest type with at least 2 vCPU and 16GiB (its memory)", true), Row(Resolve("big")));
        // The option's defaults: 8 vCPU and 3 GiB (6 for a database).
        var options = CostOptions.Default with { DefaultVcpu = 8, DefaultMemoryGiB = 3 };
        Assert.Equal((PricingKind.Instances, "a8.2xlarge", "a8.2xlarge, the cheapest type with at least 8 vCPU and 6GiB (the default for a database)", true), Row(Resolve("db", options: options)));
        Assert.Equal((PricingKind.None, null, "no catalog type has at least 64 vCPU and 4GiB", true), Row(Resolve("api", options: CostOptions.Default with { DefaultVcpu = 64 })));
    }

    [Fact]
    public void Of_types_at_the_same_price_the_name_first_in_order_is_chosen_and_none_fits_past_the_largest()
    {
        var catalog = CostTestCatalog.Load();

        // a8.2xlarge and z8.2xlarge both cost 0.4 an hour.
        Assert.Equal("a8.2xlarge", ComponentPricingRules.Cheapest(catalog, 8, ByteSize.Zero)!.Name);
        Assert.Null(ComponentPricingRules.Cheapest(catalog, 9, ByteSize.Zero));
    }

    [Fact]
    public void Data_is_kept_in_the_named_class_or_the_first_of_the_kind_its_pricing_implies()
    {
        var catalog = CostTestCatalog.Load();
        var compute = new ComponentPricing(PricingKind.Instances, catalog.FindInstance("m5.large"), null, "m5.large", false);
        var database = new ComponentPricing(PricingKind.Instances, catalog.FindInstance("db.t4g.medium"), null, "db.t4g.medium", false);
        var objects = new ComponentPricing(PricingKind.ObjectStorage, null, null, "object storage", true);
        var service = new ComponentPricing(PricingKind.Service, null, catalog.FindService("cache-service"), "cache-service", false);

        Assert.Equal("ebs-gp3", ComponentPricingRules.StorageClassFor(compute, Silent, catalog)!.Name);
        Assert.Equal("rds-gp3", ComponentPricingRules.StorageClassFor(database, Silent, catalog)!.Name);
        Assert.Equal("s3-standard", ComponentPricingRules.StorageClassFor(objects, Silent, catalog)!.Name);
        Assert.Null(ComponentPricingRules.StorageClassFor(service, Silent, catalog));
        Assert.Equal("rds-gp3", ComponentPricingRules.StorageClassFor(compute, new(null, null, null, "rds-gp3"), catalog)!.Name);
        // A catalog with object storage only has no class for an instance's disk.
        var objectOnly = CostTestCatalog.Load(CostTestCatalog.Text.Replace("  ebs-gp3: { kind: block, price: 0.08 USD, source: page }\n", string.Empty, StringComparison.Ordinal));
        Assert.Null(ComponentPricingRules.StorageClassFor(compute, Silent, objectOnly));
    }

    private static (PricingKind Kind, string? Instance, string Description, bool Assumed) Row(ComponentPricing p) =>
        (p.Kind, p.Instance?.Name, p.Description, p.Assumed);
}
