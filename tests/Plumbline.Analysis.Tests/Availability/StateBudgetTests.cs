using Plumbline.Analysis.Tests.Estimates;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// A path whose joint states pass the walk's budget of 20,000, and the estimate's note on it, by hand. A tenth of a second
/// or more each as Stryker compiles the model, against every mutant of the path's composition, so scripts/mutation leaves
/// them out of the analysis run (the bound on unlikely states is pinned there on 16,384 states, AvailabilityPathTests).
/// </summary>
public sealed class StateBudgetTests
{
    private const double Precision = 1e-12;

    [Fact]
    public void Past_20000_states_the_walk_stops_and_bounds_the_rest()
    {
        // 15 components at 50%, each reached twice: 2^15 = 32,768 states of 2^-15 each, none under 1e-14, so the walk stops
        // at 20,000. The first state walked has every component up (0.5^15, the only one the request survives); the states
        // walked hold 20,000 x 2^-15 = 0.6103515625 of the probability, so 0.3896484375 is left unknown.
        var w = AvailabilityPathTests.FanOuts(15, "50%").OfWorkflow("w")!;

        Assert.Equal(20_000, w.States);
        Assert.Equal(Math.Pow(0.5, 15), w.Value, 1e-15);
        Assert.Equal(0.3896484375, w.Uncertainty, Precision);
    }

    [Fact]
    public void A_walk_stopped_at_its_budget_notes_how_far_the_figure_can_be_off()
    {
        // 15 components at 50% reached twice each: the walk stops at 20,000 of 32,768 states; the request survives only
        // the first (0.5^15 = 0.0000305), and 1 - 20,000 / 32,768 = 0.3896 is left unknown: at most 0.3897.
        var report = AvailabilityNoteTests.Estimate(AvailabilityPathTests.FanOutDesign(15, "50%"));
        var detail = report.Workflows.Single().Availability.Detail;

        Assert.Equal(Math.Pow(0.5, 15), detail.Value, 15);
        Assert.Equal(0.3896484375, detail.Uncertainty, 12);
        Assert.Contains(
            $"Workflow 'w' has too many shared failure states to enumerate: its availability is a lower bound, at most {Quantities.Availability(Math.Pow(0.5, 15) + 0.3896484375)}.",
            report.Notes);
    }
}
