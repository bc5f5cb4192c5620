using System.Diagnostics;

namespace Plumbline.Tests.Shared;

/// <summary>
/// The real clients Plumbline's output is checked with, installed from npm into <c>tests/clients</c> by
/// <c>scripts/test</c> (<c>npm ci</c>, versions pinned by its lock file): the SARIF multitool, the YAML
/// language server editors run, and the Sourcemeta JSON Schema CLI. A test that needs one and does not
/// find it fails with how to install it; it is never skipped.
/// </summary>
internal static class NodeClients
{
    /// <summary>The folder holding the clients' package.json and, once installed, node_modules (needs Shared/Repository.cs).</summary>
    public static string Folder => Path.Combine(Repository.Root, "tests", "clients");

    /// <summary>The yaml-language-server entry point, run with node.</summary>
    public static string YamlLanguageServer => Installed(Path.Combine("node_modules", "yaml-language-server", "bin", "yaml-language-server"));

    /// <summary>The SARIF multitool's Linux binary (called directly: the npm wrapper runs it through a shell, which splits ';' in arguments).</summary>
    public static string SarifMultitool => Installed(Path.Combine("node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"));

    /// <summary>The Sourcemeta JSON Schema CLI (<c>jsonschema validate</c>, <c>metaschema</c>).</summary>
    public static string JsonSchemaCli => Installed(Path.Combine("node_modules", ".bin", "jsonschema"));

    /// <summary>The node executable on PATH.</summary>
    public static string Node => "node";

    /// <summary>Runs a client to completion (bounded by <paramref name="timeout"/>): its exit code, standard output and error.</summary>
    public static (int Exit, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string Installed(string relative)
    {
        var path = Path.Combine(Folder, relative);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{relative} is not installed: run ./scripts/test, or 'npm ci --prefix tests/clients' (Node.js and npm are needed)");
        }

        return path;
    }
}
