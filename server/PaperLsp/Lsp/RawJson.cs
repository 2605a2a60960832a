using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Lsp;

/// <summary>
/// Serialises outgoing results to JSON text before StreamJsonRpc sees them. The JsonMessageFormatter
/// turns any other object into a JToken tree first, which for a 100,000-entry outline (32 MB) costs ten times the
/// serialisation itself and as much memory again; a <see cref="JRaw"/> is written out as it is.
/// </summary>
public static class RawJson
{
    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>
    /// A notification's params as a JSON object whose properties are raw JSON: StreamJsonRpc sends a params object only
    /// when it is a JSON object, so the object itself is built here and only its values are pre-serialised.
    /// </summary>
    public static JObject Object(params (string Name, object? Value)[] properties)
    {
        var result = new JObject();
        foreach (var (name, value) in properties)
            if (value is not null) result[name] = value as JToken ?? new JRaw(JsonConvert.SerializeObject(value, Settings));
        return result;
    }

    public static object? From(object? value) => value switch
    {
        null => null,
        JToken token => token,
        Utf8JsonBuffer json => json,
        IUtf8JsonSource source => Utf8(source),
        IRawJsonSource source when source.ToJson() is { } json => json,
        _ => new JRaw(JsonConvert.SerializeObject(value, Settings)),
    };

    private static Utf8JsonBuffer Utf8(IUtf8JsonSource source)
    {
        var json = new Utf8JsonBuffer();
        try
        {
            source.WriteJson(json);
            return json;
        }
        catch
        {
            json.Dispose();
            throw;
        }
    }
}

/// <summary>
/// A result that writes its own JSON as UTF-8, which <see cref="LspMessageHandler"/> sends as it is: for large results,
/// where a JToken or a UTF-16 string of the answer costs more than writing it.
/// </summary>
public interface IUtf8JsonSource
{
    /// <summary>Writes this value's JSON: the text the serialiser would write for it.</summary>
    void WriteJson(Utf8JsonBuffer json);
}

/// <summary>A result that can give its JSON without being serialised again.</summary>
public interface IRawJsonSource
{
    /// <summary>The JSON of this value, or null to serialise it as usual.</summary>
    JToken? ToJson();
}
