using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PaperLsp.Lsp.Protocol;

// LSP 3.17 base structures. Only what PaperLsp uses; property names are camel-cased by the serializer settings
// in LanguageServer.CreateFormatter. Required members make malformed params fail deserialization (InvalidParams).

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Position
{
    public Position() { }
    public Position(int line, int character) { Line = line; Character = character; }

    [JsonProperty(Required = Required.Always)] public int Line { get; set; }
    [JsonProperty(Required = Required.Always)] public int Character { get; set; }

    public override string ToString() => $"{Line}:{Character}";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Range
{
    public Range() { }
    public Range(Position start, Position end) { Start = start; End = end; }

    [JsonProperty(Required = Required.Always)] public Position Start { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Position End { get; set; } = new();

    public override string ToString() => $"{Start}-{End}";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Location
{
    public string Uri { get; set; } = "";
    public Range Range { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class TextEdit
{
    public Range Range { get; set; } = new();
    public string NewText { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public class TextDocumentIdentifier
{
    [JsonProperty(Required = Required.Always)] public string Uri { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class VersionedTextDocumentIdentifier : TextDocumentIdentifier
{
    [JsonProperty(Required = Required.Always)] public int Version { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class TextDocumentItem
{
    [JsonProperty(Required = Required.Always)] public string Uri { get; set; } = "";
    public string LanguageId { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public int Version { get; set; }
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
}

/// <summary>Error codes of JSON-RPC and LSP used by this server.</summary>
public static class LspErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int RequestCancelled = -32800;
}

public static class PositionEncodingKind
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf32 = "utf-32";
}
