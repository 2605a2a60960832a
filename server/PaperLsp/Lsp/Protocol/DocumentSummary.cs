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

/// <summary>Params of PaperLsp's own <c>paperlsp/export</c> request; <see cref="Range"/> limits it to the entries it touches.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ExportParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    /// <summary><c>bibtex</c>, <c>biblatex</c>, <c>csl-json</c> or <c>ris</c>.</summary>
    [JsonProperty(Required = Required.Always)] public string Format { get; set; } = "";
    public Range? Range { get; set; }
    /// <summary>BibTeX only: non-ASCII letters as TeX accents, for classic 8-bit BibTeX.</summary>
    public bool Ascii { get; set; }
}

/// <summary>Result of <c>paperlsp/export</c>: the text for the client to save, and the file extension to propose.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public sealed class ExportResult
{
    public string Text { get; set; } = "";
    public string Extension { get; set; } = "";
}
