using System.Collections.Immutable;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Plumbline.Design.Pricing;
using Plumbline.Design.Text;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Cost;

/// <summary>
/// Prices a design at a catalog from its own estimate: the instances it runs (replicas and
/// autoscaling included), the data its stores keep, the bytes it sends out, the requests it makes
/// and the managed services it uses, now and at each horizon of growth. Pure: no I/O, no clock.
/// </summary>
public static class CostEstimator
{
    /// <summary>Estimates the design and prices it (see <see cref="Price"/>).</summary>
    public static CostReport Estimate(SystemDesign design, PriceCatalog catalog, CostOptions? options = null, EstimateOptions? estimateOptions = null)
    {
        // LoadModel.Compile refuses a null design and Price a null catalog, each by its name.
        var model = LoadModel.Compile(design, estimateOptions);
        return Price(model, Estimator.Estimate(model), catalog, options);
    }

    /// <summary>
    /// Prices a design from an estimate already made of it (a review's), so a check estimates once. Only the
    /// storage at the cost's horizons (now and <see cref="CostOptions.Horizons"/>) is worked out here, from the
    /// same model, because the estimate's own horizons need not be those.
    /// </summary>
    /// <param name="model">The compiled design the estimate was made from.</param>
    /// <param name="estimate">Its estimate.</param>
    /// <param name="catalog">The prices.</param>
    /// <param name="options">What the cost assumes and watches; default <see cref="CostOptions.Default"/>.</param>
    public static CostReport Price(LoadModel model, EstimateReport estimate, PriceCatalog catalog, CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= CostOptions.Default;
        var horizons = ImmutableArray.Create(0.0).AddRange(options.Horizons.Where(h => h > 0).Distinct().Order());
        var storage = Estimator.StorageByOwner(LoadModel.Compile(model.Design, model.Graph, model.Options with { HorizonsMonths = horizons }));
        return new Builder(model, estimate, storage, horizons, catalog, options).Build();
    }

    private sealed class Builder(LoadModel model, EstimateReport estimate, ImmutableArray<OwnerStorage> storageByOwner, ImmutableArray<double> horizonMonths, PriceCatalog catalog, CostOptions options)
    {
        private readonly Dictionary<string, OwnerStorage> _owned = storageByOwner.ToDictionary(o => o.Component, StringComparer.Ordinal);
        private readonly Dictionary<string, ComponentBandwidth> _bandwidth = estimate.Bandwidth.DistinctBy(b => b.Component, StringComparer.Ordinal).ToDictionary(b => b.Component, StringComparer.Ordinal);
        private readonly Dictionary<string, CacheSizing> _caches = estimate.Caches.DistinctBy(k => k.Component, StringComparer.Ordinal).ToDictionary(k => k.Component, StringComparer.Ordinal);
        private readonly ILookup<string, OperationLoad> _operations = estimate.Operations.ToLookup(o => o.Component, StringComparer.Ordinal);

        private const decimal SecondsPerHour = Calendar.SecondsPerHour;
        private readonly SystemDesign _design = model.Design;
        private readonly LoadVectors _loads = model.Propagate(model.BaselineValues());
        private readonly List<string> _notes = [];
        private readonly SortedDictionary<string, SortedSet<string>> _used = new(StringComparer.Ordinal);
        private readonly CatalogConventions _conventions = catalog.Conventions;

        private decimal Hours => _conventions.HoursPerMonth;

        private decimal SecondsPerMonth => _conventions.HoursPerMonth * SecondsPerHour;

        private double MonthlyGrowth => _design.Requirements.Growth?.MonthlyCompoundFactor ?? 1;

