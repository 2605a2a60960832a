using PaperLsp.Syntax;

namespace PaperLsp.Duplicates;

/// <summary>
/// What duplicate detection compares of one entry, computed once per entry node (nodes are shared between document
/// versions, so an edit recomputes only the entries it re-read), as <see cref="Index.EntryFacts"/> does.
/// </summary>
public sealed class PaperFingerprint
{

    private PaperFingerprint(EntryNode entry)
    {
        Entry = entry;
        TitleWords = PaperText.Words(entry.Title);
        TitleKey = PaperText.Key(TitleWords);
        MainTitleText = MainTitle(entry.Title).Trim();
        // Most titles have no subtitle: then the main title's words and key are the title's own (the same arrays, not
        // copies: at 100,000 entries the copies were about a sixth of the duplicate index).
        var mainWords = ReferenceEquals(MainTitleText, entry.Title) ? TitleWords : PaperText.Words(MainTitleText);
        if (mainWords != TitleWords && mainWords.AsSpan().SequenceEqual(TitleWords)) mainWords = TitleWords;
        MainTitleWords = mainWords;
        MainTitleKey = mainWords == TitleWords ? TitleKey : PaperText.Key(mainWords);
        var wordHashes = TitleWords.Select(word => PaperText.StableHash(word)).Distinct().ToArray();
        Array.Sort(wordHashes);
        TitleWordHashes = wordHashes;
        var keys = new List<string>();
        foreach (var name in entry.Authors)
        {
            var key = AuthorKeyOf(name);
            if (key.Length > 0 && !keys.Contains(key)) keys.Add(key);
        }
        AuthorKeys = [.. keys];
        EtAl = entry.EtAl;
        var abstractText = entry.Abstract;
        AbstractShortened = PaperText.IsShortened(abstractText);
        AbstractShingles = PaperText.Shingles(abstractText);
        Date = entry.Metadata?.DateValue;
        Category = entry.Metadata?.CategoryText;
    }

    /// <summary>The blocking keys (<see cref="Duplicates.BlockKeys.Of"/>), computed once; a race computes the same array twice.</summary>
    internal long[]? BlockKeys { get; set; }

    public static PaperFingerprint Of(EntryNode entry) => entry.Derived(EntryDerivedSlot.Fingerprint, static e => new PaperFingerprint(e));

    public EntryNode Entry { get; }
    public string[] TitleWords { get; }
    /// <summary>The title words joined: case, accents, spacing and punctuation aside.</summary>
    public string TitleKey { get; }
    /// <summary>The words before a subtitle (<c>:</c>, or a dash between spaces); the whole title when it has none.</summary>
    public string[] MainTitleWords { get; }
    public string MainTitleText { get; }
    public string MainTitleKey { get; }
    /// <summary>The distinct title words' hashes, sorted: word overlap of two titles in one merge, before any closer look.</summary>
    public int[] TitleWordHashes { get; }
    public bool HasSubtitle => MainTitleWords.Length < TitleWords.Length;
    /// <summary>Surname and first initial of each displayed author (<c>klein g</c>), distinct, in header order.</summary>
    public string[] AuthorKeys { get; }
    /// <summary>The list was cut after the displayed authors: a shorter list elsewhere is no conflict.</summary>
    public bool EtAl { get; }
    public int[] AbstractShingles { get; }
    /// <summary>The abstract ends in an ellipsis: it may be a prefix of the full one.</summary>
    public bool AbstractShortened { get; }
    public DateOnly? Date { get; }
    public string? Category { get; }

    /// <summary>Exactly the same entry text (line ends aside).</summary>
    public bool HasSameText(PaperFingerprint other) => Entry.HasSameText(other.Entry);

    internal int TextHash => Entry.TextHash;

    /// <summary>Surname plus first initial, folded: "Guillaume Klein", "G. Klein" and "KLEIN, G." share one key.</summary>
    public static string AuthorKeyOf(string name)
    {
        var comma = name.IndexOf(',');
        string[] parts;
        if (comma > 0)
        {
            // "Klein, Guillaume": the surname first.
            var surnameWords = PaperText.Words(name[..comma]);
            var given = PaperText.Words(name[(comma + 1)..]);
            parts = [.. given, .. surnameWords];
        }
        else parts = PaperText.Words(name);
        var count = parts.Length;
        while (count > 1 && Suffixes.Contains(parts[count - 1])) count--;
        if (count == 0) return "";
        var surname = parts[count - 1];
        return count == 1 ? surname : $"{surname} {parts[0][0]}";
    }

    /// <summary>The surname part of an author key.</summary>
    public static string SurnameOf(string authorKey)
    {
        var space = authorKey.IndexOf(' ');
        return space < 0 ? authorKey : authorKey[..space];
    }

    private static string MainTitle(string title)
    {
        var cut = title.Length;
        var colon = title.IndexOf(':');
        if (colon > 0) cut = colon;
        foreach (var dash in SubtitleDashes)
        {
            var at = title.IndexOf(dash, StringComparison.Ordinal);
            if (at > 0 && at < cut) cut = at;
        }
        return title[..cut];
    }

    private static readonly string[] SubtitleDashes = [" - ", " – ", " — ", " -- "];
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv" };
}
