namespace PaperLsp.Duplicates;

/// <summary>How two titles relate, strongest first.</summary>
internal enum TitleMatch
{
    /// <summary>Equal up to case, accents, spacing and punctuation.</summary>
    Equal,
    /// <summary>One is the other with a leading word added (<c>The</c>, <c>On</c>) or a subtitle dropped.</summary>
    Variant,
    /// <summary>The same main title before the subtitle, different subtitles: the same system, maybe another paper.</summary>
    SameMainTitle,
    /// <summary>Most words shared, none of them a word that names another paper.</summary>
    Similar,
    Different,
    /// <summary>The titles differ by a word that names another paper: a number, a part, a sequel's <c>++</c>, an erratum, a reply.</summary>
    DistinctPaper,
}

/// <summary>Compares titles word by word, knowing which differences mean another paper.</summary>
internal static class TitleRelation
{
    public static (TitleMatch Match, double Similarity, string Reason) Of(PaperFingerprint a, PaperFingerprint b)
    {
        if (a.TitleKey.Length > 0 && a.TitleKey == b.TitleKey) return (TitleMatch.Equal, 1, "the same title up to case and punctuation");

        var setA = a.TitleWords.ToHashSet(StringComparer.Ordinal);
        var setB = b.TitleWords.ToHashSet(StringComparer.Ordinal);
        var shared = setA.Count(setB.Contains);
        var similarity = setA.Count + setB.Count - shared == 0 ? 0 : (double)shared / (setA.Count + setB.Count - shared);
        var onlyA = setA.Where(w => !setB.Contains(w)).ToList();
        var onlyB = setB.Where(w => !setA.Contains(w)).ToList();
        if (onlyA.Concat(onlyB).FirstOrDefault(NamesAnotherPaper) is { } marker)
            return (TitleMatch.DistinctPaper, similarity, $"the titles differ in '{marker}'");

        if ((DropsLeadingWord(a.TitleWords, b.TitleWords) ?? DropsLeadingWord(b.TitleWords, a.TitleWords)) is { } dropped)
            return (TitleMatch.Variant, 0.95, $"the same title but for a leading '{dropped}'");
        if (a.HasSubtitle != b.HasSubtitle && (a.HasSubtitle ? SameWords(a.MainTitleWords, b.TitleWords) : SameWords(b.MainTitleWords, a.TitleWords)))
            return (TitleMatch.Variant, 0.9, "the same title, one without its subtitle");
        if (a.HasSubtitle && b.HasSubtitle && SameWords(a.MainTitleWords, b.MainTitleWords))
            return (TitleMatch.SameMainTitle, Math.Max(similarity, 0.5), $"the same main title '{a.MainTitleText}' with different subtitles");
        if (similarity >= SimilarTitle) return (TitleMatch.Similar, similarity, $"similar titles ({similarity:P0} of their words shared)");
        return (TitleMatch.Different, similarity, "different titles");
    }

    /// <summary>Word sets this close make similar titles (Jaccard over distinct words): a long shared prefix alone passes.</summary>
    internal const double SimilarTitle = 0.6;

    /// <summary>The word <paramref name="longer"/> starts with when it is <paramref name="shorter"/> with one more leading word.</summary>
    private static string? DropsLeadingWord(string[] longer, string[] shorter)
    {
        if (longer.Length != shorter.Length + 1 || shorter.Length < 2) return null;
        for (var i = 0; i < shorter.Length; i++)
            if (longer[i + 1] != shorter[i]) return null;
        return NamesAnotherPaper(longer[0]) ? null : longer[0];
    }

    private static bool SameWords(string[] a, string[] b) => a.Length > 0 && a.AsSpan().SequenceEqual(b);

    /// <summary>
    /// Words whose presence on one side only means a different paper: numbers and roman numerals (Part II, GPT-4),
    /// a sequel's <c>++</c> or <c>#</c>, and the words of errata, replies, volumes and extended versions.
    /// </summary>
    internal static bool NamesAnotherPaper(string word) =>
        word.Any(char.IsDigit) || word.EndsWith('+') || word.EndsWith('#') || RomanNumerals.Contains(word) || MarkerWords.Contains(word);

    private static readonly HashSet<string> RomanNumerals = new(StringComparer.Ordinal)
    {
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    };

    private static readonly HashSet<string> MarkerWords = new(StringComparer.Ordinal)
    {
        "part", "vol", "volume", "volumes", "chapter", "book", "edition", "erratum", "errata", "corrigendum", "correction",
        "corrections", "retraction", "retracted", "comment", "comments", "commentary", "reply", "response", "rejoinder",
        "rebuttal", "addendum", "supplement", "supplementary", "appendix", "extended", "revisited", "revisiting", "continued",
        "sequel", "followup", "one", "two", "three", "four", "first", "second", "third", "fourth", "lite", "mini", "pro", "plus",
    };
}