        public CostReport Build()
        {
            // What a component is priced as depends only on what it states (its spec, kind, memory and whether it states
            // instances), so components that state the same are resolved once: a search of the catalog each, not one per component.
            var resolved = new Dictionary<(PricingSpec, ComponentKind, ByteSize?, bool), ComponentPricing>();
            var pricing = _design.Components.Select(c =>
            {
                var key = (Spec(c), c.Kind, c.Memory, _design.SourceMap.Has(c.Path + "/instances"));
                if (!resolved.TryGetValue(key, out var p))
                {
                    resolved[key] = p = ComponentPricingRules.Resolve(c, key.Item1, catalog, options, key.Item4);
                }

                return p;
            }).ToImmutableArray();
            foreach (var (component, p) in _design.Components.Zip(pricing))
            {
                if (p.Assumed && p.Kind != PricingKind.None)
                {
                    _notes.Add($"{component.Name}: priced as {p.Description}; the design does not say what it runs on.");
                }
            }

            var horizons = horizonMonths.Select((months, h) => PriceAt(h, months, pricing)).ToImmutableArray();
            var now = horizons[0];
            var budget = MonthlyBudget();
            if (budget is not null)
            {
                horizons = [.. horizons.Select(h => h with { Budget = Check(h.Total, budget.Value) })];
            }

            return new CostReport(
                _design.System.Name, catalog.Currency, Summary(), horizons, UnitCosts(now.Total), Idle(pricing, now),
                budget, _design.Cost.Budget?.ToString(), [.. _design.Cost.Alerts.Select(a => (decimal)a.Fraction)], [.. _notes.Distinct()])
            {
                SourcesUsed = [.. _used.Select(u => catalog.FindSource(u.Key) is { } s ? new SourceUse(s.Name, s.Url, s.ReadOn, [.. u.Value]) : null).OfType<SourceUse>()],
            };
        }

        private static PricingSpec Spec(Component component) =>
            new(component.Hosting.RunsOn, component.Hosting.Size?.Vcpu, component.Hosting.Size?.Memory, component.Hosting.StorageClass);

        private HorizonCost PriceAt(int h, double months, ImmutableArray<ComponentPricing> pricing)
        {
            var growth = Math.Pow(MonthlyGrowth, months);
            var lines = new List<CostLine>[_design.Components.Length];
            for (var c = 0; c < _design.Components.Length; c++)
            {
                lines[c] = [];
                var component = _design.Components[c];
                var p = pricing[c];
                switch (p.Kind)
                {
                    case PricingKind.Instances:
                        lines[c].Add(Compute(c, p.Instance!, growth, months));
                        break;
                    case PricingKind.Service:
                        lines[c].AddRange(Service(c, p.Service!, growth, months));
                        break;
                    case PricingKind.ObjectStorage:
                        lines[c].AddRange(ObjectRequests(c, ComponentPricingRules.StorageClassFor(p, Spec(component), catalog), growth, months));
                        break;
                }

                if (Storage(c, p, h, months) is { } storage)
                {
                    lines[c].Add(storage);
                }
            }

            foreach (var (c, line) in InternetEgress(growth, months))
            {
                lines[c].Add(line);
            }

            var components = _design.Components.Select((component, c) => new ComponentCost(
                component.Name, component.Kind, pricing[c].Description, pricing[c].Assumed, [.. lines[c]])).ToImmutableArray();
            return new HorizonCost(months, components, null);
        }

        /// <summary>Notes that the bill prices <paramref name="item"/> from the catalog's <paramref name="source"/>, unless the design overrode it.</summary>
        private void Use(string? source, string item, string? overriddenAt = null)
        {
            // A loaded catalog's sources are names defined under sources; one unknown to it is dropped when the list is made.
            if (source is not null && overriddenAt is null)
            {
                if (!_used.TryGetValue(source, out var items))
                {
                    _used[source] = items = new SortedSet<string>(StringComparer.Ordinal);
                }

                items.Add(item);
            }
        }

        private CostLine Compute(int c, InstanceType instance, double growth, double months)
        {
            Use(instance.Source, instance.Name, instance.OverriddenAt);
            var component = _design.Components[c];
            var (count, inputs, formula) = InstanceCount(c, growth, months);
            var price = Price(instance);
            var all = ImmutableArray.CreateBuilder<CostInput>();
            all.Add(price);
            all.Add(new CostInput("hours per month", Hours, CostUnit.Hours, CostSources.CatalogPrefix + "/conventions/hours_per_month", 0));
            all.AddRange(inputs);
            return new CostLine(CostDriver.Compute, instance.Name, PriceMath.InstanceMonth(instance.PerHour, count, Hours),
                $"price per hour x hours per month x instances, where instances = {formula}", all.ToImmutable());
        }

