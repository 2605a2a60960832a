using PaperLsp.Lsp.Features;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;
using static PaperLsp.Lsp.LspMethodRegistration;

namespace PaperLsp.Lsp;

/// <summary>
/// THE list of LSP methods this server handles: one line per method, with how it runs on the queue.
/// Sync notifications are exclusive barriers; read-only requests run concurrently on the snapshot of their arrival;
/// pull diagnostics is exclusive because the analysis reads the store's live title index.
/// </summary>
public static class HandlerRegistry
{
    public static IReadOnlyList<LspMethodRegistration> Create(ServerSession session, RequestQueue queue, Action exit)
    {
        var lifecycle = new LifecycleHandler(session, exit);
        var diagnostics = new DiagnosticsPublisher(session, queue);
        var sync = new TextDocumentSyncHandler(session, diagnostics);
        var documentDiagnostic = new DocumentDiagnosticHandler(session, diagnostics);
        var documentSymbol = new DocumentSymbolHandler();
        var foldingRange = new FoldingRangeHandler();
        var semanticTokens = new SemanticTokensHandler(session.Store);
        var formatting = new FormattingHandler();
        var documentSummary = new DocumentSummaryHandler();

        return
        [
            Request<InitializeParams, InitializeResult>(Methods.Initialize, Execution.Exclusive, lifecycle.Initialize),
            Notification<InitializedParams>(Methods.Initialized, Execution.Exclusive, lifecycle.Initialized),
            Request<NoParams, object?>(Methods.Shutdown, Execution.Exclusive, lifecycle.Shutdown),
            Notification<NoParams>(Methods.Exit, Execution.Immediate, lifecycle.Exit),
            Notification<SetTraceParams>(Methods.SetTrace, Execution.Immediate, lifecycle.SetTrace),

            Notification<DidOpenTextDocumentParams>(Methods.DidOpen, Execution.Exclusive, sync.DidOpen, p => sync.OnArrival(p.TextDocument.Uri)),
            Notification<DidChangeTextDocumentParams>(Methods.DidChange, Execution.Exclusive, sync.DidChange, p => sync.OnArrival(p.TextDocument.Uri)),
            Notification<DidCloseTextDocumentParams>(Methods.DidClose, Execution.Exclusive, sync.DidClose, p => sync.OnArrival(p.TextDocument.Uri)),
            Notification<DidSaveTextDocumentParams>(Methods.DidSave, Execution.Exclusive, sync.DidSave),

            Request<DocumentDiagnosticParams, object>(Methods.DocumentDiagnostic, Execution.Exclusive, documentDiagnostic.Handle),
            Request<DocumentSymbolParams, DocumentSymbol[]>(Methods.DocumentSymbol, Execution.Concurrent, documentSymbol.Handle),
            Request<FoldingRangeParams, FoldingRange[]>(Methods.FoldingRange, Execution.Concurrent, foldingRange.Handle),
            Request<SemanticTokensParams, SemanticTokens>(Methods.SemanticTokensFull, Execution.Concurrent, semanticTokens.Full),
            Request<SemanticTokensDeltaParams, object>(Methods.SemanticTokensFullDelta, Execution.Concurrent, semanticTokens.FullDelta),
            Request<SemanticTokensRangeParams, SemanticTokens>(Methods.SemanticTokensRange, Execution.Concurrent, semanticTokens.Range),
            Request<DocumentFormattingParams, TextEdit[]>(Methods.Formatting, Execution.Concurrent, formatting.Format),
            Request<DocumentRangeFormattingParams, TextEdit[]>(Methods.RangeFormatting, Execution.Concurrent, formatting.FormatRange),

            Request<DocumentSummaryParams, DocumentSummary?>(Methods.DocumentSummary, Execution.Concurrent, documentSummary.Handle),
        ];
    }
}
