using PaperLsp.Classification;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// The documentSymbol answer written straight from the outline as UTF-8: the same bytes as serialising
/// <see cref="DocumentSymbolHandler.Build"/>'s symbols and sending them (property order, nulls left out), without
/// building 100,000 symbols and 400,000 positions first, resolving their contracts by reflection, or holding the 32 MB
/// answer as a UTF-16 string. An entry's symbol is kept per entry node (<see cref="EntrySymbol"/>, <see cref="NodePieces{TPieces}"/>):
/// a keystroke re-reads one entry and leaves every other node as it was, so the next answer writes all but one from their pieces.
/// </summary>
public static class DocumentSymbolJson
{
    /// <summary>The pieces kept for one open document (<see cref="DocumentSymbolHandler"/> keeps one per document).</summary>
    public sealed class Pieces
    {
        internal NodePieces<EntrySymbols> Entries { get; } = new();
    }

    /// <param name="pieces">The entries' pieces kept from the document's last answer; none: every piece is written afresh.</param>
    public static Utf8JsonBuffer Write(PaperDocument document, ProtocolConverter converter, Pieces? pieces, CancellationToken cancellationToken = default)
    {
        pieces ??= new Pieces();
        var sections = Sections(document, cancellationToken);
        var json = new Utf8JsonBuffer();
        using var scratch = new PieceScratch();
        lock (pieces.Entries.Gate)
        {
            try
            {
                json.Raw((byte)'[');
                WriteItems(json, document, converter, sections, pieces.Entries, scratch, cancellationToken);
                json.Raw((byte)']');
                pieces.Entries.EndAnswer();
                return json;
            }
            catch
            {
                json.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// The document's sections in order, as <see cref="DocumentOutline.Build"/> makes them but without their children:
    /// a section's range comes before its children in the JSON, so its end (the last non-blank item before the next
    /// heading of the same or a shallower level) is found first, in a pass that allocates nothing per entry.
    /// </summary>
    private static List<OutlineSection> Sections(PaperDocument document, CancellationToken cancellationToken)
    {
        var sections = new List<OutlineSection>();
        var open = new Stack<(int Index, TextPosition HeadingEnd)>();
        TextPosition? lastContentEnd = null;

        void Close((int Index, TextPosition HeadingEnd) section)
        {
            var end = lastContentEnd is { } e && e > section.HeadingEnd ? e : section.HeadingEnd;
            var heading = sections[section.Index];
            sections[section.Index] = heading with { Range = new TextRange(new TextPosition(heading.Line, 0), end) };
        }

        foreach (var item in document.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Node is HeadingNode heading)
            {
                while (open.Count > 0 && sections[open.Peek().Index].Level >= heading.Level) Close(open.Pop());
                var titleRange = heading.TitleSpan.Length > 0 ? item.ToRange(heading.TitleSpan) : item.Range;
                open.Push((sections.Count, item.Range.End));
                sections.Add(new OutlineSection(heading, item.StartLine, titleRange, default, []));
            }
            if (item.Kind != ItemKind.Blank) lastContentEnd = item.Range.End;
        }
        while (open.Count > 0) Close(open.Pop());
        return sections;
    }

    /// <summary>The outline's symbols in document order: entries from their pieces, each section opened at its heading and closed by the next heading of its level or above.</summary>
    private static void WriteItems(Utf8JsonBuffer json, PaperDocument document, ProtocolConverter converter, List<OutlineSection> sections,
        NodePieces<EntrySymbols> pieces, PieceScratch scratch, CancellationToken cancellationToken)
    {
        // Per open container (the root array, then each open section's children): whether it has a symbol yet.
        var open = new Stack<(int Level, bool HasSymbol)>();
        var rootHasSymbol = false;
        var next = 0;

        void Separate()
        {
            if (open.Count == 0)
            {
                if (rootHasSymbol) json.Raw((byte)',');
                rootHasSymbol = true;
            }
            else
            {
                var (level, hasSymbol) = open.Pop();
                if (hasSymbol) json.Raw((byte)',');
                open.Push((level, true));
            }
        }

        foreach (var item in document.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (item.Node)
            {
                case HeadingNode heading:
                    while (open.Count > 0 && open.Peek().Level >= heading.Level)
                    {
                        open.Pop();
                        json.Raw("]}"u8);
                    }
                    Separate();
                    WriteSymbol(json, document, converter, sections[next++], null);
                    open.Push((heading.Level, false));
                    break;
                case EntryNode:
                    Separate();
                    var entry = item.AsEntry!.Value;
                    PieceOf(document, entry, converter, pieces.For(entry.Node), scratch).WriteTo(json, entry.StartLine);
                    break;
            }
        }
        for (; open.Count > 0; open.Pop()) json.Raw("]}"u8);
    }

    /// <summary>
    /// A symbol's JSON, a section's up to its open children array. With <paramref name="lineCuts"/> (an entry's piece)
    /// its line numbers are not written: where each would go and its line relative to the entry are added to the list instead.
    /// </summary>
    private static void WriteSymbol(Utf8JsonBuffer json, PaperDocument document, ProtocolConverter converter, OutlineNode node,
        List<int>? lineCuts)
    {
        var symbol = DocumentSymbolHandler.SymbolOf(node);
        json.Raw("{\"name\":"u8);
        json.String(symbol.Name);
        if (symbol.Detail is not null)
        {
            json.Raw(",\"detail\":"u8);
            json.String(symbol.Detail);
        }
        json.Raw(",\"kind\":"u8);
        json.Number((int)symbol.Kind);
        // An entry's positions are on its own lines: read them from its node, not by a search of the document's tree.
        var lines = new Lines(document, node is OutlineEntry { Entry: var entry } ? entry : null);
        json.Raw(",\"range\":{\"start\":"u8);
        WritePosition(json, lines, converter, symbol.Range.Start, lineCuts);
        json.Raw(",\"end\":"u8);
        WritePosition(json, lines, converter, symbol.Range.End, lineCuts);
        json.Raw("},\"selectionRange\":{\"start\":"u8);
        WritePosition(json, lines, converter, symbol.SelectionRange.Start, lineCuts);
        json.Raw(",\"end\":"u8);
        WritePosition(json, lines, converter, symbol.SelectionRange.End, lineCuts);
        json.Raw((byte)'}');
        // A section's children follow as the items come; WriteItems closes the array and the section.
        if (symbol.Children is not null) json.Raw(",\"children\":["u8);
        else json.Raw((byte)'}');
    }

    /// <summary>As <see cref="ProtocolConverter.ToLsp(PaperDocument, TextPosition)"/> writes it.</summary>
    private static void WritePosition(Utf8JsonBuffer json, Lines lines, ProtocolConverter converter, TextPosition position, List<int>? lineCuts)
    {
        json.Raw("{\"line\":"u8);
        if (lineCuts is null) json.Number(position.Line);
        else
        {
            lineCuts.Add(checked((int)json.Length));
            lineCuts.Add(position.Line - lines.Entry!.Value.StartLine);
        }
        json.Raw(",\"character\":"u8);
        // In UTF-16 only the line's length matters: an abstract kept compact is not decoded for its symbol's end.
        json.Number(converter.Encoding == PositionEncoding.Utf16
            ? Math.Clamp(position.Character, 0, lines.Length(position.Line))
            : converter.ToLspColumn(lines.Text(position.Line), position.Character));
        json.Raw((byte)'}');
    }

    private static EntrySymbol PieceOf(PaperDocument document, EntrySyntax entry, ProtocolConverter converter, EntrySymbols pieces, PieceScratch scratch)
    {
        var utf8 = converter.Encoding == PositionEncoding.Utf8;
        if ((utf8 ? pieces.Utf8 : pieces.Utf16) is { } known) return known;
        // Written at line 0: only the line numbers depend on where the entry is, and those are cut out. Every position
        // of an entry's symbol is on its own lines, so the document's lines are never read for it.
        var atTop = new EntrySyntax(entry.Node, 0);
        scratch.Text.Clear();
        scratch.Cuts.Clear();
        WriteSymbol(scratch.Text, document, converter, new OutlineEntry(atTop), scratch.Cuts);
        var piece = new EntrySymbol(scratch.Text.ToArray(), [.. scratch.Cuts]);
        if (utf8) pieces.Utf8 = piece;
        else pieces.Utf16 = piece;
        return piece;
    }

    /// <summary>What writing a missing piece needs, made once per request: after opening a list every entry's piece is missing.</summary>
    private sealed class PieceScratch : IDisposable
    {
        public Utf8JsonBuffer Text { get; } = new(4096);
        public List<int> Cuts { get; } = new(8);

        public void Dispose() => Text.Dispose();
    }

    /// <summary>An entry's symbol in each position encoding.</summary>
    internal sealed class EntrySymbols
    {
        public EntrySymbol? Utf16;
        public EntrySymbol? Utf8;
    }

    /// <summary>
    /// An entry's symbol JSON without its line numbers (they change when lines are inserted above it): the text, and
    /// pairs of (offset in the text where a line number goes, that line relative to the entry's first line).
    /// </summary>
    internal sealed class EntrySymbol(byte[] text, int[] lineCuts)
    {
        public void WriteTo(Utf8JsonBuffer json, int startLine)
        {
            var from = 0;
            for (var i = 0; i < lineCuts.Length; i += 2)
            {
                json.Raw(text.AsSpan(from, lineCuts[i] - from));
                json.Number(startLine + lineCuts[i + 1]);
                from = lineCuts[i];
            }
            json.Raw(text.AsSpan(from));
        }
    }

    /// <summary>The text of a line: from the entry's node when the line is one of its own, else from the document.</summary>
    private readonly record struct Lines(PaperDocument Document, EntrySyntax? Entry)
    {
        public string Text(int line) =>
            Entry is { } entry && line >= entry.StartLine && line <= entry.EndLine
                ? entry.Node.LineText(line - entry.StartLine)
                : Document.GetLineText(line);

        public int Length(int line) =>
            Entry is { } entry && line >= entry.StartLine && line <= entry.EndLine
                ? entry.Node.LineLength(line - entry.StartLine)
                : Document.GetLineLength(line);
    }
}
