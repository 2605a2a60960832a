using Newtonsoft.Json.Linq;
using PaperLsp.Classification;
using PaperLsp.Lsp;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>The user's real list through the built server: one process for the whole fixture.</summary>
[TestFixture, NonParallelizable]
public class SeedEndToEndTests
{
    private const string SeedUri = "file:///work/examples/seed.papers";
    private LspTestClient client = null!;
    private string seed = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        seed = File.ReadAllText(TestPaths.SeedPapers);
        client = await LspTestClient.StartInitializedAsync(new { logLevel = "debug" });
        await client.OpenAsync(SeedUri, seed);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await client.DisposeAsync();

    [Test]
    public void Initialize_announces_the_capabilities()
    {
        var capabilities = client.InitializeResult!["capabilities"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)capabilities["positionEncoding"], Is.EqualTo("utf-16"));
            Assert.That((int)capabilities["textDocumentSync"]!["change"]!, Is.EqualTo(2));
            Assert.That((bool)capabilities["textDocumentSync"]!["openClose"]!, Is.True);
            Assert.That((bool)capabilities["documentSymbolProvider"]!, Is.True);
            Assert.That((bool)capabilities["foldingRangeProvider"]!, Is.True);
            Assert.That((bool)capabilities["documentFormattingProvider"]!, Is.True);
            Assert.That((bool)capabilities["documentRangeFormattingProvider"]!, Is.True);
            Assert.That((bool)capabilities["semanticTokensProvider"]!["range"]!, Is.True);
            Assert.That((bool)capabilities["semanticTokensProvider"]!["full"]!["delta"]!, Is.True);
            Assert.That(capabilities["semanticTokensProvider"]!["legend"]!["tokenTypes"]!.Values<string>(), Is.EqualTo(SemanticTokensLegendInfo.TokenTypes));
            Assert.That(capabilities["semanticTokensProvider"]!["legend"]!["tokenModifiers"]!.Values<string>(), Is.EqualTo(new[] { "duplicate", "malformed" }));
            Assert.That(capabilities["diagnosticProvider"], Is.Not.Null);
            Assert.That((string?)client.InitializeResult!["serverInfo"]!["name"], Is.EqualTo("paperlsp"));
        });
    }

    [Test]
    public async Task Seed_diagnostics_are_two_copies_pointing_at_each_other_and_a_possible_duplicate()
    {
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == SeedUri);
        Assert.That((int?)published["version"], Is.EqualTo(1));
        var duplicates = published["diagnostics"]!.Where(d => (string?)d["code"] == "PL0301").ToList();
        Assert.That(duplicates.Select(d => (int)d["range"]!["start"]!["line"]! + 1), Is.EqualTo(new[] { 68, 70 }));
        // Line 65, another release of the same toolkit with its own title and abstract: at most a possible duplicate.
        var possible = published["diagnostics"]!.Where(d => (string?)d["code"] == "PL0303").ToList();
        Assert.That(possible.Select(d => ((int)d["range"]!["start"]!["line"]! + 1, (int)d["severity"]!)), Is.EqualTo(new[] { (65, 3) }));
        Assert.That(published["diagnostics"]!.Count(), Is.EqualTo(3), "nothing else");
        foreach (var (diagnostic, other) in new[] { (duplicates[0], duplicates[1]), (duplicates[1], duplicates[0]) })
        {
            Assert.That((string?)diagnostic["source"], Is.EqualTo("paperlsp"));
            Assert.That((int)diagnostic["severity"]!, Is.EqualTo(2));
            Assert.That((string?)diagnostic["codeDescription"]!["href"], Does.EndWith("#pl0301-duplicate-entry"));
            // The other copy first, then the possible duplicate at line 65.
            var related = diagnostic["relatedInformation"]!.First();
            Assert.That((string?)related["location"]!["uri"], Is.EqualTo(SeedUri));
            Assert.That(related["location"]!["range"], Is.EqualTo(other["range"]).Using<JToken>((a, b) => JToken.DeepEquals(a, b)));
        }
        // Every other finding is a string code with a documentation link.
        Assert.That(published["diagnostics"]!.Select(d => (string?)d["code"]), Has.All.Match("^PL\\d{4}$"));
    }

    [Test]
    public async Task Seed_symbols_are_the_fifty_titles_of_the_truth_file()
    {
        var symbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = SeedUri } });
        var truth = JObject.Parse(File.ReadAllText(TestPaths.SeedTruth))["entries"]!;
        Assert.That(symbols.Select(s => (string?)s["name"]), Is.EqualTo(truth.Select(t => (string?)t["title"])));
        Assert.That(symbols.Select(s => (int)s["selectionRange"]!["start"]!["line"]! + 1), Is.EqualTo(truth.Select(t => (int)t["header_line"]!)));
        Assert.That(symbols.Select(s => (int)s["range"]!["start"]!["line"]! + 1), Is.EqualTo(truth.Select(t => (int?)t["meta_line"] ?? (int)t["header_line"]!)));
        Assert.That(symbols.Select(s => (int)s["kind"]!), Is.All.EqualTo(19));
    }

    [Test]
    public async Task Seed_folding_ranges()
    {
        var ranges = await client.CallAsync("textDocument/foldingRange", new { textDocument = new { uri = SeedUri } });
        var expected = DocumentOutline.Folds(PaperDocument.Parse(seed));
        Assert.That(ranges.Select(r => ((int)r["startLine"]!, (int)r["endLine"]!)), Is.EqualTo(expected.Select(f => (f.StartLine, f.EndLine))));
        Assert.That(ranges.Select(r => (int)r["startLine"]! < (int)r["endLine"]!), Is.All.True);
        // Every entry with an abstract folds: the first entry is lines 1-2 (1-based).
        Assert.That(ranges.Any(r => (int)r["startLine"]! == 0 && (int)r["endLine"]! == 1));
    }

    [Test]
    public async Task Seed_semantic_tokens_decode_to_the_parsers_spans()
    {
        var result = await client.CallAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = SeedUri } });
        var document = PaperDocument.Parse(seed);
        var decoded = SemanticTokenDecoder.Decode(result["data"]!.Values<int>().ToArray(), document, ProtocolConverter.Utf16);
        var titles = decoded.Where(t => t.Type == "paperTitle").Select(t => t.Range).ToList();
        Assert.That(titles, Is.EqualTo(document.Entries.Select(e => e.TitleRange)));
        var authors = decoded.Where(t => t.Type == "paperAuthor").Select(t => t.Range).ToList();
        Assert.That(authors, Is.EqualTo(document.Entries.SelectMany(e => e.Authors.Select(a => a.Range))));
        var scores = decoded.Where(t => t.Type == "paperScore").Select(t => t.Range).ToList();
        Assert.That(scores, Is.EqualTo(document.Entries.Where(e => e.Metadata?.Score is not null).Select(e => e.Locate(e.Metadata!.Score)!.Value)));
        Assert.That(decoded.Where(t => t.Modifiers == 1 && t.Type == "paperTitle").Select(t => t.Range.Start.Line + 1), Is.EqualTo(new[] { 68, 70 }));
    }

    [Test]
    public async Task Incremental_edits_end_where_a_fresh_open_of_the_final_text_starts()
    {
        const string edited = "file:///work/examples/edited.papers";
        const string fresh = "file:///work/examples/fresh.papers";
        await client.OpenAsync(edited, seed);
        var edits = new (TextRange Range, string Text)[]
        {
            (new(new(0, 0), new(0, 4)), "Dola"),                                      // inside a title
            (new(new(3, 0), new(3, 0)), "// a comment line\n"),                       // a new item
            (new(new(10, 5), new(12, 20)), ""),                                       // across entries
            (new(new(20, 0), new(20, 0)), "# A Section\n"),                            // a heading
            (new(new(67, 0), new(67, 3)), "The"),                                      // near the duplicates
            (new(new(5, 10), new(5, 10)), "Ekin Akyürek, 𝔸lice 🚀, "),                 // non-ASCII and astral text
            (new(new(30, 0), new(31, 0)), ""),                                         // delete a line
        };
        var expected = PaperDocument.Parse(seed);
        var version = 1;
        foreach (var (range, text) in edits)
        {
            expected = expected.Apply(new TextChange(range, text));
            await client.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri = edited, version = ++version },
                contentChanges = new[] { new { range = Lsp(range), text } },
            });
        }
        var editedSymbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = edited } });
        var editedDiagnostics = await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri = edited } });
        // The pushed diagnostics of the edited document end at its last version.
        var last = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == edited && (int?)p["version"] == version);
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = edited } });
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == edited && p["version"] is null && !p["diagnostics"]!.Any());

        // The fresh open sees the workspace the edited list saw (the seed open beside it), not the edited list itself:
        // two lists with the same text would be copies of each other.
        await client.OpenAsync(fresh, expected.GetText());
        var freshSymbols = await client.CallAsync("textDocument/documentSymbol", new { textDocument = new { uri = fresh } });
        var freshDiagnostics = await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri = fresh } });
        Assert.That(JToken.DeepEquals(editedSymbols, freshSymbols), Is.True, "symbols after edits equal symbols of a fresh open");
        Assert.That(editedDiagnostics["items"]!.ToString().Replace(edited, fresh), Is.EqualTo(freshDiagnostics["items"]!.ToString()));
        Assert.That(last["diagnostics"]!.ToString().Replace(edited, fresh), Is.EqualTo(freshDiagnostics["items"]!.ToString()));
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = fresh } });
    }

    [Test]
    public async Task Semantic_token_delta_after_an_edit()
    {
        const string uri = "file:///work/examples/delta.papers";
        await client.OpenAsync(uri, seed);
        var first = await client.CallAsync("textDocument/semanticTokens/full", new { textDocument = new { uri } });
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = Lsp(new TextRange(new(0, 0), new(0, 0))), text = "New " } },
        });
        var delta = await client.CallAsync("textDocument/semanticTokens/full/delta", new { textDocument = new { uri }, previousResultId = (string?)first["resultId"] });
        var full = await client.CallAsync("textDocument/semanticTokens/full", new { textDocument = new { uri } });
        var data = first["data"]!.Values<int>().ToList();
        foreach (var edit in delta["edits"]!.Reverse())
        {
            data.RemoveRange((int)edit["start"]!, (int)edit["deleteCount"]!);
            data.InsertRange((int)edit["start"]!, edit["data"]?.Values<int>() ?? []);
        }
        Assert.That(data, Is.EqualTo(full["data"]!.Values<int>()));
        Assert.That(delta["edits"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Formatting_returns_text_edits()
    {
        var edits = await client.CallAsync("textDocument/formatting", new { textDocument = new { uri = SeedUri }, options = new { tabSize = 4, insertSpaces = true } });
        Assert.That(edits.Type, Is.EqualTo(JTokenType.Array));
        var converter = ProtocolConverter.Utf16;
        var formatted = FormattingHandlerTests.ApplyEdits(seed, edits.ToObject<PaperLsp.Lsp.Protocol.TextEdit[]>()!, converter);
        Assert.That(PaperDocument.Parse(formatted).Entries.Select(e => e.Title), Is.EqualTo(PaperDocument.Parse(seed).Entries.Select(e => e.Title)));
    }

    internal static object Lsp(TextRange range) => new
    {
        start = new { line = range.Start.Line, character = range.Start.Character },
        end = new { line = range.End.Line, character = range.End.Character },
    };
}
