using PaperLsp.Analysis;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Analysis;

/// <summary>
/// The parser's findings of an item an edit did not re-read are the same objects in the next version (the server
/// converts and serialises a finding once per object), and made again where the line or the directives moved.
/// </summary>
public class KeptFindingsTests
{
    // Line 0: a header with no authors (a finding); line 3: a clean entry to type into.
    private const string Text = "29.4CL\nA Title Without Authors\n\nDeep Residual LearningKaiming He, Xiangyu Zhang\nWe present a residual learning framework.\n";

    [Test]
    public void A_keystroke_in_another_entry_keeps_the_finding_objects()
    {
        var document = PaperDocument.Parse(Text);
        var before = DocumentAnalyzer.Analyze(document, []);
        Assert.That(before, Is.Not.Empty);
        var edited = document.Apply(new TextChange(new TextRange(new(4, 3), new(4, 3)), "x"));
        var after = DocumentAnalyzer.Analyze(edited, []);
        Assert.That(after.Zip(before).All(pair => ReferenceEquals(pair.First, pair.Second)), Is.True);
    }

    [Test]
    public void A_line_inserted_above_or_a_directive_above_makes_them_again()
    {
        var document = PaperDocument.Parse(Text);
        var before = DocumentAnalyzer.Analyze(document, [])[0];

        var moved = DocumentAnalyzer.Analyze(document.Apply(new TextChange(new TextRange(new(0, 0), new(0, 0)), "\n")), []);
        Assert.That(moved.First(f => f.Code == before.Code && f.Message == before.Message).Range.Start.Line, Is.EqualTo(before.Range.Start.Line + 1), "a blank line above moves it");

        var silenced = document.Apply(new TextChange(new TextRange(new(0, 0), new(0, 0)), $"// paperlsp-ignore {before.Code}\n"));
        Assert.That(DocumentAnalyzer.Analyze(silenced, []).Where(f => f.Code == before.Code), Is.Empty, "a directive above silences it");
    }
}
