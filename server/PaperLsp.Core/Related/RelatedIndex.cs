using System.Text;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Related;

/// <summary>
/// Every entry of the workspace in an inverted index of topic terms and authors, for ranking the entries related to
/// one of them (<see cref="Query"/>). Document frequencies are kept as counts and weights computed from the current
/// counts at query time, so an edit costs one entry's terms (<see cref="Apply"/>) and the index never drifts from one
/// built fresh. Mutable and not thread-safe: one owner applies changes in order, and queries run on that owner.
/// </summary>
public sealed class RelatedIndex
{
    private readonly Dictionary<EntryRef, int> slotOf = new();
    private readonly Stack<int> freeSlots = new();
    private EntryRef[] refs = new EntryRef[16];
    private RelatedFacts?[] facts = new RelatedFacts?[16];
    /// <summary>How many times the slot's node is in its document (a node listed twice is one entry, counted out twice).</summary>
    private int[] copies = new int[16];
    private int slotCount;

    /// <summary>Term → the entries that use it, each packed as <c>slot &lt;&lt; 8 | occurrences</c> (4 bytes a posting), in
    /// no order: removal moves the last posting into the hole.</summary>
    private readonly Dictionary<string, Posting> termPostings = new(StringComparer.Ordinal);

    private sealed class Posting(string term) : List<int>(1)
    {
        /// <summary>The one instance of the term's text that every entry's facts point at.</summary>
        public string Term { get; } = term;
    }

    /// <summary>Slots fit in the 24 bits a packed posting leaves them: 16 million entries.</summary>
    private const int MaxSlots = 1 << 24;
    private static int SlotOf(int packed) => (int)((uint)packed >> 8);
    /// <summary>Per slot, where each of its terms' postings is in that term's list (parallel to the facts' terms).</summary>
    private int[][] positions = new int[16][];
    private readonly Dictionary<string, HashSet<int>> authorPostings = new(StringComparer.Ordinal);

    /// <summary>Per-slot scratch of a query, cleared through the touched list: no allocation proportional to the index.</summary>
    private float[] accumulator = new float[16];
    /// <summary>Per slot: <see cref="Touched"/>, and <see cref="ByAuthor"/> when reached through a shared author.</summary>
    private byte[] marks = new byte[16];
    private const byte Touched = 1, ByAuthor = 2;
    private readonly List<int> touchedSlots = [];

    public int EntryCount => slotOf.Count;

    /// <param name="background">Built beside a server whose requests need the thread pool meanwhile: entries are read
    /// on all cores but one, not on all of them.</param>
    public static RelatedIndex Build(IEnumerable<(DocumentId Id, PaperDocument Document)> files, bool background = false)
    {
        var list = files.ToList();
        // Reading each entry's terms is the costly part and touches only that entry: done in parallel, cached per node.
        var entries = list.SelectMany(file => file.Document.Entries).AsParallel();
        if (background) entries = entries.WithDegreeOfParallelism(Duplicates.DuplicateIndex.BackgroundThreads);
        entries.ForAll(entry => RelatedFacts.Of(entry.Node));
        var index = new RelatedIndex();
        foreach (var (id, document) in list) index.AddDocument(id, document);
        return index;
    }

    public void AddDocument(DocumentId id, PaperDocument document)
    {
        foreach (var entry in document.Entries) Add(new EntryRef(id, entry.Node));
    }

    public void RemoveDocument(DocumentId id, PaperDocument document)
    {
        foreach (var entry in document.Entries) Remove(new EntryRef(id, entry.Node));
    }

    /// <summary>Follows one <see cref="ItemDelta"/> of document <paramref name="id"/>: its removed items, then its added ones.</summary>
    public void Apply(DocumentId id, IEnumerable<ItemNode> removed, IEnumerable<ItemNode> added)
    {
        foreach (var item in removed)
            if (item is EntryNode entry) Remove(new EntryRef(id, entry));
        foreach (var item in added)
            if (item is EntryNode entry) Add(new EntryRef(id, entry));
    }

