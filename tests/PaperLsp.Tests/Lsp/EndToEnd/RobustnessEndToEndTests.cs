using System.Text;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>The server outlives client bugs. One process for the fixture; it must keep answering after each bad input.</summary>
[TestFixture, NonParallelizable]
public class RobustnessEndToEndTests
{
    private const string Uri = "file:///work/robust.papers";
    private LspTestClient client = null!;
    private JObject beforeInitialize = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        client = LspTestClient.Start();
        beforeInitialize = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        var initialize = await client.CallAsync("initialize", new { processId = Environment.ProcessId, capabilities = new { } });
        Assert.That((string?)initialize["capabilities"]!["positionEncoding"], Is.EqualTo("utf-16"));
        await client.NotifyAsync("initialized", new { });
        await client.OpenAsync(Uri, TestDocuments.Unicode);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await client.DisposeAsync();

    private async Task AssertStillServing()
    {
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        Assert.That(symbols.Type, Is.EqualTo(JTokenType.Array));
        Assert.That(client.HasExited, Is.False);
    }

    private static int ErrorCode(JObject response) => (int?)response["error"]?["code"] ?? throw new AssertionException($"no error in {response}");

    [Test]
    public void A_request_before_initialize_gets_ServerNotInitialized() => Assert.That(ErrorCode(beforeInitialize), Is.EqualTo(-32002));

    [Test]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        Assert.That(ErrorCode(await client.RequestAsync("initialize", new { processId = (int?)null, capabilities = new { } })), Is.EqualTo(-32600));
        await AssertStillServing();
    }

    [Test]
    public async Task An_unknown_method_gets_MethodNotFound()
    {
        Assert.That(ErrorCode(await client.RequestAsync("paperlsp/noSuchThing", new { })), Is.EqualTo(-32601));
        await AssertStillServing();
    }

    [TestCase("{\"textDocument\": 5}")]
    [TestCase("{\"textDocument\": {}}")]
    [TestCase("{}")]
    [TestCase("[1, 2]")]
    [TestCase("\"text\"")]
    public async Task Malformed_params_get_InvalidParams(string parameters)
    {
        var (_, response) = client.StartRequest("textDocument/foldingRange", JToken.Parse(parameters));
        Assert.That(ErrorCode(await response), Is.EqualTo(-32602));
        await AssertStillServing();
    }

    [Test]
    public async Task A_request_without_params_gets_InvalidParams()
    {
        Assert.That(ErrorCode(await client.RequestAsync("textDocument/documentSymbol")), Is.EqualTo(-32602));
        await AssertStillServing();
    }

    [Test]
    public async Task Unknown_notifications_and_malformed_notifications_are_ignored()
    {
        await client.NotifyAsync("paperlsp/unknownNotification", new { x = 1 });
        await client.NotifyAsync("$/unknownProtocolNotification", new { });
        await client.NotifyAsync("textDocument/didChange", new { textDocument = 5 });
        await AssertStillServing();
        Assert.That(client.UnmatchedResponses().Where(r => r["id"] is { Type: not JTokenType.Null }), Is.Empty);
    }

    [Test]
    public async Task Garbage_json_gets_ParseError_and_the_server_keeps_running()
    {
        await client.SendRawAsync(Encoding.UTF8.GetBytes("{this is not json"));
        await client.SendRawAsync(Encoding.UTF8.GetBytes("\u00ff\u00fe garbage"));
        await AssertStillServing();
        var errors = client.UnmatchedResponses().Where(r => (int?)r["error"]?["code"] == -32700).ToList();
        Assert.That(errors, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(errors.Select(e => e["id"]!.Type), Is.All.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task Positions_past_the_end_are_clamped()
    {
        var far = new { start = new { line = 0, character = 0 }, end = new { line = 9999, character = 9999 } };
        var tokens = await client.CallAsync("textDocument/semanticTokens/range", new { textDocument = new { uri = Uri }, range = far });
        var all = await client.CallAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = Uri } });
        Assert.That(tokens["data"], Is.EqualTo(all["data"]).Using<JToken>((a, b) => JToken.DeepEquals(a, b)));
        var beyond = new { start = new { line = 500, character = 3 }, end = new { line = 501, character = 99 } };
        var none = await client.CallAsync("textDocument/semanticTokens/range", new { textDocument = new { uri = Uri }, range = beyond });
        Assert.That(none["data"]!.Count(), Is.LessThanOrEqualTo(all["data"]!.Count()));
        var edits = await client.CallAsync("textDocument/rangeFormatting", new { textDocument = new { uri = Uri }, range = beyond, options = new { tabSize = 2, insertSpaces = true } });
        Assert.That(edits.Type, Is.EqualTo(JTokenType.Array));
        await AssertStillServing();
    }

    [TestCase("textDocument/documentSymbol")]
    [TestCase("textDocument/foldingRange")]
    [TestCase("textDocument/formatting")]
    public async Task Requests_for_documents_never_opened_get_empty_results(string method)
    {
        var result = await client.CallAsync(method, new { textDocument = new { uri = "file:///never/opened.papers" }, options = new { tabSize = 2, insertSpaces = true } });
        Assert.That(result.Type, Is.EqualTo(JTokenType.Array));
        Assert.That(result, Is.Empty);
    }

    [Test]
    public async Task Semantic_tokens_and_diagnostics_for_documents_never_opened_are_empty()
    {
        var tokens = await client.CallAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = "file:///never/opened.papers" } });
        Assert.That(tokens["data"], Is.Empty);
        var report = await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri = "file:///never/opened.papers" } });
        Assert.That((string?)report["kind"], Is.EqualTo("full"));
        Assert.That(report["items"], Is.Empty);
    }

    [Test]
    public async Task Stale_versions_and_ranges_past_the_end_never_lose_text()
    {
        const string uri = "file:///work/stale.papers";
        await client.OpenAsync(uri, "First Title | Jane Doe\nAn abstract.\n", version: 5);
        // Stale: version 3 after 5. Still applied.
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 3 },
            contentChanges = new[] { new { range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 5 } }, text = "Second" } },
        });
        // Past the end: clamped to the end of the document.
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 6 },
            contentChanges = new[] { new { range = new { start = new { line = 40, character = 7 }, end = new { line = 41, character = 0 } }, text = "Third Title | John Roe\nMore abstract.\n" } },
        });
        // A change to a document that was never opened.
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = "file:///never/opened.papers", version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } }, text = "x" } },
        });
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri } });
        Assert.That(symbols.Select(s => (string?)s["name"]), Is.EqualTo(new[] { "Second Title", "Third Title" }));
        // Diagnostics still flow for the last text: pushed when they change (here they may not: push sends nothing for an
        // unchanged list), and pulled always.
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri);
        var pulled = await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri } });
        Assert.That((string?)pulled["kind"], Is.EqualTo("full"));
        Assert.That(pulled["items"], Is.Not.Null);
        Assert.That(client.Stderr, Does.Contain("not after the current 5"));
        Assert.That(client.Stderr, Does.Contain("clamped"));
    }

    [Test]
    public async Task Unicode_spans_in_utf16()
    {
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        var first = symbols[0]!;
        Assert.That((string?)first["name"], Is.EqualTo("𝔸 Study of 🚀 Rockets"));
        Assert.That((int)first["selectionRange"]!["end"]!["character"]!, Is.EqualTo("𝔸 Study of 🚀 Rockets".Length));
        Assert.That((string?)first["detail"], Is.EqualTo("Ekin Akyürek, Jane Doe et al."));
    }
}
