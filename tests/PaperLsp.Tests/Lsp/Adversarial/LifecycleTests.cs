using Newtonsoft.Json.Linq;
using PaperLsp.Tests.Lsp.EndToEnd;
using static PaperLsp.Tests.Lsp.Adversarial.Adversary;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>Family "lifecycle": initialize, its options, and the order of messages, as a careless client gets them wrong.</summary>
[TestFixture, NonParallelizable]
public class LifecycleTests
{
    // Every value is covered in-process (InitializationOptionsTests); these are the cases over stdio.
    [TestCase("{\"diagnosticsDelayMs\":\"abc\",\"pushDiagnostics\":\"yes\",\"logLevel\":{}}", "pushDiagnostics must be")]
    [TestCase("{\"diagnosticsDelayMs\":1e20}", "diagnosticsDelayMs must be")]
    public async Task A_bad_option_value_is_a_warning_and_that_option_keeps_its_default(string options, string warning)
    {
        // Regression: these failed initialize with -32000 and a .NET stack, and a corrected initialize was then refused.
        await using var client = LspTestClient.Start();
        var response = await client.RequestAsync("initialize", new { processId = Environment.ProcessId, capabilities = new { }, initializationOptions = JToken.Parse(options) });
        Assert.That(response["result"]?["capabilities"], Is.Not.Null, response.ToString());
        await client.NotifyAsync("initialized", new { });
        Assert.That(client.Stderr, Does.Contain(warning));
        // Defaults: diagnostics are pushed (the client did not say it pulls), at once.
        await client.OpenAsync(DocumentUri, "A Study of ThingsJane Doe\nOne.\nA Study of ThingsJane Doe\nTwo.\n");
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => ((JArray)p["diagnostics"]!).Count > 0);
        Assert.That(published["diagnostics"]!, Has.Count.EqualTo(2));
        AssertClean(client);
    }

    [Test]
    public async Task An_initialize_refused_for_its_params_can_be_sent_again()
    {
        await using var client = LspTestClient.Start();
        var refused = await client.RequestAsync("initialize", new { processId = "me", capabilities = 5 });
        Assert.That(ErrorCode(refused), Is.EqualTo(-32602));
        Assert.That(ErrorCode(await client.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri = DocumentUri } })), Is.EqualTo(-32002));
        await client.CallAsync("initialize", new { processId = Environment.ProcessId, capabilities = new { } });
        await client.NotifyAsync("initialized", new { });
        await client.OpenAsync(DocumentUri, TestDocuments.Sections);
        await AssertServingAsync(client);
        AssertClean(client);
    }

    [TestCase(-1)]
    public async Task A_process_id_that_is_no_process_does_not_end_the_server_at_once(int processId)
    {
        await using var client = LspTestClient.Start();
        var response = await client.RequestAsync("initialize", new { processId, capabilities = new { } });
        Assert.That(response["result"], Is.Not.Null);
        await client.NotifyAsync("initialized", new { });
        await client.OpenAsync(DocumentUri, TestDocuments.Sections);
        await Task.Delay(1500); // three polls of the client watch
        await AssertServingAsync(client);
        Assert.That(client.Stderr, Does.Contain($"Ignoring processId {processId}"));
    }

    [Test]
    public async Task Order_mistakes_are_answered_and_the_exit_code_says_whether_shutdown_came()
    {
        await using var client = LspTestClient.Start();
        await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = DocumentUri, languageId = "papers", version = 1, text = "x" } });
        await client.NotifyAsync("initialized", new { });
        Assert.That(ErrorCode(await client.RequestAsync("shutdown")), Is.EqualTo(-32002));
        await client.CallAsync("initialize", new { processId = Environment.ProcessId, capabilities = new { } });
        Assert.That(ErrorCode(await client.RequestAsync("initialize", new { processId = Environment.ProcessId, capabilities = new { } })), Is.EqualTo(-32600));
        // The didOpen before initialize was ignored: the document is not open.
        Assert.That((JArray)(await client.CallAsync("textDocument/foldingRange", new { textDocument = new { uri = DocumentUri } })), Is.Empty);
        Assert.That((await client.RequestAsync("shutdown"))["result"], Is.Not.Null.And.Property("Type").EqualTo(JTokenType.Null));
        Assert.That(ErrorCode(await client.RequestAsync("shutdown")), Is.EqualTo(-32600));
        await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = DocumentUri, languageId = "papers", version = 1, text = "x" } });
        await client.NotifyAsync("exit", new { unexpected = true });
        Assert.That(await client.WaitForExitAsync(), Is.EqualTo(0));
        AssertClean(client);
    }

    [Test]
    public async Task Exit_before_initialize_is_code_1()
    {
        await using var client = LspTestClient.Start();
        await client.NotifyAsync("exit");
        Assert.That(await client.WaitForExitAsync(), Is.EqualTo(1));
    }
}
