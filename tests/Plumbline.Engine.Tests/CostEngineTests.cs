using System.Text;
using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Engine.Tests;

/// <summary>
/// Costing through the engine: the design's price catalog is the shipped one or a file next to the
/// design; a missing or broken catalog, or a name the catalog does not have, stops the cost and the
/// check with positioned errors; the design's own prices replace the catalog's.
/// </summary>
public sealed class CostEngineTests : IDisposable
{
    private const string Catalog = """
        plumbline_prices: 1
        name: team
        currency: USD
        conventions: { hours_per_month: 730, gigabyte: GiB, free_allowances: false }
        sources:
          contract: { url: https://example.com/contract, read_on: 2026-11-01 }
        instances:
          big: { family: general, vcpu: 8, memory: 32GiB, price: 0.5 USD/h, source: contract }
          small: { family: general, vcpu: 2, memory: 8GiB, price: 0.1 USD/h, source: contract }
        """;

    private static readonly ReviewOptions Options = new(new DateOnly(2026, 12, 2));

    private readonly string _folder = Directory.CreateTempSubdirectory("plumbline-cost-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Design(string catalog, string web = "{ kind: service, instances: 2, operations: { get: {} } }", string extra = "") => $$"""
        plumbline: 1
        system: { name: tiny }
        workflows:
          browse: { entry: web.get, rate: 10/s }
        components:
          web: {{web}}
        cost:
          catalog: {{catalog}}
        {{extra}}
        """;

    [Fact]
    public void The_shipped_catalog_prices_a_design_that_names_default()
    {
        var result = PlumblineEngine.Default.CostFile(Write("design.yaml", Design("default")));

        Assert.True(result.Design.Success, string.Join('\n', result.Design.Diagnostics));
        Assert.Equal("aws-us-east-1", result.Catalog!.Name);
        Assert.NotNull(result.Report);
    }

    [Fact]
    public void A_catalog_file_is_read_relative_to_the_design()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "prices"));
        Write(Path.Combine("prices", "team.yaml"), Catalog);

        var result = PlumblineEngine.Default.CostFile(Write("design.yaml", Design("prices/team.yaml", "{ kind: service, instances: 2, runs_on: small, operations: { get: {} } }")));

        Assert.True(result.Design.Success, string.Join('\n', result.Design.Diagnostics));
        // 2 x 0.1 x 730 = 146.
        Assert.Equal(146m, result.Report!.Now.Total);
    }

    [Fact]
    public void A_missing_catalog_file_is_an_error_at_the_design_line_that_names_it()
    {
        var result = PlumblineEngine.Default.CostFile(Write("design.yaml", Design("./no-such-prices.yaml")));

        Assert.Null(result.Report);
        var error = Assert.Single(result.Design.Diagnostics);
        Assert.Equal("PL5006", error.Code);
        Assert.Equal(8, error.Span.Start.Line);
        Assert.Contains("no-such-prices.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_with_an_error_is_refused_with_its_own_errors_at_their_lines()
    {
        Write("prices.yaml", Catalog.Replace("price: 0.5 USD/h", "price: 0.5 EUR/h", StringComparison.Ordinal));

        var result = PlumblineEngine.Default.CostFile(Write("design.yaml", Design("prices.yaml")));

        Assert.Null(result.Report);
        Assert.Contains(result.Design.Diagnostics, d => d.Code == "PL5006" && d.Message.Contains("1 error", StringComparison.Ordinal));
        var inCatalog = Assert.Single(result.Design.Diagnostics, d => d.Code == "PL5004");
        Assert.EndsWith("prices.yaml", inCatalog.Span.Path, StringComparison.Ordinal);
        Assert.Equal((8, 58), (inCatalog.Span.Start.Line, inCatalog.Span.Start.Column));
    }

    [Fact]
    public void A_name_the_catalog_does_not_have_is_an_error_with_a_suggestion()
    {
        var result = PlumblineEngine.Default.CostFile(Write("design.yaml", Design("default", "{ kind: service, runs_on: m5.lrage, operations: { get: {} } }")));

        Assert.Null(result.Report);
        var error = Assert.Single(result.Design.Diagnostics);
        Assert.Equal(("PL3001", 6), (error.Code, error.Span.Start.Line));
        Assert.Equal("did you mean 'm5.large'?", error.Help);
    }

    [Fact]
    public void A_service_of_another_kind_or_a_price_with_the_wrong_period_is_refused()
    {
        var design = Design("default", "{ kind: service, runs_on: cloudfront, operations: { get: {} } }", "  prices: { m5.large: 0.08 USD, internet: 0.05 USD/h, s3-standard: 0.02 EUR }");

        var codes = PlumblineEngine.Default.Cost(Path.Combine(_folder, "design.yaml"), design).Design.Diagnostics.Select(d => d.Code);

        Assert.Equal(["PL5007", "PL5005", "PL5005", "PL5004"], codes);
    }

    [Fact]
    public void The_designs_own_prices_replace_the_catalogs()
    {
        var design = Design("default", "{ kind: service, instances: 2, runs_on: m5.large, operations: { get: {} } }", "  prices: { m5.large: 0.08 USD/h }");

        var result = PlumblineEngine.Default.Cost(Path.Combine(_folder, "design.yaml"), design);

        // 2 x 0.08 x 730 = 116.80, not 2 x 0.096 x 730 = 140.16.
        var compute = result.Report!.Now.Components.Single().Lines.Single(l => l.Driver == CostDriver.Compute);
        Assert.Equal(116.80m, compute.Amount);
        Assert.True(compute.Inputs.Any(i => i.Source == "/cost/prices/m5.large" && i.Line == 9), string.Join("; ", compute.Inputs.Select(i => $"{i.Name}={i.Value} {i.Source}:{i.Line}")));
    }

    [Fact]
    public void A_check_with_a_missing_catalog_reports_it_instead_of_reviewing()
    {
        var result = PlumblineEngine.Default.CheckFile(Write("design.yaml", Design("missing.yaml")), [], Options);

        Assert.Null(result.Report);
        Assert.Contains(result.Design.Diagnostics, d => d.Code == "PL5006");
    }

    [Fact]
    public void An_engine_that_reads_no_price_files_refuses_a_design_that_names_one()
    {
        Write("prices.yaml", Catalog);
        var engine = new PlumblineEngine(new EngineOptions(CatalogFiles: false));

        var result = engine.CostFile(Write("design.yaml", Design("prices.yaml")));

        Assert.Null(result.Report);
        Assert.Equal("PL5006", Assert.Single(result.Design.Diagnostics).Code);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
