using System.Collections.Immutable;
using Plumbline.Design.Pricing;

namespace Plumbline.Analysis.Cost;

/// <summary>
/// The arithmetic of a bill, as pure functions over exact decimals in the catalog's currency: an
/// always-on instance for a month, a quantity through cumulative tiers with a free allowance, bytes
/// to billed GB, queue messages to requests. Amounts are kept exact; <see cref="Cents"/> rounds
/// one for printing.
/// </summary>
public static class PriceMath
{
    /// <summary>Instances running all month: price per hour × hours per month × instances.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative input.</exception>
    public static decimal InstanceMonth(decimal perHour, decimal instances, decimal hoursPerMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perHour);
        ArgumentOutOfRangeException.ThrowIfNegative(instances);
        ArgumentOutOfRangeException.ThrowIfNegative(hoursPerMonth);
        return perHour * hoursPerMonth * instances;
    }

    /// <summary>Bytes as the catalog bills them: bytes / 2^30 under the GiB convention, / 10^9 under GB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static decimal BilledGigabytes(double bytes, CatalogConventions conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        if (!double.IsFinite(bytes) || bytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "bytes must be zero or more and finite");
        }

        return (decimal)bytes / conventions.BytesPerGigabyte;
    }

    /// <summary>
    /// Prices <paramref name="units"/> (billed GB, or requests) through cumulative tiers. Tier bounds
    /// count from zero; with <paramref name="applyFree"/> the first <see cref="TieredPrice.Free"/>
    /// units cost nothing and still count toward the tier bounds (AWS's "first 100 GB free, then $0.09
    /// up to 10 TB"). Each tier's price is per <see cref="TieredPrice.Per"/> units.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative.</exception>
    public static TieredCharge Tiered(TieredPrice price, decimal units, bool applyFree)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        var free = applyFree ? Math.Min(price.Free, units) : 0m;
        var lines = ImmutableArray.CreateBuilder<TierCharge>(price.Tiers.Length);
        var start = 0m;
        foreach (var tier in price.Tiers)
        {
            var end = tier.UpTo ?? decimal.MaxValue;
            // The part of [start, end) above the free allowance and below the quantity is billed here.
            var from = Math.Max(start, free);
            var to = Math.Min(end, units);
            if (to > from)
            {
                var billed = to - from;
                lines.Add(new TierCharge(from, tier.UpTo, billed, tier.Price, price.Per, billed / price.Per * tier.Price));
            }

            // Every tier is walked: those above the quantity bill nothing (from >= units >= to), and a catalog has a handful.
            start = end;
        }

        return new TieredCharge(units, free, lines.ToImmutable());
    }

    /// <summary>
    /// Requests a queue bills for <paramref name="messages"/> messages of <paramref name="messageBytes"/> each:
    /// messages × requests per message × chunks per message (a payload counts once per started chunk,
    /// at least once).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite input.</exception>
    public static decimal QueueRequests(RequestPrice price, decimal messages, double messageBytes)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentOutOfRangeException.ThrowIfNegative(messages);
        if (!double.IsFinite(messageBytes) || messageBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(messageBytes), messageBytes, "message size must be zero or more and finite");
        }

        return messages * price.PerMessage * Chunks(price, messageBytes);
    }

    /// <summary>How many chunks a payload of <paramref name="bytes"/> counts as: at least one, one more per started chunk.</summary>
    public static decimal Chunks(RequestPrice price, double bytes)
    {
        ArgumentNullException.ThrowIfNull(price);
        return price.Chunk is { Bytes: > 0 } chunk ? Math.Max(1m, Math.Ceiling((decimal)bytes / (decimal)chunk.Bytes)) : 1m;
    }

    /// <summary>An amount rounded to the cent, half away from zero, as a bill prints it.</summary>
    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A quantity priced through tiers: the quantity, the free part of it, and what each tier charged.</summary>
public sealed record TieredCharge(decimal Units, decimal FreeUnits, ImmutableArray<TierCharge> Tiers)
{
    /// <summary>The exact total of the tiers.</summary>
    public decimal Amount => Tiers.Sum(t => t.Amount);
}

/// <summary>The part of a quantity billed in one tier: units from <see cref="From"/> up to the tier's bound, at <see cref="Rate"/> per <see cref="Per"/> units.</summary>
public sealed record TierCharge(decimal From, decimal? UpTo, decimal Units, decimal Rate, decimal Per, decimal Amount);
