using System.Buffers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Lsp.Transport;

/// <summary>What a message body turned out to be, before StreamJsonRpc sees it.</summary>
internal abstract record Incoming
{
    /// <summary>A well-formed request or notification (<see cref="Id"/> null for a notification).</summary>
    public sealed record Call(JObject Message, RequestId? Id, string Method) : Incoming;

    /// <summary>A response (result or error) from the client.</summary>
    public sealed record Response(JObject Message, RequestId Id) : Incoming;

    /// <summary>Not acceptable: answer with this error (id null when it could not be read).</summary>
    public sealed record Reject(JsonRpcErrorCode Code, string Message, RequestId Id) : Incoming;

    /// <summary>Not acceptable and nothing to answer (a notification, or a response nobody waits for).</summary>
    public sealed record Drop(string Reason) : Incoming;
}

/// <summary>
/// Checks a body against JSON-RPC 2.0 before it is bound: parse errors are -32700, valid JSON that is not a request,
/// a notification or a response is -32600 Invalid Request (a scalar, <c>{}</c>, a batch, a wrong <c>jsonrpc</c>, a
/// <c>method</c> that is not a string, an <c>id</c> that is not an integer or a string). Nesting is limited while the bytes
/// are read, before any tree is built: Newtonsoft's JToken code recurses, and 11,000 nested arrays overflow the stack.
/// </summary>
internal static class IncomingMessage
{
    /// <summary>The deepest nesting accepted, counting the message object itself. LSP messages nest less than 15 deep.</summary>
    public const int MaxDepth = 64;

    /// <param name="body">The message body.</param>
    /// <param name="largeStringBytes">String values of at least this many bytes bypass Newtonsoft's reader
    /// (<see cref="LargeStringValues"/>); <see cref="int.MaxValue"/> reads everything with Newtonsoft.</param>
    /// <param name="pending">Where a large didOpen's text goes as UTF-8 (see <see cref="PendingTexts"/>); without it,
    /// every large string is decoded into the message.</param>
    public static Incoming Classify(byte[] body, int largeStringBytes = LargeStringValues.MinimumBytes, PendingTexts? pending = null)
    {
        if (DepthExceeds(body, MaxDepth)) return TooDeep(body);
        var extracted = LargeStringValues.TryExtract(body, largeStringBytes, pending);
        var incoming = Classify(body, extracted);
        // Only a call reaches a handler that takes its text.
        if (incoming is not Incoming.Call) pending?.Forget(extracted?.DocumentPlaceholder);
        return incoming;
    }

    private static Incoming Classify(byte[] body, LargeStringValues.Extracted? extracted)
    {
        JToken token;
        try
        {
            using var reader = Reader(extracted?.Skeleton ?? body);
            reader.MaxDepth = MaxDepth + 1;
            token = JToken.ReadFrom(reader);
            if (reader.Read()) return Parse("more than one JSON value in one message");
        }
        catch (JsonException exception)
        {
            return Parse(exception.Message);
        }

        extracted?.Restore(token);

        if (token is JArray array)
            return Invalid(array.Count == 0
                ? "an empty array is not a request"
                : "batch requests are not supported; send each message in its own Content-Length frame");
        if (token is not JObject message) return Invalid($"a JSON {Describe(token.Type)} is not a request");

        var hasId = message.TryGetValue("id", out var idToken);
        if (!message.ContainsKey("method") && (message.ContainsKey("result") || message.ContainsKey("error")))
        {
            // A response is never answered, whatever is wrong with it: answering could start a ping-pong of errors.
            if (!hasId || ToRequestId(idToken!) is not { } responseId) return new Incoming.Drop("a response without a usable id");
            return new Incoming.Response(message, responseId);
        }

        RequestId? id = null;
        if (hasId)
        {
            id = ToRequestId(idToken!);
            if (id is null) return Invalid($"the id must be an integer or a string, not {Describe(idToken!.Type)}");
        }
        var answerId = id ?? RequestId.Null;

        if (message["jsonrpc"] is not JValue { Type: JTokenType.String, Value: "2.0" })
            return new Incoming.Reject(JsonRpcErrorCode.InvalidRequest, "Invalid Request: \"jsonrpc\" must be \"2.0\"", answerId);

        if (message.TryGetValue("method", out var methodToken))
        {
            if (methodToken is not JValue { Type: JTokenType.String, Value: string method })
                return new Incoming.Reject(JsonRpcErrorCode.InvalidRequest, $"Invalid Request: the method must be a string, not {Describe(methodToken.Type)}", answerId);
            return new Incoming.Call(message, id, method);
        }
        return new Incoming.Reject(JsonRpcErrorCode.InvalidRequest, "Invalid Request: neither a method nor a result or error", answerId);
    }

