using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Logging;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Session;
using PaperLsp.Lsp.Workspace;

namespace PaperLsp.Lsp;

/// <summary>Server-wide state shared by the handlers: the document store, the negotiated encoding, options from the client.</summary>
public sealed class ServerSession(LanguageServerOptions options, ILoggerFactory loggerFactory, LogLevelSwitch logLevels,
    Func<string, object, Task> notify)
{
    public LanguageServerOptions Options { get; } = options;
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
    public LogLevelSwitch LogLevels { get; } = logLevels;
    public DocumentStore Store => Workspace.Store;

    /// <summary>Every list of the workspace folders, open ones as the client has them; it follows <see cref="Store"/>.</summary>
    public WorkspaceSession Workspace { get; } = new(new DocumentStore());

    /// <summary>The state a queued request captures; read on the queue, between exclusive items.</summary>
    public ServerState State => new(Store.Current, Workspace.Current);

    /// <summary>The options the client sent in initialize.</summary>
    public Features.InitializationOptions InitializationOptions { get; set; } = Features.InitializationOptions.Default;

    /// <summary>Set once by initialize; UTF-16 until then.</summary>
    public ProtocolConverter Converter { get; set; } = ProtocolConverter.Utf16;

    public ClientCapabilities ClientCapabilities { get; set; } = new();

    /// <summary>Whether diagnostics are pushed (publishDiagnostics). Off when the client pulls, unless it asks for both.</summary>
    public bool PushDiagnostics { get; set; } = true;

    /// <summary>The quiet period before diagnostics (see <see cref="LanguageServerOptions.DiagnosticsDelay"/>), from initializationOptions.diagnosticsDelayMs.</summary>
    public TimeSpan DiagnosticsDelay { get; set; } = options.DiagnosticsDelay;

    /// <summary>The disk side of the workspace (scan, watcher); set by the registry. Tests await its <c>WhenIdle</c>.</summary>
    public Features.WorkspaceIndexingHandler? Indexing { get; set; }

    /// <summary>Called by initialize with the client's process id; the host exits when that process dies.</summary>
    public Action<int>? WatchClientProcess { get; set; }

    /// <summary>Large didOpen texts read as UTF-8, waiting for the didOpen handler (see <see cref="Transport.PendingTexts"/>).</summary>
    public Transport.PendingTexts PendingTexts { get; init; } = new();

    /// <summary>Sends a notification to the client. Never awaited on the queue.</summary>
    public Task NotifyAsync(string method, object parameters) => notify(method, parameters);

    /// <summary>Sends a request to the client (progress tokens, capability registration); set by the host. Never awaited on the queue.</summary>
    public Func<string, object, Task>? SendRequest { get; set; }

    public Task RequestAsync(string method, object parameters) => SendRequest?.Invoke(method, parameters) ?? Task.CompletedTask;
}
