using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PaperLsp.Tests.Lsp.EndToEnd;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>
/// Shared checks of the adversarial suite (issue 7). Every family runs against the BUILT server over stdio: what an
/// editor or a misbehaving extension can send, the server must answer as the protocol says, keep serving, and never
/// show a .NET stack to the client.
/// </summary>
internal static partial class Adversary
{
    public const string DocumentUri = "file:///adversarial/list.papers";

    /// <summary>A line of a .NET stack trace ("   at Namespace.Type.Method(") or an exception dump.</summary>
    [GeneratedRegex(@"^\s+at [\w.<>`]+\(|--- End of|Exception: .*\n\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackLine();

    public static bool HasStack(string text) => StackLine().IsMatch(text);

    public static byte[] Frame(string body) => Frame(Encoding.UTF8.GetBytes(body));

    public static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A request as raw JSON text with the given id, so tests can frame it however they like.</summary>
    public static string Request(long id, string method, string parameters = "{\"textDocument\":{\"uri\":\"" + DocumentUri + "\"}}") =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{parameters}}}";

    public static async Task<LspTestClient> StartWithDocumentAsync(string text, object? initializationOptions = null)
    {
        var client = await LspTestClient.StartInitializedAsync(initializationOptions);
        await client.OpenAsync(DocumentUri, text);
        return client;
    }

    /// <summary>The server answers a request and is still running.</summary>
    public static async Task AssertServingAsync(LspTestClient client)
    {
        var symbols = await client.CallAsync("textDocument/foldingRange", new { textDocument = new { uri = DocumentUri } });
        Assert.That(symbols.Type, Is.EqualTo(JTokenType.Array));
        Assert.That(client.HasExited, Is.False);
    }

    /// <summary>Nothing the server sent carries error data or a stack, and stdout held only LSP frames.</summary>
    public static void AssertClean(LspTestClient client)
    {
        Assert.That(client.OutputProblem, Is.Null, "stdout carries only LSP frames");
        foreach (var message in client.AllMessages())
        {
            if (message["error"] is JObject error)
                Assert.That(error["data"], Is.Null, $"no error.data (it carried .NET stacks): {message}");
            Assert.That(HasStack(message.ToString()), Is.False, $"no stack trace reaches the client: {message}");
        }
        Assert.That(HasStack(client.Stderr), Is.False, $"no stack trace in the log:\n{client.Stderr}");
    }

    public static int? ErrorCode(JObject response) => (int?)response["error"]?["code"];

    /// <summary>Waits until a response with no id of ours (id null, or an id we sent raw) has arrived, matched by a predicate.</summary>
    public static async Task<JObject> WaitForUnmatchedAsync(LspTestClient client, Func<JObject, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? LspTestClient.Timeout);
        while (DateTime.UtcNow < deadline)
        {
            if (client.UnmatchedResponses().FirstOrDefault(predicate) is { } found) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException($"no such response; got {string.Join("\n", client.UnmatchedResponses())}\nstderr:\n{client.Stderr}");
    }
}
