using PaperLsp.Lsp.Features;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;
using static PaperLsp.Lsp.LspMethodRegistration;

namespace PaperLsp.Lsp;

/// <summary>
/// THE list of LSP methods this server handles: one line per method, with how it runs on the queue and what it adds to
/// the capabilities initialize announces. Sync notifications are exclusive barriers; read-only requests run
/// concurrently on the state of their arrival (the workspace index is an immutable value, so they never wait behind
/// edits); pull diagnostics is exclusive because the analysis reads the store's live title index, and so is everything
/// that reads the workspace relations (copies and related papers), which are mutable and follow every edit.
/// </summary>
public static class HandlerRegistry
{
    public static IReadOnlyList<LspMethodRegistration> Create(ServerSession session, RequestQueue queue, Action exit)
    {
        var lifecycle = new LifecycleHandler(session, exit);
        var diagnostics = new DiagnosticsPublisher(session, queue);
        var workspaceDiagnostics = new WorkspaceDiagnosticsPublisher(session, queue, diagnostics);
        var sync = new TextDocumentSyncHandler(session, diagnostics, workspaceDiagnostics);
        var documentDiagnostic = new DocumentDiagnosticHandler(session, diagnostics);
        var documentSymbol = new DocumentSymbolHandler(session.Store);
        var foldingRange = new FoldingRangeHandler();
        var semanticTokens = new SemanticTokensHandler(session.Store);
        var formatting = new FormattingHandler();
        var documentSummary = new DocumentSummaryHandler();
        var export = new ExportHandler();
        var indexing = new WorkspaceIndexingHandler(session, queue, workspaceDiagnostics);
        session.Indexing = indexing;
        var hover = new HoverHandler(session);
        var completion = new CompletionHandler();
        var references = new ReferencesHandler(session);
        var relations = new PaperRelationsHandler(session);
        var rename = new RenameHandler();
        var workspaceSymbol = new WorkspaceSymbolHandler();
        var codeAction = new CodeActionHandler(session);

        IReadOnlyList<LspMethodRegistration> registrations =
        [
            Request<InitializeParams, InitializeResult>(Methods.Initialize, Execution.Exclusive, lifecycle.Initialize),
            Notification<InitializedParams>(Methods.Initialized, Execution.Exclusive, (p, context) =>
            {
                lifecycle.Initialized(p, context);
                indexing.Start(context);
            }).Announcing(WorkspaceIndexingHandler.Announce),
            Request<NoParams, object?>(Methods.Shutdown, Execution.Exclusive, lifecycle.Shutdown),
            Notification<NoParams>(Methods.Exit, Execution.Immediate, lifecycle.Exit),
            Notification<SetTraceParams>(Methods.SetTrace, Execution.Immediate, lifecycle.SetTrace),

            Notification<DidOpenTextDocumentParams>(Methods.DidOpen, Execution.Exclusive, sync.DidOpen, p => sync.OnArrival(p.TextDocument.Uri))
                .Announcing((c, _) => c.TextDocumentSync = new TextDocumentSyncOptions
                {
                    OpenClose = true,
                    Change = TextDocumentSyncKind.Incremental,
                    Save = new SaveOptions { IncludeText = false },
                }),
            Notification<DidChangeTextDocumentParams>(Methods.DidChange, Execution.Exclusive, sync.DidChange, p => sync.OnArrival(p.TextDocument.Uri)),
            Notification<DidCloseTextDocumentParams>(Methods.DidClose, Execution.Exclusive, sync.DidClose, p => sync.OnArrival(p.TextDocument.Uri)),
            Notification<DidSaveTextDocumentParams>(Methods.DidSave, Execution.Exclusive, sync.DidSave),
            Notification<DidChangeWatchedFilesParams>(Methods.DidChangeWatchedFiles, Execution.Exclusive, indexing.DidChangeWatchedFiles),
            Notification<DidChangeWorkspaceFoldersParams>(Methods.DidChangeWorkspaceFolders, Execution.Exclusive, indexing.DidChangeWorkspaceFolders),

            Request<DocumentDiagnosticParams, object>(Methods.DocumentDiagnostic, Execution.Exclusive, documentDiagnostic.Handle)
                .Announcing((c, _) => c.DiagnosticProvider = new DiagnosticOptions { Identifier = "paperlsp", InterFileDependencies = false, WorkspaceDiagnostics = false }),
            Request<DocumentSymbolParams, Utf8JsonBuffer>(Methods.DocumentSymbol, Execution.Concurrent, documentSymbol.HandleJson)
                .Announcing((c, _) => c.DocumentSymbolProvider = true),
            Request<FoldingRangeParams, FoldingRange[]>(Methods.FoldingRange, Execution.Concurrent, foldingRange.Handle)
                .Announcing((c, _) => c.FoldingRangeProvider = true),
            Request<SemanticTokensParams, SemanticTokens>(Methods.SemanticTokensFull, Execution.Concurrent, semanticTokens.Full)
                .Announcing((c, _) => c.SemanticTokensProvider = new SemanticTokensOptions
                {
                    Legend = SemanticTokensLegendInfo.Legend,
                    Range = true,
                    Full = new SemanticTokensFullOptions { Delta = true },
                }),
            Request<SemanticTokensDeltaParams, object>(Methods.SemanticTokensFullDelta, Execution.Concurrent, semanticTokens.FullDelta),
            Request<SemanticTokensRangeParams, SemanticTokens>(Methods.SemanticTokensRange, Execution.Concurrent, semanticTokens.Range),
            Request<DocumentFormattingParams, TextEdit[]>(Methods.Formatting, Execution.Concurrent, formatting.Format)
                .Announcing((c, _) => c.DocumentFormattingProvider = true),
            Request<DocumentRangeFormattingParams, TextEdit[]>(Methods.RangeFormatting, Execution.Concurrent, formatting.FormatRange)
                .Announcing((c, _) => c.DocumentRangeFormattingProvider = true),

            Request<HoverParams, Hover?>(Methods.Hover, Execution.Exclusive, hover.Handle)
                .Announcing((c, _) => c.HoverProvider = true),
            Request<CompletionParams, CompletionList>(Methods.Completion, Execution.Concurrent, completion.Handle)
                .Announcing((c, _) => c.CompletionProvider = new CompletionOptions { TriggerCharacters = CompletionHandler.TriggerCharacters, ResolveProvider = true }),
            Request<CompletionItem, CompletionItem>(Methods.CompletionResolve, Execution.Concurrent, completion.Resolve),
            Request<ReferenceParams, Location[]>(Methods.References, Execution.Exclusive, references.References)
                .Announcing((c, _) => c.ReferencesProvider = true),
            Request<DocumentHighlightParams, DocumentHighlight[]>(Methods.DocumentHighlight, Execution.Concurrent, references.Highlights)
                .Announcing((c, _) => c.DocumentHighlightProvider = true),
            Request<PrepareRenameParams, PrepareRenameResult>(Methods.PrepareRename, Execution.Concurrent, rename.Prepare)
                .Announcing((c, _) => c.RenameProvider = new RenameOptions { PrepareProvider = true }),
            Request<RenameParams, WorkspaceEdit>(Methods.Rename, Execution.Concurrent, rename.Rename),
            Request<WorkspaceSymbolParams, WorkspaceSymbol[]>(Methods.WorkspaceSymbol, Execution.Concurrent, workspaceSymbol.Handle)
                .Announcing((c, _) => c.WorkspaceSymbolProvider = true),
            Request<CodeActionParams, CodeAction[]>(Methods.CodeAction, Execution.Exclusive, codeAction.Handle)
                .Announcing((c, _) => c.CodeActionProvider = new CodeActionOptions { CodeActionKinds = CodeActionHandler.Kinds }),

            Request<DefinitionParams, Location[]>(Methods.Definition, Execution.Exclusive, relations.Definition)
                .Announcing((c, _) => c.DefinitionProvider = true),
            Request<ImplementationParams, Location[]>(Methods.Implementation, Execution.Exclusive, relations.Implementation)
                .Announcing((c, _) => c.ImplementationProvider = true),
            Request<CodeLensParams, CodeLens[]>(Methods.CodeLens, Execution.Concurrent, relations.CodeLenses)
                .Announcing((c, _) => c.CodeLensProvider = new CodeLensOptions { ResolveProvider = true }),
            Request<CodeLens, CodeLens>(Methods.CodeLensResolve, Execution.Exclusive, relations.ResolveCodeLens),
            Request<ExecuteCommandParams, object?>(Methods.ExecuteCommand, Execution.Exclusive, relations.ExecuteCommand)
                .Announcing((c, _) => c.ExecuteCommandProvider = new ExecuteCommandOptions { Commands = [PaperRelationsHandler.RelatedPapersCommand] }),
            Request<RelatedPapersParams, RelatedPaper[]>(Methods.RelatedPapers, Execution.Exclusive, relations.RelatedPapers),

            Request<DocumentSummaryParams, DocumentSummary?>(Methods.DocumentSummary, Execution.Concurrent, documentSummary.Handle),
            Request<ExportParams, ExportResult>(Methods.Export, Execution.Concurrent, export.Handle),
        ];
        lifecycle.Registrations = registrations;
        return registrations;
    }
}
