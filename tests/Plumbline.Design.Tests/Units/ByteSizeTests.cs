using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class ByteSizeTests
{
    [Theory]
    [InlineData("512B", 512.0, false)]
    [InlineData("1.27KB", 1_270.0, false)]
    [InlineData("1kB", 1_000.0, false)]
    [InlineData("1KiB", 1_024.0, true)]
    [InlineData("1.5KiB", 1_536.0, true)]
    [InlineData("64 MiB", 67_108_864.0, true)]
    [InlineData("10GB", 10_000_000_000.0, false)]
    [InlineData("2TiB", 2_199_023_255_552.0, true)]
    [InlineData("1PB", 1e15, false)]
    [InlineData("1PiB", 1_125_899_906_842_624.0, true)]
    [InlineData("0.001KB", 1.0, false)]
    [InlineData("0", 0.0, false)]
    [InlineData("0B", 0.0, false)]
    public void Parses_to_bytes(string text, double bytes, bool isBinary)
    {
        var size = UnitAssert.Parses(ByteSize.Parse, text);
        Assert.Equal(bytes, size.Bytes);
        Assert.Equal(isBinary, size.IsBinary);
    }

    [Theory]
    [InlineData("5 bytes", nameof(UnitErrors.NotAByteSize))]
    [InlineData("", nameof(UnitErrors.NotAByteSize))]
    [InlineData("KB", nameof(UnitErrors.NotAByteSize))]
    [InlineData("1Kb5", nameof(UnitErrors.NotAByteSize))]
    [InlineData("512", nameof(UnitErrors.ByteSizeWithoutUnit))]
    [InlineData("0.5B", nameof(UnitErrors.FractionalBytes))]
    [InlineData("1.0001KB", nameof(UnitErrors.FractionalBytes))]
    [InlineData("-1KB", nameof(UnitErrors.NegativeByteSize))]
    [InlineData("99999999999999999999999999999PB", nameof(UnitErrors.ByteSizeTooLarge))]
    [InlineData("10gb", nameof(UnitErrors.ByteSizeUnitCase), "10GB")]
    [InlineData("1 kib", nameof(UnitErrors.ByteSizeUnitCase), "1KiB")]
    [InlineData("1mb", nameof(UnitErrors.ByteSizeUnitCase), "1MB")]
    public void Fails_with(string text, string error, string? suggestion = null) =>
        UnitAssert.Fails(ByteSize.Parse, text, error, suggestion is null ? [] : [suggestion]);

    [Theory]
    [InlineData("1270B", "1.27KB")]
    [InlineData("1.5KiB", "1.5KiB")]
    [InlineData("1536B", "1.536KB")]
    [InlineData("1.0009765625KiB", "1025B")]
    [InlineData("1000B", "1KB")]
    [InlineData("1024KiB", "1MiB")]
    [InlineData("1234567B", "1234.567KB")]
    [InlineData("1.5 GB", "1.5GB")]
    [InlineData("1kB", "1KB")]
    [InlineData("0", "0B")]
    [InlineData("512B", "512B")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(ByteSize.Parse, text, printed);

    [Fact]
    public void Equality_is_on_bytes_not_on_the_family()
    {
        var binary = ByteSize.Parse("1KiB").Value;
        var plain = ByteSize.Parse("1024B").Value;
        Assert.Equal(binary, plain);
        Assert.Equal(binary.GetHashCode(), plain.GetHashCode());
        Assert.NotEqual(binary.ToString(), plain.ToString());
    }

    [Fact]
    public void Factories_and_arithmetic()
    {
        Assert.Equal(ByteSize.Parse("1.5KiB").Value, ByteSize.FromKibibytes(1.5));
        Assert.True(ByteSize.FromKibibytes(1.5).IsBinary);
        Assert.Equal(ByteSize.Parse("1.27KB").Value, ByteSize.FromKilobytes(1.27));
        Assert.Equal(ByteSize.Parse("64MiB").Value, ByteSize.FromMebibytes(64));
        Assert.Equal(ByteSize.Parse("10GB").Value, ByteSize.FromGigabytes(10));
        Assert.Equal(10, ByteSize.FromGigabytes(10).Gigabytes);
        Assert.Equal("2MiB", (ByteSize.FromMebibytes(1) + ByteSize.FromKibibytes(512) * 2).ToString());
        Assert.Equal("2048.576KB", (ByteSize.FromMegabytes(1) + ByteSize.FromMebibytes(1)).ToString());
        Assert.Equal(4, ByteSize.FromGibibytes(4) / ByteSize.FromGibibytes(1));
        Assert.True(ByteSize.FromKibibytes(1) > ByteSize.FromKilobytes(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.FromBytes(-1));
    }

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(Gen.Long[0, 1L << 53], Gen.OneOf(ByteSize.DecimalUnits.Concat(ByteSize.BinaryUnits).ToArray()), (bytes, unit) => (bytes, unit))
                // Whole bytes in a unit always terminate (1/1000ⁿ, 1/1024ⁿ), but may need more than decimal's 28 places.
                .Where(x => x.bytes / x.unit.Factor * x.unit.Factor == x.bytes)
                .Select(x => (x.bytes / x.unit.Factor).ToString(System.Globalization.CultureInfo.InvariantCulture) + x.unit.Symbol),
            ByteSize.Parse);
}
