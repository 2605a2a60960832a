using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
namespace PaperLsp.Lsp.Protocol;

public enum MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class LogMessageParams
{
    public MessageType Type { get; set; }
    public string Message { get; set; } = "";
}
