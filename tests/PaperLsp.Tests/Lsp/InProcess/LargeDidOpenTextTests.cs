using System.Text;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Transport;

namespace PaperLsp.Tests.Lsp.InProcess;

/// <summary>
/// A large didOpen's text reaches the document as UTF-8 unescaped in its message body (<see cref="PendingTexts"/>): the
/// document must hold exactly the text sent, and a didOpen that no handler takes (refused, ignored) must not leave its
/// 100 MB body waiting in the transport.
/// </summary>
[TestFixture]
public class LargeDidOpenTextTests
{
    private const string Uri = "file:///large/list.papers";

    private static string LargeText()
    {
        var text = new StringBuilder();
        for (var copy = 0; text.Length < 4 * LargeStringValues.MinimumBytes; copy++)
            text.Append(TestDocuments.Seed.Replace("\n", copy % 3 == 0 ? "\r\n" : "\n"))
                .Append($"\n# copy {copy} 😀 \"quoted\" \\ back\\slash \t tab\n");
        return text.ToString();
    }

    private static object DidOpen(string text, object? version = null) =>
        new { textDocument = new { uri = Uri, languageId = "papers", version = version ?? 1, text } };

    /// <summary>A request answered after every message sent before it has been dispatched.</summary>
    private static Task Barrier(InProcessServer server) =>
        server.StartRequest("textDocument/foldingRange", new { textDocument = new { uri = Uri } }).Response;

    [Test]
    public async Task The_document_holds_exactly_the_text_sent_and_nothing_is_left_pending()
    {
        await using var server = new InProcessServer(new LanguageServerOptions { LogWriter = TextWriter.Null });
        await server.InitializeAsync();
        var text = LargeText();
        await server.NotifyAsync("textDocument/didOpen", DidOpen(text));
        await Barrier(server);

        var document = server.Session.Store.Get(Uri)!.Document;
        Assert.That(document.GetText(), Is.EqualTo(text));
        Assert.That(server.Session.PendingTexts.Count, Is.Zero);
        Assert.That(document.Entries.Count(entry => entry.Node.AbstractLine >= 0 && entry.Node.IsCompact(entry.Node.AbstractLine)), Is.GreaterThan(100),
            "ASCII abstracts are kept as slices of the message, compact from the start");
    }

    [Test]
    public async Task A_large_didOpen_that_is_refused_or_ignored_leaves_nothing_pending()
    {
        await using var server = new InProcessServer(new LanguageServerOptions { LogWriter = TextWriter.Null });
        var text = LargeText();
        await server.NotifyAsync("textDocument/didOpen", DidOpen(text));
        await Barrier(server);
        Assert.That(server.Session.PendingTexts.Count, Is.Zero, "before initialize");

        await server.InitializeAsync();
        await server.NotifyAsync("textDocument/didOpen", DidOpen(text, version: "seven"));
        await Barrier(server);
        Assert.That(server.Session.PendingTexts.Count, Is.Zero, "params that cannot be read");
        Assert.That(server.Session.Store.Get(Uri), Is.Null);
    }
}
