namespace Plumbline.Cli.Tests;

/// <summary>Runs the CLI in-process and keeps what it wrote.</summary>
internal sealed record CliRun(int Exit, string Out, string Error)
{
    public static CliRun Of(params string[] args) => With(interactive: false, input: "", args);

    public static CliRun With(bool interactive, string input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, new StringReader(input)) { IsInteractive = interactive };
        var exit = CliApp.Run(args, console);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

/// <summary>A fresh folder under the system temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plumbline-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Small designs for the tests.</summary>
internal static class Designs
{
    public const string Valid = """
        plumbline: 1
        system:
          name: tiny-shop
          summary: Sell a few things online.
        workflows:
          browse:
            entry: web.list
            rate: 20/s
            criticality: high
          buy:
            entry: web.order
            rate: 1/s
            type: write
            criticality: critical
        components:
          web:
            kind: service
            instances: 2
            operations:
              list:
                latency:
                  p50: 5ms
                  p99: 50ms
                calls:
                  - to: db.query
                    timeout: 100ms
              order:
                calls:
                  - to: db.insert
                    timeout: 200ms
          db:
            kind: database
            model: oltp
            operations:
              query: {}
              insert:
                type: write
        """;

    /// <summary>An unknown key and an entry that points nowhere.</summary>
    public const string Invalid = """
        plumbline: 1
        system:
          name: broken
        workflows:
          browse:
            entry: web.nowhere
            rate: 20/s
        components:
          web:
            kind: service
            instancez: 2
            operations:
              list: {}
        """;
}
