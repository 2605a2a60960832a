using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace PaperLsp.Syntax;

/// <summary>
/// A closed word list that the header reading asks about spans of a line, ordinally or ignoring case. Reading a header
/// asks about every token of every candidate name, and nearly all of them are not in the list; the frozen set hashes
/// the whole span and compares through delegates to say so. Here one bit per (length, first char, last char) of the
/// list's words rules most of them out first, and only the rest go to the set, which alone decides: the answer is the
/// set's for every span.
/// </summary>
internal sealed class WordSet
{
    private const int FilterBits = 1 << 13;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly bool ignoreCase;
    private readonly ulong[] filter = new ulong[FilterBits / 64];

    /// <summary>
    /// False when some word starts or ends outside ASCII: ignoring case, such a char may equal an ASCII one (ı and I,
    /// ſ and S), which the filter, folding ASCII only, would miss. Then every span goes to the set.
    /// </summary>
    private readonly bool filtered;

    public WordSet(bool ignoreCase, IEnumerable<string> words)
    {
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        Words = words.ToFrozenSet(comparer);
        lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        this.ignoreCase = ignoreCase;
        filtered = Words.All(word => word.Length > 0 && char.IsAscii(word[0]) && char.IsAscii(word[^1]));
        foreach (var word in Words)
        {
            if (word.Length == 0) continue;
            var bit = FilterBit(word.Length, Fold(word[0]), Fold(word[^1]));
            filter[bit >> 6] |= 1UL << (bit & 63);
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
        return lookup.Contains(text);
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
