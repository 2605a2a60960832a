using PaperLsp.Formatting;
using PaperLsp.Syntax;
using PaperLsp.Text;
using static PaperLsp.Tests.Formatting.FormattingHelpers;

namespace PaperLsp.Tests.Formatting;

public class RangeFormattingTests
{
    private const string Header = "DiffCSE: Difference-based Contrastive Learning for Sentence EmbeddingsYung-Sung Chuang, Rumen Dangovski, Hongyin Luo et al. · meta-ai, mit";
    private const string Abstract = "We propose DiffCSE, an unsupervised contrastive learning framework for learning sentence embeddings.";
    private const string Header2 = "Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng et al. · mit";
    private const string Abstract2 = "We study phrase structure induction from visually-grounded speech.";

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    // 0: "29.4 CL May 25, 2022 "   1: header   2: abstract   3-5: blank   6: heading   7: header2   8: abstract2   9-10: blank
    private static readonly string Dirty = Lines(
        "29.4 CL May 25, 2022 ", Header + " ", "We  propose it. ", "", " ", "", "#   Next", Header2 + "\t", "We\tstudy it.  ", "", "");

    private static TextRange Lines(int first, int last) => new(new TextPosition(first, 0), new TextPosition(last, 3));

    [Test]
    public void Only_the_items_intersecting_the_range_are_formatted()
    {
        var formatted = Format(Dirty, Lines(7, 7));
        Assert.That(formatted, Is.EqualTo(Lines(
            "29.4 CL May 25, 2022 ", Header + " ", "We  propose it. ", "", " ", "", "#   Next", Header2, "We study it.", "", "")));
    }

    [Test]
    public void Edits_stay_within_the_lines_of_the_intersecting_items()
    {
        var document = PaperDocument.Parse(Dirty);
        var range = new TextRange(new TextPosition(1, 5), new TextPosition(1, 9));
        var edits = Formatter.ComputeEdits(document, range);
        Assert.That(edits, Is.Not.Empty);
        var entry = document.FindEntry(1)!.Value;
        foreach (var edit in edits)
        {
            Assert.That(edit.Range!.Value.Start.Line, Is.InRange(entry.StartLine, entry.EndLine), edit.ToString());
            // A changed terminator reaches the start of the next line, never into it.
            var end = edit.Range.Value.End;
            Assert.That(end.Line <= entry.EndLine || (end.Line == entry.EndLine + 1 && end.Character == 0), Is.True, edit.ToString());
        }
        Assert.That(ApplyReverse(Dirty, edits), Is.EqualTo(Lines(
            "29.4CLMay 25, 2022", Header, "We propose it.", "", " ", "", "#   Next", Header2 + "\t", "We\tstudy it.  ", "", "")));
    }

    [Test]
    public void Blank_lines_collapse_only_inside_the_range()
    {
        Assert.Multiple(() =>
        {
            // Lines 4-5 are in range: line 3 (outside) stays as the one blank line, 4 and 5 go.
            Assert.That(Format(Dirty, Lines(4, 5)), Is.EqualTo(Lines(
                "29.4 CL May 25, 2022 ", Header + " ", "We  propose it. ", "", "#   Next", Header2 + "\t", "We\tstudy it.  ", "", "")));
            // Only line 3 is in range: it is the first of the run, so it stays (emptied); 4 and 5 are outside.
            Assert.That(Format(Dirty, new TextRange(new TextPosition(3, 0), new TextPosition(3, 0))), Is.EqualTo(Dirty));
        });
    }

    [Test]
    public void A_whole_line_selection_does_not_reach_into_the_next_line()
    {
        // Selecting line 6 completely ends at the start of line 7: the entry on line 7 is not formatted.
        var formatted = Format(Dirty, new TextRange(new TextPosition(6, 0), new TextPosition(7, 0)));
        Assert.That(formatted, Is.EqualTo(Lines(
            "29.4 CL May 25, 2022 ", Header + " ", "We  propose it. ", "", " ", "", "# Next", Header2 + "\t", "We\tstudy it.  ", "", "")));
    }

    [Test]
    public void Trailing_blank_lines_in_range_are_removed_and_the_final_newline_kept()
    {
        // Line 8 is the abstract of the entry starting on line 7: the whole entry is formatted.
        var formatted = Format(Dirty, Lines(8, 10));
        Assert.That(formatted, Is.EqualTo(Lines(
            "29.4 CL May 25, 2022 ", Header + " ", "We  propose it. ", "", " ", "", "#   Next", Header2, "We study it.", "")));
    }

    [Test]
    public void Range_covering_everything_equals_whole_document_formatting()
    {
        var document = PaperDocument.Parse(Dirty);
        var everything = new TextRange(new TextPosition(0, 0), new TextPosition(document.LineCount - 1, 0));
        Assert.That(Format(Dirty, everything), Is.EqualTo(Format(Dirty)));
        Assert.That(Format(Dirty), Is.EqualTo(Lines("29.4CLMay 25, 2022", Header, "We propose it.", "", "# Next", Header2, "We study it.", "")));
    }

    [Test]
    public void Range_formatting_of_the_seed_makes_no_edits()
    {
        var document = PaperDocument.Parse(File.ReadAllText(TestPaths.SeedPapers));
        Assert.That(Formatter.ComputeEdits(document, Lines(10, 30)), Is.Empty);
    }
}
