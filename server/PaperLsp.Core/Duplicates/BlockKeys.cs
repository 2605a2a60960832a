namespace PaperLsp.Duplicates;

/// <summary>
/// The blocking keys of an entry, as a search engine's terms: candidates for a comparison are entries that share a
/// title key (whole or main title) or at least three other keys (title word pairs, first author with a title word, sampled
/// abstract word triples). A key's kind sits in the top bits, its hash in the low ones.
/// </summary>
internal static class BlockKeys
{
    public const long TitleKind = 1L << 32, WordPairKind = 2L << 32, AuthorWordKind = 3L << 32, ShingleKind = 4L << 32;

    /// <summary>Groups sharing one key beyond this count learn nothing from it (a boilerplate sentence, a prolific author,
    /// "language models"); the title keys allow more, since equal titles are the strongest evidence.</summary>
    public const int Cap = 32, TitleCap = 1000;

    /// <summary>Abstract word triples whose hash is a multiple of this are keys: about one in eight, the same on every copy.</summary>
    public const int ShingleSampling = 8;

    /// <summary>Whether <paramref name="keys"/> (sorted) holds <paramref name="key"/>.</summary>
    public static bool Has(long[] keys, long key) => Array.BinarySearch(keys, key) >= 0;

    /// <summary>Two groups are compared when they share a title key, or this many other keys. Two shared keys let
    /// look-alikes through by the hundred thousand at 100,000 entries (two common word pairs); a copy, even with a
    /// revised abstract or a dropped leading word, shares many more.</summary>
    public const int MeetingWeight = 3;

    public static int CapOf(long key) => (key & ~0xFFFFFFFFL) == TitleKind ? TitleCap : Cap;

    public static bool IsTitleKey(long key) => (key & ~0xFFFFFFFFL) == TitleKind;

    /// <summary>The distinct keys of one entry, sorted.</summary>
    public static long[] Of(PaperFingerprint print)
    {
        var keys = new HashSet<long>();
        void Add(long kind, int hash) => keys.Add(kind | (uint)hash);
        Add(TitleKind, PaperText.StableHash(print.TitleKey));
        if (print.HasSubtitle) Add(TitleKind, PaperText.StableHash(PaperText.Key(print.MainTitleWords)));
        var words = print.TitleWords;
        for (var i = 0; i + 1 < words.Length; i++) Add(WordPairKind, PaperText.StableHash(words[i], words[i + 1]));
        if (print.AuthorKeys.Length > 0)
        {
            var first = print.AuthorKeys[0];
            foreach (var word in words.Distinct()) Add(AuthorWordKind, PaperText.StableHash(first, word));
        }
        foreach (var shingle in print.AbstractShingles)
            if ((uint)shingle % ShingleSampling == 0) Add(ShingleKind, shingle);
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
