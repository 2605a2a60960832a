using System.Text;
using Newtonsoft.Json;
using PaperLsp.Classification;
using PaperLsp.Generator;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Features;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;
using LspSemanticTokens = PaperLsp.Lsp.Protocol.SemanticTokens;

namespace PaperLsp.Tests.Lsp;

/// <summary>
/// The hand-written JSON of documentSymbol and semantic tokens is, byte for byte, what the serialiser wrote for the
/// protocol objects before (the reference kept in <see cref="DocumentSymbolHandler.Build"/> and the token class), as
/// the message formatter encoded it to UTF-8.
/// </summary>
public class JsonWritersTests
{
    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };

    public static IEnumerable<TestCaseData> Documents()
    {
        var lists = new (string Name, Func<string> Text)[]
        {
            ("seed", () => TestDocuments.Seed),
            ("sections", () => TestDocuments.Sections),
            ("unicode", () => TestDocuments.Unicode),
            // Hard shapes, duplicates, blank lines: escapes, untitled entries, odd headers.
            ("generated", () => SyntheticList.Generate(400, 7, new SyntheticOptions(BlankLineRate: 0.2, DuplicateRate: 0.05, HardCaseRate: 0.5))),
            ("odd", () => "# \n\"Quoted\" \\ back\tslash | A \u2028B\n\u0001ctl\n## Deeper\n | nobody\n# Next\n"),
        };
        foreach (var (name, text) in lists)
        foreach (var encoding in new[] { PositionEncoding.Utf16, PositionEncoding.Utf8 })
            yield return new TestCaseData(name, text, encoding).SetName($"{{m}}({name},{encoding})");
    }

    /// <summary>What the message formatter sent for a JRaw of <paramref name="json"/>: its UTF-8, a lone surrogate as U+FFFD.</summary>
    private static byte[] Sent(string json) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json);

    private static byte[] Written(Utf8JsonBuffer json)
    {
        using (json) return json.ToArray();
    }

    [TestCaseSource(nameof(Documents))]
    public void Document_symbols_are_written_as_the_serialiser_wrote_them(string name, Func<string> text, PositionEncoding encoding)
    {
        var document = PaperDocument.Parse(text());
        var converter = new ProtocolConverter(encoding);
        var reference = Sent(JsonConvert.SerializeObject(DocumentSymbolHandler.Build(document, converter), Settings));
        var kept = new DocumentSymbolJson.Pieces();
        Assert.That(Written(DocumentSymbolJson.Write(document, converter, kept)), Is.EqualTo(reference), "entries written fresh");
        Assert.That(Written(DocumentSymbolJson.Write(document, converter, kept)), Is.EqualTo(reference), "entries from their kept pieces");
    }

    [TestCaseSource(nameof(Documents))]
    public void Semantic_tokens_are_written_as_the_serialiser_wrote_them(string name, Func<string> text, PositionEncoding encoding)
    {
        var document = PaperDocument.Parse(text());
        var converter = new ProtocolConverter(encoding);
        var data = converter.EncodeTokens(document, SemanticClassifier.Classify(document));
        Assert.That(data, Is.Not.Empty);
        var kept = new SemanticTokenPieces.Pieces();
        Assert.That(SemanticTokenPieces.Encode(document, null, converter, kept).Data, Is.EqualTo(data), "from pieces, fresh");
        var joined = SemanticTokenPieces.Encode(document, null, converter, kept);
        Assert.That(joined.Data, Is.EqualTo(data), "from pieces, kept");
        foreach (var tokens in new[]
        {
            new LspSemanticTokens { ResultId = "17", Data = data }, new LspSemanticTokens { Data = data },
            new LspSemanticTokens(SemanticTokenPieces.Encode(document, null, converter, kept)) { ResultId = "18" },
        })
        {
            var written = RawJson.From(tokens);
            Assert.That(written, Is.InstanceOf<Utf8JsonBuffer>());
            Assert.That(Written((Utf8JsonBuffer)written!), Is.EqualTo(Sent(JsonConvert.SerializeObject(tokens, Settings))));
        }
    }

    /// <summary>
    /// Property: over random documents (non-ASCII, astral and lone surrogates, control characters, quotes, sections,
    /// directives) and random edits to them, the UTF-8 writers and the per-entry pieces give exactly the serialiser's
    /// bytes, in both position encodings. The edits move entries to other lines and change some, so kept pieces are
    /// reused at new positions and beside new ones.
    /// </summary>
    [Test]
    public void Writers_equal_the_serialiser_over_random_documents_and_edits([Values(PositionEncoding.Utf16, PositionEncoding.Utf8)] PositionEncoding encoding)
    {
        var converter = new ProtocolConverter(encoding);
        int entries = 0, sections = 0, duplicateTokens = 0, malformedTokens = 0, surrogates = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var document = PaperDocument.Parse(RandomText.Document(random));
            // Kept across the edits, as a handler keeps them for an open document.
            var symbolPieces = new DocumentSymbolJson.Pieces();
            var tokenPieces = new SemanticTokenPieces.Pieces();
            for (var step = 0; step < 6; step++)
            {
                var context = $"seed {seed}, step {step}: {JsonConvert.ToString(document.GetText())}";
                var symbols = Sent(JsonConvert.SerializeObject(DocumentSymbolHandler.Build(document, converter), Settings));
                Assert.That(Written(DocumentSymbolJson.Write(document, converter, symbolPieces)), Is.EqualTo(symbols), context);

                var duplicated = System.Collections.Immutable.ImmutableHashSet.ToImmutableHashSet(
                    PaperLsp.Analysis.TitleIndex.Build(document).DuplicatedKeys, StringComparer.Ordinal);
                var data = converter.EncodeTokens(document, SemanticClassifier.Classify(document, duplicated));
                var resultId = random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var reference = Sent(JsonConvert.SerializeObject(new LspSemanticTokens { ResultId = resultId, Data = data }, Settings));
                // Written from the pieces' text first, then its integers copied out.
                var joined = SemanticTokenPieces.Encode(document, duplicated, converter, tokenPieces);
                Assert.That(Written((Utf8JsonBuffer)RawJson.From(new LspSemanticTokens(joined) { ResultId = resultId })!), Is.EqualTo(reference), context);
                Assert.That(joined.Data, Is.EqualTo(data), context);

                entries += document.EntryCount;
                sections += DocumentOutline.Build(document).OfType<OutlineSection>().Count();
                duplicateTokens += data.Chunk(5).Count(token => (token[4] & 1) != 0);
                malformedTokens += data.Chunk(5).Count(token => (token[4] & 2) != 0);
                surrogates += document.GetText().Count(char.IsSurrogate);
                document = document.Apply(RandomText.Edit(random, document));
            }
        }
        // The inputs reach what they are meant to: every kind of symbol and modifier, and surrogates.
        Assert.That(new[] { entries, sections, duplicateTokens, malformedTokens, surrogates }, Is.All.GreaterThan(20));
    }

    [Test]
    public void Strings_are_escaped_and_encoded_as_the_serialiser_does()
    {
        var random = new Random(11);
        var samples = new List<string> { "", "plain", "\"", "\\", "\u0000\u001f\u007f", "\u0085\u2028\u2029", "\ud800", "a\udc00b", "\ud83d\ude80", "é中𝔸", "\ud83d" };
        for (var i = 0; i < 500; i++) samples.Add(RandomText.Line(random, random.Next(0, 40)));
        // Longer than a small chunk's share per character: written through the long-string path.
        samples.Add(string.Concat(Enumerable.Repeat("é\"x𝔸", 200)));
        foreach (var sample in samples)
        {
            using var json = new Utf8JsonBuffer(64);
            json.String(sample);
            Assert.That(json.ToArray(), Is.EqualTo(Sent(JsonConvert.ToString(sample))), JsonConvert.ToString(sample));
        }
    }

    [Test]
    public void Numbers_and_raw_bytes_span_chunks()
    {
        using var json = new Utf8JsonBuffer(64);
        var expected = new StringBuilder();
        for (var i = -1000; i < 20_000; i += 7)
        {
            json.Number(i * 104_729L);
            json.Raw(",\"k\":"u8);
            expected.Append((i * 104_729L).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",\"k\":");
        }
        Assert.That(json.Length, Is.EqualTo(expected.Length));
        Assert.That(json.ToString(), Is.EqualTo(expected.ToString()));
    }

    [TestCaseSource(nameof(Documents))]
    public void Author_and_affiliation_tokens_are_the_entries_names(string name, Func<string> text, PositionEncoding encoding)
    {
        var document = PaperDocument.Parse(text());
        var spans = SemanticClassifier.Classify(document).ToList();
        var expected = document.Entries.SelectMany(entry => entry.Authors.Select(a => (SpanKind.Author, a.Range))
            .Concat(entry.Affiliations.Select(a => (SpanKind.Affiliation, a.Range))))
            .Where(part => part.Range.Start.Character < part.Range.End.Character)
            .OrderBy(part => part.Range.Start).ToList();
        var actual = spans.Where(s => s.Kind is SpanKind.Author or SpanKind.Affiliation).Select(s => (s.Kind, s.Range)).ToList();
        Assert.That(actual, Is.EqualTo(expected));
    }
}

