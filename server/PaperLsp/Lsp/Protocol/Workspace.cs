using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Lsp.Protocol;

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceFolder
{
    [JsonProperty(Required = Required.Always)] public string Uri { get; set; } = "";
    public string Name { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidChangeWorkspaceFoldersParams
{
    [JsonProperty(Required = Required.Always)] public WorkspaceFoldersChangeEvent Event { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceFoldersChangeEvent
{
    public WorkspaceFolder[] Added { get; set; } = [];
    public WorkspaceFolder[] Removed { get; set; } = [];
}

public enum FileChangeType { Created = 1, Changed = 2, Deleted = 3 }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class FileEvent
{
    [JsonProperty(Required = Required.Always)] public string Uri { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public FileChangeType Type { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidChangeWatchedFilesParams
{
    [JsonProperty(Required = Required.Always)] public FileEvent[] Changes { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Registration
{
    public string Id { get; set; } = "";
    public string Method { get; set; } = "";
    public object? RegisterOptions { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class RegistrationParams
{
    public Registration[] Registrations { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidChangeWatchedFilesRegistrationOptions
{
    public FileSystemWatcher[] Watchers { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class FileSystemWatcher
{
    public string GlobPattern { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkDoneProgressCreateParams
{
    public string Token { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ProgressParams
{
    public string Token { get; set; } = "";
    public object Value { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkDoneProgressBegin
{
    public string Kind { get; set; } = "begin";
    public string Title { get; set; } = "";
    public bool Cancellable { get; set; }
    public string? Message { get; set; }
    public int? Percentage { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkDoneProgressReport
{
    public string Kind { get; set; } = "report";
    public string? Message { get; set; }
    public int? Percentage { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkDoneProgressEnd
{
    public string Kind { get; set; } = "end";
    public string? Message { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceSymbolParams
{
    public string Query { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceSymbol
{
    public string Name { get; set; } = "";
    public SymbolKind Kind { get; set; }
    public string? ContainerName { get; set; }
    public Location Location { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkspaceEdit
{
    public TextDocumentEdit[]? DocumentChanges { get; set; }
    public Dictionary<string, TextEdit[]>? Changes { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class TextDocumentEdit
{
    public OptionalVersionedTextDocumentIdentifier TextDocument { get; set; } = new();
    public TextEdit[] Edits { get; set; } = [];
}

/// <summary>A document and its version, or null for a file the client does not have open.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Include)]
public sealed class OptionalVersionedTextDocumentIdentifier
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
}
