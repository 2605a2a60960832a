using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Transport;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Lsp;

/// <summary>
/// Content-Length framing for StreamJsonRpc that no client input can bring down. StreamJsonRpc ends the connection on
/// a bad header, a body that is not a request, a response it did not ask for, or a duplicate request id; an editor then
/// restarts the server a few times and gives up. Here every frame is read by <see cref="FrameReader"/> (lenient, and
/// re-synchronising after a bad header) and checked by <see cref="IncomingMessage"/> before StreamJsonRpc sees it:
/// what JSON-RPC 2.0 says to answer is answered (-32700, -32600, with the id when it can be read), responses nobody
/// waits for are dropped, and only well-formed messages are passed on. Where the input cannot go on (it ended inside
/// a message) the connection ends with one log line. On the way out, no error carries <c>data</c>: StreamJsonRpc puts a
/// .NET stack trace there, which is of no use to a client and leaks internals. A result or a notification's params that
/// is a <see cref="Utf8JsonBuffer"/> is framed and sent as it is (<see cref="WriteRaw"/>).
/// </summary>
internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    /// <summary>The largest body accepted; larger ones are skipped and answered. A 100,000-entry list is about 30 MB.</summary>
    public const long MaxMessageBytes = 256L * 1024 * 1024;

    private readonly JsonMessageFormatter formatter;
    private readonly ILogger logger;
    private readonly FrameReader frames;

    /// <summary>Requests of the client being served: a second request with the same id is refused, not passed on.</summary>
    private readonly ConcurrentDictionary<RequestId, byte> inFlight = new();

    /// <summary>Requests this server sent and still waits for: the only responses passed on.</summary>
    private readonly ConcurrentDictionary<RequestId, byte> awaited = new();

    /// <summary>Errors written by this handler itself, which answer no request in flight.</summary>
    private readonly ConditionalWeakTable<JsonRpcMessage, object> ownAnswers = new();

    private readonly PendingTexts pendingTexts;

    public LspMessageHandler(Stream sendingStream, Stream receivingStream, JsonMessageFormatter formatter, ILogger logger, PendingTexts pendingTexts)
        : base(sendingStream, new LargeReadStream(receivingStream), formatter)
    {
        this.formatter = formatter;
        this.logger = logger;
        this.pendingTexts = pendingTexts;
        frames = new FrameReader(Reader!, MaxMessageBytes);
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await frames.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (frame)
            {
                case Frame.End { Problem: null }:
                    return null;
                case Frame.End end:
                    logger.LogWarning("Input ended: {Problem}; nothing more can be read", end.Problem);
                    return null;
                case Frame.Bad bad:
                    logger.LogWarning("Unreadable message header: {Problem}; skipping to the next Content-Length header", bad.Problem);
                    await AnswerAsync(RequestId.Null, JsonRpcErrorCode.ParseError, "Parse error: " + bad.Problem, cancellationToken).ConfigureAwait(false);
                    continue;
                case Frame.Body body:
                    if (await AcceptAsync(body.Bytes, cancellationToken).ConfigureAwait(false) is { } message) return message;
                    continue;
            }
        }
    }

    private async ValueTask<JsonRpcMessage?> AcceptAsync(byte[] body, CancellationToken cancellationToken)
    {
        switch (IncomingMessage.Classify(body, pending: pendingTexts))
        {
            case Incoming.Reject reject:
                logger.LogWarning("Refused a message ({Code}): {Message}", (int)reject.Code, reject.Message);
                await AnswerAsync(reject.Id, reject.Code, reject.Message, cancellationToken).ConfigureAwait(false);
                return null;
            case Incoming.Drop drop:
                logger.LogWarning("Ignored {Reason}", drop.Reason);
                return null;
            case Incoming.Response response:
                if (!awaited.TryRemove(response.Id, out _))
                {
                    logger.LogWarning("Ignored a response to id {Id}, which this server never sent", response.Id);
                    return null;
                }
                return Deserialize(response.Message);
            case Incoming.Call { Id: { } id } request:
                if (!inFlight.TryAdd(id, 0))
                {
                    var text = $"Invalid Request: a request with id {id} is still being served; ids must be unique among requests in flight";
                    logger.LogWarning("Refused {Method}: {Message}", request.Method, text);
                    await AnswerAsync(id, JsonRpcErrorCode.InvalidRequest, text, cancellationToken).ConfigureAwait(false);
                    return null;
                }
                var message = Deserialize(request.Message);
                if (message is null)
                {
                    inFlight.TryRemove(id, out _);
                    await AnswerAsync(id, JsonRpcErrorCode.InvalidRequest, $"Invalid Request: {request.Method} could not be read", cancellationToken).ConfigureAwait(false);
                }
                return message;
            case Incoming.Call notification:
                var read = Deserialize(notification.Message);
                if (read is null) pendingTexts.ForgetIn(notification.Message["params"]);
                return read;
            default:
                return null;
        }
    }

    private JsonRpcMessage? Deserialize(Newtonsoft.Json.Linq.JObject message)
    {
        try
        {
            return formatter.Deserialize(message);
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or FormatException or InvalidCastException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning("Ignored a message StreamJsonRpc cannot read: {Error}", exception.Message);
            return null;
        }
    }

    private async ValueTask AnswerAsync(RequestId id, JsonRpcErrorCode code, string message, CancellationToken cancellationToken)
    {
        var error = new JsonRpcError { RequestId = id, Error = new JsonRpcError.ErrorDetail { Code = code, Message = message } };
        ownAnswers.Add(error, error);
        await WriteAsync(error, cancellationToken).ConfigureAwait(false);
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        switch (content)
        {
            case JsonRpcResult { Result: Utf8JsonBuffer json } result:
                inFlight.TryRemove(result.RequestId, out _);
                WriteRaw(json, RawFrame.Result(result.RequestId), cancellationToken);
                return;
            case JsonRpcRequest { IsResponseExpected: false, Arguments: Utf8JsonBuffer json } notification:
                WriteRaw(json, RawFrame.Notification(notification.Method!), cancellationToken);
                return;
            case JsonRpcError error:
                if (error.Error is { } detail) detail.Data = null;
                if (!ownAnswers.TryGetValue(error, out _)) inFlight.TryRemove(error.RequestId, out _);
                break;
            case JsonRpcResult result:
                inFlight.TryRemove(result.RequestId, out _);
                break;
            case JsonRpcRequest { IsResponseExpected: true } request:
                awaited.TryAdd(request.RequestId, 0);
                break;
        }
        base.Write(content, cancellationToken);
    }

    /// <summary>
    /// A message whose result or params is already UTF-8 JSON, framed here as the base class frames the formatter's
    /// text (<c>Content-Length</c> only, the properties in the formatter's order): the same bytes, without building a
    /// JToken, a UTF-16 string or a second copy of a 32 MB body. The buffer goes back to its pool once written.
    /// </summary>
    private void WriteRaw(Utf8JsonBuffer json, RawFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var writer = Writer!;
            var length = frame.Prefix.Length + json.Length + RawFrame.Suffix.Length;
            writer.Write("Content-Length: "u8);
            var digits = writer.GetSpan(20);
            System.Buffers.Text.Utf8Formatter.TryFormat(length, digits, out var written);
            writer.Advance(written);
            writer.Write("\r\n\r\n"u8);
            writer.Write(frame.Prefix);
            json.CopyTo(writer);
            writer.Write(RawFrame.Suffix);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>What JsonMessageFormatter writes around a result or a notification's params.</summary>
    private readonly record struct RawFrame(byte[] Prefix)
    {
        public static ReadOnlySpan<byte> Suffix => "}"u8;

        public static RawFrame Result(RequestId id)
        {
            using var prefix = new Utf8JsonBuffer();
            prefix.Raw("{\"jsonrpc\":\"2.0\",\"id\":"u8);
            if (id.Number is { } number) prefix.Number(number);
            else if (id.String is { } text) prefix.String(text);
            else prefix.Raw("null"u8);
            prefix.Raw(",\"result\":"u8);
            return new RawFrame(prefix.ToArray());
        }

        public static RawFrame Notification(string method)
        {
            using var prefix = new Utf8JsonBuffer();
            prefix.Raw("{\"jsonrpc\":\"2.0\",\"method\":"u8);
            prefix.String(method);
            prefix.Raw(",\"params\":"u8);
            return new RawFrame(prefix.ToArray());
        }
    }
}
