using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Formatting;

/// <summary>Rewrites a document into the canonical form of docs/format.md without changing any title's or author's wording.</summary>
public static class Formatter
{
    /// <summary>
    /// Edits that bring the document (or the items intersecting <paramref name="range"/>) into canonical form.
    /// Non-overlapping, in document order, ranges in the original document's coordinates. Applying them and
    /// formatting again yields no edits.
    /// </summary>
    /// <remarks>
    /// Every rewrite is checked before it is offered: a rebuilt header must re-split to the same reading, and the whole
    /// formatted text must parse to the same items (same titles, authors, et al., affiliations, metadata values and
    /// abstracts modulo whitespace). An item whose rewrite would change the parse is formatted more conservatively
    /// (down to trimming only); if even that changes the parse, no edits are returned at all.
    /// </remarks>
    public static IReadOnlyList<TextChange> ComputeEdits(PaperDocument document, TextRange? range = null) =>
        new FormatRun(document, range).ComputeEdits();

    /// <summary>The formatted text of the whole document (convenience for tools and tests).</summary>
    public static string Format(string text)
    {
        var document = PaperDocument.Parse(text);
        return TextEdits.Apply(text, ComputeEdits(document));
    }
}
