using System.Text;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Lsp;

public class ProtocolConverterTests
{
    private static readonly ProtocolConverter Utf8 = new(PositionEncoding.Utf8);

    [TestCase(new[] { "utf-8", "utf-16" }, PositionEncoding.Utf8)]
    [TestCase(new[] { "utf-32", "utf-16", "utf-8" }, PositionEncoding.Utf16)]
    [TestCase(new[] { "utf-32" }, PositionEncoding.Utf16)]
    [TestCase(new string[0], PositionEncoding.Utf16)]
    [TestCase(null, PositionEncoding.Utf16)]
    public void Negotiates_the_clients_first_supported_encoding(string[]? offered, PositionEncoding expected) =>
        Assert.That(ProtocolConverter.Negotiate(offered), Is.EqualTo(expected));

    [TestCase("Akyürek", 7, 8)]
    [TestCase("𝔸b", 2, 4)]
    [TestCase("a🚀b", 3, 5)]
    [TestCase("a🚀b", 4, 6)]
    [TestCase("", 0, 0)]
    public void Utf16_columns_become_utf8_byte_columns(string line, int utf16, int utf8)
    {
        Assert.That(Utf8.ToLspColumn(line, utf16), Is.EqualTo(utf8));
        Assert.That(Utf8.FromLspColumn(line, utf8), Is.EqualTo(utf16));
    }

    [Test]
    public void Utf8_columns_inside_a_character_or_past_the_end_are_clamped()
    {
        Assert.That(Utf8.FromLspColumn("a🚀b", 2), Is.EqualTo(1), "inside the rocket: its start");
        Assert.That(Utf8.FromLspColumn("a🚀b", 99), Is.EqualTo(4));
        Assert.That(Utf8.FromLspColumn("Akyürek", 5), Is.EqualTo(4), "inside ü");
    }

    [Test]
    public void Every_utf16_boundary_round_trips_through_utf8()
    {
        var line = "𝔸 Study of 🚀 Rockets | Ekin Akyürek, Zoë 𝔅ern";
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && char.IsLowSurrogate(line[i])) continue;
            var bytes = Utf8.ToLspColumn(line, i);
            Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetByteCount(line[..i])));
            Assert.That(Utf8.FromLspColumn(line, bytes), Is.EqualTo(i));
        }
    }

    [Test]
    public void Positions_past_the_end_are_clamped_and_reported()
    {
        var document = PaperDocument.Parse("ab\ncd");
        Assert.That(ProtocolConverter.Utf16.FromLsp(document, new Position(0, 10), out var clamped), Is.EqualTo(new TextPosition(0, 2)));
        Assert.That(clamped, Is.True);
        Assert.That(ProtocolConverter.Utf16.FromLsp(document, new Position(7, 1), out clamped), Is.EqualTo(new TextPosition(1, 2)));
        Assert.That(clamped, Is.True);
        Assert.That(ProtocolConverter.Utf16.FromLsp(document, new Position(1, 1), out clamped), Is.EqualTo(new TextPosition(1, 1)));
        Assert.That(clamped, Is.False);
    }

    [Test]
    public void Diagnostics_carry_source_code_link_and_related_copies()
    {
        var document = PaperDocument.Parse(TestDocuments.Seed);
        var findings = PaperLsp.Analysis.DocumentAnalyzer.Analyze(document);
        var duplicate = findings.First(f => f.Code == "PL0301");
        var lsp = ProtocolConverter.Utf16.ToLsp(document, "file:///seed.papers", duplicate);
        Assert.Multiple(() =>
        {
            Assert.That(lsp.Source, Is.EqualTo("paperlsp"));
            Assert.That(lsp.Code, Is.EqualTo("PL0301"));
            Assert.That(lsp.Severity, Is.EqualTo(PaperLsp.Lsp.Protocol.DiagnosticSeverity.Warning));
            Assert.That(lsp.CodeDescription!.Href, Is.EqualTo(PaperLsp.Diagnostics.DiagnosticCatalog.DocumentationLink(PaperLsp.Diagnostics.DiagnosticCatalog.DuplicateEntry)));
            Assert.That(lsp.RelatedInformation!.Single().Location.Uri, Is.EqualTo("file:///seed.papers"));
        });
    }

    [Test]
    public void A_related_location_in_another_document_is_converted_against_that_documents_text()
    {
        var here = PaperDocument.Parse("Plain TitleJane Doe\nAbstract.\n");
        var there = PaperDocument.Parse("𝔸𝔸 Wide TitleJane Doe\nAbstract.\n");
        var otherId = new PaperLsp.Workspace.DocumentId("/other.papers");
        var finding = new PaperLsp.Analysis.PaperDiagnostic(PaperLsp.Diagnostics.DiagnosticCatalog.DuplicateEntry, TextRange.OnLine(0, 0, 11), "dup",
        [
            new PaperLsp.Analysis.RelatedLocation(TextRange.OnLine(0, 5, 4), "in the other list", otherId),
            new PaperLsp.Analysis.RelatedLocation(TextRange.OnLine(0, 0, 5), "here"),
            new PaperLsp.Analysis.RelatedLocation(TextRange.OnLine(0, 0, 1), "unknown", new PaperLsp.Workspace.DocumentId("/gone.papers")),
        ]);
        var converted = Utf8.ToLsp(here, "file:///here.papers", finding, id => id == otherId ? (there, "file:///other.papers") : null);
        Assert.That(converted.RelatedInformation!.Select(r => (r.Location.Uri, r.Location.Range.Start.Character, r.Location.Range.End.Character)), Is.EqualTo(new[]
        {
            ("file:///other.papers", 9, 13), // after two 4-byte letters and a space in the other file's line
            ("file:///here.papers", 0, 5),
        }));
    }
}
