using System.Globalization;
using PaperLsp.Text;

namespace PaperLsp.LspBench;

/// <summary>What every scenario says to the server the same way: the handshake and a one-change didChange.</summary>
public static class BenchServer
{
    /// <summary>The server's <c>WorkspaceSession.DeferRelationsFrom</c>: lists this long get their duplicates in a second
    /// publication, after their first diagnostics.</summary>
    public const int DeferRelationsFrom = 5000;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Starts a server with the bench's environment (the debounce, when given).</summary>
    public static LspClient Start(string serverDll, int? debounceMs)
    {
        var environment = new Dictionary<string, string>();
        if (debounceMs is { } debounce) environment["PAPERLSP_DIAGNOSTICS_DELAY_MS"] = debounce.ToString(CultureInfo.InvariantCulture);
        return new LspClient(serverDll, environment);
    }

    /// <summary>
    /// initialize + initialized as an editor with UTF-16 positions and versioned diagnostics. <paramref name="push"/>
    /// false is what VS Code gets when the server offers pull diagnostics: the server then publishes nothing.
    /// </summary>
    public static async Task InitializeAsync(LspClient client, bool push, int? debounceMs)
    {
        var initializationOptions = new Dictionary<string, object> { ["pushDiagnostics"] = push };
        if (debounceMs is { } ms) initializationOptions["diagnosticsDelayMs"] = ms;
        await client.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "paperlsp-lspbench", version = "1" },
            rootUri = (string?)null,
            capabilities = new
            {
                general = new { positionEncodings = new[] { "utf-16" } },
                textDocument = new
                {
                    publishDiagnostics = new { versionSupport = true, relatedInformation = true },
                    diagnostic = new { dynamicRegistration = false, relatedDocumentSupport = false },
                    synchronization = new { didSave = true },
                    documentSymbol = new { hierarchicalDocumentSymbolSupport = true },
                    semanticTokens = new
                    {
                        requests = new { full = new { delta = true }, range = true },
                        tokenTypes = Array.Empty<string>(),
                        tokenModifiers = Array.Empty<string>(),
                        formats = new[] { "relative" },
                    },
                },
            },
            initializationOptions,
        }, Timeout);
        await client.NotifyAsync("initialized", new { });
    }

    /// <summary>Sends one incremental change; returns the timestamp taken just before its first byte was written.</summary>
    public static Task<long> ChangeAsync(LspClient client, string uri, int version, TextChange change)
    {
        var range = change.Range!.Value;
        return client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new[]
            {
                new
                {
                    range = new
                    {
                        start = new { line = range.Start.Line, character = range.Start.Character },
                        end = new { line = range.End.Line, character = range.End.Character },
                    },
                    text = change.Text,
                },
            },
        });
    }

    /// <summary>textDocument/diagnostic as VS Code sends it after each change: with the last result id it was given.</summary>
    public static async Task<(double Ms, string? Kind, string? ResultId, int Items)> PullAsync(LspClient client, string uri, string? previousResultId, long since)
    {
        var (_, received, result, _) = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri }, previousResultId }, Timeout);
        var kind = result.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var id = result.TryGetProperty("resultId", out var r) ? r.GetString() : null;
        var items = result.TryGetProperty("items", out var n) ? n.GetInt32() : 0;
        return (System.Diagnostics.Stopwatch.GetElapsedTime(since, received).TotalMilliseconds, kind, id, items);
    }
}
