using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Index;

/// <summary>One author across the workspace: how many entries list them, in which files, with whom, spelled how.</summary>
public sealed class AuthorRecord
{
    internal AuthorRecord(string key, int entryCount, CountMap<DocumentId> files, CountMap<string> coauthors, CountMap<string> spellings)
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
    public CountMap<DocumentId> Files { get; }
    /// <summary>Author key → number of entries shared with this author.</summary>
    public CountMap<string> Coauthors { get; }
    /// <summary>Each way the name is written → number of entries writing it so.</summary>
    public CountMap<string> Spellings { get; }

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
        ImmutableDictionary.Create<string, CountMap<DocumentId>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        0,
        SortedChunks<NamePart>.Empty(NamePart.Order),
        SortedChunks<(int Count, string Key)>.Empty(FrequencyOrder.Instance));

    private WorkspaceIndex(ImmutableDictionary<string, AuthorRecord> authors, ImmutableDictionary<string, CountMap<DocumentId>> titles,
        ImmutableDictionary<string, int> affiliations, ImmutableDictionary<string, int> categories, int entryCount,
        SortedChunks<NamePart> nameParts, SortedChunks<(int Count, string Key)> byFrequency)
    {
        Authors = authors;
        Titles = titles;
        Affiliations = affiliations;
        Categories = categories;
        EntryCount = entryCount;
        NameParts = nameParts;
        ByFrequency = byFrequency;
    }

    /// <summary>Every part of every author key ("yoon", "kim", "yung-sung", "yung", "sung"), sorted by part then key:
    /// the authors whose name has a part starting with a prefix are one range, found in O(log n).</summary>
    public SortedChunks<NamePart> NameParts { get; }

    /// <summary>Authors by entry count, most first (ties in key order): the top of a completion with nothing typed yet.</summary>
    public SortedChunks<(int Count, string Key)> ByFrequency { get; }

    /// <summary>Keys of the authors with a name part starting with <paramref name="prefix"/> (folded, lower case).</summary>
    public IEnumerable<string> AuthorsWithPartStarting(string prefix)
    {
        foreach (var part in NameParts.From(part => part.Part.SequenceCompareTo(prefix)))
        {
            if (!part.Part.StartsWith(prefix, StringComparison.Ordinal)) yield break;
            yield return part.Key;
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

    /// <summary>One part of an author key, as where it is in the key: the parts of 70,000 authors kept as strings of
    /// their own would be 180,000 more objects.</summary>
    public readonly record struct NamePart(string Key, int Start, int Length)
    {
        public ReadOnlySpan<char> Part => Key.AsSpan(Start, Length);

        /// <summary>The parts of <paramref name="key"/>, as <see cref="PartsOf"/> finds them.</summary>
        public static IEnumerable<NamePart> Of(string key)
        {
            for (var i = 0; i < key.Length;)
            {
                if (key[i] == ' ')
                {
                    i++;
                    continue;
                }
                var end = key.IndexOf(' ', i);
                if (end < 0) end = key.Length;
                yield return new NamePart(key, i, end - i);
                if (key.AsSpan(i, end - i).Contains('-'))
                    for (var j = i; j < end;)
                    {
                        if (key[j] == '-')
                        {
                            j++;
                            continue;
                        }
                        var pieceEnd = key.IndexOf('-', j, end - j);
                        if (pieceEnd < 0) pieceEnd = end;
                        yield return new NamePart(key, j, pieceEnd - j);
                        j = pieceEnd;
                    }
                i = end;
            }
        }

        /// <summary>By part, then by key: the order of "part\0key" strings.</summary>
        public static readonly IComparer<NamePart> Order = Comparer<NamePart>.Create(static (a, b) =>
            a.Part.SequenceCompareTo(b.Part) is var byPart and not 0 ? byPart : string.CompareOrdinal(a.Key, b.Key));

        public override string ToString() => $"{Part}/{Key}";
    }

    private sealed class FrequencyOrder : IComparer<(int Count, string Key)>
    {
        public static readonly FrequencyOrder Instance = new();
        public int Compare((int Count, string Key) a, (int Count, string Key) b) =>
            a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key);
    }

    public ImmutableDictionary<string, AuthorRecord> Authors { get; }
    /// <summary>Title key → entries with that title per file.</summary>
    public ImmutableDictionary<string, CountMap<DocumentId>> Titles { get; }
    public ImmutableDictionary<string, int> Affiliations { get; }
    public ImmutableDictionary<string, int> Categories { get; }
    public int EntryCount { get; }

    public AuthorRecord? Author(string key) => Authors.GetValueOrDefault(key);

    /// <summary>Number of entries in the workspace with this title key.</summary>
    public int TitleCount(string titleKey) => Titles.TryGetValue(titleKey, out var files) ? files.Values.Sum() : 0;

    /// <summary>The index after <paramref name="removed"/> left document <paramref name="document"/> and <paramref name="added"/> arrived in it.</summary>
    public WorkspaceIndex Apply(DocumentId document, IEnumerable<ItemNode> removed, IEnumerable<ItemNode> added)
    {
        var builder = new Builder(this, document);
        foreach (var item in removed) if (item is EntryNode entry) builder.Change(EntryFacts.Of(entry), -1);
        foreach (var item in added) if (item is EntryNode entry) builder.Change(EntryFacts.Of(entry), +1);
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
        text.Append("parts ").Append(string.Join(" ", NameParts.Select(p => p.ToString()))).Append('\n');
        text.Append("frequency ").Append(string.Join(" ", ByFrequency.Select(p => $"{p.Key}={p.Count}"))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Collects an edit as flat deltas and makes each touched collection once, at the end: the entry a keystroke
    /// re-read outside its header comes out and goes back with the same facts, so its authors keep their records, and
    /// a whole document added builds each record's maps in one go instead of one persistent copy per entry. Each count
    /// moves by the sum of its deltas, which is what applying them one by one gives: an entry only leaves the document
    /// it was counted in.
    /// </summary>
    private sealed class Builder(WorkspaceIndex from, DocumentId document)
    {
        private int entryCount = from.EntryCount;
        /// <summary>The authors this change touched: their record before it, and the change of their entry count (which is
        /// also the change of their count in <c>document</c>).</summary>
        private readonly List<(string Key, AuthorRecord? Before, int Entries)> touched = [];
        private readonly Dictionary<string, int> touchedAt = new(StringComparer.Ordinal);
        private readonly List<(int Author, KeyValuePair<string, int> Delta)> coauthors = [];
        private readonly List<(int Author, KeyValuePair<string, int> Delta)> spellings = [];
        private readonly Dictionary<string, int> titles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> affiliations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> categories = new(StringComparer.Ordinal);

        public void Change(EntryFacts facts, int sign)
        {
            entryCount += sign;
            var keys = facts.AuthorKeys;
            Span<int> at = keys.Length <= 32 ? stackalloc int[keys.Length] : new int[keys.Length];
            for (var i = 0; i < keys.Length; i++) at[i] = Touch(keys[i], sign);
            for (var i = 0; i < keys.Length; i++)
            {
                spellings.Add((at[i], new(facts.AuthorNames[i], sign)));
                // The keys of one entry are distinct.
                for (var j = 0; j < keys.Length; j++)
                    if (j != i) coauthors.Add((at[i], new(keys[j], sign)));
            }
            if (facts.TitleKey.Length > 0) Add(titles, facts.TitleKey, sign);
            foreach (var affiliation in facts.Affiliations) Add(affiliations, affiliation, sign);
            if (facts.Category is { Length: > 0 } category) Add(categories, category, sign);
        }

        private int Touch(string key, int sign)
        {
            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(touchedAt, key, out var exists);
            if (!exists)
            {
                at = touched.Count;
                touched.Add((key, from.Authors.GetValueOrDefault(key), 0));
            }
            var (_, before, entries) = touched[at];
            touched[at] = (key, before, entries + sign);
            return at;
        }

        private static void Add(Dictionary<string, int> deltas, string key, int sign) =>
            CollectionsMarshal.GetValueRefOrAddDefault(deltas, key, out _) += sign;

        public WorkspaceIndex ToIndex()
        {
            var authors = from.Authors;
            var parts = from.NameParts;
            var byFrequency = from.ByFrequency;
            if (touched.Count > 0)
            {
                var authorsBuilder = authors.ToBuilder();
                var (coauthorDeltas, coauthorStarts) = ByAuthor(coauthors, touched.Count);
                var (spellingDeltas, spellingStarts) = ByAuthor(spellings, touched.Count);
                List<(int, string)> frequencyRemoved = [], frequencyAdded = [];
                List<NamePart> partsRemoved = [], partsAdded = [];
                for (var a = 0; a < touched.Count; a++)
                {
                    var (key, before, entries) = touched[a];
                    var coauthorSpan = coauthorDeltas.AsSpan(coauthorStarts[a], coauthorStarts[a + 1] - coauthorStarts[a]);
                    coauthorSpan = coauthorSpan[..CountMap<string>.Combine(coauthorSpan)];
                    var spellingSpan = spellingDeltas.AsSpan(spellingStarts[a], spellingStarts[a + 1] - spellingStarts[a]);
                    spellingSpan = spellingSpan[..CountMap<string>.Combine(spellingSpan)];
                    var count = (before?.EntryCount ?? 0) + entries;
                    var after = count <= 0 ? null
                        : before is not null && entries == 0 && coauthorSpan.IsEmpty && spellingSpan.IsEmpty ? before
                        : new AuthorRecord(key, count, (before?.Files ?? default).Bump(document, entries),
                            (before?.Coauthors ?? default).Apply(coauthorSpan), (before?.Spellings ?? default).Apply(spellingSpan));
                    if (ReferenceEquals(after, before)) continue;
                    if (after is null) authorsBuilder.Remove(key);
                    else authorsBuilder[key] = after;
                    if (before?.EntryCount == after?.EntryCount) continue;
                    if (before is not null) frequencyRemoved.Add((before.EntryCount, key));
                    if (after is not null) frequencyAdded.Add((after.EntryCount, key));
                    if ((before is null) == (after is null)) continue;
                    (after is null ? partsRemoved : partsAdded).AddRange(NamePart.Of(key));
                }
                authors = authorsBuilder.ToImmutable();
                parts = parts.Update(partsRemoved, partsAdded);
                byFrequency = byFrequency.Update(frequencyRemoved, frequencyAdded);
            }
            return new(authors, Apply(from.Titles, titles, document), Apply(from.Affiliations, affiliations), Apply(from.Categories, categories),
                entryCount, parts, byFrequency);
        }

        /// <summary>The deltas grouped by author (a counting sort: each author's run, in <c>starts[a]..starts[a + 1]</c>).</summary>
        private static (KeyValuePair<string, int>[] Deltas, int[] Starts) ByAuthor(List<(int Author, KeyValuePair<string, int> Delta)> deltas, int authors)
        {
            var starts = new int[authors + 1];
            foreach (var (author, _) in deltas) starts[author + 1]++;
            for (var a = 0; a < authors; a++) starts[a + 1] += starts[a];
            var next = starts[..^1];
            var grouped = new KeyValuePair<string, int>[deltas.Count];
            foreach (var (author, delta) in deltas) grouped[next[author]++] = delta;
            return (grouped, starts);
        }

        private static ImmutableDictionary<string, CountMap<DocumentId>> Apply(ImmutableDictionary<string, CountMap<DocumentId>> titles,
            Dictionary<string, int> deltas, DocumentId document)
        {
            ImmutableDictionary<string, CountMap<DocumentId>>.Builder? builder = null;
            foreach (var (key, delta) in deltas)
            {
                if (delta == 0) continue;
                builder ??= titles.ToBuilder();
                var files = builder.GetValueOrDefault(key).Bump(document, delta);
                if (files.IsEmpty) builder.Remove(key);
                else builder[key] = files;
            }
            return builder?.ToImmutable() ?? titles;
        }

        private static ImmutableDictionary<string, int> Apply(ImmutableDictionary<string, int> counts, Dictionary<string, int> deltas)
        {
            ImmutableDictionary<string, int>.Builder? builder = null;
            foreach (var (key, delta) in deltas)
            {
                if (delta == 0) continue;
                builder ??= counts.ToBuilder();
                var count = builder.GetValueOrDefault(key) + delta;
                if (count <= 0) builder.Remove(key);
                else builder[key] = count;
            }
            return builder?.ToImmutable() ?? counts;
        }
    }
}
