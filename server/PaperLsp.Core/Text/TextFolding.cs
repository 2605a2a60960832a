using System.Runtime.CompilerServices;
using System.Text;

namespace PaperLsp.Text;

/// <summary>
/// Folds accented Latin letters to their ASCII base (é → e, ł → l, ß → ss, æ → ae, þ → th) without ICU:
/// <c>InvariantGlobalization=true</c> makes <see cref="string.Normalize()"/> a no-op, so the table is ours. It covers
/// Latin-1 Supplement, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese), generated from the Unicode
/// decompositions (NFKD without combining marks) plus the letters that do not decompose (ł ø ß æ đ þ ı œ ħ ŋ …).
/// Combining marks written separately (e + U+0301) are dropped. One place for every comparison of titles and names.
/// </summary>
public static class TextFolding
{
    /// <summary>Whether a character is a combining mark (a separately written accent), which folding drops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F' or >= '\u1AB0' and <= '\u1AFF' or >= '\u1DC0' and <= '\u1DFF' or >= '\u20D0' and <= '\u20FF' or >= '\uFE20' and <= '\uFE2F';

    /// <summary>The ASCII letters <paramref name="c"/> folds to, or null when it is not an accented Latin letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Fold(char c) => c switch
    {
        < '\u00C0' => null,
        <= '\u024F' => Latin[c - 0x00C0],
        >= '\u1E00' and <= '\u1EFF' => LatinAdditional[c - 0x1E00],
        _ => null,
    };

    /// <summary><paramref name="text"/> with accents folded and combining marks removed; the same string when there is nothing to fold.</summary>
    public static string FoldAccents(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] < '\u00C0' && !IsCombiningMark(text[i])) i++;
        if (i == text.Length) return text;
        var builder = new StringBuilder(text.Length + 4);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++) AppendFolded(builder, text[i]);
        return builder.ToString();
    }

    /// <summary>The comparison key of a name or title word: accents folded, lower case (Müller, MULLER and muller are one key).</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) AppendFolded(builder, c);
        for (var k = 0; k < builder.Length; k++) builder[k] = char.ToLowerInvariant(builder[k]);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="c"/> folded: its ASCII base, nothing for a combining mark, else itself.</summary>
    public static void AppendFolded(StringBuilder builder, char c)
    {
        if (IsCombiningMark(c)) return;
        if (Fold(c) is { } folded) builder.Append(folded);
        else builder.Append(c);
    }

    private static readonly string?[] Latin =
    [
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        "D", "N", "O", "O", "O", "O", "O", null, "O", "U", "U", "U", "U", "Y", "Th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", null, "o", "u", "u", "u", "u", "y", "th", "y",
        "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
        "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
        "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
        "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
        "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
        "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
        "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
        "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
        "b", "B", null, null, null, null, null, "C", "c", "D", "D", "D", "d", null, null, null,
        null, "F", "f", "G", null, null, null, "I", "K", "k", "l", null, null, "N", "n", "O",
        "O", "o", null, null, "P", "p", "R", null, null, null, null, "t", "T", "t", "T", "U",
        "u", null, "V", "Y", "y", "Z", "z", null, null, null, null, null, null, null, null, null,
        null, null, null, null, "DZ", "Dz", "dz", "LJ", "Lj", "lj", "NJ", "Nj", "nj", "A", "a", "I",
        "i", "O", "o", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", null, "A", "a",
        "A", "a", "AE", "ae", "G", "g", "G", "g", "K", "k", "O", "o", "O", "o", null, null,
        "j", "DZ", "Dz", "dz", "G", "g", null, null, "N", "n", "A", "a", "AE", "ae", "O", "o",
        "A", "a", "A", "a", "E", "e", "E", "e", "I", "i", "I", "i", "O", "o", "O", "o",
        "R", "r", "R", "r", "U", "u", "U", "u", "S", "s", "T", "t", null, null, "H", "h",
        "N", "d", null, null, "Z", "z", "A", "a", "E", "e", "O", "o", "O", "o", "O", "o",
        "O", "o", "Y", "y", "l", "n", "t", "j", null, null, "A", "C", "c", "L", "T", "s",
        "z", null, null, "B", "U", null, "E", "e", "J", "j", "Q", "q", "R", "r", "Y", "y",
    ];

    private static readonly string?[] LatinAdditional =
    [
        "A", "a", "B", "b", "B", "b", "B", "b", "C", "c", "D", "d", "D", "d", "D", "d",
        "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "F", "f",
        "G", "g", "H", "h", "H", "h", "H", "h", "H", "h", "H", "h", "I", "i", "I", "i",
        "K", "k", "K", "k", "K", "k", "L", "l", "L", "l", "L", "l", "L", "l", "M", "m",
        "M", "m", "M", "m", "N", "n", "N", "n", "N", "n", "N", "n", "O", "o", "O", "o",
        "O", "o", "O", "o", "P", "p", "P", "p", "R", "r", "R", "r", "R", "r", "R", "r",
        "S", "s", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T", "t", "T", "t",
        "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "V", "v", "V", "v",
        "W", "w", "W", "w", "W", "w", "W", "w", "W", "w", "X", "x", "X", "x", "Y", "y",
        "Z", "z", "Z", "z", "Z", "z", "h", "t", "w", "y", null, "s", null, null, "SS", null,
        "A", "a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a",
        "A", "a", "A", "a", "A", "a", "A", "a", "E", "e", "E", "e", "E", "e", "E", "e",
        "E", "e", "E", "e", "E", "e", "E", "e", "I", "i", "I", "i", "O", "o", "O", "o",
        "O", "o", "O", "o", "O", "o", "O", "o", "O", "o", "O", "o", "O", "o", "O", "o",
        "O", "o", "O", "o", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u",
        "U", "u", "Y", "y", "Y", "y", "Y", "y", "Y", "y", null, null, null, null, null, null,
    ];
}
