using System.Globalization;
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
        var folded = Fold(text);
        var words = new string[folded.Count];
        for (var i = 0; i < words.Length; i++) words[i] = folded.Word(i).ToString();
        return words;
    }

    /// <summary>
    /// The folded words of a text side by side in one buffer, each a span of it: what <see cref="Words"/> makes strings
    /// of. An abstract's shingles need only the words' hashes, and a string per abstract word was most of what a large
    /// list's duplicate index allocated while it was built.
    /// </summary>
    private sealed class FoldedWords
    {
        private char[] chars = new char[512];
        private int length;
        private int wordStart;
        private readonly List<(int Start, int Length)> words = [];

        public int Count => words.Count;
        public ReadOnlySpan<char> Word(int i) => chars.AsSpan(words[i].Start, words[i].Length);
        public bool InWord => length > wordStart;
        public char Last => chars[length - 1];

        public void Reset()
        {
            (length, wordStart) = (0, 0);
            words.Clear();
        }

        public void Append(char c)
        {
            if (length == chars.Length) Array.Resize(ref chars, chars.Length * 2);
            chars[length++] = c;
        }

        /// <summary>Ends the word being written, if any.</summary>
        public void Flush()
        {
            if (length > wordStart) words.Add((wordStart, length - wordStart));
            wordStart = length;
        }
    }

    /// <summary>One per thread: fingerprints are computed on every core at once.</summary>
    [ThreadStatic] private static FoldedWords? scratch;

    /// <summary>The folded words of <paramref name="text"/> in this thread's buffer, valid until the next call.</summary>
    private static FoldedWords Fold(string text)
    {
        var word = scratch ??= new FoldedWords();
        word.Reset();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral letters are CJK extensions or historic scripts: each one a word, like an ideograph.
                word.Flush();
                if (char.IsLetter(text, i))
                {
                    word.Append(c);
                    word.Append(text[i + 1]);
                    word.Flush();
                }
                i++;
                continue;
            }
            if (IsIdeograph(c))
            {
                word.Flush();
                word.Append(c);
                word.Flush();
                continue;
            }
            if (c is '+' or '#')
            {
                // C++, C#, X++: a mark that names another thing, kept on the word it ends.
                if (word.InWord) word.Append(c);
                continue;
            }
            if (IsApostrophe(c)) continue; // don't, Hoeffding's: one word, however the apostrophe is written
            if (TextFolding.IsCombiningMark(c)) continue;
            if (TextFolding.Fold(c) is { } folded)
            {
                foreach (var f in folded) word.Append(char.ToLowerInvariant(f));
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (word.InWord && word.Last is '+' or '#') word.Flush();
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            word.Flush();
        }
        word.Flush();
        return word;
    }

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
        var words = Fold(text);
        var count = words.Count;
        var trimmed = text.AsSpan().TrimEnd();
        if (count > 0 && (IsShortened(text) || (trimmed.Length > 0 && !IsSentenceEnd(trimmed[^1])))) count--;
        if (count < 3) return [];
        var hashes = new int[count - 2];
        for (var i = 0; i + 2 < count; i++) hashes[i] = (int)Mix(Mix(Mix(FnvOffset, words.Word(i)), words.Word(i + 1)), words.Word(i + 2));
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
        var hash = FnvOffset;
        foreach (var word in words) hash = Mix(hash, word);
        return (int)hash;
    }

    private const uint FnvOffset = 2166136261u;

    /// <summary>One word into a <see cref="StableHash"/>: its characters, then a separator.</summary>
    private static uint Mix(uint hash, ReadOnlySpan<char> word)
    {
        foreach (var c in word) hash = (hash ^ c) * 16777619u;
        return (hash ^ 0x1F) * 16777619u;
    }

    /// <summary>Han, kana, Hangul syllables, CJK compatibility: scripts written without spaces, compared by character.</summary>
    private static bool IsIdeograph(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F'
        && char.IsLetter(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018';

    private static bool IsSentenceEnd(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation;
}
