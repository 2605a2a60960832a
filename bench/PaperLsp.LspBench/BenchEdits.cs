using PaperLsp.Analysis;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.LspBench;

/// <summary>The two kinds of keystroke the diagnostics modes time, each an insert and the delete that undoes it.</summary>
public static class BenchEdits
{
    /// <summary>
    /// An <c>x</c> typed into the title of the flagged entry nearest the middle: the finding on that title changes (a
    /// duplicate title stops being one, or its range grows by one), so every version has a different list to send.
    /// Null when the list has no finding on a title long enough.
    /// </summary>
    public static (TextChange Insert, TextChange Delete)? FindingEdit(PaperDocument document)
    {
        var middle = document.LineCount / 2;
        var target = DocumentAnalyzer.Analyze(document)
            .Where(finding => finding.Range.Start.Line == finding.Range.End.Line && finding.Range.End.Character - finding.Range.Start.Character > 5)
            .MinBy(finding => Math.Abs(finding.Range.Start.Line - middle));
        if (target is null) return null;
        return TypeX(target.Range.Start);
    }

    /// <summary>
    /// An <c>x</c> typed into the title of the first entry from the middle on whose header carries no finding: no
    /// finding's text or position changes, so the list stays the same.
    /// </summary>
    public static (TextChange Insert, TextChange Delete) QuietEdit(PaperDocument document)
    {
        var flaggedLines = DocumentAnalyzer.Analyze(document).Select(finding => finding.Range.Start.Line).ToHashSet();
        var entry = document.Entries.Skip(document.EntryCount / 2)
            .First(entry => entry.Title.Length > 5 && !flaggedLines.Contains(entry.TitleRange.Start.Line));
        return TypeX(entry.TitleRange.Start);
    }

    /// <summary>An <c>x</c> typed after the fifth character from <paramref name="start"/>, and its deletion.</summary>
    private static (TextChange Insert, TextChange Delete) TypeX(TextPosition start)
    {
        var at = start with { Character = start.Character + 5 };
        return (new TextChange(new TextRange(at, at), "x"), new TextChange(new TextRange(at, at with { Character = at.Character + 1 }), ""));
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
