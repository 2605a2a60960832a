using System.Text;
using PaperLsp.Formatting;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Formatting;

/// <summary>Applies formatter edits the way an LSP client does, independently of the production helper.</summary>
internal static class FormattingHelpers
{
    public static string Format(string text, TextRange? range = null)
    {
        var edits = Formatter.ComputeEdits(PaperDocument.Parse(text), range);
        AssertWellFormed(edits);
        return ApplyReverse(text, edits);
    }

    /// <summary>Applies edits from last to first on the original text, converting positions with the original line table.</summary>
    public static string ApplyReverse(string text, IReadOnlyList<TextChange> edits)
    {
        var lines = SplitLines(text);
        var builder = new StringBuilder(text);
        foreach (var edit in edits.Reverse())
        {
            Assert.That(edit.Range, Is.Not.Null, "the formatter edits ranges, never the whole document");
            var start = Offset(lines, edit.Range!.Value.Start);
            var end = Offset(lines, edit.Range.Value.End);
            builder.Remove(start, end - start).Insert(start, edit.Text);
        }
        return builder.ToString();
    }

    /// <summary>Applies the edits one by one, last first, through <see cref="PaperDocument.Apply(TextChange)"/>.</summary>
    public static PaperDocument ApplyToDocument(PaperDocument document, IReadOnlyList<TextChange> edits)
    {
        foreach (var edit in edits.Reverse()) document = document.Apply(edit);
        return document;
    }

    /// <summary>Edits are non-overlapping, in document order, and never no-ops.</summary>
    public static void AssertWellFormed(IReadOnlyList<TextChange> edits)
    {
        for (var i = 0; i < edits.Count; i++)
        {
            var range = edits[i].Range!.Value;
            Assert.That(range.Start, Is.LessThanOrEqualTo(range.End), $"edit {i} is inverted");
            Assert.That(range.Start != range.End || edits[i].Text.Length > 0, Is.True, $"edit {i} does nothing");
            if (i > 0) Assert.That(edits[i - 1].Range!.Value.End, Is.LessThanOrEqualTo(range.Start), $"edit {i} overlaps or precedes edit {i - 1}");
        }
    }

    private static List<(int Start, int TextEnd)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n')) continue;
            lines.Add((start, i));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add((start, text.Length));
        return lines;
    }

    private static int Offset(List<(int Start, int TextEnd)> lines, TextPosition position)
    {
        Assert.That(position.Line, Is.InRange(0, lines.Count - 1), $"position {position} is past the document");
        var (start, textEnd) = lines[position.Line];
        Assert.That(position.Character, Is.InRange(0, textEnd - start), $"position {position} is past its line");
        return start + position.Character;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>What a parse says, item by item, modulo whitespace inside titles, names and abstracts.</summary>
    public static List<string> Reading(string text)
    {
        var result = new List<string>();
        foreach (var item in PaperDocument.Parse(text).Items)
        {
            switch (item.Node)
            {
                case EntryNode entry:
                    var metadata = entry.Metadata is { } m
                        ? $"{m.IsReadable} {m.ScoreValue} {m.CategoryText} {m.DateValue} {m.HasCode}"
                        : "no metadata";
                    result.Add(string.Join(" | ",
                        "entry", metadata, Collapse(entry.Title), string.Join(";", entry.Authors.Select(Collapse)), entry.EtAl,
                        string.Join(";", entry.Affiliations.Select(Collapse)), entry.Confidence, entry.AbstractLine >= 0, Collapse(entry.Abstract)));
                    break;
                case HeadingNode heading:
                    result.Add($"heading {heading.Level} {heading.Title}");
                    break;
                case { Kind: ItemKind.Blank }:
                    break;
                default:
                    result.Add($"{item.Kind} {item.Node.LineText(0).TrimStart('\uFEFF').Trim()}");
                    break;
            }
        }
        return result;
    }
}
