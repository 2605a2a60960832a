using PaperLsp.Analysis;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.LspBench;

/// <summary>The two kinds of keystroke the diagnostics modes time, each an insert and the delete that undoes it.</summary>
public static class BenchEdits
{
    /// <summary>
    /// The finding edit (<see cref="PaperLsp.Bench.Corpus.FindingEdit"/>): every version has a different list to send.
    /// </summary>
    public static (TextChange Insert, TextChange Delete)? FindingEdit(PaperDocument document) => PaperLsp.Bench.Corpus.FindingEdit(document);

    /// <summary>
    /// An <c>x</c> typed into the title of the first entry from the middle on whose header carries no finding: no
    /// finding's text or position changes, so the list stays the same.
    /// </summary>
    public static (TextChange Insert, TextChange Delete) QuietEdit(PaperDocument document)
    {
        var flaggedLines = DocumentAnalyzer.Analyze(document).Select(finding => finding.Range.Start.Line).ToHashSet();
        var entry = document.Entries.Skip(document.EntryCount / 2)
            .First(entry => entry.Title.Length > 5 && !flaggedLines.Contains(entry.TitleRange.Start.Line));
        return PaperLsp.Bench.Corpus.TypeX(entry.TitleRange.Start);
    }

    /// <summary>Alternates the insert and the delete so that the document never drifts.</summary>
    public sealed class Alternating((TextChange Insert, TextChange Delete) edit)
    {
        private bool inserted;

        public TextChange Next()
        {
            var change = inserted ? edit.Delete : edit.Insert;
            inserted = !inserted;
            return change;
        }
    }
}
