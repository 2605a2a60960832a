using System.Collections.Immutable;
using System.Text;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Index;

/// <summary>One author across the workspace: how many entries list them, in which files, with whom, spelled how.</summary>
public sealed class AuthorRecord
{
    internal AuthorRecord(string key, int entryCount, ImmutableDictionary<DocumentId, int> files,
        ImmutableDictionary<string, int> coauthors, ImmutableDictionary<string, int> spellings)
    {
        Key = key;
        EntryCount = entryCount;
        Files = files;
        Coauthors = coauthors;
        Spellings = spellings;
    }

    public string Key { get; }
    public int EntryCount { get; }
    /// <summary>Entries per file that list this author.</summary>
    public ImmutableDictionary<DocumentId, int> Files { get; }
    /// <summary>Author key → number of entries shared with this author.</summary>
    public ImmutableDictionary<string, int> Coauthors { get; }
    /// <summary>Each way the name is written → number of entries writing it so.</summary>
    public ImmutableDictionary<string, int> Spellings { get; }

    /// <summary>The most frequent spelling; between equally frequent ones the one with more accents (dropping them is the
    /// usual slip, "Akyurek" for "Akyürek"), then ordinal order, so it never depends on history.</summary>
    public string DisplayName => field ??= Spellings
        .OrderByDescending(pair => pair.Value).ThenByDescending(pair => pair.Key.Count(c => c >= 0x80))
        .ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Co-authors, most shared entries first.</summary>
    public IEnumerable<(string Key, int Count)> TopCoauthors(int count) => Coauthors
        .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(count).Select(pair => (pair.Key, pair.Value));
}

/// <summary>
/// What the whole workspace knows, as an immutable value: authors (key → entries, files, co-authors, spellings),
/// titles (title key → entries per file), affiliations and categories (→ entries). A snapshot holds one; an edit makes
/// a new one from the entries it removed and added (<see cref="Apply"/>), sharing everything else, so readers on any
/// thread never wait for writers. The entries themselves live in the documents: the index says which files to look in.
/// </summary>
public sealed class WorkspaceIndex
{
    public static readonly WorkspaceIndex Empty = new(
        ImmutableDictionary.Create<string, AuthorRecord>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableDictionary<DocumentId, int>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        0,
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
        ImmutableSortedSet.Create<(int Count, string Key)>(FrequencyOrder.Instance));

    private WorkspaceIndex(ImmutableDictionary<string, AuthorRecord> authors, ImmutableDictionary<string, ImmutableDictionary<DocumentId, int>> titles,
        ImmutableDictionary<string, int> affiliations, ImmutableDictionary<string, int> categories, int entryCount,
        ImmutableSortedSet<string> nameParts, ImmutableSortedSet<(int Count, string Key)> byFrequency)
    {
        Authors = authors;
        Titles = titles;
        Affiliations = affiliations;
        Categories = categories;
        EntryCount = entryCount;
        NameParts = nameParts;
        ByFrequency = byFrequency;
    }

    /// <summary>Every part of every author key ("yoon", "kim", "yung-sung", "yung", "sung"), as "part\0key", sorted:
    /// the authors whose name has a part starting with a prefix are one range, found in O(log n).</summary>
    public ImmutableSortedSet<string> NameParts { get; }

    /// <summary>Authors by entry count, most first (ties in key order): the top of a completion with nothing typed yet.</summary>
    public ImmutableSortedSet<(int Count, string Key)> ByFrequency { get; }

    /// <summary>Keys of the authors with a name part starting with <paramref name="prefix"/> (folded, lower case).</summary>
    public IEnumerable<string> AuthorsWithPartStarting(string prefix)
    {
        var parts = NameParts;
        var at = parts.IndexOf(prefix);
        if (at < 0) at = ~at;
        for (; at < parts.Count; at++)
        {
            var part = parts[at];
            if (!part.StartsWith(prefix, StringComparison.Ordinal)) yield break;
            yield return part[(part.IndexOf('\0') + 1)..];
        }
    }

