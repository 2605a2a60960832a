using PaperLsp.Workspace;

namespace PaperLsp.Duplicates;

/// <summary>The entries of the workspace with one exact text: exact copies of each other, scored against others once.</summary>
internal sealed class TextGroup(PaperFingerprint print, long[] keys, FindingsClock findings)
{
    public PaperFingerprint Print { get; } = print;
    public long[] Keys { get; } = keys;

    // Almost every group is one entry with no match: it is kept in two fields, and the dictionaries a group of copies
    // or a matched group needs are made when it becomes one. (Three dictionaries per group were about nine objects per
    // entry, which every collection of a 100,000-entry workspace walked.)
    private EntryRef sole;
    private int soleCount;
    /// <summary>Each entry with how often it was added (a node is normally in one place only; the count keeps removal
    /// exact); null while the group has at most one distinct member, which is then <see cref="sole"/>.</summary>
    private Dictionary<EntryRef, int>? members;
    /// <summary>While <see cref="members"/> is in use: how many distinct members each document holds. A title pasted
    /// 35,000 times is one group whose documents every finding on it reads; walking its members for them made the
    /// first findings of such a list quadratic (two minutes for one pull).</summary>
    private Dictionary<DocumentId, int>? documents;
    private int total;

    private static readonly Dictionary<TextGroup, DuplicateVerdict> NoMatches = new(ReferenceEqualityComparer.Instance);
    private Dictionary<TextGroup, DuplicateVerdict>? matches;

    public IReadOnlyDictionary<TextGroup, DuplicateVerdict> Matches => matches ?? NoMatches;

    private static long clock;

    /// <summary>
    /// Changes whenever anything a finding on a member reads changes: this group's members, matches or located lines,
    /// or those of a group it matches (whose members the finding names). A member's finding made at the same version,
    /// with the same directives around, is the same finding, so a keystroke re-describes only the entries of the groups
    /// it touched and of their neighbours. Unique across groups, so a group removed and made again never repeats one.
    /// </summary>
    public long Version { get; private set; } = Interlocked.Increment(ref clock);

    /// <summary>Something a finding on this group's members, or on a matched group's members, reads changed.</summary>
    public void Touch() => Touch(wasFlagged: false);

    /// <param name="wasFlagged">Whether the group had findings before the change (it may have none after it).</param>
    private void Touch(bool wasFlagged)
    {
        Version = Interlocked.Increment(ref clock);
        // A group with no findings before or after is named by no finding (a matched group is flagged): its changes,
        // which are most keystrokes', change nobody's findings.
        if (wasFlagged || IsFlagged) findings.Advance(this, matches is null ? [] : matches.Keys);
        if (matches is null) return;
        foreach (var other in matches.Keys) other.Version = Interlocked.Increment(ref clock);
    }

    public void SetMatch(TextGroup other, DuplicateVerdict verdict)
    {
        (matches ??= new(ReferenceEqualityComparer.Instance))[other] = verdict;
        Touch();
    }

    public void RemoveMatch(TextGroup other)
    {
        if (matches is null || !matches.Remove(other)) return;
        var wasFlagged = IsFlagged;
        if (matches.Count == 0) matches = null;
        Touch(wasFlagged);
    }

    public void ClearMatches()
    {
        var wasFlagged = IsFlagged;
        matches = null;
        Touch(wasFlagged);
    }

    /// <summary>Whether its members have findings: copies of each other, or matches elsewhere.</summary>
    public bool IsFlagged => total > 1 || matches is not null;

    /// <summary>How many times entries were added, copies counted.</summary>
    public int Count => total;

    public bool HasMembers => total > 0;

    /// <summary>The distinct member entries.</summary>
    public IEnumerable<EntryRef> Members => members is not null ? members.Keys : soleCount > 0 ? [sole] : [];

    /// <summary>The distinct member entries, each with how often it was added.</summary>
    public IEnumerable<(EntryRef Entry, int Count)> MemberCounts =>
        members is not null ? members.Select(pair => (pair.Key, pair.Value)) : soleCount > 0 ? [(sole, soleCount)] : [];

    /// <summary>The documents the members are in, each once.</summary>
    public IEnumerable<DocumentId> Documents => documents is not null ? documents.Keys : soleCount > 0 ? [sole.Document] : [];

