namespace PaperLsp.Lsp.Protocol;

/// <summary>Method names of the LSP messages PaperLsp handles or sends.</summary>
public static class Methods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string SetTrace = "$/setTrace";
    public const string CancelRequest = "$/cancelRequest";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string DidSave = "textDocument/didSave";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string DocumentDiagnostic = "textDocument/diagnostic";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    /// <summary>PaperLsp's own: counts of one list for the client's status bar.</summary>
    public const string DocumentSummary = "paperlsp/documentSummary";
    /// <summary>PaperLsp's own: a list (or the entries of a range) as BibTeX, BibLaTeX, CSL-JSON or RIS text.</summary>
    public const string Export = "paperlsp/export";
    public const string FoldingRange = "textDocument/foldingRange";
    public const string SemanticTokensFull = "textDocument/semanticTokens/full";
    public const string SemanticTokensFullDelta = "textDocument/semanticTokens/full/delta";
    public const string SemanticTokensRange = "textDocument/semanticTokens/range";
    public const string Formatting = "textDocument/formatting";
    public const string RangeFormatting = "textDocument/rangeFormatting";
    public const string LogMessage = "window/logMessage";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";
    public const string RegisterCapability = "client/registerCapability";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string DidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string WorkspaceSymbol = "workspace/symbol";
    public const string Hover = "textDocument/hover";
    public const string Completion = "textDocument/completion";
    public const string CompletionResolve = "completionItem/resolve";
    public const string References = "textDocument/references";
    public const string DocumentHighlight = "textDocument/documentHighlight";
    public const string PrepareRename = "textDocument/prepareRename";
    public const string Rename = "textDocument/rename";
    public const string CodeAction = "textDocument/codeAction";
    public const string Definition = "textDocument/definition";
    public const string Implementation = "textDocument/implementation";
    public const string CodeLens = "textDocument/codeLens";
    public const string CodeLensResolve = "codeLens/resolve";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string DiagnosticRefresh = "workspace/diagnostic/refresh";
    /// <summary>PaperLsp's own: the papers related to the entry at a position, best first, with the reasons.</summary>
    public const string RelatedPapers = "paperlist/relatedPapers";
}
