using System.Globalization;
using System.Text;
using PaperLsp.Text;

namespace PaperLsp.Duplicates;

/// <summary>
/// Words of titles, names and abstracts as duplicate detection compares them. Case and accents fold through the one
/// table (<see cref="TextFolding"/>: é, ł, ø, ß too); every Unicode dash, quote and other punctuation separates words as
/// ASCII punctuation does; letters of other scripts are kept (a CJK ideograph is a word of its own, so two different
/// Chinese titles never share a key); and what tells two papers apart stays: digits, roman numerals, <c>++</c>, <c>#</c>.
/// </summary>
public static class PaperText
{
    /// <summary>The folded words of <paramref name="text"/>, in order.</summary>
    public static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral letters are CJK extensions or historic scripts: each one a word, like an ideograph.
                Flush();
                if (char.IsLetter(text, i)) words.Add(text.Substring(i, 2));
                i++;
                continue;
            }
            if (IsIdeograph(c))
            {
                Flush();
                words.Add(c.ToString());
                continue;
            }
            if (c is '+' or '#')
            {
                // C++, C#, X++: a mark that names another thing, kept on the word it ends.
                if (word.Length > 0) word.Append(c);
                continue;
            }
            if (IsApostrophe(c)) continue; // don't, Hoeffding's: one word, however the apostrophe is written
            if (TextFolding.IsCombiningMark(c)) continue;
            if (TextFolding.Fold(c) is { } folded)
            {
                AppendLower(word, folded);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length > 0 && word[^1] is '+' or '#') Flush();
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return [.. words];
    }

    /// <summary>The words joined: equal keys mean titles equal up to case, accents, spacing and punctuation.</summary>
    public static string Key(IEnumerable<string> words) => string.Concat(words);

    /// <summary>Whether the text ends as a shortened quotation does (<c>…</c> or <c>...</c>).</summary>
    public static bool IsShortened(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.EndsWith("…", StringComparison.Ordinal) || trimmed.EndsWith("...", StringComparison.Ordinal);
    }

    /// <summary>
    /// The distinct hashes of every three consecutive words, sorted (containment is then one merge). A text cut off
    /// mid-word (an ellipsis, or no closing punctuation) loses its last word, which may be a fragment.
    /// </summary>
    public static int[] Shingles(string text)
    {
        var words = Words(text);
        var count = words.Length;
        var trimmed = text.AsSpan().TrimEnd();
        if (count > 0 && (IsShortened(text) || (trimmed.Length > 0 && !IsSentenceEnd(trimmed[^1])))) count--;
        if (count < 3) return [];
        var hashes = new int[count - 2];
        for (var i = 0; i + 2 < count; i++) hashes[i] = StableHash(words[i], words[i + 1], words[i + 2]);
        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
            if (i == 0 || hashes[i] != hashes[distinct - 1]) hashes[distinct++] = hashes[i];
        return distinct == hashes.Length ? hashes : hashes[..distinct];
    }

    /// <summary>|A ∩ B| / min(|A|, |B|) of two sorted sets: a shortened abstract is contained in the full one.</summary>
    public static double Containment(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / Math.Min(a.Length, b.Length);
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted sets.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 && b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>FNV-1a over the words: the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int StableHash(params ReadOnlySpan<string> words)
    {
        var hash = 2166136261u;
        foreach (var word in words)
        {
            foreach (var c in word) hash = (hash ^ c) * 16777619u;
            hash = (hash ^ 0x1F) * 16777619u;
        }
        return (int)hash;
    }

    /// <summary>Han, kana, Hangul syllables, CJK compatibility: scripts written without spaces, compared by character.</summary>
    private static bool IsIdeograph(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F'
        && char.IsLetter(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018';

    private static bool IsSentenceEnd(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation;

    private static void AppendLower(StringBuilder builder, string text)
    {
        foreach (var c in text) builder.Append(char.ToLowerInvariant(c));
    }
}
