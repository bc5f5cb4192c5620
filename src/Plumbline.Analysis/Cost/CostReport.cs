using System.Collections.Immutable;
using Plumbline.Design.Model;
using Plumbline.Design.Pricing;

namespace Plumbline.Analysis.Cost;

/// <summary>What a cost is for, so the whole bill can be read by driver as well as by component.</summary>
public enum CostDriver
{
    /// <summary>Instances or managed database classes running all month, replicas included.</summary>
    Compute,

    /// <summary>Data stored, by storage class, replicas included.</summary>
    Storage,

    /// <summary>Data sent out: to the internet, or out of a CDN.</summary>
    Transfer,

    /// <summary>Per-request charges: object storage, queue and CDN requests.</summary>
    Requests,

    /// <summary>Managed-service charges: load balancer hours and capacity units, serverless cache storage.</summary>
    Service,
}

/// <summary>What a cost input measures, so it prints in its unit.</summary>
public enum CostUnit
{
    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>Money per hour.</summary>
    MoneyPerHour,

    /// <summary>Money per billed GB (per month for storage).</summary>
    MoneyPerGb,

    /// <summary>Money per unit of requests (see the input's name).</summary>
    MoneyPerRequests,

    /// <summary>Hours.</summary>
    Hours,

    /// <summary>A number of instances, nodes or LCUs.</summary>
    Count,

    /// <summary>Billed gigabytes (GB as the catalog bills them).</summary>
    Gigabytes,

    /// <summary>A number of requests or messages.</summary>
    Requests,

    /// <summary>A multiplier (growth, chunks per message).</summary>
    Factor,

    /// <summary>A share, 0..1.</summary>
    Ratio,
}

/// <summary>The non-path sources of a cost input.</summary>
public static class CostSources
{
    /// <summary>A value Plumbline assumed because the design does not say.</summary>
    public const string Default = "default";

    /// <summary>A value computed from other figures.</summary>
    public const string Derived = "derived";

    /// <summary>A figure of the design's estimate.</summary>
    public const string Estimate = "estimate";

    /// <summary>A command-line option.</summary>
    public const string Option = "option";

    /// <summary>Prefix of a price's source: <c>catalog:/instances/m5.large/price</c>.</summary>
    public const string CatalogPrefix = "catalog:";
}

/// <summary>One input a cost rests on, with where it came from: a design path (and its line), the catalog, the estimate, a default.</summary>
/// <param name="Source">A design path, <c>catalog:</c> and a catalog path, <c>estimate</c>, <c>default</c>, <c>option</c> or <c>derived</c>.</param>
/// <param name="Line">1-based line in the design (or the catalog, for a catalog source), or 0.</param>
public sealed record CostInput(string Name, decimal Value, CostUnit Unit, string Source, int Line)
{
    public bool IsDefault => Source == CostSources.Default;
}

/// <summary>
/// One line of the bill: a component's cost for one driver and one priced item (an instance type,
/// a storage class, a transfer, a service), with its formula and inputs. Null <see cref="Amount"/>
/// means it could not be priced; <see cref="Formula"/> then says why.
/// </summary>
public sealed record CostLine(CostDriver Driver, string Item, decimal? Amount, string Formula, ImmutableArray<CostInput> Inputs)
{
    public bool IsKnown => Amount is not null;
}

/// <summary>What a component costs a month, line by line.</summary>
/// <param name="PricedAs">What it is priced as: an instance type, a service, "not priced" and why.</param>
/// <param name="Assumed">True when the design did not say what it runs on and Plumbline chose.</param>
public sealed record ComponentCost(string Component, ComponentKind Kind, string PricedAs, bool Assumed, ImmutableArray<CostLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount ?? 0);

    public decimal TotalOf(CostDriver driver) => Lines.Where(l => l.Driver == driver).Sum(l => l.Amount ?? 0);
}

/// <summary>The monthly bill at one point of the growth horizon: now (0 months) or after N months of growth.</summary>
public sealed record HorizonCost(double Months, ImmutableArray<ComponentCost> Components, BudgetCheck? Budget)
{
    public decimal Total => Components.Sum(c => c.Total);

    public decimal TotalOf(CostDriver driver) => Components.Sum(c => c.TotalOf(driver));
}

/// <summary>The monthly cost against the budget: the share of it used, and the alert thresholds reached.</summary>
public sealed record BudgetCheck(decimal MonthlyBudget, decimal Share, ImmutableArray<decimal> AlertsReached, bool Over);

/// <summary>Compute provisioned beyond what peak load needs at the target utilisation, and what right-sizing saves a month.</summary>
/// <param name="Provisioned">Instances priced (replicas not counted: they are there for availability).</param>
/// <param name="Needed">Instances needed at peak at the target utilisation (for an autoscaled component, at average load).</param>
/// <param name="Share">Idle cost / the component's compute cost.</param>
public sealed record IdleCompute(string Component, string InstanceType, int Provisioned, double Needed, decimal MonthlySaving, decimal Share, ImmutableArray<CostInput> Inputs);

/// <summary>A price source the bill uses, and the items of the bill priced from it.</summary>
public sealed record SourceUse(string Name, string Url, DateOnly ReadOn, ImmutableArray<string> Items);

/// <summary>The catalog a cost used: its name, where it came from, its conventions, and its oldest price.</summary>
public sealed record CatalogSummary(string Name, string Origin, string? Provider, string? Region, CatalogConventions Conventions, DateOnly OldestReadOn, string OldestSource);

/// <summary>Cost per unit of use, now: per thousand requests and per monthly active user.</summary>
/// <param name="RequestsPerMonth">Sum over workflows of the average rate x seconds in the catalog's month.</param>
/// <param name="PerThousandRequests">Monthly total / (requests per month / 1000); null with no traffic.</param>
/// <param name="PerActiveUser">Monthly total / monthly active users; null when users are not stated.</param>
public sealed record UnitCosts(decimal RequestsPerMonth, decimal? PerThousandRequests, decimal? MonthlyActiveUsers, decimal? PerActiveUser);

/// <summary>
/// A design priced at a catalog: the monthly bill now and at each horizon of growth, by component
/// and by driver, against the budget; unit costs; idle compute; and every assumption made.
/// </summary>
/// <param name="Horizons">Now (0 months) first, then each horizon in months.</param>
public sealed record CostReport(
    string SystemName,
    string Currency,
    CatalogSummary Catalog,
    ImmutableArray<HorizonCost> Horizons,
    UnitCosts Units,
    ImmutableArray<IdleCompute> Idle,
    decimal? Budget,
    string? BudgetText,
    ImmutableArray<decimal> Alerts,
    ImmutableArray<string> Notes)
{
    public HorizonCost Now => Horizons[0];

    /// <summary>The catalog's sources the bill's prices come from (not the design's own prices), by name.</summary>
    public ImmutableArray<SourceUse> SourcesUsed { get; init; } = [];
}
