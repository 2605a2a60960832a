using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
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
/// protocol objects before (the reference kept in <see cref="DocumentSymbolHandler.Build"/> and the token class).
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

    [TestCaseSource(nameof(Documents))]
    public void Document_symbols_are_written_as_the_serialiser_wrote_them(string name, Func<string> text, PositionEncoding encoding)
    {
        var document = PaperDocument.Parse(text());
        var converter = new ProtocolConverter(encoding);
        var reference = JsonConvert.SerializeObject(DocumentSymbolHandler.Build(document, converter), Settings);
        Assert.That(DocumentSymbolJson.Write(document, converter), Is.EqualTo(reference));
    }

    [TestCaseSource(nameof(Documents))]
    public void Semantic_tokens_are_written_as_the_serialiser_wrote_them(string name, Func<string> text, PositionEncoding encoding)
    {
        var document = PaperDocument.Parse(text());
        var converter = new ProtocolConverter(encoding);
        var data = converter.EncodeTokens(document, SemanticClassifier.Classify(document));
        Assert.That(data, Is.Not.Empty);
        foreach (var tokens in new[] { new LspSemanticTokens { ResultId = "17", Data = data }, new LspSemanticTokens { Data = data } })
        {
            var written = ((IRawJsonSource)tokens).ToJson();
            Assert.That(written, Is.InstanceOf<JRaw>());
            Assert.That((string?)((JRaw)written!).Value, Is.EqualTo(JsonConvert.SerializeObject(tokens, Settings)));
        }
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
