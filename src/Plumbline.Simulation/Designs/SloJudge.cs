using Plumbline.Design.Model;

namespace Plumbline.Simulation.Designs;

/// <summary>
/// Judges an SLO over a run. Over the whole measured period: good over valid against the objective. Window by window:
/// consecutive windows are judged together until they hold at least one request's worth of error budget
/// ((1 - objective) x valid &gt;= 1), so a quiet workflow is not failed by one unlucky request in a second; a span breaks
/// the SLO when its bad requests exceed its budget.
/// </summary>
internal static class SloJudge
{
    public static SloResult Judge(Slo slo, IReadOnlyList<(long Good, long Valid)> windows, double width, double? faultEnd)
    {
        var objective = slo.Objective.Fraction;
        var budget = 1 - objective;
        long good = 0, valid = 0, spanGood = 0, spanValid = 0;
        double spanStart = -1;
        double? from = null, until = null;
        for (var i = 0; i < windows.Count; i++)
        {
            var (g, v) = windows[i];
            if (v < 0)
            {
                continue;
            }

            good += g;
            valid += v;
            if (spanStart < 0)
            {
                spanStart = i * width;
            }

            spanGood += g;
            spanValid += v;
            if ((spanValid * budget >= 1 || i == windows.Count - 1) && spanValid > 0)
            {
                if (Broken(spanGood, spanValid, budget))
                {
                    from ??= spanStart;
                    until = (i + 1) * width;
                }

                (spanGood, spanValid, spanStart) = (0, 0, -1);
            }
        }

        var achieved = valid > 0 ? (double)good / valid : double.NaN;
        var met = valid == 0 || !Broken(good, valid, budget);
        var burned = valid > 0 && budget > 0 ? (valid - good) / (budget * valid) : 0;
        double? recovered = faultEnd is { } end && until is { } last ? Math.Max(0, last - end) : null;
        return new SloResult(slo.Name, slo.Workflow, slo.Sli, objective, slo.Threshold?.Seconds, good, valid, achieved, met, burned, from, until, recovered);
    }

    /// <summary>Bad requests above the budget (with a hair of tolerance for rounding).</summary>
    private static bool Broken(long good, long valid, double budget) => valid - good > (budget * valid) + 1e-9;
}
