using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// A catalog written for the cost figure tests, so their figures do not move when the shipped prices are updated: 730 hours
/// a month, GB = 2^30 bytes, free allowances on. Two 8-vCPU types share a price to show how a tie is broken, and a managed
/// database class is cheaper than every compute type, so a choice that took it would show; two sources were read on the
/// same day, and a burstable type costs nothing (an idle share of a bill of 0).
/// </summary>
internal static class CostTestCatalog
{
    public const string Text = """
        plumbline_prices: 1
        name: test
        currency: USD
        conventions: { hours_per_month: 730, gigabyte: GiB, free_allowances: true }
        sources:
          page: { url: https://example.com/prices, read_on: 2026-12-02 }
          older: { url: https://example.com/old, read_on: 2025-06-30 }
          archive: { url: https://example.com/archive, read_on: 2025-06-30 }
        instances:
          m5.large: { family: general, vcpu: 2, memory: 8GiB, price: 0.096 USD/h, source: page }
          c6i.large: { family: compute, vcpu: 2, memory: 4GiB, price: 0.085 USD/h, source: older }
          t3.medium: { family: burstable, vcpu: 2, memory: 4GiB, price: 0.0416 USD/h, source: page }
          r5.large: { family: memory, vcpu: 2, memory: 16GiB, price: 0.126 USD/h, source: page }
          z8.2xlarge: { family: general, vcpu: 8, memory: 32GiB, price: 0.4 USD/h, source: page }
          a8.2xlarge: { family: general, vcpu: 8, memory: 32GiB, price: 0.4 USD/h, source: page }
          free.micro: { family: burstable, vcpu: 1, memory: 1GiB, price: 0 USD/h, source: page }
        databases:
          db.t4g.medium: { engine: postgresql, vcpu: 2, memory: 8GiB, price: 0.065 USD/h, source: page }
        storage:
          s3-standard:
            kind: object
            price: [{ up_to: 50TiB, price: 0.023 USD }, { up_to: 500TiB, price: 0.022 USD }, { price: 0.021 USD }]
            writes: { price: 0.005 USD, per: 1K, source: older }
            reads: { price: 0.0004 USD, per: 1K }
            source: page
          ebs-gp3: { kind: block, price: 0.08 USD, source: page }
          rds-gp3: { kind: database, price: 0.115 USD, source: older }
        transfer:
          internet:
            price: [{ up_to: 10TiB, price: 0.09 USD }, { price: 0.085 USD }]
            free: 100GiB
            source: page
        services:
          queue-service:
            kind: queue
            requests: { price: 0.40 USD, per: 1M, free: 1M, per_message: 3, chunk: 64KiB }
            source: page
          lb-service:
            kind: load_balancer
            price: 0.0225 USD/h
            lcu: { price: 0.008 USD/h, processed: 1GiB }
            source: page
          cdn-service:
            kind: cdn
            transfer: { price: [{ price: 0.085 USD }], free: 1TiB }
            requests: { price: 0.01 USD, per: 10K, source: older }
            source: page
          cache-service:
            kind: cache
            stored: 0.084 USD/h
            requests: { price: 0.0023 USD, per: 1M, chunk: 1KiB }
            source: older
        """;

    public static PriceCatalog Load(string text = Text)
    {
        var result = CatalogLoader.LoadText("test-prices.yaml", text);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Catalog!;
    }

    /// <summary>The catalog with one section cut out (from its key to the next top-level key or the end).</summary>
    public static PriceCatalog Without(string section)
    {
        var start = Text.IndexOf(section + ":", StringComparison.Ordinal);
        var next = Text.IndexOf('\n', start);
        while (next >= 0 && next + 1 < Text.Length && Text[next + 1] == ' ')
        {
            next = Text.IndexOf('\n', next + 1);
        }

        return Load(Text[..start] + (next < 0 ? string.Empty : Text[(next + 1)..]));
    }
}
