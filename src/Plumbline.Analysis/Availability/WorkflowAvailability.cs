using System.Collections.Immutable;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// One operation on a workflow's synchronous path and, read on its own, the factor it would
/// contribute with independent failures: 1 - share x (1 - A), where A is its component's
/// availability. The workflow's figure is composed exactly (see <see cref="WorkflowAvailability"/>);
/// factors rank the links and find the weakest.
/// </summary>
/// <param name="Operation">The operation, <c>component.operation</c>.</param>
/// <param name="Factor">The factor, 0..1.</param>
public sealed record PathFactor(string Operation, double Factor)
{
    /// <summary>The operation with its share and fan-out when they are not 1 (written when asked: a path can hold thousands of factors).</summary>
    public string Description
    {
        get
        {
            var share = Share < 1 ? $"{Quantities.Availability(Share)} of requests" : null;
            var calls = Math.Abs(Calls - 1) > 1e-9 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"x{Calls:0.##} calls") : null;
            return (share, calls) switch
            {
                (null, null) => Operation,
                (_, null) => $"{Operation} ({share})",
                (null, _) => $"{Operation} ({calls})",
                _ => $"{Operation} ({share}, {calls})",
            };
        }
    }

    /// <summary>The component the operation belongs to.</summary>
    public string Component { get; init; } = string.Empty;

    /// <summary>Share of the workflow's requests that run this operation, 0..1; 1 for the entry.</summary>
    public double Share { get; init; } = 1;

    /// <summary>Calls to the operation per request that runs it (fan-out); 1 unless a count says otherwise.</summary>
    public double Calls { get; init; } = 1;

    /// <summary>Availability of the component on its own for this operation (its read or write quorum), 0..1.</summary>
    public double ComponentValue { get; init; } = 1;
}

/// <summary>
/// A workflow's availability: the probability that a request succeeds, composed exactly along its
/// synchronous path (see <see cref="AvailabilityModel"/>). <see cref="Value"/> is exact when
/// <see cref="Uncertainty"/> is 0; otherwise the true figure lies in [Value, Value + Uncertainty].
/// </summary>
/// <param name="Value">The composed availability, 0..1.</param>
/// <param name="Factors">The operations the workflow fails without (synchronous calls with no fallback), first reached first.</param>
public sealed record WorkflowAvailability(string Workflow, double Value, ImmutableArray<PathFactor> Factors)
{
    /// <summary>
    /// The path as a formula over each component's own availability: "a x b x (90% + 10% x c)",
    /// with a call made on a share s as (1 - s + s x ...), a fan-out as (...)^n and a fallback as
    /// (primary, else fallback).
    /// </summary>
    public string Expression { get; init; } = string.Empty;

    /// <summary>The formula's value, as if every component failed independently of the others.</summary>
    public double Independent { get; init; } = 1;

    /// <summary>Zones and regions shared by several components of the path: the composition conditions on their states.</summary>
    public ImmutableArray<string> SharedDomains { get; init; } = [];

    /// <summary>Every zone and region the path's components are placed in.</summary>
    public ImmutableArray<FailureDomain> Domains { get; init; } = [];

    /// <summary>Joint states of shared domains and repeated components the composition summed over.</summary>
    public long States { get; init; } = 1;

    /// <summary>Probability mass of the states left out when the design has too many to enumerate; 0 when exact.</summary>
    public double Uncertainty { get; init; }

    /// <summary>What had to be assumed for this path because the design does not say.</summary>
    public ImmutableArray<string> Assumptions { get; init; } = [];

    /// <summary>Expected downtime per 30 days, in seconds.</summary>
    public double DowntimePer30Days => Nines.Downtime(Value, Nines.SecondsPer30Days);

    /// <summary>Expected downtime per year (365.25 days), in seconds.</summary>
    public double DowntimePerYear => Nines.Downtime(Value, Design.Units.Calendar.SecondsPerYear);

    /// <summary>
    /// The working: "edge-lb.redirect 99.99% x edge.get_link 99.9999998% x (90% + 10% x links-db.get 99.95%) = 99.985%",
    /// and, when zones or regions are shared, the exact figure over their states.
    /// </summary>
    public string Arithmetic
    {
        get
        {
            if (Factors.IsEmpty && Expression.Length == 0)
            {
                return $"no synchronous path = {Quantities.Availability(Value)}";
            }

            var text = $"{Expression} = {Quantities.Availability(Independent)}";
            if (SharedDomains.IsEmpty && States <= 1)
            {
                return text + Bounds();
            }

            var what = SharedDomains.IsEmpty ? "components reached more than once" : string.Join(", ", SharedDomains);
            return $"{text} with independent failures; {what} shared along the path, so composed over {States} joint states = {Quantities.Availability(Value)}{Bounds()}";
        }
    }

    /// <summary>The factor that costs the most availability, or null when the path is empty (MinBy's answer for no element).</summary>
    public PathFactor? Weakest => Factors.MinBy(f => f.Factor);

    private string Bounds() => Uncertainty > 1e-12
        ? $" (too many states to enumerate: at most {Quantities.Availability(Value + Uncertainty)})"
        : string.Empty;
}
