using System.Globalization;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// The diagnostics of one document version as they go on the wire: each finding's JSON as UTF-8 (serialised once per
/// finding) and a result id derived from those pieces. Two lists with the same pieces in the same order are the same
/// list for the client whatever the document revision, so pull answers <c>unchanged</c> and push sends nothing; a line
/// moved by an edit changes a finding's range and so its JSON, and with it the id. A list sent is written piece by
/// piece into the outgoing message (<see cref="WriteArray"/>): no joined copy, no UTF-16 string.
/// </summary>
public sealed class DiagnosticList
{
    private readonly byte[][] pieces;

    public DiagnosticList(Diagnostic[] items, byte[][] pieces, ulong[] pieceHashes)
    {
        if (items.Length != pieces.Length || pieces.Length != pieceHashes.Length) throw new ArgumentException("one JSON piece and hash per item");
        Items = items;
        this.pieces = pieces;
        ResultId = Combine(pieceHashes).ToString("x16", CultureInfo.InvariantCulture);
    }

    public Diagnostic[] Items { get; }

    /// <summary>A 64-bit hash over the findings' JSON pieces in order, in hex: equal lists have equal ids.</summary>
    public string ResultId { get; }

    public int Count => pieces.Length;

    /// <summary>Whether the finding at <paramref name="index"/> went on the wire as exactly <paramref name="piece"/> (the same array).</summary>
    internal bool HasPiece(int index, byte[] piece) => index < pieces.Length && ReferenceEquals(pieces[index], piece);

    /// <summary>The size of <see cref="WriteArray"/>'s output in bytes.</summary>
    public long ArrayLength
    {
        get
        {
            var length = 2L + Math.Max(0, pieces.Length - 1);
            foreach (var piece in pieces) length += piece.Length;
            return length;
        }
    }

    /// <summary>Writes the JSON array of the items.</summary>
    public void WriteArray(Utf8JsonBuffer json)
    {
        json.Raw((byte)'[');
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0) json.Raw((byte)',');
            json.Raw(pieces[i]);
        }
        json.Raw((byte)']');
    }

    /// <summary>The JSON array of the items as text (tests and logs; the wire gets <see cref="WriteArray"/>).</summary>
    public string Json
    {
        get
        {
            using var json = new Utf8JsonBuffer(BufferSizeFor(ArrayLength));
            WriteArray(json);
            return json.ToString();
        }
    }

    /// <summary>A chunk size for a message of about <paramref name="length"/> bytes: no 1 MiB chunk for a list of three findings.</summary>
    public static int BufferSizeFor(long length) => (int)Math.Clamp(length + 256, 1024, Utf8JsonBuffer.ResponseChunkSize);

    /// <summary>Exactly the same JSON, piece by piece (pieces reused from an earlier version compare by reference).</summary>
    public bool SameAs(DiagnosticList? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.ResultId != ResultId || other.pieces.Length != pieces.Length) return false;
        for (var i = 0; i < pieces.Length; i++)
            if (!ReferenceEquals(pieces[i], other.pieces[i]) && !pieces[i].AsSpan().SequenceEqual(other.pieces[i])) return false;
        return true;
    }

    /// <summary>FNV-1a (64-bit) over the UTF-8 bytes of a finding's JSON: computed once per finding.</summary>
    public static ulong Hash(ReadOnlySpan<byte> json)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in json) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static ulong Combine(ulong[] hashes)
    {
        var hash = 14695981039346656037UL ^ (ulong)hashes.Length;
        foreach (var piece in hashes)
        {
            hash = (hash ^ piece) * 1099511628211UL;
            hash ^= hash >> 29;
        }
        return hash;
    }
}