    public bool Contains(EntryRef entry) => members?.ContainsKey(entry) ?? (soleCount > 0 && sole.Equals(entry));

    public void AddMember(EntryRef entry)
    {
        var wasFlagged = IsFlagged;
        if (members is null && (soleCount == 0 || sole.Equals(entry)))
        {
            sole = entry;
            soleCount++;
        }
        else
        {
            if (members is null)
            {
                members = new() { [sole] = soleCount };
                documents = new() { [sole.Document] = 1 };
                (sole, soleCount) = (default, 0);
            }
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(members, entry, out var known);
            count++;
            if (!known) documents![entry.Document] = documents.GetValueOrDefault(entry.Document) + 1;
        }
        total++;
        Touch(wasFlagged);
    }

    public void RemoveMember(EntryRef entry)
    {
        var wasFlagged = IsFlagged;
        if (members is null)
        {
            if (soleCount == 0 || !sole.Equals(entry)) return;
            if (--soleCount == 0) sole = default;
        }
        else
        {
            if (!members.TryGetValue(entry, out var count)) return;
            if (count == 1)
            {
                members.Remove(entry);
                if (documents![entry.Document] == 1) documents.Remove(entry.Document);
                else documents[entry.Document]--;
            }
            else members[entry] = count - 1;
            if (members.Count == 1)
            {
                (sole, soleCount) = (members.Keys.First(), members.Values.First());
                members = null;
                documents = null;
            }
        }
        total--;
        Touch(wasFlagged);
    }

    /// <summary>Adds the documents of the members, and with <paramref name="withMatches"/> of the matched groups' members.</summary>
    public void AddDocumentsTo(ISet<DocumentId> affected, bool withMatches)
    {
        AddOwnDocumentsTo(affected);
        if (!withMatches || matches is null) return;
        foreach (var other in matches.Keys) other.AddOwnDocumentsTo(affected);
    }

    private void AddOwnDocumentsTo(ISet<DocumentId> affected)
    {
        if (members is null)
        {
            if (soleCount > 0) affected.Add(sole.Document);
            return;
        }
        foreach (var document in documents!.Keys) affected.Add(document);
    }

    /// <summary>Matched groups, strongest kind first, then by score, then by title (a stable order).</summary>
    public IEnumerable<(TextGroup Other, DuplicateVerdict Verdict)> RankedMatches() =>
        Matches.Select(pair => (pair.Key, pair.Value))
            .OrderByDescending(pair => pair.Value.Kind)
            .ThenByDescending(pair => pair.Value.Score)
            .ThenBy(pair => pair.Key, TextOrder.Instance);

    /// <summary>
    /// Groups by their text, the same in every process: the title key, then the title as written, then the whole text
    /// (read only for groups equal that far). Ties broken by a per-process hash made <c>paperlsp check</c> name the copies
    /// of an entry in a different order, and suggest a different directive, from one run to the next.
    /// </summary>
    private sealed class TextOrder : IComparer<TextGroup>
    {
        public static readonly TextOrder Instance = new();

        public int Compare(TextGroup? a, TextGroup? b)
        {
            if (ReferenceEquals(a, b)) return 0;
            if (a is null || b is null) return a is null ? -1 : 1;
            var order = string.CompareOrdinal(a.Print.TitleKey, b.Print.TitleKey);
            if (order == 0) order = string.CompareOrdinal(a.Print.Entry.Title, b.Print.Entry.Title);
            return order != 0 ? order : string.CompareOrdinal(a.Print.Entry.GetText(), b.Print.Entry.GetText());
        }
    }
}

/// <summary>
/// Advances whenever a change to an index could change any document's duplicate findings: a change to a group that has
/// findings, or had them before it. While it stands still, a document's findings are the ones last made, as long as the
/// directives they read are the same objects (see <see cref="DuplicateFindings.For"/>).
/// </summary>
internal sealed class FindingsClock
{
    public long Value { get; private set; }

    /// <summary>The groups each advance was for, in order: the findings to make again are those of their members.</summary>
    private readonly List<(long Value, TextGroup Group)> touched = [];

    /// <summary>Advances before this value were not all recorded (a whole document came or went, or the record was full).</summary>
    private long recordedFrom;

