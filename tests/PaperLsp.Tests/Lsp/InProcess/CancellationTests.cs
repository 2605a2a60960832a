using System.Diagnostics;
using PaperLsp.Lsp;

namespace PaperLsp.Tests.Lsp.InProcess;

/// <summary>Cancellation, held deterministically through the test-only seam (no client-visible option exists for it).</summary>
[TestFixture]
public class CancellationTests
{
    [Test]
    public async Task A_cancelled_request_returns_RequestCancelled_and_others_still_work()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new LanguageServerOptions
        {
            LogWriter = TextWriter.Null,
            // documentSymbol waits until cancelled (or 30 s); other requests run at once.
            BeforeConcurrentRequest = async (method, ct) =>
            {
                if (method != "textDocument/documentSymbol") return;
                held.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            },
        };
        await using var server = new InProcessServer(options);
        await server.InitializeAsync();
        await server.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = "file:///slow.papers", languageId = "papers", version = 1, text = TestDocuments.Sections } });

        var stopwatch = Stopwatch.StartNew();
        var (id, response) = server.StartRequest("textDocument/documentSymbol", new { textDocument = new { uri = "file:///slow.papers" } });
        await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await server.NotifyAsync("$/cancelRequest", new { id });
        var result = await response;
        Assert.That((int?)result["error"]?["code"], Is.EqualTo(-32800));
        Assert.That(result["error"]!["data"], Is.Null, "no .NET details in the error");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));

        var folding = await server.StartRequest("textDocument/foldingRange", new { textDocument = new { uri = "file:///slow.papers" } }).Response;
        Assert.That(folding["result"], Is.Not.Empty);
    }
}
