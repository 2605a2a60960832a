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
    public async Task TestDelayMs_is_no_longer_an_option_a_client_can_set()
    {
        // It once let any client make every documentSymbol wait forever (-1) or answer with a .NET stack (-5).
        await using var client = await LspTestClient.StartInitializedAsync(new { testDelayMs = new JObject { ["textDocument/documentSymbol"] = -1 } });
        await client.OpenAsync("file:///slow.papers", TestDocuments.Sections);
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = "file:///slow.papers" } });
        Assert.That(symbols, Is.Not.Empty);
        Assert.That(client.Stderr, Does.Contain("Unknown initialization option 'testDelayMs'"));
    }
}
