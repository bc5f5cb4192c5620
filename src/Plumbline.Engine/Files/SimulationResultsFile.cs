using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Plumbline.Design.Yaml;
using Plumbline.Simulation.Designs;

namespace Plumbline.Engine.Files;

/// <summary>A simulation results file read back, or why it could not be.</summary>
public sealed record SimulationResultsRead(SimulationSummary? Summary, string? Error);

/// <summary>
/// Reads what <c>plumbline simulate --format json</c> wrote: the system, the seed and each scenario's SLO results.
/// Read through the bounded reader like any file; a file that is not such JSON is an error in words, never an exception.
/// </summary>
public static class SimulationResultsFile
{
    public static SimulationResultsRead Read(string path, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = SourceFile.Read(path, limits);
        if (file.Bytes is not { } bytes)
        {
            return new SimulationResultsRead(null, file.Error?.Message ?? "it cannot be read");
        }

        try
        {
            using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            var root = json.RootElement;
            var system = root.GetProperty("system").GetString() ?? string.Empty;
            var seed = ulong.Parse(root.GetProperty("seed").ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
            var slos = ImmutableArray.CreateBuilder<SimulatedSlo>();
            foreach (var scenario in root.GetProperty("scenarios").EnumerateArray())
            {
                var name = scenario.GetProperty("name").GetString() ?? string.Empty;
                foreach (var slo in scenario.GetProperty("slos").EnumerateArray())
                {
                    slos.Add(new SimulatedSlo(
                        name,
                        slo.GetProperty("name").GetString() ?? string.Empty,
                        slo.GetProperty("workflow").GetString() ?? string.Empty,
                        slo.GetProperty("sli").GetString() ?? string.Empty,
                        slo.GetProperty("objective").GetDouble(),
                        slo.GetProperty("achieved").GetDouble(),
                        slo.GetProperty("met").GetBoolean(),
                        slo.GetProperty("expected").GetBoolean()));
                }
            }

            var source = $"the results file {path} (plumbline simulate --format json, seed {seed.ToString(CultureInfo.InvariantCulture)})";
            return new SimulationResultsRead(new SimulationSummary(system, seed, source, slos.ToImmutable()), null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            return new SimulationResultsRead(null, "it is not the JSON of plumbline simulate --format json: " + ex.Message);
        }
    }
}