    /// <summary>How many advances are remembered: more than a burst of keystrokes makes, few enough to stay small.</summary>
    private const int MaxRecorded = 4096;

    /// <summary>Something changed that the record cannot say by group (a document added or removed).</summary>
    public void Advance()
    {
        Value++;
        touched.Clear();
        recordedFrom = Value;
    }

    /// <summary>The findings on the members of <paramref name="group"/>, and of <paramref name="alsoRead"/> (the
    /// groups whose findings name its members), may have changed.</summary>
    public void Advance(TextGroup group, IEnumerable<TextGroup> alsoRead)
    {
        if (touched.Count >= MaxRecorded) Advance();
        Value++;
        touched.Add((Value, group));
        foreach (var other in alsoRead) touched.Add((Value, other));
    }

    /// <summary>The groups touched since <paramref name="since"/>, or null when that is not known or there are more than <paramref name="atMost"/>.</summary>
    public HashSet<TextGroup>? TouchedSince(long since, int atMost)
    {
        if (since < recordedFrom) return null;
        var result = new HashSet<TextGroup>(ReferenceEqualityComparer.Instance);
        for (var i = touched.Count - 1; i >= 0 && touched[i].Value > since; i--)
        {
            result.Add(touched[i].Group);
            if (result.Count > atMost) return null;
        }
        return result;
    }
}

/// <summary>
/// The entries of one document that have findings, with their first lines once known (-1 until located): an edit
/// shifts them, so re-reporting after a keystroke does not search the document for every copy again.
/// </summary>
internal sealed class DocumentEntries
{
    private readonly Dictionary<PaperLsp.Syntax.EntryNode, int> lines = new(ReferenceEqualityComparer.Instance);

    // Entries that had findings and lost them, with their lines, shifted like the others. Typing in a duplicate's title
    // drops its copy's findings and the next keystroke (or the undo) brings them back: without its line the copy would
    // be searched for in the whole document's tree again, about 0.7 ms a keystroke at 100,000 entries.
    private readonly Dictionary<PaperLsp.Syntax.EntryNode, int> dormant = new(ReferenceEqualityComparer.Instance);

    public int Count => lines.Count;
    public IEnumerable<PaperLsp.Syntax.EntryNode> Nodes => lines.Keys;
    public IEnumerable<PaperLsp.Syntax.EntryNode> Unlocated => lines.Where(pair => pair.Value < 0).Select(pair => pair.Key);

    public void Track(PaperLsp.Syntax.EntryNode node)
    {
        if (lines.ContainsKey(node)) return;
        lines[node] = dormant.Remove(node, out var line) ? line : -1;
    }

    public void Set(PaperLsp.Syntax.EntryNode node, int line)
    {
        lines[node] = line;
        dormant.Remove(node);
    }

    /// <summary>The entry is no longer in the document.</summary>
    public void Remove(PaperLsp.Syntax.EntryNode node)
    {
        lines.Remove(node);
        dormant.Remove(node);
    }

    /// <summary>The entry is still in the document but has no findings now: it is no longer reported, and its line is kept.</summary>
    public void Retire(PaperLsp.Syntax.EntryNode node)
    {
        if (lines.Remove(node, out var line) && line >= 0) dormant[node] = line;
    }

    public int LineOf(PaperLsp.Syntax.EntryNode node) => lines.GetValueOrDefault(node, -1);
    public bool Tracks(PaperLsp.Syntax.EntryNode node) => lines.ContainsKey(node);

    /// <summary>Moves the located entries at or after <paramref name="fromLine"/> by <paramref name="shift"/>; returns the tracked ones among them.</summary>
    public List<PaperLsp.Syntax.EntryNode> Shift(int fromLine, int shift)
    {
        var moved = new List<PaperLsp.Syntax.EntryNode>();
        foreach (var (node, line) in lines)
            if (line >= fromLine) moved.Add(node);
        foreach (var node in moved) lines[node] += shift;
        if (dormant.Count > 0)
        {
            var movedDormant = new List<PaperLsp.Syntax.EntryNode>();
            foreach (var (node, line) in dormant)
                if (line >= fromLine) movedDormant.Add(node);
            foreach (var node in movedDormant) dormant[node] += shift;
        }
        return moved;
    }
}