        /// <summary>
        /// Instances priced at a horizon: what the design states, or what peak load at the target
        /// utilisation needs after growth when that is more; an autoscaled component follows average
        /// load within its bounds. Replicas are added as stated.
        /// </summary>
        private (decimal Count, ImmutableArray<CostInput> Inputs, string Formula) InstanceCount(int c, double growth, double months)
        {
            var component = _design.Components[c];
            var n = Numbers.Component(model, _loads, c);
            var inputs = ImmutableArray.CreateBuilder<CostInput>();
            var stated = Stated(c);
            inputs.Add(stated.Instances);
            if (stated.Replicas is { } replicas)
            {
                inputs.Add(replicas);
            }

            if (n.Basis == CapacityBasis.None)
            {
                return (component.Instances + component.Replicas, inputs.ToImmutable(),
                    component.Replicas > 0 ? "instances + replicas (no capacity stated, so the count does not follow load)" : "instances (no capacity stated, so the count does not follow load)");
            }

            var target = Target(component);
            var servingReplicas = n.Basis == CapacityBasis.Reads ? component.Replicas : 0;
            var extraReplicas = component.Replicas - servingReplicas;
            if (months > 0)
            {
                inputs.Add(new CostInput("growth since now", D(growth), CostUnit.Factor, _design.Requirements.Path + "/growth", Line(_design.Requirements.Path + "/growth")));
            }

            inputs.Add(stated.Target);
            if (component.Autoscaling is { } auto)
            {
                var atAverage = Formulas.InstancesNeeded(n.BasisAverageLoad * growth, n.CapacityPerInstance, target);
                var atPeak = Formulas.InstancesNeeded(n.BasisPeakLoad * growth, n.CapacityPerInstance, target);
                // The loader refuses an autoscaling.max below its min, so the bounds are in order.
                var scaled = Math.Clamp(atAverage, auto.Min, auto.Max);
                inputs.Add(new CostInput("instances needed at average load", D(atAverage), CostUnit.Count, CostSources.Estimate, 0));
                inputs.Add(stated.AutoscalingMin!);
                inputs.Add(stated.AutoscalingMax!);
                if (atPeak > auto.Max)
                {
                    _notes.Add($"{component.Name}: {Whole(atPeak)} instances are needed at peak{At(months)}, more than autoscaling.max {auto.Max}.");
                }

                return (D(scaled) + extraReplicas, inputs.ToImmutable(),
                    "instances needed at average load, kept within autoscaling.min and autoscaling.max" + (extraReplicas > 0 ? ", + replicas" : string.Empty));
            }

            var needed = Formulas.InstancesNeeded(n.BasisPeakLoad * growth, n.CapacityPerInstance, target);
            inputs.Add(new CostInput("instances needed at peak", D(needed), CostUnit.Count, CostSources.Estimate, 0));
            var statedCount = component.Instances + servingReplicas;
            if (needed > statedCount)
            {
                _notes.Add($"{component.Name}: {Whole(needed)} instances are needed at peak{At(months)}, more than the {statedCount} stated; the cost prices {Whole(Math.Min(needed, 1e24))}.");
            }

            return (D(Math.Max(statedCount, needed)) + extraReplicas, inputs.ToImmutable(),
                (servingReplicas > 0 ? "max(instances + replicas, instances needed at peak)" : "max(instances, instances needed at peak)") + (extraReplicas > 0 ? " + replicas" : string.Empty));
        }

