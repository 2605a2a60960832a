using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLsp.LspBench;

/// <summary>A received publishDiagnostics: when its body was fully read, for which version, how many items.</summary>
public readonly record struct Published(long Timestamp, int? Version, int Count);

/// <summary>
/// A minimal LSP client over a child process's stdio: Content-Length framing, System.Text.Json.
/// Every incoming message is timestamped (<see cref="Stopwatch.GetTimestamp"/>) as soon as its last byte is read,
/// before it is parsed, so large responses are timed by their arrival, not by the client's JSON parsing.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly Stream output;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<(long Timestamp, JsonElement Result, int Bytes)>> pending = new();
    private readonly Task readLoop;
    private readonly Task errorLoop;
    private int nextId;

    /// <summary>Every publishDiagnostics, in arrival order.</summary>
    public BlockingCollection<Published> Diagnostics { get; } = new();

    public int ProcessId => process.Id;
    public StringBuilder ServerLog { get; } = new();

    public LspClient(string serverDll, IReadOnlyDictionary<string, string> environment)
        : this("dotnet", [serverDll, "--stdio"], environment)
    {
    }

    /// <summary>Any language server over stdio (the side-by-side run starts vscode-json-language-server with node).</summary>
    public LspClient(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        input = process.StandardInput.BaseStream;
        output = process.StandardOutput.BaseStream;
        readLoop = Task.Run(ReadLoopAsync);
        errorLoop = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
                lock (ServerLog) ServerLog.AppendLine(line);
        });
    }

    public async Task<(long Sent, long Received, JsonElement Result, int Bytes)> RequestAsync(string method, object? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<(long, JsonElement, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        var sent = await SendAsync(new { jsonrpc = "2.0", id, method, @params = parameters });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout));
        if (finished != completion.Task) throw new TimeoutException($"{method} got no response in {timeout}");
        var (received, result, bytes) = await completion.Task;
        return (sent, received, result, bytes);
    }

    /// <summary>Sends a notification; returns the timestamp taken just before its first byte was written.</summary>
    public Task<long> NotifyAsync(string method, object? parameters) => SendAsync(new { jsonrpc = "2.0", method, @params = parameters });

    private async Task<long> SendAsync(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writeLock.WaitAsync();
        try
        {
            var started = Stopwatch.GetTimestamp();
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
            return started;
        }
        finally { writeLock.Release(); }
    }

    private async Task ReadLoopAsync()
    {
        var reader = new FramedReader(output);
        try
        {
            while (await reader.ReadMessageAsync() is { } body)
            {
                var received = Stopwatch.GetTimestamp();
                try
                {
                    Dispatch(body.Bytes.AsMemory(0, body.Length), received);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(body.Bytes);
                }
            }
        }
        catch (Exception exception)
        {
            lock (ServerLog) ServerLog.AppendLine($"[client] read loop failed: {exception}");
        }
        finally
        {
            foreach (var waiting in pending.Values) waiting.TrySetException(new EndOfStreamException("server closed its output"));
            Diagnostics.CompleteAdding();
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> body, long received)
    {
        // A publication at 100k is 1 MB, one per keystroke: read it with a forward-only reader, not into a DOM. This
        // client shares two cores with the server, and a JsonDocument per publication took more CPU than the server's
        // own work for the keystroke (docs/performance.md, "the bench's own client").
        if (ScanPublication(body.Span) is { } scanned)
        {
            Diagnostics.Add(scanned with { Timestamp = received });
            return;
        }
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var hasMethod = root.TryGetProperty("method", out var methodElement);
        var hasId = root.TryGetProperty("id", out var idElement);
        if (hasMethod && hasId)
        {
            // A request from the server (registerCapability, workDoneProgress/create, ...): accept it.
            var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(idElement.GetRawText()), ["result"] = null };
            _ = SendAsync(reply);
            return;
        }
        if (hasMethod)
        {
            if (methodElement.GetString() == "textDocument/publishDiagnostics")
            {
                var parameters = root.GetProperty("params");
                int? version = parameters.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
                Diagnostics.Add(new Published(received, version, parameters.GetProperty("diagnostics").GetArrayLength()));
            }
            return;
        }
        if (hasId && idElement.ValueKind == JsonValueKind.Number && pending.TryRemove(idElement.GetInt32(), out var completion))
        {
            if (root.TryGetProperty("error", out var error))
                completion.TrySetException(new InvalidOperationException($"server error: {error.GetRawText()}"));
            else
                completion.TrySetResult((received, Summary(root), body.Length));
        }
    }

    /// <summary>
    /// A publishDiagnostics notification's version and item count, read in one forward pass (its properties may come
    /// in any order); null for anything else (a request, a response, another notification).
    /// </summary>
    internal static Published? ScanPublication(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? method = null;
        var hasParams = false;
        int? version = null;
        var count = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (method != "textDocument/publishDiagnostics") return null;
            }
            // A request or a response.
            else if (reader.ValueTextEquals("id"u8)) return null;
            else if (reader.ValueTextEquals("params"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject) return null;
                hasParams = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("version"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Number) version = reader.GetInt32();
                    }
                    else if (reader.ValueTextEquals("diagnostics"u8))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.StartArray) return null;
                        count = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            count++;
                            reader.Skip();
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return method is not null && hasParams && count >= 0 ? new Published(0, version, count) : null;
    }

    /// <summary>
    /// Results are timed, not kept (documentSymbol at 100k is tens of MB): only a diagnostic report's kind, result id
    /// and item count survive, for the pull mode.
    /// </summary>
    private static JsonElement Summary(JsonElement response)
    {
        if (!response.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object) return default;
        var summary = new JsonObject();
        if (result.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String) summary["kind"] = kind.GetString();
        if (result.TryGetProperty("resultId", out var id) && id.ValueKind == JsonValueKind.String) summary["resultId"] = id.GetString();
        if (result.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array) summary["items"] = items.GetArrayLength();
        return JsonSerializer.SerializeToElement(summary);
    }

    /// <summary>
    /// CPU time (user + system) the server process has used so far, in ms, from /proc (10 ms ticks). On a loaded
    /// machine this tracks the server's work far better than wall time, which includes waiting for a core.
    /// </summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // The command name (field 2) is in parentheses and may contain spaces: count fields after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }

    /// <summary>VmHWM (peak resident set) and VmRSS of the server process, in KiB, from /proc.</summary>
    public (long PeakKiB, long CurrentKiB) Memory()
    {
        long peak = -1, current = -1;
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = ParseKiB(line);
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) current = ParseKiB(line);
        }
        return (peak, current);

        static long ParseKiB(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(30));
                await NotifyAsync("exit", null);
            }
            if (!process.WaitForExit(10_000)) process.Kill(entireProcessTree: true);
        }
        catch
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        await Task.WhenAny(Task.WhenAll(readLoop, errorLoop), Task.Delay(5_000));
        process.Dispose();
        // What the server says it did with its memory belongs beside the memory figures.
        lock (ServerLog)
            foreach (var line in ServerLog.ToString().Split('\n'))
                if (line.Contains("Gave back memory", StringComparison.Ordinal)) Console.WriteLine($"   server: {line.Trim()}");
    }

    /// <summary>Reads Content-Length framed bodies.</summary>
    /// <summary>
    /// Content-Length frames. A body is read straight into a pooled array (the caller returns it): a 1 MB publication
    /// per keystroke allocated on the large-object heap and copied through a 64 KiB buffer cost this client more than
    /// the server spent on the keystroke.
    /// </summary>
    private sealed class FramedReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[1 << 16];
        private int start;
        private int end;

        public async Task<(byte[] Bytes, int Length)?> ReadMessageAsync()
        {
            var length = -1;
            while (true)
            {
                var line = await ReadLineAsync();
                if (line is null) return null;
                if (line.Length == 0) break;
                var colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    length = int.Parse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
            if (length < 0) throw new InvalidDataException("message without Content-Length");
            var body = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
            var buffered = Math.Min(length, end - start);
            Buffer.BlockCopy(buffer, start, body, 0, buffered);
            start += buffered;
            var filled = buffered;
            while (filled < length)
            {
                var read = await stream.ReadAsync(body.AsMemory(filled, length - filled));
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(body);
                    throw new EndOfStreamException();
                }
                filled += read;
            }
            return (body, length);
        }

        private async Task<string?> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (start == end && !await FillAsync()) return line.Length == 0 ? null : line.ToString();
                var b = buffer[start++];
                if (b == '\n') return line.ToString().TrimEnd('\r');
                line.Append((char)b);
            }
        }

        private async Task<bool> FillAsync()
        {
            start = 0;
            end = await stream.ReadAsync(buffer);
            return end > 0;
        }
    }
}
