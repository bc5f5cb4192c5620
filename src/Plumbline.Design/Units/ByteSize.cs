namespace Plumbline.Design.Units;

/// <summary>
/// An amount of data, stored as bytes in a <see cref="double"/>. Written as a number and a unit:
/// decimal B, KB (or kB), MB, GB, TB, PB (powers of 1000) or binary KiB, MiB, GiB, TiB, PiB
/// (powers of 1024): <c>512B</c>, <c>1.5KB</c>, <c>64 MiB</c>; a bare <c>0</c> is zero. Text must
/// come to whole bytes ("0.5B" is rejected).
/// <see cref="IsBinary"/> remembers which family the text used, so it prints back in that family;
/// it does not take part in equality: 1KiB equals 1024B.
/// Range: zero or more, finite. Default: zero bytes, decimal family.
/// </summary>
public readonly record struct ByteSize : IComparable<ByteSize>
{
    internal static readonly UnitSymbol[] DecimalUnits =
    [
        new("B", 1m),
        new("KB", 1_000m),
        new("MB", 1_000_000m),
        new("GB", 1_000_000_000m),
        new("TB", 1_000_000_000_000m),
        new("PB", 1_000_000_000_000_000m),
    ];

    internal static readonly UnitSymbol[] BinaryUnits =
    [
        new("B", 1m),
        new("KiB", 1_024m),
        new("MiB", 1_048_576m),
        new("GiB", 1_073_741_824m),
        new("TiB", 1_099_511_627_776m),
        new("PiB", 1_125_899_906_842_624m),
    ];

    private ByteSize(double bytes, bool isBinary)
    {
        Bytes = bytes;
        IsBinary = isBinary;
    }

    public static ByteSize Zero => default;

    /// <summary>The size in bytes; zero or more. Whole when parsed; arithmetic may leave a fraction.</summary>
    public double Bytes { get; }

    /// <summary>True when written in KiB, MiB, …; only decides how <see cref="ToString"/> prints.</summary>
    public bool IsBinary { get; }

    public double Kilobytes => Bytes / 1e3;

    public double Megabytes => Bytes / 1e6;

    public double Gigabytes => Bytes / 1e9;

    public double Terabytes => Bytes / 1e12;

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromBytes(double bytes) => Of(bytes, 1m, isBinary: false, nameof(bytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromKilobytes(double kilobytes) => Of(kilobytes, 1_000m, isBinary: false, nameof(kilobytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromMegabytes(double megabytes) => Of(megabytes, 1_000_000m, isBinary: false, nameof(megabytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromGigabytes(double gigabytes) => Of(gigabytes, 1_000_000_000m, isBinary: false, nameof(gigabytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromTerabytes(double terabytes) => Of(terabytes, 1_000_000_000_000m, isBinary: false, nameof(terabytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromKibibytes(double kibibytes) => Of(kibibytes, 1_024m, isBinary: true, nameof(kibibytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromMebibytes(double mebibytes) => Of(mebibytes, 1_048_576m, isBinary: true, nameof(mebibytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromGibibytes(double gibibytes) => Of(gibibytes, 1_073_741_824m, isBinary: true, nameof(gibibytes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static ByteSize FromTebibytes(double tebibytes) => Of(tebibytes, 1_099_511_627_776m, isBinary: true, nameof(tebibytes));

    private static ByteSize Of(double value, decimal factor, bool isBinary, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, UnitErrors.NotANonNegativeNumber("byte size"));
        }

        return new ByteSize(UnitNumber.Convert(value, factor) + 0.0, isBinary);
    }

    /// <summary>Reads a byte size: <c>512B</c>, <c>1.5KB</c>, <c>64 MiB</c>, or a bare <c>0</c>. Never throws.</summary>
    public static UnitParseResult<ByteSize> Parse(string? text)
    {
        var s = (text ?? string.Empty).AsSpan().Trim();
        if (s is "0")
        {
            return UnitParseResult.Ok(Zero);
        }

        switch (UnitNumber.Scan(s, allowCommas: false, out var number, out var length))
        {
            case NumberScan.Negative:
                return UnitParseResult.Fail<ByteSize>(UnitErrors.NegativeByteSize(text));
            case NumberScan.TooLarge:
                return UnitParseResult.Fail<ByteSize>(UnitErrors.ByteSizeTooLarge(text));
            case NumberScan.NoNumber:
                return UnitParseResult.Fail<ByteSize>(UnitErrors.NotAByteSize(text));
        }

        var unit = s[length..].TrimStart();
        if (unit.IsEmpty)
        {
            return UnitParseResult.Fail<ByteSize>(UnitErrors.ByteSizeWithoutUnit(text));
        }

        // "kB" is the SI spelling of kilobyte; accept it beside the common "KB".
        if (unit is "kB")
        {
            unit = "KB";
        }

        bool isBinary;
        decimal factor;
        if (UnitNumber.TryFind(DecimalUnits, unit, out factor))
        {
            isBinary = false;
        }
        else if (UnitNumber.TryFind(BinaryUnits, unit, out factor))
        {
            isBinary = true;
        }
        else
        {
            var known = UnitNumber.FindIgnoringCase(DecimalUnits, unit) ?? UnitNumber.FindIgnoringCase(BinaryUnits, unit);
            return UnitParseResult.Fail<ByteSize>(known is null
                ? UnitErrors.NotAByteSize(text)
                : UnitErrors.ByteSizeUnitCase(text, string.Concat(s[..length], known)));
        }

        if (!UnitNumber.TryScale(number, factor, out var bytes))
        {
            return UnitParseResult.Fail<ByteSize>(UnitErrors.ByteSizeTooLarge(text));
        }

        return bytes != decimal.Truncate(bytes)
            ? UnitParseResult.Fail<ByteSize>(UnitErrors.FractionalBytes(text))
            : UnitParseResult.Ok(new ByteSize(UnitNumber.ToDouble(bytes), isBinary));
    }

    /// <summary>
    /// The largest unit of its family in which the number is at least 1 with at most three decimals:
    /// "1.27KB", "1.5KiB", "1025B"; zero is "0B". Parses back equal for whole bytes (all that Parse
    /// produces); a fraction left by arithmetic prints in B with decimals, which Parse rejects.
    /// </summary>
    public override string ToString()
    {
        if (Bytes == 0)
        {
            return "0B";
        }

        // Whole: near 2^50 B, "608136559069.46KiB" rounds to the right double yet is not whole bytes, so Parse would refuse it.
        return UnitNumber.FormatLargest(Bytes, IsBinary ? BinaryUnits : DecimalUnits, whole: true) ?? UnitNumber.Fallback(Bytes, "B");
    }

    /// <summary>Equal when the byte counts are; the unit family does not matter.</summary>
    public bool Equals(ByteSize other) => Bytes.Equals(other.Bytes);

    public override int GetHashCode() => Bytes.GetHashCode();

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>The sum, printed in the left operand's family.</summary>
    public static ByteSize operator +(ByteSize left, ByteSize right) => new(left.Bytes + right.Bytes, left.IsBinary);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static ByteSize operator *(ByteSize size, double factor) => Of(size.Bytes * factor, 1m, size.IsBinary, nameof(factor));

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static ByteSize operator *(double factor, ByteSize size) => size * factor;

    /// <summary>How many times <paramref name="divisor"/> fits in <paramref name="size"/>.</summary>
    public static double operator /(ByteSize size, ByteSize divisor) => size.Bytes / divisor.Bytes;

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;
}