        private IEnumerable<CostLine> Service(int c, ServicePrice service, double growth, double months)
        {
            var component = _design.Components[c];
            var n = Numbers.Component(model, _loads, c);
            var g = D(growth);
            Use(service.Source, service.Name);
            if (service.Requests is { Source: { } requestSource })
            {
                Use(requestSource, service.Name + " requests");
            }

            if (service.PerHour is { } perHour)
            {
                yield return new CostLine(CostDriver.Service, service.Name, perHour * Hours, "price per hour x hours per month",
                    [Catalog("price per hour", perHour, CostUnit.MoneyPerHour, service.Path + "/price"), HoursInput()]);
            }

            if (service.Lcu is { } lcu)
            {
                var bandwidth = _bandwidth.GetValueOrDefault(component.Name);
                var bytesPerSecond = (bandwidth?.Ingress.Value ?? 0) + (bandwidth?.Egress.Value ?? 0);
                var gbPerHour = D(bytesPerSecond * growth * Calendar.SecondsPerHour) / _conventions.BytesPerGigabyte;
                var lcuPerHour = gbPerHour / ((decimal)lcu.ProcessedPerHour.Bytes / _conventions.BytesPerGigabyte);
                yield return new CostLine(CostDriver.Service, service.Name + " capacity units", lcuPerHour * lcu.PerHour * Hours,
                    "GB processed per hour / GB per capacity unit x price per capacity unit-hour x hours per month",
                    [new CostInput("GB processed per hour (ingress + egress)", gbPerHour, CostUnit.Gigabytes, CostSources.Estimate, 0),
                     Catalog("GB per capacity unit", (decimal)lcu.ProcessedPerHour.Bytes / _conventions.BytesPerGigabyte, CostUnit.Gigabytes, service.Path + "/lcu/processed"),
                     Catalog("price per capacity unit-hour", lcu.PerHour, CostUnit.MoneyPerHour, service.Path + "/lcu/price"), HoursInput()]);
            }

            if (service.Transfer is { } transfer)
            {
                var bandwidth = _bandwidth.GetValueOrDefault(component.Name);
                var gb = GigabytesPerMonth((bandwidth?.Egress.Value ?? 0) * growth);
                var charge = PriceMath.Tiered(transfer, gb, _conventions.FreeAllowances);
                yield return Tiered(CostDriver.Transfer, service.Name, "GB sent out of it a month, priced through its tiers", gb, charge, service.Path + "/transfer", "GB out a month", g, months);
            }

            if (service.Requests is { } requests)
            {
                var messages = D(n.AverageLoad * growth) * SecondsPerMonth;
                var count = component.Kind == ComponentKind.Queue ? PriceMath.QueueRequests(requests, messages, 0) : messages * PriceMath.Chunks(requests, ItemBytes(c));
                if (component.Kind == ComponentKind.Queue && requests.Chunk is not null)
                {
                    _notes.Add($"{component.Name}: message size not stated; each message is counted as one {requests.Chunk} chunk.");
                }

                var charge = PriceMath.Tiered(requests.Price, count, _conventions.FreeAllowances);
                var what = component.Kind == ComponentKind.Queue
                    ? Invariant($"messages a month x {requests.PerMessage} requests per message x chunks per message, priced through the tiers after the free allowance")
                    : "requests a month, priced through the tiers after the free allowance";
                yield return Tiered(CostDriver.Requests, service.Name + " requests", what, count, charge, service.Path + "/requests", "requests a month", g, months);
            }

            if (service.StoredPerGbHour is { } stored)
            {
                var bytes = _caches.GetValueOrDefault(component.Name) is { } sizing
                    ? (sizing.Memory.Value ?? sizing.HotSet.Value ?? 0)
                    : (component.Memory?.Bytes ?? 0) * component.Instances;
                var gb = Gigabytes(bytes);
                yield return new CostLine(CostDriver.Service, service.Name + " stored", gb * stored * Hours, "GB stored x price per GB-hour x hours per month",
                    [new CostInput("GB stored (its memory, or the hot set)", gb, CostUnit.Gigabytes, CostSources.Estimate, 0),
                     Catalog("price per GB-hour", stored, CostUnit.MoneyPerHour, service.Path + "/stored"), HoursInput()]);
            }
        }

        private IEnumerable<CostLine> ObjectRequests(int c, StorageClass? storage, double growth, double months)
        {
            if (storage is null)
            {
                yield break;
            }

            var component = _design.Components[c];
            var ops = _operations[component.Name].ToList();
            foreach (var (type, price, key) in new[] { (AccessType.Write, storage.Writes, "writes"), (AccessType.Read, storage.Reads, "reads") })
            {
                if (price is null)
                {
                    continue;
                }

                var perSecond = ops.Where(o => o.Type == type).Sum(o => o.Average.Value ?? 0);
                var count = D(perSecond * growth) * SecondsPerMonth;
                if (count == 0)
                {
                    continue;
                }

                Use(price.Source ?? storage.Source, $"{storage.Name} {key}");
                var charge = PriceMath.Tiered(price.Price, count, _conventions.FreeAllowances);
                yield return Tiered(CostDriver.Requests, $"{storage.Name} {key}", $"{key} a month, priced through the tiers", count, charge, storage.Path + "/" + key, $"{key} a month", D(growth), months);
            }
        }

