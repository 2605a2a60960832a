using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Lsp.Protocol;

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class InitializeParams
{
    /// <summary>The client's process id; the server exits when that process dies. Null when the client has none.</summary>
    public int? ProcessId { get; set; }
    public ClientInfo? ClientInfo { get; set; }
    public string? RootUri { get; set; }
    /// <summary>Null when the client supports folders but has none open; absent from old clients (then <see cref="RootUri"/>).</summary>
    public WorkspaceFolder[]? WorkspaceFolders { get; set; }
    public ClientCapabilities Capabilities { get; set; } = new();
    /// <summary>PaperLsp reads <c>logLevel</c>, <c>pushDiagnostics</c>, <c>diagnosticsDelayMs</c>, <c>indexWorkspace</c> and <c>maxCompletionItems</c> (<see cref="Features.InitializationOptions"/>); see docs/editors.md.</summary>
    public JToken? InitializationOptions { get; set; }
    /// <summary>"off" | "messages" | "verbose".</summary>
    public string? Trace { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ClientInfo
{
    public string Name { get; set; } = "";
    public string? Version { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ClientCapabilities
{
    public GeneralClientCapabilities? General { get; set; }
    public TextDocumentClientCapabilities? TextDocument { get; set; }
    public WorkspaceClientCapabilities? Workspace { get; set; }
    public WindowClientCapabilities? Window { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceClientCapabilities
{
    public bool WorkspaceFolders { get; set; }
    public DynamicRegistrationCapability? DidChangeWatchedFiles { get; set; }
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; set; }
    public DiagnosticWorkspaceClientCapabilities? Diagnostics { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DiagnosticWorkspaceClientCapabilities
{
    public bool RefreshSupport { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceEditClientCapabilities
{
    public bool DocumentChanges { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DynamicRegistrationCapability
{
    public bool DynamicRegistration { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WindowClientCapabilities
{
    public bool WorkDoneProgress { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class HoverClientCapabilities
{
    /// <summary>Formats the client can show, preferred first.</summary>
    public string[]? ContentFormat { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class GeneralClientCapabilities
{
    /// <summary>Encodings the client supports, most preferred first.</summary>
    public string[]? PositionEncodings { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class TextDocumentClientCapabilities
{
    /// <summary>Present when the client supports pull diagnostics (textDocument/diagnostic).</summary>
    public JToken? Diagnostic { get; set; }
    public HoverClientCapabilities? Hover { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class InitializeResult
{
    public ServerCapabilities Capabilities { get; set; } = new();
    public ServerInfo? ServerInfo { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ServerInfo
{
    public string Name { get; set; } = "";
    public string? Version { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ServerCapabilities
{
    public string PositionEncoding { get; set; } = PositionEncodingKind.Utf16;
    public TextDocumentSyncOptions? TextDocumentSync { get; set; }
    public bool DocumentSymbolProvider { get; set; }
    public bool FoldingRangeProvider { get; set; }
    public bool DocumentFormattingProvider { get; set; }
    public bool DocumentRangeFormattingProvider { get; set; }
    public SemanticTokensOptions? SemanticTokensProvider { get; set; }
    public DiagnosticOptions? DiagnosticProvider { get; set; }
    public bool HoverProvider { get; set; }
    public CompletionOptions? CompletionProvider { get; set; }
    public bool ReferencesProvider { get; set; }
    public bool DocumentHighlightProvider { get; set; }
    public RenameOptions? RenameProvider { get; set; }
    public bool WorkspaceSymbolProvider { get; set; }
    public CodeActionOptions? CodeActionProvider { get; set; }
    public bool DefinitionProvider { get; set; }
    public bool ImplementationProvider { get; set; }
    public CodeLensOptions? CodeLensProvider { get; set; }
    public ExecuteCommandOptions? ExecuteCommandProvider { get; set; }
    public ServerWorkspaceCapabilities? Workspace { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ServerWorkspaceCapabilities
{
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceFoldersServerCapabilities
{
    public bool Supported { get; set; }
    public bool ChangeNotifications { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class TextDocumentSyncOptions
{
    public bool OpenClose { get; set; }
    public TextDocumentSyncKind Change { get; set; }
    public SaveOptions? Save { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SaveOptions
{
    public bool IncludeText { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class InitializedParams
{
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SetTraceParams
{
    /// <summary>"off" | "messages" | "verbose".</summary>
    public string Value { get; set; } = "off";
}
