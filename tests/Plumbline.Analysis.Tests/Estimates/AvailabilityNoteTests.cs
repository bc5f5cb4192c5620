using Plumbline.Analysis.Estimates;
using Plumbline.Design.Text;
using Xunit;
using static Plumbline.Analysis.Tests.Availability.AvailabilityPathTests;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// A workflow's availability as the estimate reports it: the formula when components repeat, one input per component and
/// where its figure comes from, the note on a figure bounded rather than enumerated, and the note listing what was assumed,
/// by hand.
/// </summary>
public sealed class AvailabilityNoteTests
{
    internal static EstimateReport Estimate(DesignBuilder design) => Estimator.Estimate(TestDesigns.Load(design));

    internal static EstimateReport Estimate(params DesignComponent[] components) => Estimate(DesignOf(components));

    /// <summary>api and n services, none stating an availability (one instance each); api calls each once.</summary>
    private static DesignBuilder Unstated(int n) =>
        DesignOf(CallingEach(Numbered(n), Service("api").Instances(1), to => Call(to), name => Service(name).Instances(1)));

    [Fact]
    public void A_figure_bounded_rather_than_enumerated_is_noted_with_its_bound()
    {
        // 14 components reached twice each, at 99.9%: 16,384 joint states; those under 1e-14 (five or more down) are left
        // out, 2.0e-12 of the probability, so 0.999^14 is a lower bound and 0.999^14 + 2.0e-12 the most it can be.
        var report = Estimate(FanOutDesign(14, "99.9%"));
        var detail = report.Workflows.Single().Availability.Detail;

        Assert.Equal(Math.Pow(0.999, 14), detail.Value, 12);
        Assert.InRange(detail.Uncertainty, 1.9e-12, 2.1e-12);
        Assert.Contains(
            $"Workflow 'w' has too many shared failure states to enumerate: its availability is a lower bound, at most {Quantities.Availability(detail.Value + detail.Uncertainty)}.",
            report.Notes);
    }

    [Fact]
    public void A_figure_enumerated_whole_has_no_bound_to_note()
    {
        var report = Estimate(FanOutDesign(3, "99%"));

        Assert.DoesNotContain(report.Notes, n => n.Contains("too many shared failure states", StringComparison.Ordinal));
    }

    [Fact]
    public void Components_reached_more_than_once_are_named_in_the_formula()
    {
        // c (90%) is reached through b and as b's fallback: composed over its 2 states, 0.9; as if independent, 0.9891.
        var report = Estimate(FallbackReachedFirst);
        var figure = report.Workflows.Single().Availability.Availability;

        Assert.Equal(0.9, figure.Value!.Value, 12);
        Assert.Equal(
            "api.op 100% x (b.get 99% x c.get 90%, else c.get 90%) (= 98.91% if failures were independent), composed over the 2 joint states of components reached more than once",
            figure.Formula);
    }

    [Fact]
    public void A_component_reached_by_two_operations_is_one_input_and_summed_over()
    {
        // api (an sla of 99.95%) reads and writes db (99%): db is one input though two operations reach it, and one event:
        // 0.9995 x 0.99 = 0.989505 (as if independent, 0.9995 x 0.99^2 = 0.97961).
        var report = Estimate(
            ApiAtSla(Call("db.get"), Call("db.insert")),
            Component("db", "database", "99%").Op("get", "type: read").Op("insert", "type: write"));
        var figure = report.Workflows.Single().Availability.Availability;

        Assert.Equal(0.989505, figure.Value!.Value, 12);
        Assert.Equal(
            $"api.op 99.95% x db.get 99% x db.insert 99% (= {Quantities.Availability(0.97961)} if failures were independent), composed over the 2 joint states of components reached more than once",
            figure.Formula);
        Assert.Equal(["api: sla 99.95%, one provider-managed whole", "db: 1 copy of its shard at 99%"], figure.Inputs.Select(i => i.Name));
        Assert.Equal(["/components/api/sla", "/components/db/availability"], figure.Inputs.Select(i => i.Source));
    }

    [Fact]
    public void A_path_of_components_each_reached_once_is_its_formula()
    {
        // 0.9995 x 0.99 = 0.989505, nothing summed over.
        var figure = Estimate(ApiAtSla(Call("db.get")), Component("db", "database", "99%").Op("get")).Workflows.Single().Availability.Availability;

        Assert.Equal(0.989505, figure.Value!.Value, 12);
        Assert.Equal("api.op 99.95% x db.get 99%", figure.Formula);
    }

    [Fact]
    public void More_than_eight_assumptions_are_counted_not_listed()
    {
        // api and 9 callees state no availability: 10 assumptions, 8 listed and "2 more".
        var many = Estimate(Unstated(9));
        var note = Assert.Single(many.Notes, n => n.StartsWith("Availability assumes what the design does not state: ", StringComparison.Ordinal));
        Assert.EndsWith("c6 99.9% per instance (no availability stated); and 2 more.", note, StringComparison.Ordinal);

        // api and 7 callees: exactly 8, all listed.
        var eight = Estimate(Unstated(7));
        var listed = Assert.Single(eight.Notes, n => n.StartsWith("Availability assumes what the design does not state: ", StringComparison.Ordinal));
        Assert.EndsWith("c6 99.9% per instance (no availability stated).", listed, StringComparison.Ordinal);
    }

    /// <summary>api under an SLA of 99.95%, its operation op making these calls.</summary>
    private static DesignComponent ApiAtSla(params DesignCall[] calls) => Service("api").With("sla: 99.95%").Op("op", calls);
}
