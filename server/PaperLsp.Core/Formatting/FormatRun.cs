using System.Text;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Formatting;

/// <summary>
/// One formatting request: plans the canonical text line by line, checks that it parses the same, and turns the plan into
/// edits in the original document's coordinates.
/// </summary>
internal sealed class FormatRun
{
    private struct LinePlan
    {
        public bool Kept;
        public string Text;
        public LineEnding Ending;
    }

    private readonly List<ItemSyntax> items;
    private readonly int[] itemOfLine;
    private readonly string[] texts;
    private readonly LineEnding[] endings;
    private readonly bool[] itemInScope;
    private readonly FormatLevel[] levels;
    private readonly int lineCount;
    /// <summary>The empty last line after a final terminator, or -1 when the text does not end with one.</summary>
    private readonly int endOfFileLine;
    private readonly LineEnding dominant;
    private readonly bool hasByteOrderMark;
    private bool normalizeEndings = true;

    public FormatRun(PaperDocument document, TextRange? range)
    {
        items = document.Items.ToList();
        lineCount = items.Count == 0 ? 0 : items[^1].EndLine + 1;
        itemOfLine = new int[lineCount];
        texts = new string[lineCount];
        endings = new LineEnding[lineCount];
        itemInScope = new bool[items.Count];
        levels = new FormatLevel[items.Count];
        var effectiveRange = range is { } r ? Effective(r) : (TextRange?)null;
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            for (var relative = 0; relative < item.Node.LineCount; relative++)
            {
                var line = item.StartLine + relative;
                itemOfLine[line] = index;
                texts[line] = item.Node.LineText(relative);
                endings[line] = item.Node.LineEndingOf(relative);
            }
            itemInScope[index] = effectiveRange is not { } scope || item.Range.Intersects(scope);
        }

        endOfFileLine = lineCount > 1 && texts[^1].Length == 0 ? lineCount - 1 : -1;
        hasByteOrderMark = lineCount > 0 && texts[0].StartsWith(LineFormatter.ByteOrderMark);

