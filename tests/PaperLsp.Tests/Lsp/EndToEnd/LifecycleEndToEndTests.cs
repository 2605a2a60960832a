using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>Exit codes, client death and cancellation: each test needs its own server process.</summary>
[TestFixture, NonParallelizable]
public class LifecycleEndToEndTests
{
    [Test]
    public async Task Exit_after_shutdown_is_code_0_and_requests_after_shutdown_are_invalid()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        Assert.That((await client.RequestAsync("shutdown"))["result"]!.Type, Is.EqualTo(JTokenType.Null));
        var after = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = "file:///x.papers" } });
        Assert.That((int?)after["error"]?["code"], Is.EqualTo(-32600));
        await client.NotifyAsync("exit");
        Assert.That(await client.WaitForExitAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task Exit_without_shutdown_is_code_1()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.NotifyAsync("exit");
        Assert.That(await client.WaitForExitAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_server_exits_when_the_client_process_is_gone()
    {
        using var shortLived = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await shortLived.WaitForExitAsync();
        await using var client = LspTestClient.Start();
        // The server may exit before it answers: do not wait for the response.
        _ = client.StartRequest("initialize", new { processId = shortLived.Id, capabilities = new { } });
        Assert.That(await client.WaitForExitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(1));
        Assert.That(client.Stderr, Does.Contain("is gone"));
    }

    [Test]
    public async Task A_cancelled_request_returns_RequestCancelled()
    {
        // Test-only hook (initializationOptions.testDelayMs): documentSymbol waits 30 s, cancellably, before it runs.
        await using var client = await LspTestClient.StartInitializedAsync(new { testDelayMs = new JObject { ["textDocument/documentSymbol"] = 30000 } });
        await client.OpenAsync("file:///slow.papers", TestDocuments.Sections);
        var stopwatch = Stopwatch.StartNew();
        var (id, response) = client.StartRequest("textDocument/documentSymbol", new { textDocument = new { uri = "file:///slow.papers" } });
        await Task.Delay(200);
        await client.NotifyAsync("$/cancelRequest", new { id });
        var result = await response.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((int?)result["error"]?["code"], Is.EqualTo(-32800));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        // Other requests still work.
        var folding = await client.CallAsync("textDocument/foldingRange", new { textDocument = new { uri = "file:///slow.papers" } });
        Assert.That(folding, Is.Not.Empty);
    }
}
