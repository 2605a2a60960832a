using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;

namespace PaperLsp.Lsp;

/// <summary>Parameters of a message that has none (shutdown, exit).</summary>
public sealed class NoParams
{
    public static readonly NoParams Instance = new();
}

/// <summary>
/// One LSP method: its name, whether it is a request, how it runs on the queue, the type of its params, and its handler.
/// <see cref="OnArrival"/> runs synchronously when the message arrives, before it is queued (e.g. a didChange cancels the
/// pending diagnostics of its document right away, not when its turn comes).
/// </summary>
public sealed record LspMethodRegistration(
    string Method,
    bool IsRequest,
    Execution Execution,
    Type ParamsType,
    Func<object, RequestContext, CancellationToken, object?> Handle,
    Action<object>? OnArrival)
{
    /// <summary>What this method adds to the server capabilities announced by initialize (given the client's).</summary>
    public Action<ServerCapabilities, ServerSession>? Capabilities { get; init; }

    /// <summary>This registration, announcing a capability: <c>Request(...).Announcing((c, _) => c.HoverProvider = true)</c>.</summary>
    public LspMethodRegistration Announcing(Action<ServerCapabilities, ServerSession> capabilities) => this with { Capabilities = capabilities };

    public static LspMethodRegistration Request<TParams, TResult>(string method, Execution execution,
        Func<TParams, RequestContext, CancellationToken, TResult> handler, Action<TParams>? onArrival = null) where TParams : class =>
        new(method, true, execution, typeof(TParams), (p, context, ct) => RawJson.From(handler((TParams)p, context, ct)),
            onArrival is null ? null : p => onArrival((TParams)p));

    public static LspMethodRegistration Notification<TParams>(string method, Execution execution,
        Action<TParams, RequestContext> handler, Action<TParams>? onArrival = null) where TParams : class =>
        new(method, false, execution, typeof(TParams), (p, context, _) => { handler((TParams)p, context); return null; },
            onArrival is null ? null : p => onArrival((TParams)p));
}
