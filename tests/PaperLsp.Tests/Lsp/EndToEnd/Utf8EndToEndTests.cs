using System.Text;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>A client that prefers UTF-8 gets UTF-8 positions everywhere: Akyürek (2-byte ü), 𝔸 and emoji (4 bytes, 2 UTF-16 units).</summary>
[TestFixture, NonParallelizable]
public class Utf8EndToEndTests
{
    private const string Uri = "file:///work/unicode.papers";
    private LspTestClient client = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        client = await LspTestClient.StartInitializedAsync(capabilities: new { general = new { positionEncodings = new[] { "utf-8", "utf-16" } } });
        await client.OpenAsync(Uri, TestDocuments.Unicode);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await client.DisposeAsync();

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    [Test]
    public void Utf8_is_announced() => Assert.That((string?)client.InitializeResult!["capabilities"]!["positionEncoding"], Is.EqualTo("utf-8"));

    [Test]
    public async Task Symbol_ranges_are_in_bytes()
    {
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        Assert.That((int)symbols[0]!["selectionRange"]!["end"]!["character"]!, Is.EqualTo(Bytes("𝔸 Study of 🚀 Rockets")));
        Assert.That((int)symbols[0]!["range"]!["end"]!["character"]!, Is.EqualTo(Bytes("An abstract with 𝔸 and 🙂 in it.")));
        Assert.That((int)symbols[1]!["range"]!["end"]!["character"]!, Is.EqualTo(Bytes("Another abstract 🙂.")));
    }

    [Test]
    public async Task Semantic_tokens_are_in_bytes_and_decode_to_the_parsers_spans()
    {
        var result = await client.CallAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = Uri } });
        var data = result["data"]!.Values<int>().ToArray();
        var document = PaperDocument.Parse(TestDocuments.Unicode);
        var decoded = SemanticTokenDecoder.Decode(data, document, new ProtocolConverter(PositionEncoding.Utf8));
        var expected = PaperLsp.Classification.SemanticClassifier.Classify(document).Select(s => s.Range);
        Assert.That(decoded.Select(d => d.Range), Is.EqualTo(expected));

        var raw = SemanticTokenDecoder.Raw(data);
        var header = document.GetLineText(1);
        var akyurek = raw.First(t => t.Line == 1 && t.Type == 1);
        Assert.That((akyurek.Start, akyurek.Length), Is.EqualTo((Bytes(header[..header.IndexOf("Ekin", StringComparison.Ordinal)]), Bytes("Ekin Akyürek"))));
        var zoe = raw.Last(t => t.Line == 4 && t.Type == 1);
        Assert.That(zoe.Length, Is.EqualTo(Bytes("Zoë 𝔅ern")));
    }

    [Test]
    public async Task Utf8_edits_before_inside_and_after_astral_characters()
    {
        const string uri = "file:///work/unicode-edit.papers";
        await client.OpenAsync(uri, TestDocuments.Unicode);
        var header = "𝔸 Study of 🚀 Rockets";
        object At(int line, int character) => new { line, character };
        var changes = new object[]
        {
            // After 🚀 (inside the title): insert 🙂.
            new { range = new { start = At(1, Bytes("𝔸 Study of 🚀")), end = At(1, Bytes("𝔸 Study of 🚀")) }, text = "🙂" },
            // Before 𝔸 at the start of the line.
            new { range = new { start = At(1, 0), end = At(1, 0) }, text = "ü" },
            // Replace "Akyürek" (after the title, bytes computed on the text as the changes above left it).
            new { range = new { start = At(1, Bytes("ü𝔸 Study of 🚀🙂 Rockets | Ekin ")), end = At(1, Bytes("ü𝔸 Study of 🚀🙂 Rockets | Ekin Akyürek")) }, text = "Akyürek-𝔅" },
        };
        await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version = 2 }, contentChanges = changes });
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri } });
        Assert.That((string?)symbols[0]!["name"], Is.EqualTo("ü" + header.Replace("🚀", "🚀🙂")));
        Assert.That((string?)symbols[0]!["detail"], Is.EqualTo("Ekin Akyürek-𝔅, Jane Doe et al."));
    }

    [Test]
    public async Task Diagnostics_ranges_are_in_bytes()
    {
        const string uri = "file:///work/unicode-trailing.papers";
        // Trailing whitespace after an astral character: PL0502 starts after 🚀 (4 bytes).
        await client.OpenAsync(uri, "Title 🚀 | Jane Doe  \nAbstract 𝔸.\n");
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri);
        var trailing = published["diagnostics"]!.Single(d => (string?)d["code"] == "PL0502");
        Assert.That((int)trailing["range"]!["start"]!["character"]!, Is.EqualTo(Bytes("Title 🚀 | Jane Doe")));
        Assert.That((int)trailing["range"]!["end"]!["character"]!, Is.EqualTo(Bytes("Title 🚀 | Jane Doe  ")));
    }
}
