using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp;

namespace PaperLsp.Tests.Lsp.InProcess;

/// <summary>
/// The language server in the test process, over in-memory pipes, for what only the test-only construction path can
/// set up (<see cref="LanguageServerOptions.BeforeConcurrentRequest"/>): nothing a client sends reaches that seam.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly Pipe toServer = new();
    private readonly Pipe toClient = new();
    private readonly LanguageServer server;
    private readonly Task<int> run;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JObject>> pending = new();
    private readonly Stream input;
    private long nextId;

    public InProcessServer(LanguageServerOptions options)
    {
        server = new LanguageServer(toServer.Reader.AsStream(), toClient.Writer.AsStream(), options);
        run = server.RunAsync();
        input = toServer.Writer.AsStream();
        _ = Task.Run(ReadLoopAsync);
    }

    public Task<int> Completion => run;

    /// <summary>The server's state, for what no client can see (what the transport holds between messages).</summary>
    public ServerSession Session => server.Session;

    public async Task<JObject> InitializeAsync()
    {
        var response = await StartRequest("initialize", new { processId = (int?)null, capabilities = new { } }).Response;
        await NotifyAsync("initialized", new { });
        return response;
    }

    public (long Id, Task<JObject> Response) StartRequest(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null) message["params"] = JToken.FromObject(parameters);
        _ = SendAsync(message);
        return (id, completion.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    public Task NotifyAsync(string method, object? parameters = null)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null) message["params"] = JToken.FromObject(parameters);
        return SendAsync(message);
    }

    private readonly SemaphoreSlim sendLock = new(1, 1);

    private async Task SendAsync(JObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToString(Newtonsoft.Json.Formatting.None));
        await sendLock.WaitAsync();
        try
        {
            await input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally { sendLock.Release(); }
    }

    private async Task ReadLoopAsync()
    {
        var reader = toClient.Reader;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            while (TryReadMessage(ref buffer, out var message))
            {
                if (message["id"] is { Type: JTokenType.Integer } id && message["method"] is null && pending.TryRemove((long)id, out var completion))
                    completion.TrySetResult(message);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted) return;
        }
    }

    private static bool TryReadMessage(ref System.Buffers.ReadOnlySequence<byte> buffer, out JObject message)
    {
        message = null!;
        var text = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 64)).ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        var length = int.Parse(text["Content-Length:".Length..end].Trim());
        if (buffer.Length < end + 4 + length) return false;
        message = JObject.Parse(Encoding.UTF8.GetString(buffer.Slice(end + 4, length).ToArray()));
        buffer = buffer.Slice(end + 4 + length);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await toServer.Writer.CompleteAsync();
        await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5)));
        await server.DisposeAsync();
    }
}
