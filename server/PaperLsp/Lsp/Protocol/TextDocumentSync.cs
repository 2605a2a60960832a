using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PaperLsp.Lsp.Protocol;

public enum TextDocumentSyncKind { None = 0, Full = 1, Incremental = 2 }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidOpenTextDocumentParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentItem TextDocument { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidChangeTextDocumentParams
{
    [JsonProperty(Required = Required.Always)] public VersionedTextDocumentIdentifier TextDocument { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public TextDocumentContentChangeEvent[] ContentChanges { get; set; } = [];
}

/// <summary>An incremental change (with <see cref="Range"/>) or the whole new text (without).</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class TextDocumentContentChangeEvent
{
    public Range? Range { get; set; }
    public int? RangeLength { get; set; }
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidCloseTextDocumentParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DidSaveTextDocumentParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    public string? Text { get; set; }
}
