using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

using PaperLsp.Lsp;

namespace PaperLsp.Lsp.Protocol;

public enum DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Diagnostic
{
    public Range Range { get; set; } = new();
    public DiagnosticSeverity Severity { get; set; }
    public string? Code { get; set; }
    public CodeDescription? CodeDescription { get; set; }
    public string Source { get; set; } = "paperlsp";
    public string Message { get; set; } = "";
    public DiagnosticRelatedInformation[]? RelatedInformation { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeDescription
{
    public string Href { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DiagnosticRelatedInformation
{
    public Location Location { get; set; } = new();
    public string Message { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class PublishDiagnosticsParams
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
    public Diagnostic[] Diagnostics { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DiagnosticOptions
{
    public string? Identifier { get; set; }
    public bool InterFileDependencies { get; set; }
    public bool WorkspaceDiagnostics { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DocumentDiagnosticParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    public string? Identifier { get; set; }
    public string? PreviousResultId { get; set; }
}

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class FullDocumentDiagnosticReport : IUtf8JsonSource
{
    public string Kind { get; set; } = DocumentDiagnosticReportKind.Full;
    public string? ResultId { get; set; }
    public Diagnostic[] Items { get; set; } = [];

    /// <summary>The items as the diagnostics cache keeps them, as UTF-8 JSON: a 35,000-finding report is not serialised again.</summary>
    [JsonIgnore] public Features.DiagnosticList? CachedItems { get; set; }

    void IUtf8JsonSource.WriteJson(Utf8JsonBuffer json)
    {
        if (CachedItems is null)
        {
            json.Raw(System.Text.Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(this, Features.DiagnosticsPublisher.JsonSettings)));
            return;
        }
        json.Raw("{\"kind\":"u8);
        json.String(Kind);
        if (ResultId is not null)
        {
            json.Raw(",\"resultId\":"u8);
            json.String(ResultId);
        }
        json.Raw(",\"items\":"u8);
        CachedItems.WriteArray(json);
        json.Raw((byte)'}');
    }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class UnchangedDocumentDiagnosticReport
{
    public string Kind { get; set; } = DocumentDiagnosticReportKind.Unchanged;
    public string ResultId { get; set; } = "";
}
