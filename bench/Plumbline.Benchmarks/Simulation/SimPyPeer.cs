using System.Diagnostics;
using System.Globalization;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// Runs bench/simpy/mmc.py (copied beside the benchmark) under Debian's /usr/bin/python3 with python3-simpy
/// (SimPy 2.3) and reads its one result line. The script times only its simulation.
/// </summary>
public static class SimPyPeer
{
    public const string Python = "/usr/bin/python3";

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "simpy", "mmc.py");

    /// <summary>Null when SimPy 2 is not installed, with the reason.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (apt-get install python3-simpy)";
        }

        if (!File.Exists(ScriptPath))
        {
            return $"{ScriptPath} is missing";
        }

        var (code, output) = Exec(["-c", "import SimPy; print(SimPy.__version__)"]);
        return code == 0 ? null : "SimPy 2 is not installed for " + Python + " (apt-get install python3-simpy): " + output.Trim();
    }

    public static string Version() => Exec(["-c", "import SimPy; print(SimPy.__version__)"]).Output.Trim();

    public static (long Events, double Seconds, double CpuSeconds, double MeanWait) Run(double lambda, int servers, double mu, double duration, ulong seed)
    {
        var inv = CultureInfo.InvariantCulture;
        var (code, output) = Exec([ScriptPath, lambda.ToString("R", inv), servers.ToString(inv), mu.ToString("R", inv), duration.ToString("R", inv), seed.ToString(inv)]);
        if (code != 0)
        {
            throw new InvalidOperationException("The SimPy script failed: " + output);
        }

        var fields = output.Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        return (long.Parse(fields["events"], inv), double.Parse(fields["seconds"], inv), double.Parse(fields["cpu_seconds"], inv), double.Parse(fields["mean_wait"], inv));
    }

    private static (int Code, string Output) Exec(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Python);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