        /// <summary>The data a component keeps at a horizon (the estimate's replicated bytes), at its storage class.</summary>
        private CostLine? Storage(int c, ComponentPricing pricing, int h, double months)
        {
            var component = _design.Components[c];
            var owned = _owned.GetValueOrDefault(component.Name);
            // A cache keeps its data in memory, priced with its instances, unless the design names a storage class for it.
            if (owned is null || pricing.Kind is PricingKind.None || (pricing.Kind == PricingKind.Service && pricing.Service!.StoredPerGbHour is not null)
                || (component.Kind == ComponentKind.Cache && component.Hosting.StorageClass is null))
            {
                return null;
            }

            var storage = ComponentPricingRules.StorageClassFor(pricing, Spec(component), catalog);
            if (storage is null)
            {
                _notes.Add($"{component.Name}: the catalog has no storage class for its data; storage is not priced.");
                return new CostLine(CostDriver.Storage, "storage", null, "no storage class in the catalog for this component", []);
            }

            Use(storage.Source, storage.Name, storage.OverriddenAt);
            var data = owned.Horizons[h].Value ?? 0;
            var gb = Gigabytes(data);
            var inputs = ImmutableArray.CreateBuilder<CostInput>();
            inputs.Add(new CostInput($"GB stored{At(months)} (all copies)", gb, CostUnit.Gigabytes, CostSources.Estimate, 0));
            var formula = "GB stored (all copies), priced through the class's tiers";
            if (component.StoragePerNode is { } perNode && storage.Kind != StorageKind.Object && pricing.Kind == PricingKind.Instances)
            {
                var nodes = component.Instances + component.Replicas;
                var provisioned = (decimal)perNode.Bytes * nodes / _conventions.BytesPerGigabyte;
                inputs.Add(In("storage_per_node", (decimal)perNode.Bytes / _conventions.BytesPerGigabyte, CostUnit.Gigabytes, component.Path + "/storage_per_node"));
                inputs.Add(new CostInput("nodes (instances + replicas)", nodes, CostUnit.Count, component.Path + "/instances", Line(component.Path + "/instances")));
                if (provisioned > gb)
                {
                    gb = provisioned;
                    formula = "storage_per_node x nodes (block storage is billed as provisioned), priced through the class's tiers";
                }
            }

            var charge = PriceMath.Tiered(storage.PerGbMonth, gb, applyFree: _conventions.FreeAllowances);
            inputs.AddRange(TierInputs(charge, storage.Path + "/price", gigabytes: true, storage.OverriddenAt));
            return new CostLine(CostDriver.Storage, storage.Name, charge.Amount, formula, inputs.ToImmutable());
        }

        /// <summary>
        /// Responses of workflows that do not enter at a CDN leave for the internet. The internet's tiers
        /// count all of them together, so the design's egress is priced once and shared out among the
        /// entry components by their bytes.
        /// </summary>
        private IEnumerable<(int Component, CostLine Line)> InternetEgress(double growth, double months)
        {
            var transfer = catalog.FindTransfer("internet");
            var byComponent = new Dictionary<int, double>();
            for (var w = 0; w < _design.Workflows.Length; w++)
            {
                var workflow = _design.Workflows[w];
                var entry = _design.FindComponent(workflow.Entry.Component);
                var bytes = estimate.Traffic[w].ResponseBandwidth.Value ?? 0;
                if (entry is null || entry.Kind == ComponentKind.Cdn || bytes <= 0)
                {
                    continue;
                }

                var c = _design.Components.IndexOf(entry);
                byComponent[c] = byComponent.GetValueOrDefault(c) + bytes;
            }

            if (byComponent.Count == 0)
            {
                yield break;
            }

            if (transfer is null)
            {
                _notes.Add("The catalog has no 'internet' transfer price; egress to the internet is not priced.");
                yield break;
            }

            Use(transfer.Source, transfer.Name, transfer.OverriddenAt);
            var total = byComponent.Values.Sum();
            var totalGb = GigabytesPerMonth(total * growth);
            var charge = PriceMath.Tiered(transfer.PerGb, totalGb, _conventions.FreeAllowances);
            // Each entry component gets its own line, so the order they are walked in changes nothing.
            foreach (var (c, bytes) in byComponent)
            {
                var share = D(bytes / total);
                var inputs = ImmutableArray.CreateBuilder<CostInput>();
                inputs.Add(new CostInput("its responses, GB a month", GigabytesPerMonth(bytes * growth), CostUnit.Gigabytes, CostSources.Estimate, 0));
                inputs.Add(new CostInput("the design's internet egress, GB a month", totalGb, CostUnit.Gigabytes, CostSources.Estimate, 0));
                inputs.AddRange(TierInputs(charge, transfer.Path + "/price", gigabytes: true, transfer.OverriddenAt));
                yield return (c, new CostLine(CostDriver.Transfer, "internet", charge.Amount * share,
                    "the design's internet egress priced through the tiers x this component's share of the bytes", inputs.ToImmutable()));
            }
        }

