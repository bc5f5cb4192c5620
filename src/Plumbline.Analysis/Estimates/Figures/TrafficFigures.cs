using Plumbline.Analysis.Explain;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Step 1's traffic: each workflow's average and peak rate, and the bandwidth of its requests and responses.</summary>
internal sealed class TrafficFigures(EstimateContext context) : FigureBuilder(context)
{
    public WorkflowTraffic Traffic(int w)
    {
        var workflow = Design.Workflows[w];
        Figure average;
        if (workflow.Rate is { } rate)
        {
            average = new Figure("average rate", Model.PerSecond(rate), FigureUnit.Rate, "rate", [In("rate", Model.PerSecond(rate), FigureUnit.Rate, workflow.Path + "/rate")]);
        }
        else if (Design.Requirements.Users.MonthlyActive is { } users && workflow.PerUser is { } perUser)
        {
            average = new Figure("average rate", Model.PerSecond(perUser) * users.Value, FigureUnit.Rate, "per_user x monthly_active",
                [In("per_user", Model.PerSecond(perUser), FigureUnit.Rate, workflow.Path + "/per_user"), In("monthly_active", users.Value, FigureUnit.Count, Design.Requirements.Users.Path + "/monthly_active")]);
        }
        else
        {
            average = Figure.Unknown("average rate", FigureUnit.Rate, "per_user needs requirements.users.monthly_active");
            Notes.Add($"Workflow '{workflow.Name}' is per user but requirements.users.monthly_active is not stated; its traffic is left out.");
        }

        var peakValue = Model.WorkflowPeak(Values, w);
        var peak = workflow.PeakRate is { } stated
            ? new Figure("peak rate", Model.PerSecond(stated), FigureUnit.Rate, "peak_rate", [In("peak_rate", Model.PerSecond(stated), FigureUnit.Rate, workflow.Path + "/peak_rate")])
            : average.IsKnown
                ? new Figure("peak rate", peakValue, FigureUnit.Rate, "average x peak_to_average", [Derived("average", average.Value!.Value, FigureUnit.Rate), PeakFactorInput()])
                : Figure.Unknown("peak rate", FigureUnit.Rate, "no average rate");

        return new WorkflowTraffic(workflow.Name, workflow.Type, average, peak,
            Bandwidth("request bandwidth", average, workflow.Request, workflow.Path + "/request"),
            Bandwidth("response bandwidth", average, workflow.Response, workflow.Path + "/response"));
    }

    private Figure Bandwidth(string name, Figure rate, ByteSize? size, string path)
    {
        if (!rate.IsKnown)
        {
            return Figure.Unknown(name, FigureUnit.BytesPerSecond, "no average rate");
        }

        if (size is not { } s)
        {
            return Figure.Unknown(name, FigureUnit.BytesPerSecond, $"no size stated at {path}");
        }

        return new Figure(name, rate.Value!.Value * s.Bytes, FigureUnit.BytesPerSecond, "average x size",
            [Derived("average", rate.Value!.Value, FigureUnit.Rate), In("size", s.Bytes, FigureUnit.Bytes, path)]);
    }
}
