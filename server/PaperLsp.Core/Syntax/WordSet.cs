using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace PaperLsp.Syntax;

/// <summary>
/// A closed word list that the header reading asks about spans of a line, ordinally or ignoring case. Reading a header
/// asks about every token of every candidate name, and nearly all of them are not in the list. One bit per (length,
/// first char, last char) of the list's words rules most of them out; the rest are looked up in a small table of this
/// class's own, compiled optimized from the first call like the rest of the reading: a frozen set's lookup is library
/// code that a server's first read of a large file runs before it is optimized. The answer is the frozen set's
/// (<see cref="Words"/>) for every span; a span that the table cannot judge exactly (non-ASCII, ignoring case) is asked
/// of the set itself.
/// </summary>
internal sealed class WordSet
{
    private const int FilterBits = 1 << 13;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly bool ignoreCase;
    private readonly ulong[] filter = new ulong[FilterBits / 64];

    /// <summary>
    /// False when some word starts or ends outside ASCII: ignoring case, such a char may equal an ASCII one (ı and I,
    /// ſ and S), which the filter, folding ASCII only, would miss. Then the filter rules nothing out.
    /// </summary>
    private readonly bool filtered;

    /// <summary>The words (lower-cased ASCII when ignoring case) by open addressing; null marks a free slot.</summary>
    private readonly string?[] table;

    /// <summary>
    /// Whether the table answers: always ordinally; ignoring case only when every word is ASCII, since then a span
    /// equals a word ignoring case exactly when, being ASCII too, it equals it up to ASCII case.
    /// </summary>
    private readonly bool tabled;

    public WordSet(bool ignoreCase, IEnumerable<string> words)
    {
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        Words = words.ToFrozenSet(comparer);
        lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        this.ignoreCase = ignoreCase;
        filtered = Words.All(word => word.Length > 0 && char.IsAscii(word[0]) && char.IsAscii(word[^1]));
        tabled = !ignoreCase || Words.All(word => word.All(char.IsAscii));
        table = new string?[BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, 4 * Words.Count))];
        foreach (var word in Words)
        {
            if (word.Length > 0)
            {
                var bit = FilterBit(word.Length, Fold(word[0]), Fold(word[^1]));
                filter[bit >> 6] |= 1UL << (bit & 63);
            }
            if (!tabled) continue;
            var key = ignoreCase ? word.ToLowerInvariant() : word;
            var slot = (int)(Hash(key) & (uint)(table.Length - 1));
            while (table[slot] is not null) slot = (slot + 1) & (table.Length - 1);
            table[slot] = key;
        }
    }

    /// <summary>The list itself, as the set that decides.</summary>
    internal FrozenSet<string> Words { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ReadOnlySpan<char> text)
    {
        if (filtered && text.Length > 0)
        {
            var first = text[0];
            var last = text[^1];
            // Equal spans have equal lengths and, for ASCII ends, equal ends up to ASCII case: a clear bit rules the span out.
            if (char.IsAscii(first) && char.IsAscii(last))
            {
                var bit = FilterBit(text.Length, Fold(first), Fold(last));
                if ((filter[bit >> 6] & (1UL << (bit & 63))) == 0) return false;
            }
        }
        if (!tabled || (ignoreCase && !Ascii.IsValid(text))) return lookup.Contains(text);
        for (var slot = (int)(Hash(text) & (uint)(table.Length - 1)); table[slot] is { } word; slot = (slot + 1) & (table.Length - 1))
            if (SameWord(word, text)) return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SameWord(string word, ReadOnlySpan<char> text)
    {
        if (word.Length != text.Length) return false;
        for (var i = 0; i < word.Length; i++)
            if (word[i] != Fold(text[i])) return false;
        return true;
    }

    /// <summary>FNV-1a over the chars as compared (ASCII letters lower-cased when ignoring case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ Fold(c)) * 16777619u;
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private char Fold(char c) => ignoreCase && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FilterBit(int length, char first, char last)
    {
        var hash = (uint)length * 0x9E3779B1u ^ first * 0x85EBCA77u ^ last * 0xC2B2AE3Du;
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash & (FilterBits - 1));
    }
}