        int lf = 0, crlf = 0, cr = 0;
        foreach (var ending in endings)
        {
            if (ending == LineEnding.Lf) lf++;
            else if (ending == LineEnding.CrLf) crlf++;
            else if (ending == LineEnding.Cr) cr++;
        }
        var most = Math.Max(lf, Math.Max(crlf, cr));
        var winners = (lf == most ? 1 : 0) + (crlf == most ? 1 : 0) + (cr == most ? 1 : 0);
        dominant = winners > 1 || lf == most ? LineEnding.Lf : crlf == most ? LineEnding.CrLf : LineEnding.Cr;
    }

    /// <summary>A selection ending at the start of a line (a whole-line selection) does not reach into that line.</summary>
    private static TextRange Effective(TextRange range)
    {
        var (start, end) = range.Start <= range.End ? (range.Start, range.End) : (range.End, range.Start);
        if (end.Character == 0 && end.Line > start.Line) end = new TextPosition(end.Line - 1, int.MaxValue);
        return new TextRange(start, end);
    }

    public IReadOnlyList<TextChange> ComputeEdits()
    {
        if (lineCount == 0) return [];
        var expected = Projection(items);
        while (true)
        {
            var plan = BuildPlan();
            var output = Render(plan, out var keptLines);
            var reparsed = PaperDocument.Parse(output);
            if (reparsed.LineCount != Math.Max(1, keptLines))
            {
                // A lone CR next to an untouched LF fused into one terminator (only possible when formatting a range).
                if (!normalizeEndings) return [];
                normalizeEndings = false;
                continue;
            }

            var actual = Projection(reparsed.Items.ToList());
            var mismatch = FirstMismatch(expected, actual);
            if (mismatch < 0) return Edits(plan);
            if (!Downgrade(expected, mismatch))
            {
                if (!normalizeEndings) return [];
                normalizeEndings = false;
            }
        }
    }

    private LinePlan[] BuildPlan()
    {
        var plan = new LinePlan[lineCount];
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var formatted = itemInScope[index] ? FormatItem(item.Node, levels[index]) : null;
            for (var relative = 0; relative < item.Node.LineCount; relative++)
            {
                var line = item.StartLine + relative;
                plan[line] = new LinePlan { Kept = true, Text = formatted?[relative] ?? texts[line], Ending = endings[line] };
            }
        }

        // Blank lines: none at the start, none at the end, at most one in a row.
        var lastContent = -1;
        for (var line = lineCount - 1; line >= 0; line--)
        {
            if (items[itemOfLine[line]].Kind != ItemKind.Blank)
            {
                lastContent = line;
                break;
            }
        }
        var seenContent = false;
        var previousKeptBlank = false;
        for (var line = 0; line < lineCount; line++)
        {
            if (line == endOfFileLine) continue;
            var index = itemOfLine[line];
            if (items[index].Kind != ItemKind.Blank)
            {
                seenContent = true;
                previousKeptBlank = false;
                continue;
            }
            if (itemInScope[index] && (!seenContent || previousKeptBlank || line > lastContent))
            {
                plan[line].Kept = false;
                continue;
            }
            previousKeptBlank = true;
        }

        var kept = KeptLines(plan);
        if (kept.Count == 0)
        {
            // An all-blank document becomes the empty text.
            plan[0] = new LinePlan { Kept = true, Text = "", Ending = LineEnding.None };
            kept.Add(0);
        }
        else if (!itemInScope[itemOfLine[kept[^1]]] && endings[kept[^1]] != LineEnding.None)
        {
            // Range formatting removed the blank lines after an untouched last line: its terminator must stay, so the
            // text's last (blank) line stays too, emptied.
            plan[lineCount - 1].Kept = true;
            kept.Add(lineCount - 1);
        }

        for (var k = 0; k < kept.Count; k++)
        {
            var line = kept[k];
            if (k == kept.Count - 1) plan[line].Ending = LineEnding.None;
            else if (itemInScope[itemOfLine[line]] && normalizeEndings) plan[line].Ending = dominant;
        }

        if (hasByteOrderMark && !plan[kept[0]].Text.StartsWith(LineFormatter.ByteOrderMark))
            plan[kept[0]].Text = LineFormatter.ByteOrderMark + plan[kept[0]].Text;
        return plan;
    }

    private static List<int> KeptLines(LinePlan[] plan)
    {
        var kept = new List<int>(plan.Length);
        for (var line = 0; line < plan.Length; line++)
            if (plan[line].Kept) kept.Add(line);
        return kept;
    }

    private static string[] FormatItem(ItemNode node, FormatLevel level)
    {
        var lines = new string[node.LineCount];
        switch (node)
        {
            case EntryNode entry:
                for (var i = 0; i < lines.Length; i++) lines[i] = LineFormatter.Trim(entry.LineText(i));
                if (entry.Metadata is { } metadata && level == FormatLevel.Full)
                    lines[0] = LineFormatter.Metadata(entry.LineText(0), metadata) ?? lines[0];
                lines[entry.HeaderLine] = LineFormatter.Header(entry.LineText(entry.HeaderLine), entry.Header, level);
                if (entry.AbstractLine >= 0 && level != FormatLevel.Trim)
                    lines[entry.AbstractLine] = LineFormatter.Collapse(entry.LineText(entry.AbstractLine));
                return lines;
            case HeadingNode heading when level != FormatLevel.Trim:
                lines[0] = LineFormatter.Heading(heading);
                return lines;
            case { Kind: ItemKind.Blank }:
                lines[0] = "";
                return lines;
            default:
                for (var i = 0; i < lines.Length; i++) lines[i] = LineFormatter.Trim(node.LineText(i));
                return lines;
        }
    }

    private static string Render(LinePlan[] plan, out int keptLines)
    {
        var builder = new StringBuilder();
        keptLines = 0;
        foreach (var line in plan)
        {
            if (!line.Kept) continue;
            keptLines++;
            builder.Append(line.Text).Append(line.Ending.Text());
        }
        return builder.ToString();
    }

    private List<TextChange> Edits(LinePlan[] plan)
    {
        var edits = new List<TextChange>();
        for (var line = 0; line < lineCount; line++)
        {
            var target = plan[line];
            var start = new TextPosition(line, 0);
            var nextLineStart = new TextPosition(line + 1, 0);
            var textEnd = new TextPosition(line, texts[line].Length);
            if (!target.Kept)
            {
                var end = endings[line] != LineEnding.None ? nextLineStart : textEnd;
                if (end != start) edits.Add(new TextChange(new TextRange(start, end), ""));
            }
            else if (target.Ending != endings[line])
            {
                edits.Add(new TextChange(new TextRange(start, nextLineStart), target.Text + target.Ending.Text()));
            }
            else if (target.Text != texts[line])
            {
                edits.Add(new TextChange(new TextRange(start, textEnd), target.Text));
            }
        }
        return MergeAfterLoneCarriageReturns(edits);
    }

    /// <summary>
    /// Joins two touching edits when the line before the second ends in a lone CR. Applied one at a time (last first), the
    /// second edit could otherwise put an LF right after that CR, which fuses into one CRLF and shifts the first edit's
    /// range. Applied all at once, as LSP specifies, the edits mean the same either way.
    /// </summary>
    private List<TextChange> MergeAfterLoneCarriageReturns(List<TextChange> edits)
    {
        var merged = new List<TextChange>(edits.Count);
        foreach (var edit in edits)
        {
            var start = edit.Range!.Value.Start;
            if (merged.Count > 0 && merged[^1].Range!.Value.End == start && start.Character == 0 && start.Line > 0
                && endings[start.Line - 1] == LineEnding.Cr)
            {
                var previous = merged[^1];
                merged[^1] = new TextChange(new TextRange(previous.Range!.Value.Start, edit.Range.Value.End), previous.Text + edit.Text);
            }
            else
            {
                merged.Add(edit);
            }
        }
        return merged;
    }

    /// <summary>Steps the items around a mismatch down one level; false when they are all trimmed only already.</summary>
    private bool Downgrade(List<(int Item, string Key)> expected, int mismatch)
    {
        var changed = false;
        for (var k = Math.Max(0, mismatch - 1); k <= Math.Min(expected.Count - 1, mismatch + 1); k++)
        {
            var index = expected[k].Item;
            if (levels[index] == FormatLevel.Trim || !itemInScope[index]) continue;
            levels[index]++;
            changed = true;
        }
        return changed;
    }

    private static int FirstMismatch(List<(int Item, string Key)> expected, List<(int Item, string Key)> actual)
    {
        var shared = Math.Min(expected.Count, actual.Count);
        for (var k = 0; k < shared; k++)
            if (expected[k].Key != actual[k].Key) return k;
        return expected.Count == actual.Count ? -1 : shared;
    }

    /// <summary>What formatting must preserve: every non-blank item's kind and content, modulo whitespace where formatting may change it.</summary>
    private static List<(int Item, string Key)> Projection(List<ItemSyntax> items)
    {
        var keys = new List<(int, string)>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var node = items[index].Node;
            if (node.Kind == ItemKind.Blank) continue;
            keys.Add((index, Key(node)));
        }
        return keys;
    }

    private const char Sep = '\u0001';

    private static string Key(ItemNode node)
    {
        switch (node)
        {
            case EntryNode entry:
            {
                var header = entry.LineText(entry.HeaderLine);
                var reading = entry.Header;
                var builder = new StringBuilder("E");
                builder.Append(Sep).Append(entry.Metadata is { } metadata
                    ? $"{metadata.IsReadable}:{LineFormatter.Ink(entry.LineText(0))}"
                    : "-");
                builder.Append(Sep).Append(LineFormatter.Collapse(entry.Title));
                builder.Append(Sep).AppendJoin(Sep, entry.Authors.Select(LineFormatter.Collapse));
                builder.Append(Sep).Append(entry.EtAl);
                builder.Append(Sep).AppendJoin(Sep, entry.Affiliations.Select(LineFormatter.Collapse));
                builder.Append(Sep).Append(reading.Separator is not null).Append(reading.AffiliationMarker is not null);
                builder.Append(Sep).Append(entry.Confidence).Append(reading.EmptyAuthors.Length);
                builder.Append(Sep).Append(entry.AbstractLine >= 0).Append(Sep).Append(LineFormatter.Collapse(entry.Abstract));
                builder.Append(Sep).Append(LineFormatter.Ink(LineFormatter.WithCanonicalEtAl(header, reading)));
                return builder.ToString();
            }
            case HeadingNode heading:
                return $"H{Sep}{heading.Level}{Sep}{heading.Title}";
            case OrphanMetadataNode orphan:
                return $"O{Sep}{LineFormatter.Trim(orphan.LineText(0))}";
            default:
                return $"{node.Kind}{Sep}{LineFormatter.Trim(node.LineText(0))}";
        }
    }
}