    private void Add(EntryRef entry)
    {
        if (slotOf.TryGetValue(entry, out var existing))
        {
            copies[existing]++;
            return;
        }
        var slot = freeSlots.Count > 0 ? freeSlots.Pop() : NewSlot();
        var entryFacts = RelatedFacts.Of(entry.Node);
        slotOf[entry] = slot;
        refs[slot] = entry;
        facts[slot] = entryFacts;
        copies[slot] = 1;
        var at = new int[entryFacts.Terms.Length];
        for (var i = 0; i < entryFacts.Terms.Length; i++)
        {
            var term = entryFacts.Terms[i];
            if (termPostings.TryGetValue(term, out var posting))
                entryFacts.Terms[i] = posting.Term; // the same text, so any other reader of these facts sees no change
            else termPostings[term] = posting = new Posting(term);
            at[i] = posting.Count;
            posting.Add(slot << 8 | entryFacts.Counts[i]);
        }
        positions[slot] = at;
        foreach (var author in entryFacts.AuthorKeys)
        {
            if (!authorPostings.TryGetValue(author, out var posting)) authorPostings[author] = posting = new HashSet<int>(1);
            posting.Add(slot);
        }
    }

    private void Remove(EntryRef entry)
    {
        // An entry the index does not hold (a delta replayed twice, a document never added) changes nothing.
        if (!slotOf.TryGetValue(entry, out var slot)) return;
        if (--copies[slot] > 0) return;
        var entryFacts = facts[slot]!;
        var at = positions[slot];
        for (var i = 0; i < entryFacts.Terms.Length; i++)
        {
            var term = entryFacts.Terms[i];
            var posting = termPostings[term];
            var last = posting[^1];
            posting.RemoveAt(posting.Count - 1);
            if (at[i] < posting.Count)
            {
                posting[at[i]] = last;
                var moved = SlotOf(last);
                positions[moved][Array.BinarySearch(facts[moved]!.Terms, term, StringComparer.Ordinal)] = at[i];
            }
            else if (posting.Count == 0) termPostings.Remove(term);
        }
        positions[slot] = null!;
        foreach (var author in entryFacts.AuthorKeys)
            if (authorPostings.TryGetValue(author, out var posting) && posting.Remove(slot) && posting.Count == 0) authorPostings.Remove(author);
        slotOf.Remove(entry);
        refs[slot] = default;
        facts[slot] = null;
        freeSlots.Push(slot);
    }

    private int NewSlot()
    {
        if (slotCount == MaxSlots) throw new InvalidOperationException($"the related index holds at most {MaxSlots} entries");
        if (slotCount == refs.Length)
        {
            var size = refs.Length * 2;
            Array.Resize(ref refs, size);
            Array.Resize(ref facts, size);
            Array.Resize(ref copies, size);
            Array.Resize(ref positions, size);
            Array.Resize(ref accumulator, size);
            Array.Resize(ref marks, size);
        }
        return slotCount++;
    }

    internal int TermFrequency(string term) => termPostings.TryGetValue(term, out var posting) ? posting.Count : 0;
    internal int AuthorFrequency(string author) => authorPostings.TryGetValue(author, out var posting) ? posting.Count : 0;

    /// <summary>
    /// The entries most related to <paramref name="entry"/>, best first, at most <paramref name="limit"/>, each with its
    /// reasons. Copies (the same title key) and whatever <paramref name="exclude"/> says are left out; so is anything
    /// scoring under <see cref="RelatedScoring.MinimumScore"/>. The entry need not be in the index (a version not yet applied).
    /// </summary>
    public IReadOnlyList<RelatedPaper> Query(EntryRef entry, int limit, Func<EntryRef, bool>? exclude = null, CancellationToken cancellationToken = default)
    {
        if (limit <= 0 || slotOf.Count == 0) return [];
        var query = RelatedFacts.Of(entry.Node);
        var scoring = new RelatedScoring(this, query);
        try
        {
            GatherCandidates(scoring, cancellationToken);
            var shortlist = Shortlist(entry, scoring, Math.Max(RelatedScoring.ShortlistSize, limit * 4), cancellationToken);
            var ranked = new List<(double Score, int Slot, RelatedScoring.Evidence Evidence)>(shortlist.Count);
            foreach (var slot in shortlist)
            {
                var evidence = scoring.Score(facts[slot]!);
                if (evidence.Total >= RelatedScoring.MinimumScore) ranked.Add((evidence.Total, slot, evidence));
            }
            ranked.Sort((a, b) => CompareRanked(a.Score, a.Slot, b.Score, b.Slot));
            var result = new List<RelatedPaper>(Math.Min(limit, ranked.Count));
            foreach (var (score, slot, evidence) in ranked)
            {
                if (result.Count == limit) break;
                if (exclude is not null && exclude(refs[slot])) continue;
                result.Add(new RelatedPaper(refs[slot], score, scoring.Reasons(evidence)));
            }
            return result;
        }
        finally
        {
            foreach (var slot in touchedSlots)
            {
                accumulator[slot] = 0;
                marks[slot] = 0;
            }
            touchedSlots.Clear();
        }
    }

