using System.Globalization;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// The diagnostics of one document version as they go on the wire: each finding's JSON (serialised once per finding),
/// a result id derived from those JSON pieces, and the joined JSON array, built only when a list is actually sent.
/// Two lists with the same pieces in the same order are the same list for the client whatever the document revision,
/// so pull answers <c>unchanged</c> and push sends nothing; a line moved by an edit changes a finding's range and so
/// its JSON, and with it the id.
/// </summary>
public sealed class DiagnosticList
{
    private readonly string[] pieces;
    private string? json;

    public DiagnosticList(Diagnostic[] items, string[] pieces, ulong[] pieceHashes)
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

    /// <summary>The JSON array of the items, joined on first use and kept.</summary>
    public string Json => json ??= Join(pieces);

    /// <summary>Exactly the same JSON, piece by piece (pieces reused from an earlier version compare by reference).</summary>
    public bool SameAs(DiagnosticList? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.ResultId != ResultId || other.pieces.Length != pieces.Length) return false;
        for (var i = 0; i < pieces.Length; i++)
            if (!string.Equals(pieces[i], other.pieces[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>FNV-1a (64-bit) over the UTF-16 code units of a finding's JSON: computed once per finding.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
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

    /// <summary>Written straight into the result string: one copy of each piece, no growing buffer.</summary>
    private static string Join(string[] pieces)
    {
        var length = 2 + Math.Max(0, pieces.Length - 1);
        foreach (var piece in pieces) length += piece.Length;
        return string.Create(length, pieces, static (target, pieces) =>
        {
            target[0] = '[';
            var position = 1;
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0) target[position++] = ',';
                pieces[i].AsSpan().CopyTo(target[position..]);
                position += pieces[i].Length;
            }
            target[position] = ']';
        });
    }
}
