using System.Globalization;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;


namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>
/// What every kind of figure of one estimate shares: the compiled model, its baseline values and
/// propagated loads, the notes gathered so far, and how an input names its source and line.
/// </summary>
internal sealed class EstimateContext
{
    public EstimateContext(LoadModel model)
    {
        Model = model;
        Values = model.BaselineValues();
        Loads = model.Propagate(Values);
    }

    public LoadModel Model { get; }

    public SystemDesign Design => Model.Design;

    public CallGraph Graph => Model.Graph;

    public EstimateOptions Options => Model.Options;

    public double[] Values { get; }

    public LoadVectors Loads { get; }

    /// <summary>What the estimate could not work out or had to assume, in the order found.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Monthly growth factor (1 when none is stated).</summary>
    public double Growth => LoadModel.MonthlyGrowth(Values);

    /// <summary>An input stated in the design at <paramref name="path"/> (with its line), or a non-path source.</summary>
    public FigureInput In(string name, double value, FigureUnit unit, string path) =>
        new(name, value, unit, path, path.StartsWith('/') ? Design.SourceMap.LineOf(path) : 0);
}

/// <summary>The base of each kind of figure: the shared <see cref="EstimateContext"/> under short names.</summary>
internal abstract class FigureBuilder(EstimateContext context)
{
    protected EstimateContext Context => context;

    protected LoadModel Model => context.Model;

    protected SystemDesign Design => context.Design;

    protected CallGraph Graph => context.Graph;

    protected EstimateOptions Options => context.Options;

    protected double[] Values => context.Values;

    protected LoadVectors Loads => context.Loads;

    protected List<string> Notes => context.Notes;

    protected double Growth => context.Growth;

    protected static FigureInput Derived(string name, double value, FigureUnit unit) =>
        new(name, value, unit, FigureSources.Derived, 0);

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    protected FigureInput In(string name, double value, FigureUnit unit, string path) => context.In(name, value, unit, path);

    protected FigureInput PeakFactorInput() =>
        Design.Requirements.PeakToAverage is { } p
            ? In("peak_to_average", p, FigureUnit.Factor, Design.Requirements.Path + "/peak_to_average")
            : new FigureInput("peak_to_average", Options.DefaultPeakToAverage, FigureUnit.Factor, FigureSources.Default, 0);

    /// <summary>The seconds in a month this estimate uses, with where the convention came from.</summary>
    protected FigureInput MonthInput() =>
        In($"seconds per month ({Plumbline.Design.Units.Calendar.Text(Model.Month)})", Model.SecondsPerMonth, FigureUnit.Count, Model.MonthSource);

    protected FigureInput GrowthInput() =>
        In("monthly growth", Growth, FigureUnit.Factor, Design.Requirements.Path + "/growth");
}
