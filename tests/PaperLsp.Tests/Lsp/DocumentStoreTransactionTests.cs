using PaperLsp.Analysis;
using PaperLsp.Lsp.Workspace;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Lsp;

/// <summary>A change notification applies completely or not at all: the document and its title index never disagree.</summary>
public class DocumentStoreTransactionTests
{
    private const string Uri = "file:///store.papers";
    private const string Text = "A Study of ThingsJane Doe\nOne.\nUnrelatedAda Lovelace\nTwo.\nA STUDY OF THINGSJane Doe\nThree.\n";

    private static TextChange InsertAt(int line, string text) => new(new TextRange(new TextPosition(line, 0), new TextPosition(line, 0)), text);

    private static string Duplicates(PaperDocument document, TitleIndex? titles) =>
        string.Join("; ", DocumentAnalyzer.Analyze(document, titles).Where(d => d.Code == "PL0301").Select(d => $"{d.Range.Start.Line}: {d.Message}"));

    [Test]
    public void A_change_that_throws_halfway_leaves_the_document_and_the_index_as_they_were()
    {
        var store = new DocumentStore();
        var opened = store.Open(Uri, 1, Text);
        var expected = Duplicates(opened.Document, store.GetTitleIndex(Uri));

        Assert.Throws<InvalidOperationException>(() => store.Change(Uri, 2,
        [
            _ => InsertAt(0, "// one\n// two\n"),
            _ => throw new InvalidOperationException("a bad second change"),
        ]));
        Assert.That(store.Get(Uri), Is.SameAs(opened), "nothing was published");
        Assert.That(Duplicates(opened.Document, store.GetTitleIndex(Uri)), Is.EqualTo(expected));

        // Later valid edits give the same findings as a fresh parse of the same text.
        var changed = store.Change(Uri, 3, [_ => InsertAt(0, "// later\n"), _ => InsertAt(3, "MoreAda Lovelace\nFour.\n")]);
        var fresh = PaperDocument.Parse(changed.Document.GetText());
        Assert.That(Duplicates(changed.Document, store.GetTitleIndex(Uri)), Is.EqualTo(Duplicates(fresh, null)));
        Assert.That(Duplicates(changed.Document, store.GetTitleIndex(Uri)), Does.Contain("line 8"));
    }
}