    /// <summary>An integer or a string id; null for anything else (including JSON null, which LSP does not allow in a request).</summary>
    public static RequestId? ToRequestId(JToken token) => token switch
    {
        JValue { Type: JTokenType.Integer, Value: long number } => new RequestId(number),
        JValue { Type: JTokenType.Integer, Value: int number } => new RequestId(number),
        JValue { Type: JTokenType.String, Value: string text } => new RequestId(text),
        _ => null,
    };

    private static Incoming Parse(string problem) => new Incoming.Reject(JsonRpcErrorCode.ParseError, "Parse error: " + problem, RequestId.Null);

    private static Incoming Invalid(string problem) => new Incoming.Reject(JsonRpcErrorCode.InvalidRequest, "Invalid Request: " + problem, RequestId.Null);

    private static JsonTextReader Reader(byte[] body) =>
        // Dates stay strings: a document text that looks like a date must reach the handlers unchanged.
        new(new StreamReader(new MemoryStream(body), new UTF8Encoding(false, throwOnInvalidBytes: false)))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.Integer or JTokenType.Float => "number",
        JTokenType.String => "string",
        JTokenType.Boolean => "boolean",
        JTokenType.Null => "null",
        JTokenType.Array => "array",
        JTokenType.Object => "object",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Counts brackets outside strings; linear and without recursion, and vectorised: a didOpen is mostly one long string.</summary>
    internal static bool DepthExceeds(ReadOnlySpan<byte> json, int limit)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            var next = json[i..].IndexOfAny(Structural);
            if (next < 0) return false;
            i += next;
            switch (json[i])
            {
                case (byte)'"':
                    i = EndOfString(json, i + 1);
                    if (i < 0) return false;
                    break;
                case (byte)'[' or (byte)'{':
                    if (++depth > limit) return true;
                    break;
                default:
                    depth--;
                    break;
            }
            i++;
        }
    }

    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"[]{}"u8);

    /// <summary>The index of the quote that closes the string whose contents start at <paramref name="start"/>; -1 when it is not closed.</summary>
    private static int EndOfString(ReadOnlySpan<byte> json, int start)
    {
        var i = start;
        while (true)
        {
            var next = json[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0) return -1;
            i += next;
            if (json[i] == '"') return i;
            // A backslash escapes the next byte, whatever it is.
            i += 2;
            if (i >= json.Length) return -1;
        }
    }

    /// <summary>
    /// A message nested too deep still gets an answer when it is a request: its top-level id and method are read
    /// token by token (the reader keeps its own stack, so this does not recurse) and the request is refused.
    /// </summary>
    private static Incoming TooDeep(byte[] body)
    {
        var problem = $"the message nests deeper than {MaxDepth} levels";
        RequestId? id = null;
        string? method = null;
        var isObject = false;
        try
        {
            using var reader = Reader(body);
            reader.MaxDepth = null;
            if (reader.Read() && reader.TokenType == JsonToken.StartObject)
            {
                isObject = true;
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    if (!reader.Read()) break;
                    if (name == "id" && reader.TokenType is JsonToken.Integer or JsonToken.String)
                        id = reader.Value is string text ? new RequestId(text) : reader.Value is long number ? new RequestId(number) : null;
                    else if (name == "method" && reader.TokenType == JsonToken.String) method = (string)reader.Value!;
                    else reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON past the deep part: what was read before it is still usable.
        }
        if (!isObject) return Invalid(problem);
        if (method is not null && id is null) return new Incoming.Drop($"a {method} notification: {problem}");
        if (method is not null) return new Incoming.Reject(JsonRpcErrorCode.InvalidParams, $"Invalid params for {method}: {problem}", id!.Value);
        return new Incoming.Reject(JsonRpcErrorCode.InvalidRequest, "Invalid Request: " + problem, id ?? RequestId.Null);
    }
}
