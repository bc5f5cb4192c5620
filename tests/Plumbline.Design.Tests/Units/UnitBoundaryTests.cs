using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

/// <summary>
/// Boundaries and accessors each unit states in its documentation, with values worked by hand: the
/// comparison operators at equality, each derived figure (per hour, per year, kilobytes...), the guards
/// against negative and non-finite input, and the out-of-range enum values.
/// </summary>
public class UnitBoundaryTests
{
    [Fact]
    public void Percent_accessors_and_comparisons()
    {
        // 99.95% is the fraction 0.9995 and the percentage 99.95; exactly 100% is 1.
        Assert.Equal(99.95, Percent.Parse("99.95%").Value.Percentage, 12);
        Assert.Equal(1.0, Percent.Parse("100%").Value.Fraction);
        Assert.Equal(100.0, Percent.FromFraction(1).Percentage);
        Assert.Equal(0.0, Percent.Zero.Fraction);
        Assert.Equal("0%", Percent.Zero.ToString());
        Assert.Equal("100%", Percent.FromFraction(1).ToString());
        Assert.Equal(-0.5, Percent.FromPercentage(-50).Fraction);

        var lower = Percent.FromFraction(0.5);
        var same = Percent.Parse("50%").Value;
        var higher = Percent.FromFraction(0.75);
        Assert.True(lower <= same);
        Assert.True(lower >= same);
        Assert.False(lower < same);
        Assert.False(lower > same);
        Assert.True(higher > lower);
        Assert.False(higher < lower);
        Assert.False(higher <= lower);
        Assert.False(lower >= higher);
        Assert.Equal(0, lower.CompareTo(same));
        Assert.Equal(-1, lower.CompareTo(higher));
        Assert.Equal(1, higher.CompareTo(lower));

        Assert.Throws<ArgumentOutOfRangeException>(() => Percent.FromFraction(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percent.FromPercentage(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percent.FromPercentage(double.NegativeInfinity));
    }

    [Fact]
    public void Rate_in_each_period()
    {
        // 2/s: 120/min, 7,200/h, 172,800/day, 5,259,600/month (2 × 2,629,800), 63,115,200/year (2 × 31,557,600).
        var rate = Rate.Parse("2/s").Value;
        Assert.Equal(2, rate.Amount);
        Assert.Equal(RatePeriod.Second, rate.Period);
        Assert.Equal(120, rate.PerMinute);
        Assert.Equal(7_200, rate.PerHour);
        Assert.Equal(172_800, rate.PerDay);
        Assert.Equal(5_259_600, rate.PerMonth);
        Assert.Equal(63_115_200, rate.PerYear);
        Assert.Equal(2, rate.Per(RatePeriod.Second));

        // 3,600/h is 1/s; written per hour, Per(Hour) is the written amount itself.
        var hourly = Rate.Parse("3600/h").Value;
        Assert.Equal(1, hourly.PerSecond);
        Assert.Equal(3_600, hourly.Per(RatePeriod.Hour));
        Assert.Equal(60, hourly.PerMinute);

        // 1/year under the 2.5-million-second month: a year of rates is 30,000,000 s.
        Assert.Equal(30_000_000.0, 1 / Rate.Parse("1/year").Value.PerSecondIn(MonthConvention.TwoAndAHalfMillionSeconds), 6);
        Assert.Equal(31_557_600.0, 1 / Rate.Parse("1/year").Value.PerSecondIn(MonthConvention.Average), 6);
    }

    [Fact]
    public void Rate_arithmetic_and_comparisons()
    {
        // 1/s + 60/min written in the left period: 2/s; 60/min + 1/s: 120/min.
        Assert.Equal("2/s", (Rate.Parse("1/s").Value + Rate.Parse("60/min").Value).ToString());
        Assert.Equal("120/min", (Rate.Parse("60/min").Value + Rate.Parse("1/s").Value).ToString());

        // 300/min × 2 = 600/min; 2 × 300/min the same; 300/min ÷ 3 = 100/min.
        Assert.Equal("600/min", (Rate.Parse("300/min").Value * 2).ToString());
        Assert.Equal("600/min", (2 * Rate.Parse("300/min").Value).ToString());
        Assert.Equal("100/min", (Rate.Parse("300/min").Value / 3).ToString());
        Assert.Equal(0, (Rate.Parse("300/min").Value * 0).PerSecond);

        // Little's law either way round: 40/s × 500 ms = 20 in flight.
        Assert.Equal(20, Duration.Parse("500ms").Value * Rate.Parse("40/s").Value);

        var one = Rate.Parse("1/s").Value;
        var sixty = Rate.Parse("60/min").Value;
        var two = Rate.Parse("2/s").Value;
        Assert.True(one <= sixty);
        Assert.True(one >= sixty);
        Assert.False(one < sixty);
        Assert.False(one > sixty);
        Assert.True(one < two);
        Assert.False(two < one);
        Assert.False(two <= one);
        Assert.False(one >= two);
        Assert.Equal(0, one.CompareTo(sixty));
        Assert.Equal(-1, one.CompareTo(two));
        Assert.Equal(1, two.CompareTo(one));
        Assert.NotEqual(one, two);
        Assert.Equal(0, Rate.Zero.PerSecond);

        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Of(double.NaN, RatePeriod.Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Of(double.PositiveInfinity, RatePeriod.Day));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Of(1, (RatePeriod)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Parse("1/s").Value * -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Parse("1/s").Value / -2);
        Assert.Equal(0, Rate.Of(0, RatePeriod.Hour).PerSecond);
    }

    [Fact]
    public void Count_arithmetic_guards_and_comparisons()
    {
        // 1.5K × 2 = 3K either way round; 1.5K + 250 = 1,750.
        Assert.Equal(3_000, (2 * Count.Parse("1.5K").Value).Value);
        Assert.Equal("1750", (Count.Parse("1.5K").Value + Count.Of(250)).ToString());
        Assert.Equal("0", Count.Zero.ToString());
        Assert.Equal(0, Count.Of(0).Value);
        Assert.Equal(1e12, Count.Parse("1T").Value.Value);
        Assert.Equal(2.5, Count.Parse("2.5").Value.Value);

        var k = Count.Parse("1K").Value;
        var thousand = Count.Of(1_000);
        var m = Count.Parse("1M").Value;
        Assert.True(k <= thousand);
        Assert.True(k >= thousand);
        Assert.False(k < thousand);
        Assert.False(k > thousand);
        Assert.True(k < m);
        Assert.False(m < k);
        Assert.False(m <= k);
        Assert.False(k >= m);
        Assert.True(m >= k);
        Assert.Equal(0, k.CompareTo(thousand));
        Assert.Equal(-1, k.CompareTo(m));
        Assert.Equal(1, m.CompareTo(k));

        Assert.Throws<ArgumentOutOfRangeException>(() => Count.Of(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Count.Of(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Count.Of(1) * -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => -1 * Count.Of(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Count.Of(1) * double.NaN);
    }

    [Fact]
    public void Byte_size_factories_accessors_and_comparisons()
    {
        // Decimal units are powers of 1,000, binary ones of 1,024.
        Assert.Equal(1_000, ByteSize.FromKilobytes(1).Bytes);
        Assert.Equal(1_000_000, ByteSize.FromMegabytes(1).Bytes);
        Assert.Equal(1_000_000_000, ByteSize.FromGigabytes(1).Bytes);
        Assert.Equal(1_000_000_000_000, ByteSize.FromTerabytes(1).Bytes);
        Assert.Equal(1_024, ByteSize.FromKibibytes(1).Bytes);
        Assert.Equal(1_048_576, ByteSize.FromMebibytes(1).Bytes);
        Assert.Equal(1_073_741_824, ByteSize.FromGibibytes(1).Bytes);
        Assert.Equal(1_099_511_627_776, ByteSize.FromTebibytes(1).Bytes);
        Assert.Equal(512, ByteSize.FromBytes(512).Bytes);

        // 2.5 TB read back in each decimal unit.
        var size = ByteSize.FromTerabytes(2.5);
        Assert.Equal(2.5e12 / 1e3, size.Kilobytes);
        Assert.Equal(2.5e12 / 1e6, size.Megabytes);
        Assert.Equal(2_500, size.Gigabytes);
        Assert.Equal(2.5, size.Terabytes);

        // 1 GB ÷ 250 MB = 4; 250 MB × 4 = 1 GB; 1 GB + 1 GB = 2 GB.
        Assert.Equal(4, ByteSize.FromGigabytes(1) / ByteSize.FromMegabytes(250));
        Assert.Equal(1e9, (ByteSize.FromMegabytes(250) * 4).Bytes);
        Assert.Equal(1e9, (4 * ByteSize.FromMegabytes(250)).Bytes);
        Assert.Equal(2e9, (ByteSize.FromGigabytes(1) + ByteSize.FromGigabytes(1)).Bytes);

        var kb = ByteSize.FromKilobytes(1);
        var thousand = ByteSize.FromBytes(1_000);
        var kib = ByteSize.FromKibibytes(1);
        Assert.True(kb <= thousand);
        Assert.True(kb >= thousand);
        Assert.False(kb < thousand);
        Assert.False(kb > thousand);
        Assert.True(kb < kib);
        Assert.False(kib < kb);
        Assert.False(kib <= kb);
        Assert.False(kb >= kib);
        Assert.True(kib > kb);
        Assert.Equal(0, kb.CompareTo(thousand));
        Assert.Equal(-1, kb.CompareTo(kib));
        Assert.Equal(1, kib.CompareTo(kb));

        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.FromBytes(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.FromGigabytes(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.FromMegabytes(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.FromKilobytes(1) * -1);
        Assert.Equal(0, ByteSize.FromBytes(0).Bytes);
    }

    [Fact]
    public void Throughput_per_second()
    {
        // 3.6 GB/h is 1 MB/s; 86.4 GB/day is 1 MB/s.
        Assert.Equal(1e6, Throughput.Of(ByteSize.FromGigabytes(3.6), RatePeriod.Hour).BytesPerSecond, 6);
        Assert.Equal(1e6, Throughput.Of(ByteSize.FromGigabytes(86.4), RatePeriod.Day).BytesPerSecond, 6);
        Assert.Equal(RatePeriod.Hour, Throughput.Of(ByteSize.FromGigabytes(1), RatePeriod.Hour).Period);
        Assert.Throws<ArgumentOutOfRangeException>(() => Throughput.Of(ByteSize.Zero, RatePeriod.Second));
    }

    [Fact]
    public void Calendar_conventions_words_and_undefined_values()
    {
        Assert.Equal(604_800, Calendar.SecondsPerWeek);
        Assert.Equal(60, Calendar.SecondsPerMinute);
        Assert.Equal(3_600, Calendar.SecondsPerHour);
        Assert.Equal([MonthConvention.Average, MonthConvention.ThirtyDays, MonthConvention.TwoAndAHalfMillionSeconds], Calendar.MonthConventions);

        // Under 30-day months a year of rates is 360 days: 31,104,000 s; a minute and an hour are unchanged.
        Assert.Equal(31_104_000, Calendar.SecondsIn(RatePeriod.Year, MonthConvention.ThirtyDays));
        Assert.Equal(60, Calendar.SecondsIn(RatePeriod.Minute, MonthConvention.ThirtyDays));
        Assert.Equal(3_600, Calendar.SecondsIn(RatePeriod.Hour, MonthConvention.TwoAndAHalfMillionSeconds));
        Assert.Equal(1, Calendar.SecondsIn(RatePeriod.Second, MonthConvention.Average));

        Assert.True(Calendar.TryParseMonth(" 30d ", out var thirty));
        Assert.Equal(MonthConvention.ThirtyDays, thirty);
        Assert.False(Calendar.TryParseMonth("30 days", out _));
        Assert.False(Calendar.TryParseMonth(null, out _));
        Assert.False(Calendar.TryParseMonth("Average", out _));

        Assert.Contains("2,629,800 s", Calendar.Describe(MonthConvention.Average), StringComparison.Ordinal);
        Assert.Contains("2,592,000 s", Calendar.Describe(MonthConvention.ThirtyDays), StringComparison.Ordinal);
        Assert.Contains("30,000,000 s", Calendar.Describe(MonthConvention.TwoAndAHalfMillionSeconds), StringComparison.Ordinal);
        Assert.Equal("average", Calendar.Text(MonthConvention.Average));

        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SecondsIn((RatePeriod)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SecondsPerMonthIn((MonthConvention)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SecondsIn(RatePeriod.Month, (MonthConvention)99));
    }
}
