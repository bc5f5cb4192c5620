using Plumbline.Analysis.Availability;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>The working a workflow's availability prints, from the record's own fields.</summary>
public sealed class WorkflowArithmeticTests
{
    [Fact]
    public void A_formula_without_factors_is_still_printed_and_only_neither_is_no_synchronous_path()
    {
        // The model gives both or neither (the entry is always a factor), but the record prints whatever formula it holds:
        // only with neither is there no synchronous path.
        var formula = new WorkflowAvailability("w", 0.999, []) { Expression = "(db.get 99.9%, else spool.publish 100%)", Independent = 0.999 };
        Assert.Equal("(db.get 99.9%, else spool.publish 100%) = 99.9%", formula.Arithmetic);

        Assert.Equal("no synchronous path = 100%", new WorkflowAvailability("w", 1, []).Arithmetic);
        Assert.Null(new WorkflowAvailability("w", 1, []).Weakest);
    }

    [Fact]
    public void Bounds_are_printed_only_for_a_mass_left_out_above_one_in_a_trillion()
    {
        PathFactor[] factors = [new("db.get", 0.99) { Component = "db", ComponentValue = 0.99 }];

        // 1e-12 left out: not printed, the figure is as good as exact.
        var exact = new WorkflowAvailability("w", 0.99, [.. factors]) { Expression = "db.get 99%", Independent = 0.99, Uncertainty = 1e-12 };
        Assert.Equal("db.get 99% = 99%", exact.Arithmetic);

        // 0.005 left out: the true figure is at most 0.99 + 0.005 = 99.5%.
        var bounded = exact with { Uncertainty = 0.005 };
        Assert.Equal("db.get 99% = 99% (too many states to enumerate: at most 99.5%)", bounded.Arithmetic);
    }
}