        /// <summary>
        /// Instances (or autoscaling.min) beyond what the component needs now: its peak load (an
        /// autoscaled component: its average load) at the target utilisation, one instance per listed
        /// zone, and for a store the shards its data needs at the longest horizon. Replicas are not
        /// judged (they are there for availability), nor caches (sized by what they hold).
        /// </summary>
        private ImmutableArray<IdleCompute> Idle(ImmutableArray<ComponentPricing> pricing, HorizonCost now)
        {
            var result = ImmutableArray.CreateBuilder<IdleCompute>();
            for (var c = 0; c < _design.Components.Length; c++)
            {
                var component = _design.Components[c];
                var n = Numbers.Component(model, _loads, c);
                if (pricing[c].Kind != PricingKind.Instances || n.Basis == CapacityBasis.None || component.Kind == ComponentKind.Cache)
                {
                    continue;
                }

                var auto = component.Autoscaling;
                var target = Target(component);
                var provisioned = auto?.Min ?? component.Instances;
                var forLoad = Formulas.InstancesNeeded(auto is null ? n.BasisPeakLoad : n.BasisAverageLoad, n.CapacityPerInstance, target);
                var shards = _owned.GetValueOrDefault(component.Name)?.ShardsForStorage.Value is { } s ? s : 0;
                var zones = component.Zones.Length;
                var needed = Math.Max(Spared(component, forLoad), shards);
                if (provisioned <= needed)
                {
                    continue;
                }

                var instance = pricing[c].Instance!;
                var saving = PriceMath.InstanceMonth(instance.PerHour, D(provisioned - needed), Hours);
                var compute = now.Components[c].TotalOf(CostDriver.Compute);
                var inputs = ImmutableArray.CreateBuilder<CostInput>();
                inputs.Add(In(auto is null ? "instances" : "autoscaling.min", provisioned, CostUnit.Count, component.Path + (auto is null ? "/instances" : "/autoscaling/min")));
                inputs.Add(new CostInput(auto is null ? "instances needed at peak" : "instances needed at average load", D(forLoad), CostUnit.Count, CostSources.Estimate, 0));
                inputs.Add(In("zones", zones, CostUnit.Count, component.Path + "/zones"));
                inputs.Add(new CostInput(SpareRule(component), D(Spared(component, forLoad)), CostUnit.Count, CostSources.Estimate, 0));
                if (shards > 0)
                {
                    inputs.Add(new CostInput("shards for storage at the longest horizon", D(shards), CostUnit.Count, CostSources.Estimate, 0));
                }

                inputs.Add(TargetInput(component));
                inputs.Add(Price(instance));
                inputs.Add(HoursInput());
                result.Add(new IdleCompute(component.Name, instance.Name, provisioned, needed, saving, compute == 0 ? 0 : saving / compute, inputs.ToImmutable()));
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// The instances a component keeps so that one failure leaves enough for its load (static stability: no
        /// scaling during the failure). Spread over Z &gt;= 2 zones, Z x ceil(load / (Z - 1)), so the zones left
        /// after one is lost carry the load; otherwise one spare, load + 1. A component with replicas fails over
        /// to them (they are not judged here), so its instances need only the load and one per zone.
        /// </summary>
        private static double Spared(Component component, double forLoad)
        {
            var zones = component.Zones.Length;
            if (component.Replicas > 0)
            {
                return Math.Max(forLoad, zones);
            }

            return zones >= 2 ? zones * Math.Ceiling((forLoad / (zones - 1)) - 1e-9) : forLoad + 1;
        }

        private static string SpareRule(Component component) =>
            component.Replicas > 0 ? "instances for the load, at least one per zone (its replicas take over a failure)"
            : component.Zones.Length >= 2 ? "instances that carry the load with one zone lost: zones x ceil(needed / (zones - 1))"
            : "instances that carry the load with one lost: needed + 1";

        /// <summary>The utilisation instances are sized to: an autoscaled component's own target, otherwise the option's.</summary>
        private double Target(Component component) =>
            component.Autoscaling?.TargetUtilisation?.Fraction ?? model.Options.TargetUtilisation;

        private readonly StatedInputs?[] _stated = new StatedInputs?[model.Design.Components.Length];

        /// <summary>
        /// What a component states about its instances, as inputs: the same at every horizon, so made once per component
        /// (each names its path in the design, as long as the component's name).
        /// </summary>
        private StatedInputs Stated(int c)
        {
            if (_stated[c] is { } known)
            {
                return known;
            }

            var component = _design.Components[c];
            return _stated[c] = new StatedInputs(
                In("instances", component.Instances, CostUnit.Count, component.Path + "/instances"),
                component.Replicas > 0 ? In("replicas", component.Replicas, CostUnit.Count, component.Path + "/replicas") : null,
                TargetInput(component),
                component.Autoscaling is { } auto ? In("autoscaling.min", auto.Min, CostUnit.Count, component.Path + "/autoscaling/min") : null,
                component.Autoscaling is { } scaling ? In("autoscaling.max", scaling.Max, CostUnit.Count, component.Path + "/autoscaling/max") : null);
        }

        private sealed record StatedInputs(CostInput Instances, CostInput? Replicas, CostInput Target, CostInput? AutoscalingMin, CostInput? AutoscalingMax);

        private CostInput TargetInput(Component component) =>
            component.Autoscaling?.TargetUtilisation is { } stated
                ? In("autoscaling.target_utilisation", D(stated.Fraction), CostUnit.Ratio, component.Path + "/autoscaling/target_utilisation")
                : new CostInput("target utilisation", D(model.Options.TargetUtilisation), CostUnit.Ratio, CostSources.Option, 0);

        private UnitCosts UnitCosts(decimal total)
        {
            var perSecond = estimate.Traffic.Sum(t => t.Average.Value ?? 0);
            var requests = D(perSecond) * SecondsPerMonth;
            var users = _design.Requirements.Users.MonthlyActive is { } mau ? D(mau.Value) : (decimal?)null;
            return new UnitCosts(requests, requests > 0 ? total / (requests / 1000) : null, users, users is > 0 ? total / users : null);
        }

        private decimal? MonthlyBudget()
        {
            if (_design.Cost.Budget is not { } budget)
            {
                return null;
            }

            if (budget.Currency != catalog.Currency)
            {
                _notes.Add($"The budget is in {budget.Currency}, the prices in {catalog.Currency}: they are not compared.");
                return null;
            }

            if (budget.Period is null)
            {
                _notes.Add($"The budget {budget} has no period; it is taken as a month.");
                return budget.Amount;
            }

            // PerMonth takes a year as twelve bills, not by its seconds.
            return budget.PerMonth();
        }

        private BudgetCheck Check(decimal total, decimal budget)
        {
            var share = budget == 0 ? (total > 0 ? decimal.MaxValue : 0) : total / budget;
            return new BudgetCheck(budget, share, [.. _design.Cost.Alerts.Select(a => (decimal)a.Fraction).Where(a => share >= a).Order()], total > budget);
        }

        private CatalogSummary Summary()
        {
            var oldest = catalog.Sources.OrderBy(s => s.ReadOn).ThenBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
            return new CatalogSummary(catalog.Name, catalog.Origin, catalog.Provider, catalog.Region, _conventions, oldest?.ReadOn ?? DateOnly.MinValue, oldest?.Name ?? string.Empty);
        }

        private CostLine Tiered(CostDriver driver, string item, string formula, decimal units, TieredCharge charge, string path, string unitName, decimal growth, double months)
        {
            var inputs = ImmutableArray.CreateBuilder<CostInput>();
            inputs.Add(new CostInput(unitName, units, driver == CostDriver.Transfer ? CostUnit.Gigabytes : CostUnit.Requests, CostSources.Estimate, 0));
            if (months > 0)
            {
                inputs.Add(new CostInput("growth since now", growth, CostUnit.Factor, _design.Requirements.Path + "/growth", Line(_design.Requirements.Path + "/growth")));
            }

            inputs.AddRange(TierInputs(charge, path + "/price", gigabytes: driver == CostDriver.Transfer));
            return new CostLine(driver, item, charge.Amount, formula, inputs.ToImmutable());
        }

        /// <summary>The free allowance and each tier billed, as inputs; a price from cost.prices (<paramref name="overriddenAt"/>) points at the design.</summary>
        /// <param name="gigabytes">The quantity is billed GB (storage, transfer), not requests: said by the caller, which knows, rather than read from the tiers, which may all be free.</param>
        private IEnumerable<CostInput> TierInputs(TieredCharge charge, string path, bool gigabytes, string? overriddenAt = null)
        {
            var fromDesign = overriddenAt is not null;
            var pricePath = overriddenAt ?? path;
            if (charge.FreeUnits > 0)
            {
                yield return new CostInput(gigabytes ? "free allowance, GB" : "free allowance, requests", charge.FreeUnits, gigabytes ? CostUnit.Gigabytes : CostUnit.Requests,
                    CostSources.CatalogPrefix + path.Replace("/price", "/free", StringComparison.Ordinal), 0);
            }

            foreach (var tier in charge.Tiers)
            {
                var what = tier.Per == 1 ? "GB" : "requests";
                var range = tier.UpTo is { } up ? Invariant($"from {tier.From:#,##0.##} to {up:#,##0.##}") : Invariant($"above {tier.From:#,##0.##}");
                var name = Invariant($"{tier.Units:#,##0.##} {what} billed {range}") + (tier.Per == 1 ? ", per GB" : Invariant($", per {tier.Per:#,##0}"));
                var unit = tier.Per == 1 ? CostUnit.MoneyPerGb : CostUnit.MoneyPerRequests;
                yield return fromDesign ? In(name + " (cost.prices)", tier.Rate, unit, pricePath) : new CostInput(name, tier.Rate, unit, CostSources.CatalogPrefix + path, 0);
            }
        }

        private double ItemBytes(int c)
        {
            var component = _design.Components[c];
            return _caches.GetValueOrDefault(component.Name)?.ItemSize.Value ?? 0;
        }

        private CostInput Price(InstanceType instance) =>
            instance.OverriddenAt is { } design
                ? In($"{instance.Name} price per hour (cost.prices)", instance.PerHour, CostUnit.MoneyPerHour, design)
                : Catalog($"{instance.Name} price per hour", instance.PerHour, CostUnit.MoneyPerHour, instance.Path + "/price");

        private CostInput HoursInput() => new("hours per month", Hours, CostUnit.Hours, CostSources.CatalogPrefix + "/conventions/hours_per_month", 0);

        private static CostInput Catalog(string name, decimal value, CostUnit unit, string path) => new(name, value, unit, CostSources.CatalogPrefix + path, 0);

        private CostInput In(string name, decimal value, CostUnit unit, string path) => new(name, value, unit, path, Line(path));

        private int Line(string path) => _design.SourceMap.LineOf(path);

        /// <summary>Bytes as billed GB.</summary>
        private decimal Gigabytes(double bytes) => D(bytes) / _conventions.BytesPerGigabyte;

        /// <summary>Bytes per second, kept up for the catalog's month, as billed GB.</summary>
        private decimal GigabytesPerMonth(double bytesPerSecond) => D(bytesPerSecond) * SecondsPerMonth / _conventions.BytesPerGigabyte;

        private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string At(double months) => months > 0 ? FormattableString.Invariant($" after {months:0.##} months") : string.Empty;

        /// <summary>A whole count for a note: 4,300,000,000,000; past a thousand trillion, 1.2e18.</summary>
        private static string Whole(double count) => Quantities.Number(count, "#,0");

        private static decimal D(double value) => Figure(value);
    }

    /// <summary>
    /// A figure as a decimal; a magnitude past what money can hold is capped so a bill prints rather than fails. The cap
    /// is 1e20 (a hundred billion billion bytes, requests or instances), far past any real bill, and low enough that a
    /// capped figure times the seconds of a month (2.6e6) and a price, summed over the lines of a design, still fits a
    /// decimal (7.9e28). NaN and what is not positive count 0.
    /// </summary>
    internal static decimal Figure(double value) =>
        double.IsNaN(value) || value <= 0 ? 0 : value >= 1e20 ? 1e20m : (decimal)value;
}
