using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class ThroughputTests
{
    [Theory]
    [InlineData("100MB/s", 100e6)]
    [InlineData("360GB/h", 100e6)]
    [InlineData("6GB/min", 100e6)]
    [InlineData("8.64TB/day", 100e6)]
    [InlineData("1 KiB / second", 1_024.0)]
    public void Parses_to_bytes_per_second(string text, double bytesPerSecond) =>
        Assert.Equal(bytesPerSecond, UnitAssert.Parses(Throughput.Parse, text).BytesPerSecond, 6);

    [Theory]
    [InlineData("fast", nameof(UnitErrors.NotAThroughput))]
    [InlineData("500GB", nameof(UnitErrors.NotAThroughput))]
    [InlineData("500/h", nameof(UnitErrors.NotAThroughput))]
    [InlineData("500GB/month", nameof(UnitErrors.NotAThroughput))]
    [InlineData("500GB/week", nameof(UnitErrors.NotAThroughput))]
    [InlineData("0/s", nameof(UnitErrors.ZeroThroughput))]
    [InlineData("0B/h", nameof(UnitErrors.ZeroThroughput))]
    public void Fails_with(string text, string error) => UnitAssert.Fails(Throughput.Parse, text, error);

    [Theory]
    [InlineData("500GB/h", "500GB/h")]
    [InlineData("100 MB / second", "100MB/s")]
    [InlineData("1500MB/min", "1.5GB/min")]
    public void Prints_as(string text, string printed) => UnitAssert.RoundTrips(Throughput.Parse, text, printed);

    [Fact]
    public void Whatever_parses_prints_back_equal() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(Gen.Long[1, 999_999_999], Gen.OneOf("B", "KB", "MB", "GB", "TB", "KiB", "GiB"), Gen.OneOf("s", "min", "h", "day"),
                (n, unit, period) => $"{n}{unit}/{period}"),
            Throughput.Parse);
}