/// <summary>Random paper-list text: entries, sections, comments and directives, with characters that need care in JSON and UTF-8.</summary>
internal static class RandomText
{
    private static readonly string[] Pieces =
    [
        "a", "Deep", " ", "  ", "Learning", "é", "中文", "𝔸", "🚀", "\ud800", "\udc00", "\"", "\\", "\t", "\u0001", "\u0085",
        "\u2028", "\u2029", "|", ",", "·", "et al.", "'", "<", "&", "\u00a0", "\uFEFF",
    ];

    public static string Line(Random random, int pieces)
    {
        var line = new StringBuilder();
        for (var i = 0; i < pieces; i++) line.Append(Pieces[random.Next(Pieces.Length)]);
        return line.ToString();
    }

    private static string Name(Random random) => Line(random, random.Next(1, 4)).Replace("|", "").Replace(",", "") + " " + Line(random, 1).Replace("|", "").Replace(",", "");

    public static string Document(Random random)
    {
        var text = new StringBuilder();
        var items = random.Next(0, 25);
        for (var i = 0; i < items; i++)
        {
            switch (random.Next(10))
            {
                case 0: text.Append(new string('#', random.Next(1, 4))).Append(' ').Append(Line(random, random.Next(0, 4))).Append('\n'); break;
                case 1: text.Append("// ").Append(random.Next(3) == 0 ? "paperlsp-ignore PL0301 -- ok" : Line(random, 3)).Append('\n'); break;
                case 2: text.Append('\n'); break;
                default:
                    if (random.Next(2) == 0) text.Append("4.").Append(random.Next(10)).Append("CLMay 2").Append(random.Next(10)).Append(", 2022").Append(random.Next(3) == 0 ? "Code" : "").Append('\n');
                    // Some titles repeat, so that duplicate modifiers appear.
                    var title = random.Next(4) == 0 ? "Attention Is All You Need" : Line(random, random.Next(0, 8));
                    text.Append(title);
                    if (random.Next(5) > 0)
                    {
                        text.Append(" | ").Append(Name(random));
                        for (var a = random.Next(0, 3); a > 0; a--) text.Append(", ").Append(Name(random));
                        if (random.Next(3) == 0) text.Append(" et al.");
                        if (random.Next(3) == 0) text.Append(" · ").Append(Line(random, 2));
                    }
                    text.Append('\n');
                    if (random.Next(2) == 0) text.Append(Line(random, random.Next(1, 10))).Append('\n');
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>An edit somewhere in the document: lines inserted, deleted or typed into.</summary>
    public static PaperLsp.Text.TextChange Edit(Random random, PaperDocument document)
    {
        var line = random.Next(document.LineCount);
        var length = document.GetLineText(line).Length;
        var start = new PaperLsp.Text.TextPosition(line, random.Next(length + 1));
        return random.Next(3) switch
        {
            0 => new PaperLsp.Text.TextChange(new PaperLsp.Text.TextRange(start, start), random.Next(2) == 0 ? "\n" : "\n\n" + Document(random)),
            1 => new PaperLsp.Text.TextChange(new PaperLsp.Text.TextRange(new PaperLsp.Text.TextPosition(line, 0),
                new PaperLsp.Text.TextPosition(Math.Min(document.LineCount - 1, line + random.Next(3)), 0)), ""),
            _ => new PaperLsp.Text.TextChange(new PaperLsp.Text.TextRange(start, start), Line(random, random.Next(1, 3))),
        };
    }
}
