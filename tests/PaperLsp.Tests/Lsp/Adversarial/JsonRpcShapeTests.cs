using Newtonsoft.Json.Linq;
using PaperLsp.Tests.Lsp.EndToEnd;
using static PaperLsp.Tests.Lsp.Adversarial.Adversary;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>
/// Family "JSON-RPC shape": well-framed bodies that are not what JSON-RPC 2.0 allows. Parse errors are -32700; valid
/// JSON that is not a request is -32600 (with the request's id when it can be read, else null); responses nobody asked
/// for are ignored. The server keeps serving after every one.
/// </summary>
[TestFixture, NonParallelizable]
public class JsonRpcShapeTests
{
    private LspTestClient client = null!;
    private JObject deepBeforeInitialize = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        client = LspTestClient.Start();
        // Regression: 11,400 nested arrays overflowed the stack (exit 134) in any method, before initialize too.
        await client.SendBytesAsync(Frame(DeepRequest(7_000_001, "initialize", 11_400)));
        deepBeforeInitialize = await WaitForUnmatchedAsync(client, r => (long?)r["id"] == 7_000_001);
        await client.CallAsync("initialize", new { processId = Environment.ProcessId, capabilities = new { } });
        await client.NotifyAsync("initialized", new { });
        await client.OpenAsync(DocumentUri, TestDocuments.Sections);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        AssertClean(client);
        await client.DisposeAsync();
    }

    private static string DeepRequest(long id, string method, int depth) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{{\"textDocument\":{{\"uri\":\"{DocumentUri}\"}},\"x\":{new string('[', depth)}{new string(']', depth)}}}}}";

    private async Task<List<JObject>> AnswersTo(string body)
    {
        var before = client.UnmatchedResponses().Count;
        await client.SendBytesAsync(Frame(body));
        await AssertServingAsync(client);
        return client.UnmatchedResponses().Skip(before).ToList();
    }

    [Test]
    public void Deep_nesting_before_initialize_is_answered_InvalidParams()
    {
        Assert.That(ErrorCode(deepBeforeInitialize), Is.EqualTo(-32602));
        Assert.That((string?)deepBeforeInitialize["error"]!["message"], Does.Contain("deeper than 64"));
    }

    [TestCase("textDocument/foldingRange", 11_400)]
    [TestCase("textDocument/didChange", 11_400)]
    [TestCase("textDocument/semanticTokens/full", 100_000)]
    [TestCase("paperlsp/unknown", 11_400)]
    public async Task Deep_nesting_in_any_method_is_refused_before_binding(string method, int depth)
    {
        var answers = await AnswersTo(DeepRequest(7_000_002, method, depth));
        Assert.That(answers.Select(ErrorCode), Is.EqualTo(new int?[] { -32602 }));
        Assert.That((long?)answers[0]["id"], Is.EqualTo(7_000_002));
    }

    [Test]
    public async Task Nesting_just_within_the_limit_is_read()
    {
        // 60 levels under params: within the limit, so it is bound (x is no LSP field and is ignored) and answered.
        // Its answer may come after the probe's: both are concurrent requests, so wait for it by its id.
        await client.SendBytesAsync(Frame(DeepRequest(7_000_003, "textDocument/foldingRange", 60)));
        var answer = await WaitForUnmatchedAsync(client, r => (long?)r["id"] == 7_000_003);
        Assert.That(answer["error"], Is.Null);
        Assert.That(answer["result"], Is.Not.Null);
    }

    [Test]
    public async Task A_deep_notification_is_dropped_without_an_answer()
    {
        var body = $"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{new string('[', 11_400)}{new string(']', 11_400)}}}";
        Assert.That(await AnswersTo(body), Is.Empty);
    }

    [TestCase("null")]
    [TestCase("42")]
    [TestCase("\"x\"")]
    [TestCase("true")]
    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase("[1, 2]")]
    [TestCase("[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/foldingRange\",\"params\":{\"textDocument\":{\"uri\":\"x\"}}}]")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"method\":5}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"method\":null,\"id\":null}")]
    public async Task Valid_JSON_that_is_not_a_request_is_InvalidRequest_with_id_null(string body)
    {
        var answers = await AnswersTo(body);
        Assert.That(answers.Select(ErrorCode), Is.EqualTo(new int?[] { -32600 }), string.Join("\n", answers));
        Assert.That(answers[0]["id"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [TestCase("{\"jsonrpc\":\"1.0\",\"id\":8001,\"method\":\"shutdown\"}")]
    [TestCase("{\"id\":8001,\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":2,\"id\":8001,\"method\":\"shutdown\"}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":8001}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":8001,\"method\":[\"shutdown\"]}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":\"8001\",\"params\":{}}")]
    public async Task An_invalid_request_with_a_readable_id_is_InvalidRequest_with_that_id(string body)
    {
        var answers = await AnswersTo(body);
        Assert.That(answers.Select(ErrorCode), Is.EqualTo(new int?[] { -32600 }), string.Join("\n", answers));
        Assert.That((string?)answers[0]["id"], Is.EqualTo("8001"));
    }

    [TestCase("{this is not json")]
    [TestCase("")]
    [TestCase("{\"jsonrpc\":\"2.0\"} trailing")]
    [TestCase("\u00ff\u00fe garbage")]
    public async Task Broken_JSON_is_ParseError_with_id_null(string body)
    {
        var answers = await AnswersTo(body);
        Assert.That(answers.Select(ErrorCode), Is.EqualTo(new int?[] { -32700 }), string.Join("\n", answers));
        Assert.That(answers[0]["id"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":null}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{\"x\":1}}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":999,\"error\":{\"code\":-32601,\"message\":\"no\"}}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":1,\"error\":{\"code\":1,\"message\":\"both\"}}")]
    [TestCase("{\"jsonrpc\":\"2.0\",\"result\":null}")]
    [TestCase("{\"jsonrpc\":\"1.0\",\"id\":{},\"result\":null}")]
    public async Task A_response_nobody_asked_for_is_ignored(string body)
    {
        // Regression: StreamJsonRpc took it for a protocol violation and closed the connection (exit 1).
        Assert.That(await AnswersTo(body), Is.Empty);
    }

    [Test]
    public async Task Two_requests_in_flight_with_the_same_id_get_one_answer_each_and_no_stack()
    {
        // The first request waits behind the exclusive didOpen of a large list, so the second arrives while it is in flight.
        var big = string.Concat(Enumerable.Repeat(TestDocuments.Sections + "\n", 3000));
        var open = new JObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen", ["params"] = JObject.FromObject(new { textDocument = new { uri = "file:///adversarial/big.papers", languageId = "papers", version = 1, text = big } }) };
        var request = Request(7_100_000, "textDocument/foldingRange");
        await client.SendBytesAsync([.. Frame(open.ToString(Newtonsoft.Json.Formatting.None)), .. Frame(request), .. Frame(request)]);
        await AssertServingAsync(client);
        var answers = await Task.Run(async () =>
        {
            for (var i = 0; i < 500 && client.UnmatchedResponses().Count(r => (long?)r["id"] == 7_100_000) < 2; i++) await Task.Delay(20);
            return client.UnmatchedResponses().Where(r => (long?)r["id"] == 7_100_000).ToList();
        });
        Assert.That(answers, Has.Count.EqualTo(2));
        Assert.That(answers.Count(r => r["result"] is not null), Is.EqualTo(1));
        Assert.That(answers.Count(r => ErrorCode(r) == -32600), Is.EqualTo(1));
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = "file:///adversarial/big.papers" } });
    }

    [Test]
    public async Task An_id_reused_after_its_answer_is_served_again()
    {
        var first = await AnswersTo(Request(7_200_000, "textDocument/foldingRange"));
        var second = await AnswersTo(Request(7_200_000, "textDocument/foldingRange"));
        Assert.That(first.Concat(second).Select(r => r["result"] is not null), Is.EqualTo(new[] { true, true }));
    }

    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":7300000,\"method\":\"textDocument/foldingRange\",\"params\":\"text\"}", -32602)]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":7300000,\"method\":\"textDocument/foldingRange\",\"params\":[1,2]}", -32602)]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":7300000,\"method\":\"no/such/method\"}", -32601)]
    [TestCase("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"no/such/method\"}", -32601)]
    public async Task A_well_formed_request_with_bad_params_or_method_gets_its_code(string body, int code)
    {
        var answers = await AnswersTo(body);
        Assert.That(answers.Select(ErrorCode), Is.EqualTo(new int?[] { code }), string.Join("\n", answers));
    }
}
