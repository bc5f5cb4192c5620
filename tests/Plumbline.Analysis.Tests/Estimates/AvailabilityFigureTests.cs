using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// A workflow's availability as the estimate reports it when zones are shared: the figure, the zones it lists as inputs, the
/// formula that says it was composed over their joint states, and the note on what was assumed, by hand.
/// </summary>
public sealed class AvailabilityFigureTests
{
    private static EstimateReport Estimate(string regions) => Estimator.Estimate(TestDesigns.Load($"""
        plumbline: 1
        system: {"{"} name: t {"}"}
        requirements: {"{"} peak_to_average: 2 {"}"}
        workflows:
          w: {"{"} entry: api.op, rate: 10/s {"}"}
        components:
          api:
            kind: service
            availability: 100%
            operations:
              op:
                calls:
                  - {"{"} to: a.get, timeout: 1s {"}"}
                  - {"{"} to: b.get, timeout: 1s {"}"}
          a: {"{"} kind: service, instances: 2, zones: [za, zb], availability: 99%, operations: {"{"} get: {"{}"} {"}"} {"}"}
          b: {"{"} kind: service, instances: 2, zones: [za, zb], availability: 99%, operations: {"{"} get: {"{}"} {"}"} {"}"}
        {regions}
        """));

    [Fact]
    public void Shared_zones_are_listed_and_the_formula_says_it_was_composed_over_their_states()
    {
        var report = Estimate("""
            regions:
              main: { zones: [za, zb], availability: 100%, zone_availability: 99.9% }
            """);
        var figure = report.Workflows.Single().Availability.Availability;

        // Both zones up (0.999^2): each service 1 - 0.01^2, both 0.9999^2; one down (2 x 0.999 x 0.001): 0.99^2; both down: 0.
        Assert.Equal((0.998001 * 0.99980001) + (0.001998 * 0.9801), figure.Value!.Value, 12);
        Assert.EndsWith(", composed over the 4 joint states of zone za, zone zb", figure.Formula, StringComparison.Ordinal);
        Assert.Contains(" if failures were independent)", figure.Formula, StringComparison.Ordinal);
        // After api, a and b's own figures, the failure domains: the region (100%) and its two zones (99.9% each).
        Assert.Equal(["region main", "zone za", "zone zb"], figure.Inputs.Skip(3).Select(i => i.Name));
        Assert.Equal([1, 0.999, 0.999], figure.Inputs.Skip(3).Select(i => i.Value));
        // a's and b's own figures count their zones: 0.998001 x (1 - 0.01^2) + 0.001998 x 0.99 = 0.9998792199.
        Assert.Equal(1, figure.Inputs[0].Value);
        Assert.Equal(0.9998792199, figure.Inputs[1].Value, 12);
        Assert.Equal(0.9998792199, figure.Inputs[2].Value, 12);
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("Availability assumes", StringComparison.Ordinal));
    }

    [Fact]
    public void Zones_without_a_stated_availability_are_noted_as_assumed()
    {
        var report = Estimate(string.Empty);

        Assert.Contains(report.Notes, n => n.StartsWith("Availability assumes what the design does not state: ", StringComparison.Ordinal)
            && n.Contains("zone za 99.99% (no zone_availability stated)", StringComparison.Ordinal));
    }
}
