using PaperLsp.Lsp;
using PaperLsp.Lsp.Features;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Lsp;

/// <summary>
/// Formatting through the handler, against the contract of <c>Formatter.ComputeEdits</c>: edits are non-overlapping,
/// in document order, in the original document's coordinates, and formatting the result again yields no edits.
/// </summary>
public class FormattingHandlerTests
{
    private const string Uri = "file:///format.papers";

    private const string Messy =
        "29.4CLMay 25, 2022   \n" +
        "Attention Is All You Need | Ashish Vaswani,  Noam Shazeer et al.\t\n" +
        "The dominant sequence\ttransduction models.  \n" +
        "\n\n\n" +
        "Deep Residual Learning | Kaiming He, Xiangyu Zhang\n" +
        "We present a residual learning framework.";

    private static TextEdit[] Format(string text, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        var session = TestDocuments.NewSession(encoding);
        session.Store.Open(Uri, 1, text);
        return new FormattingHandler().Format(new DocumentFormattingParams { TextDocument = TestDocuments.Id(Uri) }, RequestContext.For(session), default);
    }

    public static string ApplyEdits(string text, IReadOnlyList<TextEdit> edits, ProtocolConverter converter)
    {
        var document = PaperDocument.Parse(text);
        // Apply from last to first so that earlier ranges stay valid.
        foreach (var edit in edits.Reverse())
            document = document.Apply(new PaperLsp.Text.TextChange(converter.FromLsp(document, edit.Range, out _), edit.NewText));
        return document.GetText();
    }

    [TestCase(Messy)]
    [TestCase(TestDocuments.Sections)]
    [TestCase(TestDocuments.Unicode)]
    public void Edits_are_ordered_disjoint_and_idempotent(string text)
    {
        foreach (var encoding in new[] { PositionEncoding.Utf16, PositionEncoding.Utf8 })
        {
            var edits = Format(text, encoding);
            for (var i = 1; i < edits.Length; i++)
            {
                var (a, b) = (edits[i - 1].Range, edits[i].Range);
                Assert.That(b.Start.Line > a.End.Line || (b.Start.Line == a.End.Line && b.Start.Character >= a.End.Character), $"{a} then {b}");
            }
            var formatted = ApplyEdits(text, edits, new ProtocolConverter(encoding));
            Assert.That(Format(formatted, encoding), Is.Empty, "formatting twice changes nothing");
        }
    }

    [Test]
    public void Range_formatting_only_touches_the_range()
    {
        var session = TestDocuments.NewSession();
        session.Store.Open(Uri, 1, Messy);
        var edits = new FormattingHandler().FormatRange(new DocumentRangeFormattingParams
        {
            TextDocument = TestDocuments.Id(Uri),
            Range = new PaperLsp.Lsp.Protocol.Range(new Position(6, 0), new Position(7, 5)),
        }, RequestContext.For(session), default);
        Assert.That(edits.Select(e => e.Range.Start.Line), Has.All.GreaterThanOrEqualTo(3));
    }
}
