namespace Plumbline.Design.Units;

/// <summary>
/// Bytes moved per unit of time: how fast a backup restores (<c>500GB/h</c>, <c>100MB/s</c>). Written
/// as a byte size, a slash and a rate period (s, min, h, day); stored as bytes per second.
/// Range: more than zero, finite. <see cref="ToString"/> writes the size and period it was read with,
/// so it parses back equal. A Throughput is not a <see cref="Rate"/> (that counts events).
/// </summary>
public readonly record struct Throughput
{
    private Throughput(ByteSize size, RatePeriod period)
    {
        Size = size;
        Period = period;
    }

    /// <summary>The bytes moved per <see cref="Period"/>.</summary>
    public ByteSize Size { get; }

    public RatePeriod Period { get; }

    /// <summary>Bytes per second.</summary>
    public double BytesPerSecond => Size.Bytes / Calendar.SecondsIn(Period);

    /// <summary>A throughput of <paramref name="size"/> per <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero size.</exception>
    public static Throughput Of(ByteSize size, RatePeriod period) =>
        size.Bytes > 0 ? new Throughput(size, period) : throw new ArgumentOutOfRangeException(nameof(size), "a throughput moves more than zero bytes");

    /// <summary>Reads <c>500GB/h</c> or <c>100 MB / s</c>. Never throws.</summary>
    public static UnitParseResult<Throughput> Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        var slash = s.LastIndexOf('/');
        if (slash <= 0)
        {
            return UnitParseResult.Fail<Throughput>(UnitErrors.NotAThroughput(text));
        }

        var size = ByteSize.Parse(s[..slash].Trim());
        if (!size.Success)
        {
            return UnitParseResult.Fail<Throughput>(UnitErrors.NotAThroughput(text));
        }

        if (!RatePeriodText.TryParse(s[(slash + 1)..].Trim(), out var period) || period is RatePeriod.Month or RatePeriod.Year)
        {
            return UnitParseResult.Fail<Throughput>(UnitErrors.NotAThroughput(text));
        }

        return size.Value.Bytes <= 0
            ? UnitParseResult.Fail<Throughput>(UnitErrors.ZeroThroughput(text))
            : UnitParseResult.Ok(new Throughput(size.Value, period));
    }

    /// <summary>"500GB/h".</summary>
    public override string ToString() => Size + "/" + RatePeriodText.Symbol(Period);
}
