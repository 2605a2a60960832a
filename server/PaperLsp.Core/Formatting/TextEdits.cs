using PaperLsp.Text;

namespace PaperLsp.Formatting;

/// <summary>Applies LSP-style edits to a string: every range refers to the text before any edit.</summary>
public static class TextEdits
{
    /// <summary>
    /// Applies <paramref name="changes"/> (non-overlapping, any order) to <paramref name="text"/>, converting each range to
    /// offsets in the original text first, exactly as an LSP client applies a TextEdit[].
    /// </summary>
    public static string Apply(string text, IReadOnlyList<TextChange> changes)
    {
        if (changes.Count == 0) return text;
        var lineStarts = LineStarts(text);
        var resolved = new List<(int Start, int End, string Text)>(changes.Count);
        foreach (var change in changes)
        {
            if (change.Range is not { } range)
            {
                if (changes.Count != 1) throw new ArgumentException("A whole-document change must be the only change.");
                return change.Text;
            }
            resolved.Add((Offset(text, lineStarts, range.Start), Offset(text, lineStarts, range.End), change.Text));
        }
        resolved.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, end, replacement) in resolved)
        {
            if (start < position || end < start) throw new ArgumentException("Overlapping or inverted edits.");
            builder.Append(text, position, start - position).Append(replacement);
            position = end;
        }
        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>Start offsets of the lines, split as the document model splits them (LF, CRLF or a lone CR).</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    private static int Offset(string text, List<int> lineStarts, TextPosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= lineStarts.Count) return text.Length;
        var start = lineStarts[position.Line];
        var lineEnd = position.Line + 1 < lineStarts.Count ? lineStarts[position.Line + 1] : text.Length;
        // The end of the line's text, before its terminator.
        var textEnd = lineEnd;
        if (position.Line + 1 < lineStarts.Count)
        {
            textEnd--;
            if (textEnd > start && text[textEnd] == '\n' && text[textEnd - 1] == '\r') textEnd--;
        }
        return Math.Min(start + Math.Max(0, position.Character), textEnd);
    }
}
