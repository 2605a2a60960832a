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

    // Line 0: a directive for PL0202; line 1: a heading; line 2: a header whose boundary is a guess (PL0202).
    private const string DirectiveAboveHeading = "// paperlsp-ignore PL0202\n# Section\nA Title Without Authors\nAn abstract of the entry, a sentence that ends here.\n";

    [Test]
    public void A_heading_turned_into_a_comment_lets_the_directive_above_reach_the_entry_below()
    {
        var document = PaperDocument.Parse(DirectiveAboveHeading);
        Assert.That(DocumentAnalyzer.Analyze(document, []).Select(f => f.Code), Does.Contain("PL0202"), "the heading between keeps the directive off");
        // No line moved and no item with a finding was re-read, but the run of comments above the entry now reaches the
        // directive.
        var commented = document.Apply(new TextChange(new TextRange(new(1, 0), new(1, 1)), "//"));
        Assert.That(DocumentAnalyzer.Analyze(commented, []).Select(f => f.Code), Does.Not.Contain("PL0202"));
        Assert.That(DocumentAnalyzer.Analyze(PaperDocument.Parse(commented.GetText()), []).Select(f => f.Code), Does.Not.Contain("PL0202"), "as a fresh read says");
    }

    [Test]
    public void Keystrokes_that_leave_the_flagged_items_keep_their_findings_and_one_that_moves_them_moves_the_findings()
    {
        var document = PaperDocument.Parse(Text);
        var before = DocumentAnalyzer.Analyze(document, []);
        var typed = document;
        foreach (var c in "xyz") typed = typed.Apply(new TextChange(new TextRange(new(3, 3), new(3, 3)), c.ToString()));
        Assert.That(DocumentAnalyzer.Analyze(typed, []), Is.EqualTo(before));
        // Enter in the clean entry's abstract: the same items, but the abstract is now two lines (a stray line), so the
        // findings are read again.
        var split = typed.Apply(new TextChange(new TextRange(new(4, 10), new(4, 10)), "\n"));
        Assert.That(DocumentAnalyzer.Analyze(split, []).Select(f => $"{f.Code} {f.Range}"),
            Is.EqualTo(DocumentAnalyzer.Analyze(PaperDocument.Parse(split.GetText()), []).Select(f => $"{f.Code} {f.Range}")));
        Assert.That(DocumentAnalyzer.Analyze(split, []), Has.Count.GreaterThan(before.Count), "the stray line is a finding");
    }
}
