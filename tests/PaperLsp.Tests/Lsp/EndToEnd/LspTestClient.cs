using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// A small LSP client over the stdio of the BUILT server (<c>dotnet paperlsp.dll --stdio</c>, copied next to the test
/// assembly by the project reference). Raw Content-Length framing, so tests can also send garbage.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly Stream input;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JObject>> pending = new();
    private readonly List<JObject> notifications = [];
    private readonly List<JObject> unmatchedResponses = [];
    private readonly List<JObject> serverRequests = [];
    private readonly StringBuilder stderr = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private long nextId;

    private LspTestClient(Process process)
    {
        this.process = process;
        input = process.StandardInput.BaseStream;
        _ = Task.Run(ReadLoopAsync);
    }

    public static string ServerDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "paperlsp.dll");

    public int ProcessId => process.Id;
    public string Stderr { get { lock (stderr) return stderr.ToString(); } }
    public JObject? InitializeResult { get; private set; }

    public static LspTestClient Start(string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        info.ArgumentList.Add(ServerDll);
        info.ArgumentList.Add("--stdio");
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var client = new LspTestClient(process);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (client.stderr) client.stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Starts a server and initializes it. <paramref name="initializationOptions"/> and <paramref name="capabilities"/> are sent as given.</summary>
    public static async Task<LspTestClient> StartInitializedAsync(object? initializationOptions = null, object? capabilities = null, int? processId = null,
        object[]? workspaceFolders = null)
    {
        var client = Start();
        var response = await client.RequestAsync("initialize", new
        {
            processId = processId ?? Environment.ProcessId,
            clientInfo = new { name = "PaperLsp.Tests" },
            capabilities = capabilities ?? new { },
            initializationOptions,
            workspaceFolders,
        });
        client.InitializeResult = (JObject)response["result"]!;
        await client.NotifyAsync("initialized", new { });
        return client;
    }

    public async Task<JObject> RequestAsync(string method, object? parameters = null, TimeSpan? timeout = null)
    {
        var (id, task) = StartRequest(method, parameters);
        return await WithTimeout(task, timeout ?? Timeout, $"response to {method} ({id})");
    }

    /// <summary>Sends a request and returns its id and the task of its response, for tests that cancel it.</summary>
    public (long Id, Task<JObject> Response) StartRequest(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null) message["params"] = JToken.FromObject(parameters);
        _ = SendAsync(message);
        return (id, completion.Task);
    }

    /// <summary>The result of a request that must succeed.</summary>
    public async Task<JToken> CallAsync(string method, object? parameters = null)
    {
        var response = await RequestAsync(method, parameters);
        if (response["error"] is { } error) Assert.Fail($"{method} failed: {error}\nServer stderr:\n{Stderr}");
        return response["result"]!;
    }

    public Task NotifyAsync(string method, object? parameters = null)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null) message["params"] = JToken.FromObject(parameters);
        return SendAsync(message);
    }

    public Task SendAsync(JObject message) => SendRawAsync(Encoding.UTF8.GetBytes(message.ToString(Newtonsoft.Json.Formatting.None)));

    public async Task SendRawAsync(byte[] body)
    {
        await sendLock.WaitAsync();
        try
        {
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        catch (IOException) { }
        finally { sendLock.Release(); }
    }

    /// <summary>Sends bytes exactly as given, framing included: for tests of broken headers.</summary>
    public async Task SendBytesAsync(byte[] bytes)
    {
        await sendLock.WaitAsync();
        try
        {
            await input.WriteAsync(bytes);
            await input.FlushAsync();
        }
        catch (IOException) { }
        finally { sendLock.Release(); }
    }

    /// <summary>Closes the server's standard input (end of input, as when an editor dies).</summary>
    public void CloseInput()
    {
        try { input.Close(); } catch (IOException) { }
    }

    /// <summary>Set when the server's stdout held anything but well-formed LSP frames (stdout belongs to the protocol).</summary>
    public string? OutputProblem { get; private set; }

    /// <summary>Every message the server sent, in order.</summary>
    public List<JObject> AllMessages() { lock (all) return [.. all]; }

    private readonly List<JObject> all = [];

    public async Task<JObject> WaitForNotificationAsync(string method, Func<JObject, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (DateTime.UtcNow < deadline)
        {
            lock (notifications)
            {
                var found = notifications.FirstOrDefault(n => (string?)n["method"] == method && (predicate is null || predicate((JObject)n["params"]!)));
                if (found is not null) return (JObject)found["params"]!;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"no {method} notification; server stderr:\n{Stderr}");
    }

    public List<JObject> Notifications(string method)
    {
        lock (notifications) return notifications.Where(n => (string?)n["method"] == method).Select(n => (JObject)n["params"]!).ToList();
    }

    /// <summary>Requests the server sent us (all answered with a null result).</summary>
    public List<JObject> ServerRequests(string method) { lock (serverRequests) return serverRequests.Where(r => (string?)r["method"] == method).ToList(); }

    /// <summary>Waits for a <c>$/progress</c> end on some token; returns every progress value of that token in order.</summary>
    public async Task<List<JObject>> WaitForProgressEndAsync(TimeSpan? timeout = null)
    {
        var end = await WaitForNotificationAsync("$/progress", p => (string?)p["value"]?["kind"] == "end", timeout);
        var token = (string?)end["token"];
        return Notifications("$/progress").Where(p => (string?)p["token"] == token).Select(p => (JObject)p["value"]!).ToList();
    }

    /// <summary>Responses that matched no request of ours (e.g. a ParseError with id null).</summary>
    public List<JObject> UnmatchedResponses() { lock (unmatchedResponses) return [.. unmatchedResponses]; }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"server did not exit; stderr:\n{Stderr}"); }
        return process.ExitCode;
    }

    public bool HasExited => process.HasExited;

    public async Task OpenAsync(string uri, string text, int version = 1) =>
        await NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "papers", version, text } });

    public async Task ShutdownAndExitAsync()
    {
        if (process.HasExited) return;
        await RequestAsync("shutdown");
        await NotifyAsync("exit");
        await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try { await ShutdownAndExitAsync(); }
        catch (Exception) { }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var stream = process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = -1;
                while (true)
                {
                    var line = await ReadHeaderLineAsync(stream);
                    if (line is null) return;
                    if (line.Length == 0) break;
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim());
                    else if (!line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)) OutputProblem ??= $"not an LSP header on stdout: {line}";
                }
                if (length < 0) { OutputProblem ??= "a frame without Content-Length on stdout"; return; }
                var body = new byte[length];
                await stream.ReadExactlyAsync(body);
                JObject message;
                try { message = JObject.Parse(Encoding.UTF8.GetString(body)); }
                catch (Newtonsoft.Json.JsonException exception) { OutputProblem ??= $"a frame that is not a JSON object on stdout: {exception.Message}"; return; }
                if ((string?)message["jsonrpc"] != "2.0") OutputProblem ??= $"a message without jsonrpc 2.0 on stdout: {message}";
                lock (all) all.Add(message);
                if (message["method"] is not null && message["id"] is null)
                {
                    lock (notifications) notifications.Add(message);
                }
                else if (message["method"] is not null)
                {
                    // A request of the server (progress token, capability registration): record it and accept it, as editors do.
                    lock (serverRequests) serverRequests.Add(message);
                    _ = SendAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = JValue.CreateNull() });
                }
                else if (message["id"] is { Type: JTokenType.Integer } id && pending.TryRemove((long)id, out var completion))
                {
                    completion.TrySetResult(message);
                }
                else
                {
                    lock (unmatchedResponses) unmatchedResponses.Add(message);
                }
            }
        }
        catch (Exception) { }
        finally
        {
            foreach (var completion in pending.Values) completion.TrySetException(new EndOfStreamException("server output ended"));
        }
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            if (one[0] == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }

    private async Task<T> WithTimeout<T>(Task<T> task, TimeSpan timeout, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout)) != task) throw new TimeoutException($"no {what}; server stderr:\n{Stderr}");
        return await task;
    }
}
