using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>The hot key's arithmetic (shares, harmonic numbers, the hottest partition, what an operation touches), worked by hand.</summary>
public sealed class HotKeyTests
{
    [Theory]
    [InlineData(1, 1, 1.0)]                               // H(1) = 1
    [InlineData(0.4, 1, 1.0)]                             // fewer than one key counts as one
    [InlineData(3, 1, 1.8333333333333333)]                // 1 + 1/2 + 1/3
    [InlineData(3.9, 1, 1.8333333333333333)]              // whole keys only
    [InlineData(4, 2, 1.4236111111111112)]                // 1 + 1/4 + 1/9 + 1/16
    [InlineData(2, 0, 2.0)]                               // s = 0: every key alike, 1 + 1
    [InlineData(1000, 1, 7.485470860550345)]              // H(1000)
    [InlineData(100_000, 1, 12.090146129863428)]          // H(100,000), the last term summed exactly
    public void The_harmonic_number_is_summed_exactly_up_to_a_hundred_thousand_terms(double n, double s, double expected) =>
        Assert.Equal(expected, HotKey.Harmonic(n, s), 10);

    [Fact]
    public void Past_a_hundred_thousand_terms_the_tail_is_the_midpoint_integral()
    {
        // s = 1: H(100,000) + ln(200,000.5 / 100,000.5) = 12.090146129863428 + 0.693144680...
        Assert.Equal(12.090146129863428 + Math.Log(200_000.5 / 100_000.5), HotKey.Harmonic(200_000, 1), 9);

        // A billion keys: ln(1e9) + 0.5772156649 + 1/(2e9), within the integral's error (relative, below 1e-9).
        Assert.Equal(21.300481502347944, HotKey.Harmonic(1e9, 1), 7);

        // s = 2: the integral of x^-2 from a to b is 1/a - 1/b, so H(200,000; 2) = H(100,000; 2) + 1/100,000.5 - 1/200,000.5.
        var exact = HotKey.Harmonic(100_000, 2);
        Assert.Equal(exact + (1 / 100_000.5) - (1 / 200_000.5), HotKey.Harmonic(200_000, 2), 12);
        Assert.True(HotKey.Harmonic(200_000, 2) > exact);
    }

    [Fact]
    public void The_hottest_share_is_stated_or_one_over_the_harmonic_number_or_none()
    {
        Assert.Equal(0.3, HotKey.HottestShare(new Skew("shop_id", 0.3, null, null, "/")), 12);

        // A stated share wins over a Zipf law.
        Assert.Equal(0.25, HotKey.HottestShare(new Skew("shop_id", 0.25, 1, 1000, "/")), 12);

        // Zipf s = 1 over 1,000 keys: 1 / H(1000).
        Assert.Equal(1 / 7.485470860550345, HotKey.HottestShare(new Skew("sku", null, 1, 1000, "/")), 12);

        // Zipf s = 1 over 3 keys: 1 / (1 + 1/2 + 1/3) = 6/11.
        Assert.Equal(6.0 / 11, HotKey.HottestShare(new Skew("sku", null, 1, 3, "/")), 12);
        Assert.Equal(6.0 / 11, HotKey.ZipfTop(1, 3), 12);

        // Zipf with no key count: one key takes everything.
        Assert.Equal(1.0, HotKey.HottestShare(new Skew("sku", null, 1, null, "/")), 12);

        // Nothing stated: no share.
        Assert.Equal(0.0, HotKey.HottestShare(new Skew("sku", null, null, null, "/")));
    }

    [Fact]
    public void The_hottest_partition_carries_its_even_share_and_the_hot_keys_excess()
    {
        // 1,000/s over 4 partitions = 250/s each; the hot key's 400/s x 50% = 200/s, of which 3/4 is above its even share: 250 + 150.
        Assert.Equal(400, HotKey.HottestPartition(1000, 400, 0.5, 4), 12);

        // One partition holds everything: no excess.
        Assert.Equal(1000, HotKey.HottestPartition(1000, 400, 0.5, 1), 12);

        // 600/s over 3 partitions = 200/s; 300/s x 10% = 30/s, 2/3 of it extra: 220/s.
        Assert.Equal(220, HotKey.HottestPartition(600, 300, 0.1, 3), 12);
    }

    [Fact]
    public void An_operation_touches_what_it_reads_or_writes_else_what_its_name_names_of_its_own()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: shop }
            workflows:
              browse: { entry: db.get_order, rate: 1/s }
            data:
              - { entity: Order, owner: db }
              - { entity: Cart, owner: db }
              - { entity: Invoice, owner: other }
            components:
              db:
                kind: database
                operations:
                  get_order: {}
                  read_any: {}
                  explicit: { reads: [Cart] }
                  writes_invoice: { writes: [Invoice] }
              other: { kind: database, operations: { get: {} } }
            """);
        var db = design.Components.Single(c => c.Name == "db");
        var other = design.Components.Single(c => c.Name == "other");
        Entity Entity(string name) => design.Data.Single(e => e.Name == name);
        Operation Op(string name) => db.Operations.Single(o => o.Name == name);
        string[] owned = ["Order", "Cart"];

        // Named by its operation's name: get_order touches Order, not Cart.
        Assert.True(HotKey.Touches(Op("get_order"), Entity("Order"), db, owned));
        Assert.False(HotKey.Touches(Op("get_order"), Entity("Cart"), db, owned));

        // A name that names none of its own touches them all.
        Assert.True(HotKey.Touches(Op("read_any"), Entity("Order"), db, owned));
        Assert.True(HotKey.Touches(Op("read_any"), Entity("Cart"), db, owned));

        // Stated reads and writes decide alone, whatever the name.
        Assert.True(HotKey.Touches(Op("explicit"), Entity("Cart"), db, owned));
        Assert.False(HotKey.Touches(Op("explicit"), Entity("Order"), db, owned));
        Assert.True(HotKey.Touches(Op("writes_invoice"), Entity("Invoice"), db, owned));
        Assert.False(HotKey.Touches(Op("writes_invoice"), Entity("Order"), db, owned));

        // An entity another component owns is not touched by name.
        Assert.False(HotKey.Touches(Op("get_order"), Entity("Invoice"), db, owned));
        Assert.False(HotKey.Touches(other.Operations.Single(), Entity("Order"), other, []));
    }
}
