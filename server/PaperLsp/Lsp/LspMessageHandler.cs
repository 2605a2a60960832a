using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Lsp;

/// <summary>
/// Content-Length framing (<see cref="HeaderDelimitedMessageHandler"/>) that survives a message whose body is not JSON:
/// StreamJsonRpc would drop the connection; this answers ParseError (-32700, id null) and reads the next message.
/// The frame's bytes are consumed before the body is parsed, so the stream stays in step.
/// </summary>
internal sealed class LspMessageHandler(Stream sendingStream, Stream receivingStream, IJsonRpcMessageFormatter formatter, ILogger logger)
    : HeaderDelimitedMessageHandler(sendingStream, receivingStream, formatter)
{
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsBadBody(exception))
            {
                logger.LogWarning("Received a message that is not JSON-RPC ({Error}); answering ParseError", exception.Message);
                var error = new JsonRpcError
                {
                    RequestId = RequestId.Null,
                    Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.ParseError, Message = "Parse error: " + exception.Message },
                };
                await WriteAsync(error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsBadBody(Exception exception) =>
        exception is Newtonsoft.Json.JsonException or FormatException or InvalidCastException or ArgumentException
            && exception is not BadRpcHeaderException;
}
