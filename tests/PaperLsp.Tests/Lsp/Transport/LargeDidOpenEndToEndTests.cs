using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Transport;
using PaperLsp.Tests.Lsp.EndToEnd;

namespace PaperLsp.Tests.Lsp.Transport;

/// <summary>
/// A didOpen large enough for its text to bypass Newtonsoft (<see cref="LargeStringValues"/>) behaves as a small one:
/// wrong params are refused with the same log line, and the document it opens has the findings of the same text read
/// the old way (a body starting with a byte order mark, which the strict reader leaves to Newtonsoft).
/// </summary>
[TestFixture, NonParallelizable]
public class LargeDidOpenEndToEndTests
{
    private static string LargeText()
    {
        var text = new StringBuilder();
        for (var copy = 0; text.Length < 3 * LargeStringValues.MinimumBytes; copy++)
            text.Append(TestDocuments.Seed.Replace("\n", copy % 2 == 0 ? "\r\n" : "\n")).Append("\n# copy ").Append(copy).Append(" 😀\n");
        return text.ToString();
    }

    private static JObject DidOpen(JObject textDocument) =>
        new() { ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen", ["params"] = new JObject { ["textDocument"] = textDocument } };

    private static JObject Document(string uri, string text) =>
        new() { ["uri"] = uri, ["languageId"] = "papers", ["version"] = 1, ["text"] = text };

    private static byte[] Body(JObject message) => Encoding.UTF8.GetBytes(message.ToString(Newtonsoft.Json.Formatting.None));

    [Test]
    public async Task Wrong_params_with_a_large_text_are_refused_as_with_a_small_one()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        var wrongs = new (string Key, JToken? Value)[] { ("version", new JArray(1)), ("version", "seven"), ("uri", null), ("uri", JValue.CreateNull()) };
        foreach (var (key, value) in wrongs)
        {
            foreach (var text in new[] { "@misc{k, title = {Small}}", LargeText() })
            {
                var document = Document("file:///transport/wrong.papers", text);
                if (value is null) document.Remove(key);
                else document[key] = value;
                await client.SendAsync(DidOpen(document));
            }
        }

        const string marker = "Ignoring textDocument/didOpen:";
        var deadline = DateTime.UtcNow + LspTestClient.Timeout;
        List<string> lines;
        while ((lines = client.Stderr.Split('\n').Where(line => line.Contains(marker)).ToList()).Count < 2 * wrongs.Length && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.That(lines, Has.Count.EqualTo(2 * wrongs.Length), client.Stderr);
        // Newtonsoft says where in the message it stopped; the large text moves that, nothing else.
        static string WithoutPosition(string line) => Regex.Replace(line[line.IndexOf(marker, StringComparison.Ordinal)..], @", line \d+, position \d+", "");
        for (var i = 0; i < wrongs.Length; i++)
            Assert.That(WithoutPosition(lines[2 * i + 1]), Is.EqualTo(WithoutPosition(lines[2 * i])), $"case {wrongs[i]}");
        Assert.That(client.Notifications("textDocument/publishDiagnostics"), Is.Empty, "nothing was opened");
    }

    [Test]
    public async Task A_large_didOpen_opens_the_document_the_old_reader_opens_and_publishes_once()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        var text = LargeText();
        const string fast = "file:///transport/fast.papers", old = "file:///transport/old.papers";
        var fastBody = Body(DidOpen(Document(fast, text)));
        Assert.That(LargeStringValues.TryExtract(fastBody), Is.Not.Null, "the text bypasses Newtonsoft");
        await client.SendRawAsync(fastBody);
        var fastDiagnostics = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == fast);
        var fastFolding = await client.CallAsync("textDocument/foldingRange", new { textDocument = new { uri = fast } });
        await Task.Delay(500);
        Assert.That(client.Notifications("textDocument/publishDiagnostics").Count(p => (string?)p["uri"] == fast), Is.EqualTo(1), "published once");
        // One at a time: two open lists with the same text would be copies of each other.
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = fast } });

        byte[] oldBody = [0xEF, 0xBB, 0xBF, .. Body(DidOpen(Document(old, text)))];
        Assert.That(LargeStringValues.TryExtract(oldBody), Is.Null, "this text is read by Newtonsoft as before");
        await client.SendRawAsync(oldBody);
        var oldDiagnostics = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == old);
        Assert.That(((JArray)fastDiagnostics["diagnostics"]!).Count, Is.GreaterThan(0), "the copies of the seed are duplicates of each other");
        // Related information points into the document itself, so it names the URI.
        Assert.That(fastDiagnostics["diagnostics"]!.ToString(), Is.EqualTo(oldDiagnostics["diagnostics"]!.ToString().Replace(old, fast)));
        var oldFolding = await client.CallAsync("textDocument/foldingRange", new { textDocument = new { uri = old } });
        Assert.That(JToken.DeepEquals(fastFolding, oldFolding), Is.True, "the same lines and items");
    }
}
