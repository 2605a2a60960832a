using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Tests.Lsp.Transport;

/// <summary>
/// A result or notification params given as <see cref="Utf8JsonBuffer"/> goes out byte for byte as StreamJsonRpc's own
/// framing sent the same JSON as a <see cref="JRaw"/>: header, property order, id, escapes, UTF-8.
/// </summary>
[TestFixture]
public class RawFrameTests
{
    private static IEnumerable<string> Bodies()
    {
        yield return "[]";
        yield return "{\"data\":[0,1,2],\"resultId\":\"7\"}";
        yield return "[{\"name\":\"é\\\"中𝔸🚀\",\"detail\":\"\ud800x\"}]";
        // Over a chunk: the body is sent from several pooled buffers.
        yield return "[" + string.Join(",", Enumerable.Range(0, 300_000).Select(i => $"\"é{i}𝔸\"")) + "]";
    }

    private static IEnumerable<RequestId> Ids() =>
        [new RequestId(7), new RequestId(long.MaxValue), new RequestId(-1), new RequestId("a\"b\u2028é\ud83d"), RequestId.Null];

    [Test]
    public async Task A_raw_result_is_framed_as_the_formatter_frames_a_JRaw()
    {
        foreach (var body in Bodies())
        foreach (var id in Ids())
        {
            var expected = await SentAsync(stream => new HeaderDelimitedMessageHandler(stream, Stream.Null, new JsonMessageFormatter()),
                new JsonRpcResult { RequestId = id, Result = new JRaw(body) });
            var actual = await SentAsync(stream => new LspMessageHandler(stream, Stream.Null, new JsonMessageFormatter(), NullLogger.Instance, new PaperLsp.Lsp.Transport.PendingTexts()),
                new JsonRpcResult { RequestId = id, Result = Buffer(body) });
            Assert.That(actual, Is.EqualTo(expected), $"id {id}, body of {body.Length} characters");
        }
    }

    [Test]
    public async Task Raw_notification_params_are_framed_as_the_formatter_frames_a_JRaw()
    {
        foreach (var body in Bodies().Where(b => b.StartsWith('{')).Append("{\"uri\":\"file:///a%20b.papers\",\"diagnostics\":[]}"))
        {
            var expected = await SentAsync(stream => new HeaderDelimitedMessageHandler(stream, Stream.Null, new JsonMessageFormatter()),
                new JsonRpcRequest { Method = "textDocument/publishDiagnostics", Arguments = JObject.Parse(body) });
            var actual = await SentAsync(stream => new LspMessageHandler(stream, Stream.Null, new JsonMessageFormatter(), NullLogger.Instance, new PaperLsp.Lsp.Transport.PendingTexts()),
                new JsonRpcRequest { Method = "textDocument/publishDiagnostics", Arguments = Buffer(body) });
            Assert.That(Encoding.UTF8.GetString(actual), Is.EqualTo(Encoding.UTF8.GetString(expected)));
            Assert.That(actual, Is.EqualTo(expected));
        }
    }

    private static Utf8JsonBuffer Buffer(string body)
    {
        var json = new Utf8JsonBuffer();
        json.Raw(Encoding.UTF8.GetBytes(body));
        return json;
    }

    /// <summary>The bytes a handler writes for one message, read after it is disposed (which flushes its writer).</summary>
    private static async Task<byte[]> SentAsync(Func<Stream, MessageHandlerBase> create, JsonRpcMessage message)
    {
        var pipe = new Pipe();
        var handler = create(pipe.Writer.AsStream());
        var read = Task.Run(async () =>
        {
            using var all = new MemoryStream();
            await pipe.Reader.AsStream().CopyToAsync(all);
            return all.ToArray();
        });
        await handler.WriteAsync(message, CancellationToken.None);
        await handler.DisposeAsync();
        return await read.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
