using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PaperLsp.Lsp.Protocol;

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensLegend
{
    public string[] TokenTypes { get; set; } = [];
    public string[] TokenModifiers { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensOptions
{
    public SemanticTokensLegend Legend { get; set; } = new();
    public bool Range { get; set; }
    public SemanticTokensFullOptions? Full { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensFullOptions
{
    public bool Delta { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensRangeParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Range Range { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensDeltaParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public string PreviousResultId { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokens : PaperLsp.Lsp.IUtf8JsonSource
{
    /// <summary>Where the integers come from when they were joined from items' pieces: written from those, copied out only when read.</summary>
    private PaperLsp.Lsp.Features.JoinedTokens? joined;
    private int[]? data;

    public SemanticTokens()
    {
    }

    public SemanticTokens(PaperLsp.Lsp.Features.JoinedTokens joined) => this.joined = joined;

    public string? ResultId { get; set; }

    public int[] Data
    {
        get => data ??= joined?.Data ?? [];
        set
        {
            data = value;
            joined = null;
        }
    }

    /// <summary>
    /// Written by hand: a 100,000-entry list has 3.3 million token integers, which the serialiser would write one
    /// checked call at a time. The text is what the serialiser writes (resultId left out when null).
    /// </summary>
    void PaperLsp.Lsp.IUtf8JsonSource.WriteJson(PaperLsp.Lsp.Utf8JsonBuffer json)
    {
        json.Raw((byte)'{');
        if (ResultId is not null)
        {
            json.Raw("\"resultId\":"u8);
            json.String(ResultId);
            json.Raw((byte)',');
        }
        json.Raw("\"data\":["u8);
        if (joined is not null) joined.WriteJson(json);
        else
        {
            for (var i = 0; i < Data.Length; i++)
            {
                if (i > 0) json.Raw((byte)',');
                json.Number(Data[i]);
            }
        }
        json.Raw("]}"u8);
    }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensDelta
{
    public string? ResultId { get; set; }
    public SemanticTokensEdit[] Edits { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class SemanticTokensEdit
{
    public int Start { get; set; }
    public int DeleteCount { get; set; }
    public int[]? Data { get; set; }
}
