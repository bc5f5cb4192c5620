using BenchmarkDotNet.Attributes;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Review;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;

namespace Plumbline.Benchmarks;

/// <summary>
/// Estimates (with and without sensitivity) and the full review of the generated 2,000-component,
/// 10,000-call design, loaded once outside the timing. Targets: estimate under 250 ms, estimate with
/// sensitivity under 2 s, review under 500 ms.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private SystemDesign _design = null!;

    [GlobalSetup]
    public void Setup() => _design = AnalysisQuickCases.LoadGenerated();

    [Benchmark(Baseline = true)]
    public EstimateReport Estimate() => Estimator.Estimate(_design);

    [Benchmark]
    public EstimateReport EstimateWithSensitivity() => Estimator.Estimate(_design, sensitivity: true);

    [Benchmark]
    public ReviewReport Review() => Reviewer.Review(_design, new ReviewOptions(new DateOnly(2026, 11, 25)));
}

/// <summary>The quick harness's cases for the analysis stages.</summary>
public static class AnalysisQuickCases
{
    public const double MaxEstimateMs = 250;
    public const double MaxSensitivityMs = 2000;
    public const double MaxReviewMs = 500;

    public static SystemDesign LoadGenerated()
    {
        var text = LoadInputs.Text(LoadInputs.GeneratedName);
        var result = DesignLoader.LoadText(LoadInputs.Path, text);
        LoadInputs.RequireClean(LoadInputs.GeneratedName, result);
        return result.Design!;
    }

    public static IEnumerable<QuickCase> Create()
    {
        var text = LoadInputs.Text(LoadInputs.GeneratedName);
        var size = LoadInputs.FileSize(text);
        var result = DesignLoader.LoadText(LoadInputs.Path, text);
        LoadInputs.RequireClean(LoadInputs.GeneratedName, result);
        var design = result.Design!;
        var today = new DateOnly(2026, 11, 25);

        yield return new QuickCase($"estimate {LoadInputs.GeneratedName}", size, () => Estimator.Estimate(design), MaxMedianMs: MaxEstimateMs);
        yield return new QuickCase($"estimate --sensitivity {LoadInputs.GeneratedName}", size, () => Estimator.Estimate(design, sensitivity: true), MaxMedianMs: MaxSensitivityMs);
        yield return new QuickCase($"review {LoadInputs.GeneratedName}", size, () => Reviewer.Review(design, new ReviewOptions(today)), MaxMedianMs: MaxReviewMs);
    }
}
