using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Design.Tests.Editor;

/// <summary>
/// The price catalog in the editor, as the design file is: the shipped catalog opens without a diagnostic,
/// a broken catalog is flagged at each broken line with what a valid value looks like, completion in an
/// instance type offers exactly the fields the catalog loader reads, each with its description.
/// </summary>
public sealed partial class EditorTests
{
    private static string Prices => Path.Combine(AppContext.BaseDirectory, "prices");

    private static string ShippedCatalog => Path.Combine(Prices, CatalogLoader.DefaultFileName);

    [Fact]
    public void The_shipped_catalog_opens_without_a_diagnostic()
    {
        var diagnostics = Server.Open(ShippedCatalog, File.ReadAllText(ShippedCatalog));

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics));
    }

    [Fact]
    public void A_broken_catalog_is_flagged_at_each_broken_line_with_what_a_valid_value_looks_like()
    {
        var lines = File.ReadAllLines(ShippedCatalog).ToList();
        var expected = new List<Diagnostic>();
        void Break(string starts, string value, string replacement, string message)
        {
            var at = lines.FindIndex(l => l.StartsWith(starts, StringComparison.Ordinal));
            Assert.True(at >= 0, $"the catalog has no line starting '{starts}'");
            var column = lines[at].IndexOf(value, StringComparison.Ordinal);
            Assert.True(column >= 0, $"line {at + 1} has no '{value}'");
            lines[at] = lines[at][..column] + replacement + lines[at][(column + value.Length)..];
            expected.Add(new Diagnostic(at + 1, column + 1, message));
        }

        Break("  m5.large:", "0.096 USD/h", "0.096 dollars", "A price per hour is an amount, a currency and /h, such as 0.192 USD/h.");
        Break("    read_on: 2026-12-02", "2026-12-02", "2 Dec 2026", "A date is written YYYY-MM-DD, such as 2026-12-02.");
        Break("currency: USD", "USD", "dollars", "A currency is its three-letter ISO 4217 code, such as USD or EUR.");

        // A key the loader does not read: refused at the key.
        var hours = lines.FindIndex(l => l.StartsWith("  hours_per_month:", StringComparison.Ordinal));
        lines.Insert(hours + 1, "  month: 730");
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Line > hours + 1)
            {
                expected[i] = expected[i] with { Line = expected[i].Line + 1 };
            }
        }

        expected.Add(new Diagnostic(hours + 2, 3, "Property month is not allowed."));
        var path = Path.Combine(Prices, "editor-broken-prices.yaml");

        var diagnostics = Server.Open(path, string.Join('\n', lines) + "\n");

        Assert.Equal(
            expected.OrderBy(d => d.Line).Select(d => d.ToString()),
            diagnostics.OrderBy(d => d.Line).Select(d => d.ToString()));
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains('^', StringComparison.Ordinal) || d.Message.Contains("pattern", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Completion_in_an_instance_type_offers_exactly_the_fields_the_loader_reads()
    {
        var path = Path.Combine(Prices, "editor-complete-prices.yaml");
        Server.Open(path, string.Join('\n',
            "# yaml-language-server: $schema=../schema/plumbline-prices-v1.schema.json",
            "plumbline_prices: 1",
            "name: editor-test",
            "currency: USD",
            "instances:",
            "  probe.large:",
            "    ",
            string.Empty));

        var offered = Server.Complete(path, 6, 4);

        var fields = offered.Where(c => c.Kind == Completion.PropertyKind).Select(c => c.Label).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(CatalogKeys.All["instance_type"].Order(StringComparer.Ordinal), fields);
        Assert.All(offered.Where(c => c.Kind == Completion.PropertyKind), c => Assert.False(string.IsNullOrWhiteSpace(c.Documentation), $"{c.Label} has no documentation"));
    }
}
