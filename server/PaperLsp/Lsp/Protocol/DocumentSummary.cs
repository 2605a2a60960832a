using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PaperLsp.Lsp.Protocol;

/// <summary>Params of PaperLsp's own <c>paperlsp/documentSummary</c> request.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DocumentSummaryParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
}

/// <summary>Result of <c>paperlsp/documentSummary</c>; null for a document that is not open.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public sealed class DocumentSummary
{
    public int Entries { get; set; }
}
