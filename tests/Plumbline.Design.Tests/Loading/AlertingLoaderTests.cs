using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

public sealed class AlertingLoaderTests
{
    private const string Minimal = """
        plumbline: 1
        system: { name: tiny }
        """;

    [Fact]
    public void The_shipped_windows_are_the_sre_workbooks()
    {
        var windows = AlertingLoader.Default.Windows!.Value;

        Assert.Equal(["page-quick", "page-slow", "ticket-quick", "ticket-slow"], windows.Select(w => w.Name));
        Assert.Equal([AlertSeverity.Page, AlertSeverity.Page, AlertSeverity.Ticket, AlertSeverity.Ticket], windows.Select(w => w.Severity));
        Assert.Equal([0.02, 0.05, 0.10, 0.10], windows.Select(w => w.Budget.Fraction));
        Assert.Equal([3_600.0, 21_600, 86_400, 259_200], windows.Select(w => w.Long.Seconds));
        Assert.Equal([300.0, 1_800, 7_200, 21_600], windows.Select(w => w.Short.Seconds));
        Assert.Equal(0.001, AlertingLoader.Default.LowTrafficShare!.Value.Fraction);
        Assert.Equal(AlertingLoader.DefaultOrigin, AlertingLoader.Default.Origin);
    }

    [Fact]
    public void A_file_of_the_same_keys_loads_and_replaces_the_design_and_the_defaults()
    {
        var file = AlertingLoader.LoadText("windows.yaml", """
            windows:
              - { name: page, severity: page, budget: 1%, long: 30m, short: 2m }
            """);
        Assert.True(file.Success, string.Join("; ", file.Diagnostics));
        var design = DesignLoader.LoadText("d.yaml", Minimal + """

            operations:
              alerting:
                windows: [{ name: own, severity: ticket, budget: 5%, long: 12h, short: 1h }]
                low_traffic_share: 1%
            """).Design!;

        var resolved = AlertingLoader.Resolve(design, file.Alerting);
        Assert.Equal(["page"], resolved.Windows!.Value.Select(w => w.Name));
        Assert.Equal("windows.yaml", resolved.Origin);
        Assert.Equal(0.01, resolved.LowTrafficShare!.Value.Fraction);   // the file leaves it out; the design's applies

        var fromDesign = AlertingLoader.Resolve(design);
        Assert.Equal(["own"], fromDesign.Windows!.Value.Select(w => w.Name));
        Assert.Equal("design", fromDesign.Origin);
    }

    [Fact]
    public void A_design_that_only_sets_the_low_traffic_share_keeps_the_shipped_windows()
    {
        var design = DesignLoader.LoadText("d.yaml", Minimal + """

            operations:
              alerting: { low_traffic_share: 2% }
            """).Design!;

        var resolved = AlertingLoader.Resolve(design);
        Assert.Equal(4, resolved.Windows!.Value.Length);
        Assert.Equal(AlertingLoader.DefaultOrigin, resolved.Origin);
        Assert.Equal(0.02, resolved.LowTrafficShare!.Value.Fraction);
    }

    [Fact]
    public void A_bad_file_is_positioned_diagnostics()
    {
        var result = AlertingLoader.LoadText("windows.yaml", """
            windowz: []
            """);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == "PL2001" && d.Span.Start.Line == 1);
        Assert.Contains(result.Diagnostics, d => d.Code == "PL2002");
    }
}
