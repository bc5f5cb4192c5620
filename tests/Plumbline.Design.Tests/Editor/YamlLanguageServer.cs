using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Plumbline.Design.Tests.Editor;

/// <summary>
/// A small Language Server Protocol client driving the real yaml-language-server over stdio, the way an
/// editor does: initialize, open a document, wait for its diagnostics, ask for completion and hover.
/// Settings are the editor defaults with schema-store lookups off (the schema comes from the file's
/// <c># yaml-language-server: $schema=</c> line). One server serves every document a test class opens.
/// </summary>
internal sealed class YamlLanguageServer : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Thread _reader;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonArray>> _diagnostics = new(StringComparer.Ordinal);
    private readonly StringBuilder _errors = new();
    private readonly object _writeLock = new();
    private int _nextId;

    private YamlLanguageServer(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "yaml-language-server reader" };
        _reader.Start();
    }

    /// <summary>Starts the server and completes the initialize handshake.</summary>
    public static YamlLanguageServer Start(string rootFolder)
    {
        var start = new ProcessStartInfo(NodeClients.Node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = rootFolder,
        };
        start.ArgumentList.Add(NodeClients.YamlLanguageServer);
        start.ArgumentList.Add("--stdio");
        var server = new YamlLanguageServer(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
        server.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(rootFolder).AbsoluteUri,
            ["capabilities"] = new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = true } },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["publishDiagnostics"] = new JsonObject(),
                },
                ["workspace"] = new JsonObject { ["configuration"] = true },
            },
        });
        server.Notify("initialized", new JsonObject());
        server.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["yaml"] = Settings() } });
        return server;
    }

    /// <summary>Opens a document (its text given here, so it need not exist on disk) and returns its first diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Open(string path, string text)
    {
        var uri = new Uri(path).AbsoluteUri;
        var published = _diagnostics.GetOrAdd(uri, _ => new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously));
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });
        if (!published.Task.Wait(Timeout))
        {
            throw new TimeoutException($"no diagnostics for {path} within {Timeout.TotalSeconds} s; server said: {ServerErrors()}");
        }

        return [.. published.Task.Result.OfType<JsonObject>().Select(d => new Diagnostic(
            d["range"]!["start"]!["line"]!.GetValue<int>() + 1,
            d["range"]!["start"]!["character"]!.GetValue<int>() + 1,
            d["message"]!.GetValue<string>()))];
    }

    /// <summary>The completion items at a 0-based line and character.</summary>
    public IReadOnlyList<Completion> Complete(string path, int line, int character)
    {
        var result = Request("textDocument/completion", Position(path, line, character));
        var items = result is JsonObject list ? list["items"]!.AsArray() : result?.AsArray() ?? [];
        return [.. items.OfType<JsonObject>().Select(i => new Completion(
            i["label"]!.GetValue<string>(),
            i["kind"]?.GetValue<int>() ?? 0,
            i["documentation"] switch
            {
                JsonValue text => text.GetValue<string>(),
                JsonObject markup => markup["value"]?.GetValue<string>() ?? string.Empty,
                _ => string.Empty,
            }))];
    }

    /// <summary>The hover text (markdown) at a 0-based line and character, or null when the server has none.</summary>
    public string? Hover(string path, int line, int character) =>
        Request("textDocument/hover", Position(path, line, character)) is JsonObject hover
            ? hover["contents"]!["value"]?.GetValue<string>()
            : null;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Request("shutdown", null, TimeSpan.FromSeconds(10));
                Notify("exit", null);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
        {
            // The server is stopped below either way.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }

    private static JsonObject Settings() => new()
    {
        ["validate"] = true,
        ["completion"] = true,
        ["hover"] = true,
        ["schemaStore"] = new JsonObject { ["enable"] = false },
    };

    private static JsonObject Position(string path, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private JsonNode? Request(string method, JsonNode? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var limit = timeout ?? Timeout;
        if (!answer.Task.Wait(limit))
        {
            throw new TimeoutException($"{method} had no answer within {limit.TotalSeconds} s; server said: {ServerErrors()}");
        }

        return answer.Task.Result;
    }

    private void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (IOException)
        {
            // The server went away; waiting requests time out with its standard error.
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var answer))
            {
                if (message["error"] is { } error)
                {
                    answer.TrySetException(new InvalidOperationException("the server answered with an error: " + error.ToJsonString()));
                }
                else
                {
                    answer.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        if (method == "textDocument/publishDiagnostics")
        {
            var parameters = message["params"]!;
            var uri = parameters["uri"]!.GetValue<string>();
            _diagnostics.GetOrAdd(uri, _ => new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously))
                .TrySetResult(parameters["diagnostics"]!.DeepClone().AsArray());
            return;
        }

        if (method is not null && id is not null)
        {
            // A request from the server: its configuration, or a registration; answered as an editor would.
            JsonNode? result = method == "workspace/configuration"
                ? new JsonArray([.. message["params"]!["items"]!.AsArray().Select(_ => (JsonNode)Settings())])
                : null;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
    }

    private static JsonObject? ReadMessage(Stream stream)
    {
        var length = -1;
        var header = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            header.Append((char)b);
            if (header.Length >= 4 && header.ToString(header.Length - 4, 4) == "\r\n\r\n")
            {
                break;
            }
        }

        foreach (var line in header.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private string ServerErrors()
    {
        lock (_errors)
        {
            return _errors.Length == 0 ? "(nothing on standard error)" : _errors.ToString();
        }
    }
}

/// <summary>A diagnostic as an editor shows it: 1-based line and column, and the message.</summary>
internal sealed record Diagnostic(int Line, int Column, string Message);

/// <summary>A completion item: its label, LSP kind (10 is a property) and documentation.</summary>
internal sealed record Completion(string Label, int Kind, string Documentation)
{
    public const int PropertyKind = 10;
}
