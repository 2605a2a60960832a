using PaperLsp.Workspace;

namespace PaperLsp.Duplicates;

/// <summary>The entries of the workspace with one exact text: exact copies of each other, scored against others once.</summary>
internal sealed class TextGroup(PaperFingerprint print, long[] keys)
{
    public PaperFingerprint Print { get; } = print;
    public long[] Keys { get; } = keys;

    /// <summary>Each entry with how often it was added (a node is normally in one place only; the count keeps removal exact).</summary>
    public Dictionary<EntryRef, int> Members { get; } = [];
    private readonly Dictionary<DocumentId, int> documents = [];
    private int total;

    private readonly Dictionary<TextGroup, DuplicateVerdict> matches = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyDictionary<TextGroup, DuplicateVerdict> Matches => matches;

    private static long clock;

    /// <summary>
    /// Changes whenever anything a finding on a member reads changes: this group's members, matches or located lines,
    /// or those of a group it matches (whose members the finding names). A member's finding made at the same version,
    /// with the same directives around, is the same finding, so a keystroke re-describes only the entries of the groups
    /// it touched and of their neighbours. Unique across groups, so a group removed and made again never repeats one.
    /// </summary>
    public long Version { get; private set; } = Interlocked.Increment(ref clock);

    /// <summary>Something a finding on this group's members, or on a matched group's members, reads changed.</summary>
    public void Touch()
    {
        Version = Interlocked.Increment(ref clock);
        foreach (var other in matches.Keys) other.Version = Interlocked.Increment(ref clock);
    }

    public void SetMatch(TextGroup other, DuplicateVerdict verdict)
    {
        matches[other] = verdict;
        Touch();
    }

    public void RemoveMatch(TextGroup other)
    {
        if (matches.Remove(other)) Touch();
    }

    public void ClearMatches()
    {
        matches.Clear();
        Touch();
    }

    /// <summary>Whether its members have findings: copies of each other, or matches elsewhere.</summary>
    public bool IsFlagged => total > 1 || matches.Count > 0;

    public int Count => total;

    public IEnumerable<DocumentId> Documents => documents.Keys;

    public bool Contains(EntryRef entry) => Members.ContainsKey(entry);

    public void AddMember(EntryRef entry)
    {
        Members[entry] = Members.GetValueOrDefault(entry) + 1;
        documents[entry.Document] = documents.GetValueOrDefault(entry.Document) + 1;
        total++;
        Touch();
    }

    public void RemoveMember(EntryRef entry)
    {
        if (!Members.TryGetValue(entry, out var count)) return;
        if (count == 1) Members.Remove(entry);
        else Members[entry] = count - 1;
        var inDocument = documents[entry.Document] - 1;
        if (inDocument == 0) documents.Remove(entry.Document);
        else documents[entry.Document] = inDocument;
        total--;
        Touch();
    }

    /// <summary>Adds the documents of the members, and with <paramref name="withMatches"/> of the matched groups' members.</summary>
    public void AddDocumentsTo(ISet<DocumentId> affected, bool withMatches)
    {
        foreach (var id in documents.Keys) affected.Add(id);
        if (!withMatches) return;
        foreach (var other in matches.Keys)
            foreach (var id in other.documents.Keys) affected.Add(id);
    }

    /// <summary>Matched groups, strongest kind first, then by score, then by title (a stable order).</summary>
    public IEnumerable<(TextGroup Other, DuplicateVerdict Verdict)> RankedMatches() =>
        matches.Select(pair => (pair.Key, pair.Value))
            .OrderByDescending(pair => pair.Value.Kind)
            .ThenByDescending(pair => pair.Value.Score)
            .ThenBy(pair => pair.Key.Print.TitleKey, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Print.Entry.TextHash);
}

/// <summary>
/// The entries of one document that have findings, with their first lines once known (-1 until located): an edit
/// shifts them, so re-reporting after a keystroke does not search the document for every copy again.
/// </summary>
internal sealed class DocumentEntries
{
    private readonly Dictionary<PaperLsp.Syntax.EntryNode, int> lines = new(ReferenceEqualityComparer.Instance);

    public int Count => lines.Count;
    public IEnumerable<PaperLsp.Syntax.EntryNode> Nodes => lines.Keys;
    public IEnumerable<PaperLsp.Syntax.EntryNode> Unlocated => lines.Where(pair => pair.Value < 0).Select(pair => pair.Key);

    public void Track(PaperLsp.Syntax.EntryNode node) => lines.TryAdd(node, -1);
    public void Set(PaperLsp.Syntax.EntryNode node, int line) => lines[node] = line;
    public void Remove(PaperLsp.Syntax.EntryNode node) => lines.Remove(node);
    public int LineOf(PaperLsp.Syntax.EntryNode node) => lines.GetValueOrDefault(node, -1);
    public bool Tracks(PaperLsp.Syntax.EntryNode node) => lines.ContainsKey(node);

    /// <summary>Moves the located entries at or after <paramref name="fromLine"/> by <paramref name="shift"/>; returns them.</summary>
    public List<PaperLsp.Syntax.EntryNode> Shift(int fromLine, int shift)
    {
        var moved = new List<PaperLsp.Syntax.EntryNode>();
        foreach (var (node, line) in lines)
            if (line >= fromLine) moved.Add(node);
        foreach (var node in moved) lines[node] += shift;
        return moved;
    }
}
