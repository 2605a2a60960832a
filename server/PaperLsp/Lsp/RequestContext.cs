using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Session;
using PaperLsp.Lsp.Workspace;

namespace PaperLsp.Lsp;

/// <summary>What a handler sees: the session, and the open documents and the workspace as of the request's place in the queue.</summary>
public sealed class RequestContext(ServerSession session, ServerState state, ILogger logger)
{
    public ServerSession Session { get; } = session;
    public ImmutableDictionary<string, DocumentSnapshot> Documents { get; } = state.Documents;
    /// <summary>Every list of the workspace (open text over disk text) and its index, as of the request's place in the queue.</summary>
    public PaperLsp.Workspace.WorkspaceSnapshot Workspace { get; } = state.Workspace;
    public ILogger Logger { get; } = logger;
    public ProtocolConverter Converter => Session.Converter;

    /// <summary>The snapshot of an open document, or null (and a warning) when the client asks about one it never opened.</summary>
    public DocumentSnapshot? GetDocument(TextDocumentIdentifier document, string method)
    {
        if (Documents.TryGetValue(document.Uri, out var snapshot)) return snapshot;
        Logger.LogWarning("{Method} for {Uri}, which is not open: answering with an empty result", method, document.Uri);
        return null;
    }

    /// <summary>A handler context for tests and for handlers that run outside the queue.</summary>
    public static RequestContext For(ServerSession session) =>
        new(session, session.State, session.LoggerFactory.CreateLogger("PaperLsp.Lsp.Handlers"));
}
