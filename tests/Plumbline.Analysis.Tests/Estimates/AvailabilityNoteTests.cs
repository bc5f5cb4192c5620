using System.Text;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// A workflow's availability as the estimate reports it: the formula when components repeat, one input per component and
/// where its figure comes from, the note on a figure bounded rather than enumerated, and the note listing what was assumed,
/// by hand.
/// </summary>
public sealed class AvailabilityNoteTests
{
    internal static EstimateReport Estimate(string components, string extra = "") => Estimator.Estimate(TestDesigns.Load($"""
        plumbline: 1
        system: {"{"} name: t {"}"}
        {extra}
        workflows:
          w: {"{"} entry: api.op, rate: 10/s {"}"}
        components:
        {components}
        """));

    /// <summary>api (stating <paramref name="own"/>) calls each of n services (stating <paramref name="each"/>) once, with <paramref name="call"/>.</summary>
    internal static string Calls(int n, string call, string each, string own)
    {
        var sb = new StringBuilder($"  api:\n    kind: service\n    {own}\n    operations:\n      op:\n        calls:\n");
        foreach (var i in Enumerable.Range(0, n))
        {
            sb.Append($"          - {{ to: c{i}.get, {call}timeout: 1s }}\n");
        }

        foreach (var i in Enumerable.Range(0, n))
        {
            sb.Append($"  c{i}: {{ kind: service, {each}, operations: {{ get: {{}} }} }}\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void A_figure_bounded_rather_than_enumerated_is_noted_with_its_bound()
    {
        // 14 components reached twice each, at 99.9%: 16,384 joint states; those under 1e-14 (five or more down) are left
        // out, 2.0e-12 of the probability, so 0.999^14 is a lower bound and 0.999^14 + 2.0e-12 the most it can be.
        var report = Estimate(Calls(14, "count: 2, ", "availability: 99.9%", "availability: 100%"));
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
        var report = Estimate(Calls(3, "count: 2, ", "availability: 99%", "availability: 100%"));

        Assert.DoesNotContain(report.Notes, n => n.Contains("too many shared failure states", StringComparison.Ordinal));
    }

    [Fact]
    public void Components_reached_more_than_once_are_named_in_the_formula()
    {
        // c (90%) is reached through b and as b's fallback: composed over its 2 states, 0.9; as if independent, 0.9891.
        var report = Estimate("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: b.get, timeout: 1s, fallback: { to: c.get } }
              b: { kind: service, availability: 99%, operations: { get: { calls: [{ to: c.get, timeout: 1s }] } } }
              c: { kind: service, availability: 90%, operations: { get: {} } }
            """);
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
        var report = Estimate("""
              api:
                kind: service
                sla: 99.95%
                operations:
                  op:
                    calls:
                      - { to: db.get, timeout: 1s }
                      - { to: db.insert, timeout: 1s }
              db: { kind: database, availability: 99%, operations: { get: { type: read }, insert: { type: write } } }
            """);
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
        var figure = Estimate("""
              api: { kind: service, sla: 99.95%, operations: { op: { calls: [{ to: db.get, timeout: 1s }] } } }
              db: { kind: database, availability: 99%, operations: { get: {} } }
            """).Workflows.Single().Availability.Availability;

        Assert.Equal(0.989505, figure.Value!.Value, 12);
        Assert.Equal("api.op 99.95% x db.get 99%", figure.Formula);
    }

    [Fact]
    public void More_than_eight_assumptions_are_counted_not_listed()
    {
        // api and 9 callees state no availability: 10 assumptions, 8 listed and "2 more".
        var many = Estimate(Calls(9, string.Empty, "instances: 1", "instances: 1"));
        var note = Assert.Single(many.Notes, n => n.StartsWith("Availability assumes what the design does not state: ", StringComparison.Ordinal));
        Assert.EndsWith("c6 99.9% per instance (no availability stated); and 2 more.", note, StringComparison.Ordinal);

        // api and 7 callees: exactly 8, all listed.
        var eight = Estimate(Calls(7, string.Empty, "instances: 1", "instances: 1"));
        var listed = Assert.Single(eight.Notes, n => n.StartsWith("Availability assumes what the design does not state: ", StringComparison.Ordinal));
        Assert.EndsWith("c6 99.9% per instance (no availability stated).", listed, StringComparison.Ordinal);
    }
}