    /// <summary>Accumulates the partial topic dot product over the postings of the query's rarest terms, and marks the
    /// entries of its authors. Whole postings are read or skipped (never cut midway), so the candidates depend on the
    /// counts only, not on the order entries arrived in.</summary>
    private void GatherCandidates(RelatedScoring scoring, CancellationToken cancellationToken)
    {
        var visited = 0;
        foreach (var (term, weight) in scoring.CandidateTerms())
        {
            var posting = termPostings[term];
            if (visited + posting.Count > RelatedScoring.PostingBudget) break;
            visited += posting.Count;
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var packed in posting)
            {
                var slot = SlotOf(packed);
                Touch(slot);
                accumulator[slot] += weight * RelatedFacts.Sublinear[packed & 0xFF];
            }
        }
        foreach (var author in scoring.Query.AuthorKeys)
        {
            if (!authorPostings.TryGetValue(author, out var posting) || posting.Count > RelatedScoring.AuthorPostingBudget) continue;
            foreach (var slot in posting)
            {
                Touch(slot);
                marks[slot] |= ByAuthor;
            }
        }
    }

    private void Touch(int slot)
    {
        if (marks[slot] != 0) return;
        marks[slot] = Touched;
        touchedSlots.Add(slot);
    }

    /// <summary>The candidates worth scoring exactly: by the accumulated topic score over a norm that needs no idf, plus
    /// the author score, the best <paramref name="size"/> kept in a heap.</summary>
    private List<int> Shortlist(EntryRef entry, RelatedScoring scoring, int size, CancellationToken cancellationToken)
    {
        var worstFirst = Comparer<(double Score, int Slot)>.Create((a, b) => CompareRanked(b.Score, b.Slot, a.Score, a.Slot));
        var heap = new PriorityQueue<int, (double, int)>(size + 1, worstFirst);
        var seen = 0;
        foreach (var slot in touchedSlots)
        {
            if ((++seen & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            var candidate = facts[slot]!;
            if (ReferenceEquals(refs[slot].Node, entry.Node) && refs[slot].Document.Equals(entry.Document) || scoring.IsCopy(candidate)) continue;
            // Only candidates reached through an author can share one: the others skip comparing author lists.
            var estimate = scoring.Estimate(accumulator[slot], candidate, (marks[slot] & ByAuthor) != 0);
            if (heap.Count == size)
            {
                if (!heap.TryPeek(out _, out var worst) || CompareRanked(estimate, slot, worst.Item1, worst.Item2) >= 0) continue;
                heap.DequeueEnqueue(slot, (estimate, slot));
            }
            else heap.Enqueue(slot, (estimate, slot));
        }
        var list = new List<int>(heap.Count);
        while (heap.TryDequeue(out var slot, out _)) list.Add(slot);
        return list;
    }

    /// <summary>Higher score first; ties by what the entries say (file, title, text), never by slot, which depends on
    /// the order of edits: an index kept by edits answers as one built fresh.</summary>
    private int CompareRanked(double scoreA, int slotA, double scoreB, int slotB)
    {
        var byScore = scoreB.CompareTo(scoreA);
        if (byScore != 0 || slotA == slotB) return byScore;
        var (a, b) = (refs[slotA], refs[slotB]);
        var byFile = a.Document.CompareTo(b.Document);
        if (byFile != 0) return byFile;
        var byKey = string.CompareOrdinal(a.Node.TitleKey, b.Node.TitleKey);
        if (byKey != 0) return byKey;
        var byTitle = string.CompareOrdinal(a.Node.Title, b.Node.Title);
        return byTitle != 0 ? byTitle : a.Node.TextHash.CompareTo(b.Node.TextHash);
    }

    /// <summary>A canonical dump (entries, term and author frequencies, in ordinal order): equal for equal contents however reached.</summary>
    public string Describe()
    {
        var builder = new StringBuilder();
        builder.Append("entries ").Append(slotOf.Count).Append('\n');
        foreach (var line in slotOf.Select(pair => $"entry {pair.Key.Document} {pair.Key.Node.TitleKey} x{copies[pair.Value]} {pair.Key.Node.TextHash:x8}").Order(StringComparer.Ordinal))
            builder.Append(line).Append('\n');
        foreach (var (term, posting) in termPostings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            builder.Append("term ").Append(term).Append(' ').Append(posting.Count).Append(' ').Append(posting.Select(packed => packed & 0xFF).Order().Sum(count => (double)RelatedFacts.Sublinear[count]).ToString("F3", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (author, posting) in authorPostings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            builder.Append("author ").Append(author).Append(' ').Append(posting.Count).Append('\n');
        return builder.ToString();
    }
}
