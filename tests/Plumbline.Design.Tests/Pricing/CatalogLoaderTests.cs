using Plumbline.Design.Loading;
using Plumbline.Design.Pricing;
using Plumbline.Design.Tests.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Pricing;

/// <summary>
/// The price catalog loader: the shipped catalog reads clean and holds the published prices with
/// their sources; a user's catalog with errors is refused with every error at file:line:column
/// (baselines in Loading/Golden/catalogs, rewritten with PLUMBLINE_ACCEPT=1); unreadable files are
/// diagnostics, not exceptions.
/// </summary>
public sealed class CatalogLoaderTests
{
    private static readonly string GoldenDir = Path.Combine(AppContext.BaseDirectory, "Loading", "Golden", "catalogs");

    private static PriceCatalog Default
    {
        get
        {
            var result = CatalogLoader.Default;
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            return result.Catalog!;
        }
    }

    [Fact]
    public void The_shipped_catalog_loads_without_a_diagnostic()
    {
        var result = CatalogLoader.Default;

        Assert.Empty(result.Diagnostics);
        Assert.Equal("aws-us-east-1", result.Catalog!.Name);
        Assert.Equal("USD", result.Catalog.Currency);
        Assert.Equal(CatalogLoader.DefaultName, result.Catalog.Origin);
    }

    [Fact]
    public void The_shipped_catalog_states_its_conventions()
    {
        var conventions = Default.Conventions;

        Assert.Equal(730m, conventions.HoursPerMonth);
        Assert.Equal(GigabyteUnit.GiB, conventions.Gigabyte);
        Assert.Equal(1_073_741_824m, conventions.BytesPerGigabyte);
        Assert.True(conventions.FreeAllowances);
    }

    [Fact]
    public void Every_price_in_the_shipped_catalog_names_a_source_read_on_a_stated_day()
    {
        var catalog = Default;
        var cited = catalog.Instances.Select(i => i.Source)
            .Concat(catalog.Storage.Select(s => s.Source))
            .Concat(catalog.Transfer.Select(t => t.Source!))
            .Concat(catalog.Services.Select(s => s.Source))
            .Concat(catalog.Storage.SelectMany(s => new[] { s.Writes?.Source, s.Reads?.Source }).OfType<string>())
            .Concat(catalog.Services.Select(s => s.Requests?.Source).OfType<string>())
            .ToList();

        Assert.All(cited, name => Assert.NotNull(catalog.FindSource(name)));
        Assert.All(catalog.Sources, s =>
        {
            Assert.StartsWith("https://", s.Url, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 12, 2), s.ReadOn);
        });
        Assert.Empty(catalog.Sources.Where(s => !cited.Contains(s.Name)));
    }

    [Theory]
    // type, vCPU, memory GiB, USD per hour: as published (see each entry's source).
    [InlineData("m5.large", 2, 8, "0.096")]
    [InlineData("m5.xlarge", 4, 16, "0.192")]
    [InlineData("m7i.xlarge", 4, 16, "0.2016")]
    [InlineData("m7g.large", 2, 8, "0.0816")]
    [InlineData("c6i.large", 2, 4, "0.085")]
    [InlineData("c5.4xlarge", 16, 32, "0.68")]
    [InlineData("r4.large", 2, 15.25, "0.133")]
    [InlineData("t3.micro", 2, 1, "0.0104")]
    [InlineData("db.t4g.medium", 2, 4, "0.065")]
    public void The_shipped_catalog_holds_the_published_instance_prices(string type, int vcpu, double memoryGiB, string perHour)
    {
        var instance = Default.FindInstance(type);

        Assert.NotNull(instance);
        Assert.Equal(vcpu, instance.Vcpu);
        Assert.Equal(memoryGiB * 1_073_741_824, instance.Memory.Bytes);
        Assert.Equal(decimal.Parse(perHour, System.Globalization.CultureInfo.InvariantCulture), instance.PerHour);
    }

    [Fact]
    public void The_shipped_catalog_has_general_compute_memory_and_burstable_types_in_several_sizes()
    {
        var families = Default.Instances.Where(i => i.Family is not null).GroupBy(i => i.Family!.Value).ToDictionary(g => g.Key, g => g.Count());

        Assert.All([InstanceFamily.General, InstanceFamily.Compute, InstanceFamily.Memory, InstanceFamily.Burstable], f => Assert.True(families.GetValueOrDefault(f) >= 3, $"{f}: {families.GetValueOrDefault(f)} types"));
        Assert.NotEmpty(Default.Instances.Where(i => i.IsManagedDatabase));
    }

    [Fact]
    public void Tier_bounds_written_in_TiB_are_billed_GB_under_the_GiB_convention()
    {
        var standard = Default.FindStorage("s3-standard")!.PerGbMonth;
        var internet = Default.FindTransfer("internet")!.PerGb;

        // 50 TiB = 51,200 GB and 500 TiB = 512,000 GB as AWS bills them; the last tier is open.
        Assert.Equal([new PriceTier(51_200m, 0.023m), new PriceTier(512_000m, 0.022m), new PriceTier(null, 0.021m)], standard.Tiers);
        Assert.Equal([new PriceTier(10_240m, 0.09m), new PriceTier(51_200m, 0.085m), new PriceTier(153_600m, 0.07m), new PriceTier(null, 0.05m)], internet.Tiers);
        Assert.Equal(100m, internet.Free);
    }

    [Fact]
    public void Request_prices_carry_their_unit_free_allowance_and_queue_counting()
    {
        var sqs = Default.FindService("sqs-standard")!.Requests!;
        var puts = Default.FindStorage("s3-standard")!.Writes!;

        Assert.Equal(1_000_000m, sqs.Price.Per);
        Assert.Equal(1_000_000m, sqs.Price.Free);
        Assert.Equal(3, sqs.PerMessage);
        Assert.Equal(65_536, sqs.Chunk!.Value.Bytes);
        Assert.Equal([new PriceTier(100_000_000_000m, 0.40m), new PriceTier(200_000_000_000m, 0.30m), new PriceTier(null, 0.24m)], sqs.Price.Tiers);
        Assert.Equal(1_000m, puts.Price.Per);
        Assert.Equal(0.005m, puts.Price.Tiers.Single().Price);
    }

    [Fact]
    public void The_shipped_catalog_says_what_it_could_not_find()
    {
        Assert.Contains(Default.Missing, m => m.What.Contains("ElastiCache node types", StringComparison.Ordinal));
        Assert.Null(Default.FindInstance("cache.r7g.large"));
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenDir, "*.yaml").Where(f => !f.EndsWith(".diagnostics.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_catalog_is_refused_with_every_error_at_its_line_and_column(string name)
    {
        var input = File.ReadAllText(Path.Combine(GoldenDir, name + ".yaml"));
        var result = CatalogLoader.LoadText(name + ".yaml", input);
        var actual = GoldenDiagnosticsTests.Annotate(input, new LoadResult(null, result.Source, result.Diagnostics));

        Assert.False(result.Success);
        GoldenFile.VerifyAt(Path.Combine(SourceDir(), "Loading", "Golden", "catalogs", name + ".diagnostics.yaml"), actual);
    }

    [Fact]
    public void A_catalog_with_an_alias_is_refused_like_a_design()
    {
        var result = CatalogLoader.LoadText("alias.yaml", "plumbline_prices: 1\nname: &n x\nregion: *n\n");

        Assert.Null(result.Catalog);
        Assert.NotEmpty(result.Diagnostics);
    }

    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
