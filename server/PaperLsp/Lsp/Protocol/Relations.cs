using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace PaperLsp.Lsp.Protocol;

public sealed class DefinitionParams : TextDocumentPositionParams { }
public sealed class ImplementationParams : TextDocumentPositionParams { }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeLensParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeLens
{
    [JsonProperty(Required = Required.Always)] public Range Range { get; set; } = new();
    public Command? Command { get; set; }
    /// <summary>What resolve needs: the document and the position of the entry.</summary>
    public JToken? Data { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeLensOptions
{
    public bool ResolveProvider { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Command
{
    public string Title { get; set; } = "";
    [JsonProperty("command")] public string CommandIdentifier { get; set; } = "";
    public JToken[]? Arguments { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ExecuteCommandOptions
{
    public string[] Commands { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ExecuteCommandParams
{
    [JsonProperty(Required = Required.Always)] public string Command { get; set; } = "";
    public JToken[]? Arguments { get; set; }
}

/// <summary>Params of PaperLsp's own <c>paperlist/relatedPapers</c>.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class RelatedPapersParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Position Position { get; set; } = new();
    /// <summary>At most this many papers (1 to 200; 20 when absent).</summary>
    public int? Limit { get; set; }
}

/// <summary>One related paper of <c>paperlist/relatedPapers</c>, best first.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public sealed class RelatedPaper
{
    public string Uri { get; set; } = "";
    public Range Range { get; set; } = new();
    public string Title { get; set; } = "";
    public string[] Authors { get; set; } = [];
    public double Score { get; set; }
    public string[] Reasons { get; set; } = [];
}
