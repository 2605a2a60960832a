using PaperLsp.Lsp;
using PaperLsp.Lsp.Features;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;
using PaperLsp.Text;
using LspRange = PaperLsp.Lsp.Protocol.Range;

namespace PaperLsp.Tests.Lsp;

/// <summary>Handlers against the model: an in-memory session, no process and no JSON-RPC.</summary>
public class HandlerTests
{
    private const string Uri = "file:///test.papers";

    private static (ServerSession Session, TextDocumentSyncHandler Sync, DiagnosticsPublisher Diagnostics) Open(string text, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        var session = TestDocuments.NewSession(encoding);
        var queue = new PaperLsp.Lsp.Queue.RequestQueue(() => session.State, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var diagnostics = new DiagnosticsPublisher(session, queue);
        var sync = new TextDocumentSyncHandler(session, diagnostics, new WorkspaceDiagnosticsPublisher(session, queue, diagnostics));
        sync.DidOpen(new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = Uri, Version = 1, Text = text } }, RequestContext.For(session));
        return (session, sync, diagnostics);
    }

    [Test]
    public async Task A_large_open_keeps_its_abstracts_as_strings_for_the_first_diagnostics_then_makes_them_compact()
    {
        // Over 2 MB, so the read goes in chunks and leaves the abstracts to the background pass after the first publication
        // (CompactLineTests shows a chunked read leaves them as strings).
        var abstractText = "We measure how the first diagnostics of a very large reading list arrive, " + new string('x', 900) + ".";
        var text = string.Concat(Enumerable.Range(0, 2400).Select(i => $"Paper Number {i} On Large ListsAda Lovelace, Alan Turing\n{abstractText}\n\n"));
        Assert.That(text.Length, Is.GreaterThan(2 << 20));
        var session = TestDocuments.NewSession();
        session.DiagnosticsDelay = TimeSpan.Zero; // the pass follows the first publication, which this session otherwise holds back an hour
        var queue = new PaperLsp.Lsp.Queue.RequestQueue(() => session.State, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var diagnostics = new DiagnosticsPublisher(session, queue);
        var sync = new TextDocumentSyncHandler(session, diagnostics, new WorkspaceDiagnosticsPublisher(session, queue, diagnostics));
        sync.DidOpen(new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = Uri, Version = 1, Text = text } }, RequestContext.For(session));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool AllCompact() => session.Store.Get(Uri)!.Document.Entries.All(e => e.Node.IsCompact(e.Node.AbstractLine));
        while (!AllCompact() && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.That(AllCompact(), Is.True, "the server made the abstracts compact after opening");
        Assert.That(session.Store.Get(Uri)!.Document.GetText(), Is.EqualTo(text));
    }

    private static DocumentSymbol[] Symbols(ServerSession session) =>
        new DocumentSymbolHandler().Handle(new DocumentSymbolParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);

    [Test]
    public void Document_symbols_of_the_seed_are_the_titles_with_authors_as_detail()
    {
        var (session, _, _) = Open(TestDocuments.Seed);
        var symbols = Symbols(session);
        var entries = PaperDocument.Parse(TestDocuments.Seed).Entries.ToList();
        Assert.That(symbols.Select(s => s.Name), Is.EqualTo(entries.Select(e => e.Title)));
        Assert.That(symbols.Select(s => s.Detail), Is.EqualTo(entries.Select(e => e.AuthorsText)));
        Assert.That(symbols.Select(s => s.Kind), Is.All.EqualTo(SymbolKind.Object));
        Assert.That(symbols[2].Range.Start.Line, Is.EqualTo(4), "an entry with metadata starts at its metadata line");
        Assert.That(symbols[2].Range.End.Line, Is.EqualTo(6));
        Assert.That(symbols[2].SelectionRange.Start.Line, Is.EqualTo(5));
    }

    [Test]
    public void Sections_nest_their_entries_and_deeper_sections()
    {
        var (session, _, _) = Open(TestDocuments.Sections);
        var symbols = Symbols(session);
        Assert.That(symbols.Select(s => (s.Name, s.Kind)), Is.EqualTo(new[] { ("Reading", SymbolKind.Namespace), ("Done", SymbolKind.Namespace) }));
        Assert.That(symbols[0].Children!.Select(s => s.Name), Is.EqualTo(new[] { "Attention Is All You Need", "Later" }));
        Assert.That(symbols[0].Children![1].Children!.Single().Name, Is.EqualTo("Deep Residual Learning"));
        Assert.That(symbols[0].Range.End.Line, Is.EqualTo(8));
    }

    [Test]
    public void An_empty_title_still_gets_a_name()
    {
        var (session, _, _) = Open("Ashish Vaswani, Noam Shazeer et al. · mit\nAn abstract.\n");
        var symbol = Symbols(session).Single();
        Assert.That(symbol.Name, Is.EqualTo("(untitled)"));
        Assert.That(symbol.Detail, Is.EqualTo("Ashish Vaswani, Noam Shazeer et al."));
    }

    [Test]
    public void Folding_ranges_cover_entries_from_their_header_sections_and_comments()
    {
        var (session, _, _) = Open(TestDocuments.Sections);
        var ranges = new FoldingRangeHandler().Handle(new FoldingRangeParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
        Assert.That(ranges.Select(r => (r.StartLine, r.EndLine, r.Kind)), Is.EqualTo(new (int, int, string?)[]
        {
            (0, 1, "comment"), (2, 8, null), (3, 4, null), (5, 8, null), (7, 8, null), (10, 12, null), (11, 12, null),
        }));
        Assert.That(ranges, Has.All.Matches<FoldingRange>(r => r.StartLine < r.EndLine));
    }

    [Test]
    public void Export_returns_the_list_as_bibtex_and_a_range_as_its_entries_only()
    {
        var (session, _, _) = Open(TestDocuments.Seed);
        var handler = new ExportHandler();
        var all = handler.Handle(new ExportParams { TextDocument = TestDocuments.Id(Uri), Format = "bibtex" }, RequestContext.For(session), default);
        Assert.That(all.Extension, Is.EqualTo("bib"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(all.Text, @"^@\w+\{", System.Text.RegularExpressions.RegexOptions.Multiline).Count, Is.EqualTo(50));
        Assert.That(all.Text, Does.Contain("agrawal2022large"));
        // Lines 5-6 (0-based 4-5) are the metadata and header of the Agrawal entry: only it is exported.
        var one = handler.Handle(new ExportParams
        {
            TextDocument = TestDocuments.Id(Uri), Format = "csl-json",
            Range = new PaperLsp.Lsp.Protocol.Range { Start = new Position { Line = 4, Character = 0 }, End = new Position { Line = 5, Character = 3 } },
        }, RequestContext.For(session), default);
        Assert.That(one.Extension, Is.EqualTo("json"));
        var items = Newtonsoft.Json.Linq.JArray.Parse(one.Text);
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That((string?)items[0]["title"], Is.EqualTo("Large Language Models are Few-Shot Clinical Information Extractors"));
    }

    [Test]
    public void Export_refuses_an_unknown_format_with_invalid_params()
    {
        var (session, _, _) = Open(TestDocuments.Seed);
        var error = Assert.Throws<StreamJsonRpc.LocalRpcException>(() =>
            new ExportHandler().Handle(new ExportParams { TextDocument = TestDocuments.Id(Uri), Format = "docx" }, RequestContext.For(session), default));
        Assert.That(error!.ErrorCode, Is.EqualTo(LspErrorCodes.InvalidParams));
        Assert.That(error.Message, Does.Contain("docx"));
    }

    [Test]
    public void Document_summary_counts_the_entries_of_an_open_list_and_is_null_for_an_unopened_one()
    {
        var (session, _, _) = Open(TestDocuments.Sections);
        var handler = new DocumentSummaryHandler();
        Assert.That(handler.Handle(new DocumentSummaryParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default)!.Entries, Is.EqualTo(3));
        Assert.That(handler.Handle(new DocumentSummaryParams { TextDocument = TestDocuments.Id("file:///not-open.papers") }, RequestContext.For(session), default), Is.Null);
    }

    [TestCase(PositionEncoding.Utf16)]
    [TestCase(PositionEncoding.Utf8)]
    public void Semantic_tokens_decode_to_the_parsers_spans(PositionEncoding encoding)
    {
        foreach (var text in new[] { TestDocuments.Unicode, TestDocuments.Seed })
        {
            var (session, _, _) = Open(text, encoding);
            var tokens = new SemanticTokensHandler(session.Store).Full(new SemanticTokensParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
            var document = session.Store.Get(Uri)!.Document;
            var decoded = SemanticTokenDecoder.Decode(tokens.Data, document, session.Converter);
            var expected = PaperLsp.Classification.SemanticClassifier.Classify(document)
                .Select(s => (s.Range, SemanticTokensLegendInfo.TokenTypes[(int)s.Kind]));
            Assert.That(decoded.Select(d => (d.Range, d.Type)), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Utf8_token_columns_and_lengths_are_bytes()
    {
        var (session, _, _) = Open(TestDocuments.Unicode, PositionEncoding.Utf8);
        var tokens = new SemanticTokensHandler(session.Store).Full(new SemanticTokensParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
        var raw = SemanticTokenDecoder.Raw(tokens.Data);
        var header = "𝔸 Study of 🚀 Rockets | Ekin Akyürek, Jane Doe et al. · mit";
        var title = raw.Single(t => t.Line == 1 && t.Type == 0);
        Assert.That((title.Start, title.Length), Is.EqualTo((0, System.Text.Encoding.UTF8.GetByteCount("𝔸 Study of 🚀 Rockets"))));
        var akyurek = raw.Where(t => t.Line == 1 && t.Type == 1).First();
        Assert.That((akyurek.Start, akyurek.Length), Is.EqualTo((System.Text.Encoding.UTF8.GetByteCount(header[..header.IndexOf("Ekin")]), System.Text.Encoding.UTF8.GetByteCount("Ekin Akyürek"))));
    }

    [Test]
    public void Semantic_token_delta_is_one_minimal_edit()
    {
        Assert.That(SemanticTokensHandler.Diff([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]), Is.Empty);
        var edit = SemanticTokensHandler.Diff([1, 2, 3, 4, 5], [1, 2, 9, 9, 4, 5]).Single();
        Assert.That((edit.Start, edit.DeleteCount, edit.Data), Is.EqualTo((2, 1, new[] { 9, 9 })));
        var deletion = SemanticTokensHandler.Diff([1, 2, 3, 4, 5], [1, 5]).Single();
        Assert.That((deletion.Start, deletion.DeleteCount, deletion.Data), Is.EqualTo((1, 3, (int[]?)null)));
    }

    [Test]
    public void Full_delta_applies_to_the_previous_result()
    {
        var (session, sync, _) = Open(TestDocuments.Seed);
        var handler = new SemanticTokensHandler(session.Store);
        var first = handler.Full(new SemanticTokensParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
        sync.DidChange(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = Uri, Version = 2 },
            ContentChanges = [new TextDocumentContentChangeEvent { Range = new LspRange(new Position(0, 0), new Position(0, 0)), Text = "New " }],
        }, RequestContext.For(session));
        var delta = (SemanticTokensDelta)handler.FullDelta(new SemanticTokensDeltaParams { TextDocument = TestDocuments.Id(Uri), PreviousResultId = first.ResultId! }, RequestContext.For(session), default);
        var full = handler.Full(new SemanticTokensParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
        var patched = first.Data.ToList();
        foreach (var edit in delta.Edits.Reverse())
        {
            patched.RemoveRange(edit.Start, edit.DeleteCount);
            patched.InsertRange(edit.Start, edit.Data ?? []);
        }
        Assert.That(patched, Is.EqualTo(full.Data));
        Assert.That(delta.Edits, Has.Length.EqualTo(1));
    }

    [Test]
    public void Sync_survives_client_mistakes_without_losing_text()
    {
        var (session, sync, _) = Open("ab\ncd");
        var context = RequestContext.For(session);
        // A range past the end of the document: clamped to the end.
        sync.DidChange(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = Uri, Version = 2 },
            ContentChanges = [new TextDocumentContentChangeEvent { Range = new LspRange(new Position(9, 9), new Position(12, 0)), Text = "!" }],
        }, context);
        Assert.That(session.Store.Get(Uri)!.Document.GetText(), Is.EqualTo("ab\ncd!"));
        // A stale version: applied, and the version does not go backwards.
        sync.DidChange(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = Uri, Version = 1 },
            ContentChanges = [new TextDocumentContentChangeEvent { Range = new LspRange(new Position(0, 0), new Position(0, 0)), Text = ">" }],
        }, context);
        Assert.That(session.Store.Get(Uri)!.Document.GetText(), Is.EqualTo(">ab\ncd!"));
        Assert.That(session.Store.Get(Uri)!.Version, Is.EqualTo(2));
        // A change to a document never opened: ignored, unless it carries the full text.
        sync.DidChange(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = "file:///other.papers", Version = 1 },
            ContentChanges = [new TextDocumentContentChangeEvent { Range = new LspRange(new Position(0, 0), new Position(0, 0)), Text = "x" }],
        }, context);
        Assert.That(session.Store.Get("file:///other.papers"), Is.Null);
        Assert.That(Symbols(session), Is.Empty.Or.Not.Empty);
        Assert.That(new DocumentSymbolHandler().Handle(new DocumentSymbolParams { TextDocument = TestDocuments.Id("file:///never.papers") }, context, default), Is.Empty);
    }

    [Test]
    public void Utf8_changes_are_converted_per_change_against_the_text_so_far()
    {
        var (session, sync, _) = Open("a🚀b\n", PositionEncoding.Utf8);
        sync.DidChange(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = Uri, Version = 2 },
            ContentChanges =
            [
                new TextDocumentContentChangeEvent { Range = new LspRange(new Position(0, 5), new Position(0, 5)), Text = "𝔸" }, // after 🚀 (1 + 4 bytes)
                new TextDocumentContentChangeEvent { Range = new LspRange(new Position(0, 9), new Position(0, 10)), Text = "ü" },  // replaces b after 𝔸
            ],
        }, RequestContext.For(session));
        Assert.That(session.Store.Get(Uri)!.Document.GetText(), Is.EqualTo("a🚀𝔸ü\n"));
    }

    [Test]
    public void Pull_diagnostics_report_unchanged_for_the_same_revision()
    {
        var (session, _, diagnostics) = Open(TestDocuments.Seed);
        var handler = new DocumentDiagnosticHandler(session, diagnostics);
        var full = (FullDocumentDiagnosticReport)handler.Handle(new DocumentDiagnosticParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
        Assert.That(full.Items.Count(d => d.Code == "PL0301"), Is.EqualTo(2));
        var again = handler.Handle(new DocumentDiagnosticParams { TextDocument = TestDocuments.Id(Uri), PreviousResultId = full.ResultId }, RequestContext.For(session), default);
        Assert.That(again, Is.InstanceOf<UnchangedDocumentDiagnosticReport>());
    }
}

/// <summary>Decodes LSP semantic tokens back into absolute model ranges.</summary>
internal static class SemanticTokenDecoder
{
    public static List<(int Line, int Start, int Length, int Type, int Modifiers)> Raw(int[] data)
    {
        var result = new List<(int, int, int, int, int)>();
        int line = 0, start = 0;
        for (var i = 0; i < data.Length; i += 5)
        {
            line += data[i];
            start = data[i] == 0 ? start + data[i + 1] : data[i + 1];
            result.Add((line, start, data[i + 2], data[i + 3], data[i + 4]));
        }
        return result;
    }

    public static List<(TextRange Range, string Type, int Modifiers)> Decode(int[] data, PaperDocument document, ProtocolConverter converter) =>
        Raw(data).Select(t =>
        {
            var text = document.GetLineText(t.Line);
            var start = converter.FromLspColumn(text, t.Start);
            var end = converter.FromLspColumn(text, t.Start + t.Length);
            return (new TextRange(new TextPosition(t.Line, start), new TextPosition(t.Line, end)), SemanticTokensLegendInfo.TokenTypes[t.Type], t.Modifiers);
        }).ToList();
}