    /// <summary>The parts a name is found by: words, and the pieces of hyphenated words.</summary>
    public static IEnumerable<string> PartsOf(string key)
    {
        foreach (var word in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return word;
            if (word.Contains('-'))
                foreach (var piece in word.Split('-', StringSplitOptions.RemoveEmptyEntries)) yield return piece;
        }
    }

    private sealed class FrequencyOrder : IComparer<(int Count, string Key)>
    {
        public static readonly FrequencyOrder Instance = new();
        public int Compare((int Count, string Key) a, (int Count, string Key) b) =>
            a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key);
    }

    public ImmutableDictionary<string, AuthorRecord> Authors { get; }
    /// <summary>Title key → entries with that title per file.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<DocumentId, int>> Titles { get; }
    public ImmutableDictionary<string, int> Affiliations { get; }
    public ImmutableDictionary<string, int> Categories { get; }
    public int EntryCount { get; }

    public AuthorRecord? Author(string key) => Authors.GetValueOrDefault(key);

    /// <summary>Number of entries in the workspace with this title key.</summary>
    public int TitleCount(string titleKey) => Titles.TryGetValue(titleKey, out var files) ? files.Values.Sum() : 0;

    /// <summary>The index after <paramref name="removed"/> left document <paramref name="document"/> and <paramref name="added"/> arrived in it.</summary>
    public WorkspaceIndex Apply(DocumentId document, IEnumerable<ItemNode> removed, IEnumerable<ItemNode> added)
    {
        var builder = new Builder(this);
        foreach (var item in removed) if (item is EntryNode entry) builder.Change(document, EntryFacts.Of(entry), -1);
        foreach (var item in added) if (item is EntryNode entry) builder.Change(document, EntryFacts.Of(entry), +1);
        return builder.ToIndex();
    }

    public WorkspaceIndex Add(DocumentId document, PaperDocument text) => Apply(document, [], text.Entries.Select(e => (ItemNode)e.Node));
    public WorkspaceIndex Remove(DocumentId document, PaperDocument text) => Apply(document, text.Entries.Select(e => (ItemNode)e.Node), []);

    /// <summary>Every fact in a canonical order: two indexes that know the same describe themselves the same.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("entries ").Append(EntryCount).Append('\n');
        foreach (var (key, record) in Authors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("author ").Append(key).Append(' ').Append(record.EntryCount);
            foreach (var (file, count) in record.Files.OrderBy(p => p.Key)) text.Append(" f:").Append(file.Key).Append('=').Append(count);
            foreach (var (other, count) in record.Coauthors.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(" c:").Append(other).Append('=').Append(count);
            foreach (var (spelling, count) in record.Spellings.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(" s:").Append(spelling).Append('=').Append(count);
            text.Append('\n');
        }
        foreach (var (key, files) in Titles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("title ").Append(key);
            foreach (var (file, count) in files.OrderBy(p => p.Key)) text.Append(' ').Append(file.Key).Append('=').Append(count);
            text.Append('\n');
        }
        foreach (var (key, count) in Affiliations.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append("affiliation ").Append(key).Append('=').Append(count).Append('\n');
        foreach (var (key, count) in Categories.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append("category ").Append(key).Append('=').Append(count).Append('\n');
        // The derived orders must agree with the records they are kept from.
        text.Append("parts ").Append(string.Join(" ", NameParts.Select(p => p.Replace('\0', '/')))).Append('\n');
        text.Append("frequency ").Append(string.Join(" ", ByFrequency.Select(p => $"{p.Key}={p.Count}"))).Append('\n');
        return text.ToString();
    }

    private sealed class Builder(WorkspaceIndex from)
    {
        private readonly ImmutableDictionary<string, AuthorRecord>.Builder authors = from.Authors.ToBuilder();
        private readonly ImmutableDictionary<string, ImmutableDictionary<DocumentId, int>>.Builder titles = from.Titles.ToBuilder();
        private readonly ImmutableDictionary<string, int>.Builder affiliations = from.Affiliations.ToBuilder();
        private readonly ImmutableDictionary<string, int>.Builder categories = from.Categories.ToBuilder();
        private int entryCount = from.EntryCount;
        /// <summary>The authors this change touched, with their record before it.</summary>
        private readonly Dictionary<string, AuthorRecord?> touched = new(StringComparer.Ordinal);

        public WorkspaceIndex ToIndex()
        {
            var parts = from.NameParts;
            var byFrequency = from.ByFrequency;
            if (touched.Count > 0)
            {
                var partsBuilder = parts.ToBuilder();
                var frequencyBuilder = byFrequency.ToBuilder();
                foreach (var (key, before) in touched)
                {
                    var after = authors.GetValueOrDefault(key);
                    if (before?.EntryCount == after?.EntryCount) continue;
                    if (before is not null) frequencyBuilder.Remove((before.EntryCount, key));
                    if (after is not null) frequencyBuilder.Add((after.EntryCount, key));
                    if ((before is null) == (after is null)) continue;
                    foreach (var part in PartsOf(key))
                    {
                        if (after is null) partsBuilder.Remove(part + "\0" + key);
                        else partsBuilder.Add(part + "\0" + key);
                    }
                }
                parts = partsBuilder.ToImmutable();
                byFrequency = frequencyBuilder.ToImmutable();
            }
            return new(authors.ToImmutable(), titles.ToImmutable(), affiliations.ToImmutable(), categories.ToImmutable(), entryCount, parts, byFrequency);
        }

        public void Change(DocumentId document, EntryFacts facts, int sign)
        {
            entryCount += sign;
            for (var i = 0; i < facts.AuthorKeys.Length; i++)
            {
                var key = facts.AuthorKeys[i];
                var record = authors.GetValueOrDefault(key);
                touched.TryAdd(key, record);
                var count = (record?.EntryCount ?? 0) + sign;
                if (count <= 0)
                {
                    authors.Remove(key);
                    continue;
                }
                var coauthors = record?.Coauthors ?? ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
                foreach (var other in facts.AuthorKeys)
                    if (!ReferenceEquals(other, key) && other != key) coauthors = Bump(coauthors, other, sign);
                authors[key] = new AuthorRecord(key, count,
                    Bump(record?.Files ?? ImmutableDictionary<DocumentId, int>.Empty, document, sign),
                    coauthors,
                    Bump(record?.Spellings ?? ImmutableDictionary.Create<string, int>(StringComparer.Ordinal), facts.AuthorNames[i], sign));
            }
            if (facts.TitleKey.Length > 0)
            {
                var files = Bump(titles.GetValueOrDefault(facts.TitleKey) ?? ImmutableDictionary<DocumentId, int>.Empty, document, sign);
                if (files.IsEmpty) titles.Remove(facts.TitleKey);
                else titles[facts.TitleKey] = files;
            }
            foreach (var affiliation in facts.Affiliations) Bump(affiliations, affiliation, sign);
            if (facts.Category is { Length: > 0 } category) Bump(categories, category, sign);
        }

        private static ImmutableDictionary<TKey, int> Bump<TKey>(ImmutableDictionary<TKey, int> counts, TKey key, int sign) where TKey : notnull
        {
            var count = counts.GetValueOrDefault(key) + sign;
            return count <= 0 ? counts.Remove(key) : counts.SetItem(key, count);
        }

        private static void Bump(ImmutableDictionary<string, int>.Builder counts, string key, int sign)
        {
            var count = counts.GetValueOrDefault(key) + sign;
            if (count <= 0) counts.Remove(key);
            else counts[key] = count;
        }
    }
}
