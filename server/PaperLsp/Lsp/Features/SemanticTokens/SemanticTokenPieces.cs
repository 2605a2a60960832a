using System.Buffers.Text;
using PaperLsp.Analysis;
using PaperLsp.Classification;
using PaperLsp.Syntax;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// The semantic tokens of a whole document from per-item pieces: the same integers as
/// <see cref="ProtocolConverter.EncodeTokens(PaperDocument, IEnumerable{ClassifiedSpan}, CancellationToken)"/> over
/// <see cref="SemanticClassifier.Classify"/>, without classifying 100,000 unchanged entries again on every request. An
/// item's spans depend only on its node (immutable, shared by the document's versions) and its modifiers; its tokens
/// are relative to each other, so only the first token's line delta depends on where the item is and what comes before
/// it, and that one is set when the pieces are joined.
/// </summary>
public static class SemanticTokenPieces
{
    /// <summary>The pieces kept for one open document (<see cref="SemanticTokensHandler"/> keeps one per document).</summary>
    public sealed class Pieces
    {
        internal NodePieces<ItemTokens> Items { get; } = new();
    }

    /// <param name="kept">The items' pieces kept from the document's last answer; none: every piece is made afresh.</param>
    public static JoinedTokens Encode(PaperDocument document, IReadOnlySet<string>? duplicatedTitleKeys, ProtocolConverter converter,
        Pieces? kept, CancellationToken cancellationToken = default)
    {
        kept ??= new Pieces();
        // Looked up once per entry: a snapshot's immutable set is a tree of buckets, several times slower than a copy of
        // it into a hash set (the duplicated keys are a few thousand at most in a 100,000-entry list), which also keeps
        // their hashes so that an entry that is not a duplicate is ruled out without hashing its title.
        var duplicated = duplicatedTitleKeys as TitleKeySet
            ?? new TitleKeySet(duplicatedTitleKeys ?? TitleIndex.Build(document).DuplicatedKeys);
        var fileDirectives = SemanticClassifier.FileDirectives(document);
        // Mostly entries, and sized for them: a list that grew by doubling to 100,000 would copy 200,000 references.
        var pieces = new List<PlacedPiece>(document.EntryCount + 64);
        var spans = new List<ClassifiedSpan>();
        var length = 0;
        var previousLine = 0;
        lock (kept.Items.Gate)
        {
            foreach (var item in document.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item.Kind == ItemKind.Blank) continue;
                var modifiers = SemanticClassifier.ModifiersOf(document, item, duplicated, fileDirectives);
                var piece = PieceOf(item.Node, modifiers, converter, kept.Items.For(item.Node), spans);
                if (piece.Data.Length == 0) continue;
                // The piece's first delta is from the item's first line. Its start column needs no change: items do not
                // share lines, so the previous token is on an earlier line (or there is none, and the start counts from 0).
                pieces.Add(new PlacedPiece(piece, piece.Data[0] + item.StartLine - previousLine));
                previousLine = item.StartLine + piece.LastLine;
                length += piece.Data.Length;
            }
            kept.Items.EndAnswer();
        }
        return new JoinedTokens(pieces, length);
    }

    /// <param name="spans">A list to classify into, reused from one missing piece to the next.</param>
    private static ItemPiece PieceOf(ItemNode node, SpanModifiers modifiers, ProtocolConverter converter, ItemTokens kept, List<ClassifiedSpan> spans)
    {
        var slots = kept.Slots;
        var slot = (int)modifiers * 2 + (converter.Encoding == PositionEncoding.Utf8 ? 1 : 0);
        if (slots[slot] is { } known) return known;
        // Classified at line 0, so every line is relative to the item's first line.
        spans.Clear();
        SemanticClassifier.ClassifyItem(new ItemSyntax(node, 0), modifiers, spans);
        var piece = new ItemPiece(converter.EncodeTokens(spans, node.LineText), spans.Count > 0 ? spans[^1].Line : 0);
        slots[slot] = piece;
        return piece;
    }

    /// <summary>An item's pieces, one per modifier set (duplicate, malformed: four) and position encoding (two).</summary>
    internal sealed class ItemTokens
    {
        public readonly ItemPiece?[] Slots = new ItemPiece?[8];
    }

    /// <summary>
    /// An item's tokens encoded from its first line, the line of its last token relative to that, and the JSON text of
    /// every integer after the first (<c>,1,4,0,0…</c>): only the first depends on the item's place.
    /// </summary>
    internal sealed class ItemPiece(int[] data, int lastLine)
    {
        public int[] Data { get; } = data;
        public int LastLine { get; } = lastLine;

        public byte[] JsonAfterFirst { get; } = AfterFirst(data);

        private static byte[] AfterFirst(int[] data)
        {
            if (data.Length <= 1) return [];
            // A comma and at most 11 characters (sign and ten digits) per integer.
            var text = new byte[(data.Length - 1) * 12];
            var length = 0;
            for (var i = 1; i < data.Length; i++)
            {
                text[length++] = (byte)',';
                Utf8Formatter.TryFormat(data[i], text.AsSpan(length), out var written);
                length += written;
            }
            return text[..length];
        }
    }

    /// <summary>A piece in a document: its first integer (the line delta from the token before it) as it is there.</summary>
    internal readonly record struct PlacedPiece(ItemPiece Piece, int FirstDelta);
}

/// <summary>
/// A document's semantic tokens as the pieces they were joined from. The JSON is written from the pieces' text; the
/// integers (<see cref="Data"/>) are copied out only when asked for, by a delta request comparing two results.
/// </summary>
public sealed class JoinedTokens
{
    private readonly List<SemanticTokenPieces.PlacedPiece> pieces;
    private readonly int length;
    private int[]? data;

    internal JoinedTokens(List<SemanticTokenPieces.PlacedPiece> pieces, int length)
    {
        this.pieces = pieces;
        this.length = length;
    }

    public int Length => length;

    public int[] Data => data ??= Flatten();

    private int[] Flatten()
    {
        var values = new int[length];
        var at = 0;
        foreach (var (piece, firstDelta) in pieces)
        {
            piece.Data.AsSpan().CopyTo(values.AsSpan(at));
            values[at] = firstDelta;
            at += piece.Data.Length;
        }
        return values;
    }

    /// <summary>The integers, comma-separated, as the token class writes <see cref="Data"/>.</summary>
    public void WriteJson(Utf8JsonBuffer json)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0) json.Raw((byte)',');
            json.Number(pieces[i].FirstDelta);
            json.Raw(pieces[i].Piece.JsonAfterFirst);
        }
    }
}
