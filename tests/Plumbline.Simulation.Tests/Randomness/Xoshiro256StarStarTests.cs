using Plumbline.Simulation.Randomness;
using Xunit;

namespace Plumbline.Simulation.Tests.Randomness;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void Matches_the_reference_implementation_from_state_1_2_3_4()
    {
        // xoshiro256starstar.c (Blackman and Vigna) with s = {1, 2, 3, 4}.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void Doubles_are_the_top_53_bits_of_the_reference_outputs()
    {
        // The outputs 11520, 0, 1509978240, 1215971899390074240 shifted right by 11: 5, 0, 737294, 593736278999059, times 2^-53;
        // the draw that is never zero adds one step.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.Equal(Math.ScaleB(5, -53), rng.NextDouble());
        Assert.Equal(Math.ScaleB(1, -53), rng.NextDoubleNonZero());
        Assert.Equal(Math.ScaleB(737_294, -53), rng.NextDouble());
        Assert.Equal(Math.ScaleB(593_736_278_999_060, -53), rng.NextDoubleNonZero());
    }

    [Fact]
    public void A_bounded_integer_is_the_high_word_of_the_product_and_a_biased_draw_is_drawn_again()
    {
        // Lemire: the high 64 bits of output x 1000. 11520 x 1000 gives 0. The output 0 gives a low word of 0, below
        // 2^64 mod 1000 = 616, so it is drawn again: 1509978240 x 1000 gives 0. Then 1215971899390074240 x 1000 / 2^64 = 65.9.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.Equal([0, 0, 65], [rng.NextInt(1000), rng.NextInt(1000), rng.NextInt(1000)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }

    [Fact]
    public void Jump_matches_the_reference_jump_polynomial()
    {
        // The reference jump() applied to s = {1, 2, 3, 4}, then next() four times: the last word of the jumped state reaches
        // the output from the third draw on.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        rng.Jump();
        Assert.Equal(13534147089533256664UL, rng.NextUInt64());
        Assert.Equal(7126240192422241655UL, rng.NextUInt64());
        Assert.Equal(3805973808039778091UL, rng.NextUInt64());
        Assert.Equal(11547880530658420384UL, rng.NextUInt64());
    }

    [Fact]
    public void A_seed_fills_the_state_with_splitmix64_outputs()
    {
        // SplitMix64 from 0 gives e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, f88bb8a8724c81ec.
        var seeded = new Xoshiro256StarStar(0);
        var raw = new Xoshiro256StarStar(0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f, 0xf88bb8a8724c81ec);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(raw.NextUInt64(), seeded.NextUInt64());
        }
    }

    [Fact]
    public void Streams_of_one_seed_differ_and_stream_zero_is_the_seed_itself()
    {
        var zero = Xoshiro256StarStar.ForStream(42, 0);
        var one = Xoshiro256StarStar.ForStream(42, 1);
        var two = Xoshiro256StarStar.ForStream(42, 2);
        var plain = new Xoshiro256StarStar(42);
        var first = zero.NextUInt64();
        Assert.Equal(plain.NextUInt64(), first);
        Assert.NotEqual(first, one.NextUInt64());

        // Stream 2 is the seed jumped twice.
        var jumped = new Xoshiro256StarStar(42);
        jumped.Jump();
        jumped.Jump();
        Assert.Equal(jumped.NextUInt64(), two.NextUInt64());
        Assert.Equal("stream", Assert.Throws<ArgumentOutOfRangeException>(() => Xoshiro256StarStar.ForStream(42, -1)).ParamName);
    }

    [Fact]
    public void The_all_zero_state_is_refused_and_one_set_bit_in_any_word_is_enough()
    {
        Assert.Throws<ArgumentException>(() => new Xoshiro256StarStar(0, 0, 0, 0));
        Assert.Equal(0UL, new Xoshiro256StarStar(1, 0, 0, 0).NextUInt64()); // rotl(0 * 5, 7) * 9
        Assert.Equal(5760UL, new Xoshiro256StarStar(0, 1, 0, 0).NextUInt64()); // rotl(1 * 5, 7) * 9
        Assert.Equal(0UL, new Xoshiro256StarStar(0, 0, 1, 0).NextUInt64());
        Assert.Equal(0UL, new Xoshiro256StarStar(0, 0, 0, 1).NextUInt64());
    }

    [Fact]
    public void Doubles_stay_in_their_intervals()
    {
        var rng = new Xoshiro256StarStar(7);
        for (var i = 0; i < 100_000; i++)
        {
            var d = rng.NextDouble();
            Assert.InRange(d, 0.0, Math.BitDecrement(1.0));
            var nz = rng.NextDoubleNonZero();
            Assert.InRange(nz, Math.BitIncrement(0.0), 1.0);
        }
    }

    [Fact]
    public void Bounded_integers_are_uniform_within_a_chi_square_bound()
    {
        // 6 cells, 60,000 draws: chi-square with 5 degrees of freedom exceeds 20.52 with probability 0.001.
        var rng = new Xoshiro256StarStar(2026);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[rng.NextInt(6)]++;
        }

        var chi = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        Assert.True(chi < 20.52, $"chi-square {chi}");
    }
}
