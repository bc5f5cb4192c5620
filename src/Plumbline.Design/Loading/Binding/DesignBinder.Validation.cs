using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>validation</c>: load and chaos scenarios, their shapes, faults and expectations.</summary>
internal static partial class DesignBinder
{
    private static ValidationPlan ReadValidation(MapReader map, BindContext context)
    {
        var load = ReadNamedList(map, "load", "load_scenario", "load scenario", "name", context, m =>
        {
            var shape = ReadLoadShape(m, context);
            return new LoadScenario(m.RequiredString("name", "the scenario's name"), shape, m.StringList("workflows"), ReadExpectation(m, context), m.Path);
        });
        var chaos = ReadNamedList(map, "chaos", "chaos_scenario", "chaos scenario", "name", context, m =>
        {
            var fault = ReadFault(m, context);
            return new ChaosScenario(m.RequiredString("name", "the scenario's name"), m.Duration("at"), fault, ReadExpectation(m, context), m.Path);
        });
        return new ValidationPlan(load, chaos, map.Path);
    }

    private static readonly string[] LoadShapeKinds = ["ramp", "rate", "diurnal"];

    private static LoadShape ReadLoadShape(MapReader scenario, BindContext context)
    {
        var fallback = new LoadShape(1, 1, Duration.FromSeconds(0), Duration.FromSeconds(600));
        var m = scenario.Map("shape", "load_shape");
        if (m is null)
        {
            if (!scenario.Has("shape"))
            {
                scenario.ReportMissing("shape", "the traffic shape, such as { ramp: 1x to 3x, over: 10m, hold: 30m }");
            }

            return fallback;
        }

        double from = 1, to = 1;
        var diurnal = false;
        var given = LoadShapeKinds.Where(m.Has).ToList();
        if (given.Count > 1)
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan(given[1]), m.ChildPath(given[1]), given[0], given[1]));
        }
        else if ((m.Scalar("ramp") ?? m.Scalar("diurnal")) is { } ramp)
        {
            diurnal = m.Has("diurnal");
            var key = diurnal ? "diurnal" : "ramp";
            var parts = ramp.Value.Split(" to ", StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && TryMultiple(parts[0], out from) && TryMultiple(parts[1], out to))
            {
                // parsed
            }
            else
            {
                context.Report(DiagnosticCodes.InvalidLoadShape(ramp.Span, m.ChildPath(key), ramp.Value));
            }
        }
        else if (m.Scalar("rate") is { } rate)
        {
            if (TryMultiple(rate.Value, out from))
            {
                to = from;
            }
            else
            {
                context.Report(DiagnosticCodes.InvalidLoadShape(rate.Span, m.ChildPath("rate"), rate.Value));
            }
        }
        else
        {
            context.Report(DiagnosticCodes.OneOfRequired(m.Span, m.Path, "load shape", ["ramp", "rate", "diurnal"]));
        }

        var hold = m.Duration("hold");
        if (hold is null && !m.Has("hold"))
        {
            m.ReportMissing("hold", "how long to hold the load, such as 30m");
        }

        var over = m.Duration("over") ?? Duration.FromSeconds(diurnal ? 86_400 : 0);
        return new LoadShape(from, to, over, hold ?? fallback.Hold) { Diurnal = diurnal };
    }

    private static bool TryMultiple(string text, out double value)
    {
        value = 0;
        return text.EndsWith('x') && MapReader.TryParseNumber(text[..^1], out value) && value >= 0 && value <= 1000;
    }

    private static Expectation? ReadExpectation(MapReader scenario, BindContext context)
    {
        var m = scenario.Map("expect", "expectation");
        if (m is null)
        {
            return null;
        }

        var node = m.Node("slos");
        if (node is YamlScalar scalar)
        {
            if (scalar.Value == "met")
            {
                return new Expectation(true, []);
            }

            context.Report(DiagnosticCodes.WrongValue(scalar.Span, m.ChildPath("slos"), scalar.Value, "'met' or a list of SLO names"));
            return null;
        }

        return new Expectation(false, m.StringList("slos"));
    }

    private static Fault ReadFault(MapReader scenario, BindContext context)
    {
        var m = scenario.Map("fault", "fault");
        if (m is null)
        {
            if (!scenario.Has("fault"))
            {
                scenario.ReportMissing("fault", "what breaks, such as { zone_down: a, for: 15m }");
            }

            return new Fault(FaultKind.Fail, string.Empty, null, null, null, null);
        }

        (string Key, FaultKind Kind)[] kinds = [("zone_down", FaultKind.ZoneDown), ("instance_down", FaultKind.InstanceDown), ("slow", FaultKind.Slow), ("fail", FaultKind.Fail)];
        var given = kinds.Where(k => m.Has(k.Key)).ToList();
        if (given.Count == 0)
        {
            context.Report(DiagnosticCodes.OneOfRequired(m.Span, m.Path, "fault", [.. kinds.Select(k => k.Key)]));
            return new Fault(FaultKind.Fail, string.Empty, null, null, null, m.Duration("for"));
        }

        if (given.Count > 1)
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan(given[1].Key), m.ChildPath(given[1].Key), given[0].Key, given[1].Key));
        }

        var (key, kind) = given[0];
        var add = m.Duration("add");
        var times = m.Number("times", 1, Fault.MaxTimes, minExclusive: true);
        if (kind == FaultKind.Slow && add is null && times is null && !m.Has("add") && !m.Has("times"))
        {
            m.ReportMissing("add", "the latency to add, such as 200ms (or times, a multiple of the latency such as 3)");
        }

        return new Fault(kind, m.String(key) ?? string.Empty, m.Int("instances", 1, 100_000), add, m.Ratio("error_rate"), m.Duration("for"), times);
    }
}
