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
public sealed class SemanticTokens : PaperLsp.Lsp.IRawJsonSource
{
    public string? ResultId { get; set; }
    public int[] Data { get; set; } = [];

    /// <summary>
    /// Written by hand: a 100,000-entry list has 3.3 million token integers, which the serialiser would write one
    /// checked call at a time. The text is what the serialiser writes (resultId left out when null).
    /// </summary>
    Newtonsoft.Json.Linq.JToken? PaperLsp.Lsp.IRawJsonSource.ToJson()
    {
        var text = new System.Text.StringBuilder(32 + Data.Length * 3);
        text.Append('{');
        if (ResultId is not null) text.Append("\"resultId\":").Append(JsonConvert.ToString(ResultId)).Append(',');
        text.Append("\"data\":[");
        Span<char> digits = stackalloc char[11];
        for (var i = 0; i < Data.Length; i++)
        {
            if (i > 0) text.Append(',');
            Data[i].TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            text.Append(digits[..written]);
        }
        return new Newtonsoft.Json.Linq.JRaw(text.Append("]}").ToString());
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
