using PaperLsp.Syntax;

namespace PaperLsp.Index;

/// <summary>What the workspace index takes from one entry, computed once per entry node (nodes are shared between
/// document versions, so an edit recomputes only the entries it re-read).</summary>
public sealed class EntryFacts
{

    private EntryFacts(EntryNode entry)
    {
        var keys = new List<string>();
        var names = new List<string>();
        foreach (var name in entry.Authors)
        {
            var key = AuthorKey.Of(name);
            // A repeated author (PL0205) counts once: the entry lists that person, however often.
            if (key.Length == 0 || keys.Contains(key)) continue;
            keys.Add(key);
            names.Add(name.Trim());
        }
        AuthorKeys = [.. keys];
        AuthorNames = [.. names];
        Affiliations = entry.Affiliations.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        Category = entry.Metadata?.CategoryText;
        TitleKey = entry.TitleKey;
        FoldedTitle = AuthorNameFolding.Fold(entry.Title);
    }

    public static EntryFacts Of(EntryNode entry) => entry.Derived(EntryDerivedSlot.Facts, static e => new EntryFacts(e));

    /// <summary>Distinct author keys, in header order.</summary>
    public string[] AuthorKeys { get; }
    /// <summary>The spelling of each of <see cref="AuthorKeys"/> in this entry.</summary>
    public string[] AuthorNames { get; }
    public string[] Affiliations { get; }
    public string? Category { get; }
    public string TitleKey { get; }
    /// <summary>The title case- and accent-folded, for fuzzy search.</summary>
    public string FoldedTitle { get; }

    public bool Lists(string authorKey) => Array.IndexOf(AuthorKeys, authorKey) >= 0;
}
