using System.ComponentModel;
using System.Diagnostics;

namespace Plumbline.Engine.Files;

/// <summary>What a git command gave: its exit code, standard output (at most the bytes asked for, and whether there was more) and the first line of its errors.</summary>
public sealed record GitOutput(int ExitCode, byte[] Output, bool Truncated, string Error);

/// <summary>
/// The one way Plumbline runs git: no prompt, no optional locks, standard input closed, a time limit, and standard
/// output read up to a bound, so a huge blob or a hung remote cannot hold a command. Null when git is not installed
/// or did not finish in time.
/// </summary>
public static class GitProcess
{
    /// <summary>How long one git command may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static GitOutput? Run(string workingDirectory, IReadOnlyList<string> arguments, int maxBytes = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(workingDirectory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            var output = ReadBounded(process.StandardOutput.BaseStream, maxBytes);
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            var (bytes, truncated) = output.Result;
            if (truncated)
            {
                return new GitOutput(process.ExitCode, bytes, true, string.Empty);
            }

            var firstError = error.Result.Split('\n', 2)[0].Trim();
            return new GitOutput(process.ExitCode, bytes, false, firstError);
        }
        catch (Win32Exception)
        {
            return null; // git is not installed
        }
    }

    /// <summary>Reads up to <paramref name="maxBytes"/>, then drains the rest (so git does not block on a full pipe) and says there was more.</summary>
    private static async Task<(byte[] Bytes, bool Truncated)> ReadBounded(Stream stream, int maxBytes)
    {
        var kept = new MemoryStream();
        var buffer = new byte[81920];
        var truncated = false;
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = maxBytes - (int)kept.Length;
            if (read > room)
            {
                kept.Write(buffer, 0, Math.Max(0, room));
                truncated = true;
            }
            else
            {
                kept.Write(buffer, 0, read);
            }
        }

        return (kept.ToArray(), truncated);
    }
}
