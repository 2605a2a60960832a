using System.Globalization;
using System.Text;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Duplicates;

/// <summary>
/// The duplicates of every entry of every document, kept current edit by edit. Entries with exactly the same text are
/// one group, scored once (a title pasted 35,000 times is one comparison). Groups meet through blocking keys
/// (<see cref="BlockKeys"/>), never a double loop; keys shared by too many groups are ignored. Which pairs are compared
/// depends only on the current entries, so an index followed edit by edit equals one built fresh.
/// Not thread-safe: one owner applies changes in order.
/// </summary>
public sealed class DuplicateIndex
{
    public sealed record DuplicateMatch(EntryRef Other, DuplicateVerdict Verdict);

    private readonly Dictionary<EntryNode, TextGroup> groups = new(SameText.Instance);
    /// <summary>The groups holding each key: a <see cref="TextGroup"/> when one does (most keys: nine in ten at 10,000
    /// entries, and a set of one costs ten times the reference), an exact array when up to <see cref="SmallBlock"/> do,
    /// else a set of them. A set for the large ones: a keystroke removes its entry's group from every block it is in, and
    /// common keys (a frequent word pair, a boilerplate sentence) hold tens of thousands of groups.</summary>
    private readonly Dictionary<long, object> blocks = [];
    private readonly Dictionary<TextGroup, int> sharedKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DocumentId, DocumentEntries> documents = [];

    /// <summary>The most matches <see cref="MatchesOf"/> returns.</summary>
    public const int MaxMatches = 20;

    /// <param name="background">Built beside a server whose requests need the thread pool meanwhile: a large list's
    /// fingerprints are computed on all cores but one, not on all of them.</param>
    public static DuplicateIndex Build(IEnumerable<(DocumentId Id, PaperDocument Document)> files, bool background = false)
    {
        var index = new DuplicateIndex { fingerprintThreads = background ? BackgroundThreads : -1 };
        var scratch = new HashSet<DocumentId>();
        foreach (var (id, document) in files) index.AddDocument(id, document, scratch);
        return index;
    }

    public void AddDocument(DocumentId id, PaperDocument document, ISet<DocumentId> affected)
    {
        affected.Add(id);
        clock.Advance();
        var entries = document.Entries.ToList();
        if (entries.Count >= ParallelFingerprintsFrom) Prepare(entries, fingerprintThreads);
        foreach (var entry in entries) Add(new EntryRef(id, entry.Node), entry.StartLine, affected);
    }

    /// <summary>Fingerprints and keys are most of the work of a large list and depend on one entry each: computed on
    /// every core first (both are cached per node), then the groups are linked in order on the owner's thread.</summary>
    private static void Prepare(List<EntrySyntax> entries, int threads) =>
        Parallel.ForEach(entries, new ParallelOptions { MaxDegreeOfParallelism = threads }, entry =>
        {
            var print = PaperFingerprint.Of(entry.Node);
            print.BlockKeys ??= BlockKeys.Of(print);
        });

    /// <summary>Lists at least this long get their fingerprints computed in parallel.</summary>
    private const int ParallelFingerprintsFrom = 2000;

    /// <summary>How many threads a large list's fingerprints may use (-1: as many as the pool gives).</summary>
    private int fingerprintThreads = -1;

    /// <summary>All cores but one: what a build beside the server may use.</summary>
    public static int BackgroundThreads => Math.Max(1, Environment.ProcessorCount - 1);

    public void RemoveDocument(DocumentId id, PaperDocument document, ISet<DocumentId> affected)
    {
        affected.Add(id);
        foreach (var entry in document.Entries) Remove(new EntryRef(id, entry.Node), affected);
        documents.Remove(id);
        findings.Remove(id);
        lastFindings.Remove(id);
        canonicalDirectives.Remove(id);
        clock.Advance();
    }

    /// <summary>Follows one delta of an edit of document <paramref name="id"/> (see <see cref="PaperDocument.Deltas"/>).</summary>
    public void Apply(DocumentId id, ItemDelta delta, ISet<DocumentId> affected)
    {
        affected.Add(id);
        var removedLines = 0;
        foreach (var item in delta.Removed)
        {
            removedLines += item.LineCount;
            if (item is EntryNode entry) Remove(new EntryRef(id, entry), affected);
        }
        var shift = delta.Added.Sum(item => item.LineCount) - removedLines;
        if (shift != 0 && documents.TryGetValue(id, out var entries))
        {
            // Entries after the edit moved: their own document re-reports anyway, and so does every document naming them.
            var moved = new HashSet<TextGroup>(ReferenceEqualityComparer.Instance);
            foreach (var node in entries.Shift(delta.StartLine + removedLines, shift))
                if (groups.TryGetValue(node, out var group) && moved.Add(group))
                {
                    group.AddDocumentsTo(affected, withMatches: true);
                    group.Touch();
                }
        }
        var line = delta.StartLine;
        foreach (var item in delta.Added)
        {
            if (item is EntryNode entry) Add(new EntryRef(id, entry), line, affected);
            line += item.LineCount;
        }
    }

    /// <summary>The other entries that may be this one, strongest kind and score first, at most <see cref="MaxMatches"/>.</summary>
    public IReadOnlyList<DuplicateMatch> MatchesOf(EntryRef entry)
    {
        if (!groups.TryGetValue(entry.Node, out var group) || !group.Contains(entry)) return [];
        var result = new List<DuplicateMatch>();
        var exact = new DuplicateVerdict(DuplicateKind.ExactCopy, 1, ["an exact copy"]);
        foreach (var other in group.Members.Where(m => !m.Equals(entry)).OrderBy(m => m.Document).Take(MaxMatches))
            result.Add(new DuplicateMatch(other, exact));
        foreach (var (other, verdict) in group.RankedMatches())
        {
            foreach (var member in other.Members.OrderBy(m => m.Document))
            {
                if (result.Count >= MaxMatches) return result;
                result.Add(new DuplicateMatch(member, verdict));
            }
        }
        return result;
    }

    /// <summary>A canonical dump of the groups and their matches, independent of the order things were added in.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        foreach (var group in groups.Values)
        {
            var members = string.Join(",", group.MemberCounts.Select(m => $"{m.Entry.Document}x{m.Count}").Order(StringComparer.Ordinal));
            var matches = string.Join(" | ", group.Matches
                .Select(pair => $"{pair.Value.Kind} {pair.Value.Score.ToString(CultureInfo.InvariantCulture)} {Label(pair.Key)}")
                .Order(StringComparer.Ordinal));
            lines.Add($"{Label(group)} [{members}] -> {matches}");
        }
        lines.Sort(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var line in lines) builder.Append(line).Append('\n');
        return builder.ToString();
    }

    private static string Label(TextGroup group) => $"{group.Print.TitleKey}#{group.Print.Entry.GetText().GetHashCode(StringComparison.Ordinal):x8}";

    // ----- what the findings need -----

    /// <summary>The entries of a document that have copies or matches, with their lines where known.</summary>
    internal DocumentEntries? EntriesOf(DocumentId id) => documents.GetValueOrDefault(id);

    internal TextGroup? GroupOf(EntryNode node) => groups.GetValueOrDefault(node);

    /// <summary>The first line of an entry with findings, -1 when it has none; the document's unlocated ones are located once.</summary>
    public int LineOf(EntryRef entry, Func<DocumentId, PaperDocument?> documentOf)
    {
        if (documents.GetValueOrDefault(entry.Document) is not { } entries) return -1;
        var line = entries.LineOf(entry.Node);
        if (line >= 0 || !entries.Tracks(entry.Node)) return line;
        if (documentOf(entry.Document) is not { } document) return -1;
        foreach (var (found, syntax) in EntryLocator.Locate(document, entries.Unlocated.ToList())) entries.Set(found, syntax.StartLine);
        return entries.LineOf(entry.Node);
    }

    /// <summary>A finding made for one entry (null: it had none), with the versions of what it read (see <see cref="DuplicateFindings"/>).</summary>
    internal sealed record CachedFinding(TextGroup Group, long GroupVersion,
        (DocumentId Document, DirectiveMap? Directives)[] Directives, int Line, PaperLsp.Analysis.PaperDiagnostic? Diagnostic);

    private readonly Dictionary<DocumentId, DirectiveMap> canonicalDirectives = [];

    /// <summary>
    /// One object per document for its directives while they stay the same across versions, so that a cached finding
    /// checks them by reference. A document whose directives changed gets its new map, and findings that read the old
    /// one are made again.
    /// </summary>
    internal DirectiveMap CanonicalDirectives(DocumentId id, DirectiveMap map)
    {
        if (canonicalDirectives.TryGetValue(id, out var known) && (ReferenceEquals(known, map) || known.SameAs(map))) return known;
        canonicalDirectives[id] = map;
        return map;
    }

    private readonly Dictionary<DocumentId, Dictionary<EntryNode, CachedFinding>> findings = [];

    /// <summary>Advances with every change that could change a finding (see <see cref="FindingsClock"/>).</summary>
    private readonly FindingsClock clock = new();

    internal long FindingsVersion => clock.Value;

    /// <summary>A document's findings as last made: at which <see cref="FindingsVersion"/>, under which directives.</summary>
    internal sealed record LastFindings(long Version, (DocumentId Document, DirectiveMap? Directives)[] Read,
        IReadOnlyList<PaperLsp.Analysis.PaperDiagnostic> Findings, DuplicateFindings.MadeFinding[] Made);

    /// <summary>The groups whose members' findings may have changed since <paramref name="version"/>; null when not known or more than <paramref name="atMost"/>.</summary>
    internal HashSet<TextGroup>? TouchedSince(long version, int atMost) => clock.TouchedSince(version, atMost);

    private readonly Dictionary<DocumentId, LastFindings> lastFindings = [];

    internal LastFindings? LastFindingsOf(DocumentId id) => lastFindings.GetValueOrDefault(id);

    internal void SetLastFindings(DocumentId id, LastFindings last) => lastFindings[id] = last;

    /// <summary>The findings last made for each entry of a document, reused while what they name stays the same.</summary>
    internal Dictionary<EntryNode, CachedFinding> FindingsOf(DocumentId id)
    {
        if (!findings.TryGetValue(id, out var cache)) findings[id] = cache = new(ReferenceEqualityComparer.Instance);
        return cache;
    }

    // ----- membership -----

    private void Add(EntryRef entry, int line, ISet<DocumentId> affected)
    {
        var print = PaperFingerprint.Of(entry.Node);
        if (print.TitleWords.Length == 0) return;
        if (groups.TryGetValue(entry.Node, out var group))
        {
            var wasFlagged = group.IsFlagged;
            group.AddMember(entry);
            group.AddDocumentsTo(affected, withMatches: true);
            if (!group.IsFlagged) return;
            if (!wasFlagged) Flag(group);
            Entries(entry.Document).Set(entry.Node, line);
            return;
        }

        group = new TextGroup(print, print.BlockKeys ??= BlockKeys.Of(print), clock);
        group.AddMember(entry);
        groups[entry.Node] = group;
        foreach (var key in group.Keys)
        {
            // This group made the block too common: pairs that met only through it may no longer meet.
            if (AddToBlock(key, group) is { } block && BlockCount(block) == BlockKeys.CapOf(key) + 1) Unmatch(block, key, affected);
        }
        foreach (var candidate in Candidates(group)) Score(group, candidate, affected);
        if (group.IsFlagged)
        {
            Flag(group);
            Entries(entry.Document).Set(entry.Node, line);
        }
    }

    private void Remove(EntryRef entry, ISet<DocumentId> affected)
    {
        if (!groups.TryGetValue(entry.Node, out var group) || !group.Contains(entry)) return;
        group.AddDocumentsTo(affected, withMatches: true);
        group.RemoveMember(entry);
        documents.GetValueOrDefault(entry.Document)?.Remove(entry.Node);
        if (group.HasMembers)
        {
            if (!group.IsFlagged) Unflag(group);
            return;
        }

        groups.Remove(entry.Node);
        foreach (var other in group.Matches.Keys)
        {
            other.RemoveMatch(group);
            if (!other.IsFlagged) Unflag(other);
        }
        group.ClearMatches();
        foreach (var key in group.Keys)
        {
            // The block is usable again: pairs that meet only through it meet now.
            if (RemoveFromBlock(key, group) is { } block && BlockCount(block) == BlockKeys.CapOf(key)) Rematch(block, key, affected);
        }
    }

    /// <summary>Groups sharing a title key, or three other keys, in blocks small enough to use.</summary>
    private IEnumerable<TextGroup> Candidates(TextGroup group)
    {
        var shared = sharedKeys;
        shared.Clear();
        foreach (var key in group.Keys)
        {
            // A block of one is this group's own.
            var block = blocks[key];
            if (block is TextGroup || BlockCount(block) > BlockKeys.CapOf(key)) continue;
            var weight = BlockKeys.IsTitleKey(key) ? BlockKeys.MeetingWeight : 1;
            if (block is TextGroup[] few)
            {
                foreach (var other in few)
                    if (!ReferenceEquals(other, group)) shared[other] = shared.GetValueOrDefault(other) + weight;
            }
            else
            {
                foreach (var other in (HashSet<TextGroup>)block)
                    if (!ReferenceEquals(other, group)) shared[other] = shared.GetValueOrDefault(other) + weight;
            }
        }
        return shared.Where(pair => pair.Value >= BlockKeys.MeetingWeight).Select(pair => pair.Key).ToList();
    }

    /// <summary>The same rule as <see cref="Candidates"/>, for one pair; <paramref name="without"/> is a key not to count.</summary>
    private bool Meet(TextGroup a, TextGroup b, long? without = null)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Keys.Length && j < b.Keys.Length)
        {
            if (a.Keys[i] < b.Keys[j]) i++;
            else if (a.Keys[i] > b.Keys[j]) j++;
            else
            {
                var key = a.Keys[i];
                if (key != without && BlockCount(blocks[key]) <= BlockKeys.CapOf(key)) shared += BlockKeys.IsTitleKey(key) ? BlockKeys.MeetingWeight : 1;
                if (shared >= BlockKeys.MeetingWeight) return true;
                i++; j++;
            }
        }
        return false;
    }

    // A block of one group is the group itself, of a few an exact array (copied on change), of more a set: most blocks
    // hold two or three groups, and a HashSet for each was three objects that every collection walked.
    private const int SmallBlock = 16;

    private static int BlockCount(object block) => block switch
    {
        TextGroup[] few => few.Length,
        HashSet<TextGroup> many => many.Count,
        _ => 1,
    };

    private static IEnumerable<TextGroup> GroupsOf(object block) => block switch
    {
        TextGroup[] few => few,
        HashSet<TextGroup> many => many,
        _ => [(TextGroup)block],
    };

    /// <summary>Puts <paramref name="group"/> in the block of <paramref name="key"/>; returns the block when it holds more than one group.</summary>
    private object? AddToBlock(long key, TextGroup group)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(blocks, key, out var exists);
        if (!exists)
        {
            slot = group;
            return null;
        }
        switch (slot)
        {
            case HashSet<TextGroup> many:
                many.Add(group);
                return many;
            case TextGroup[] few:
                if (Array.IndexOf(few, group) >= 0) return few;
                if (few.Length >= SmallBlock)
                {
                    slot = new HashSet<TextGroup>(few, ReferenceEqualityComparer.Instance) { group };
                    return slot;
                }
                var grown = new TextGroup[few.Length + 1];
                few.CopyTo(grown, 0);
                grown[^1] = group;
                slot = grown;
                return grown;
            default:
                if (ReferenceEquals(slot, group)) return null;
                slot = new[] { (TextGroup)slot!, group };
                return slot;
        }
    }

    /// <summary>Takes <paramref name="group"/> out of the block of <paramref name="key"/>; returns the block when it still holds more than one group.</summary>
    private object? RemoveFromBlock(long key, TextGroup group)
    {
        switch (blocks[key])
        {
            case HashSet<TextGroup> many:
                many.Remove(group);
                if (many.Count > SmallBlock) return many;
                return blocks[key] = many.ToArray();
            case TextGroup[] few:
                var at = Array.IndexOf(few, group);
                if (at < 0) return few;
                if (few.Length == 2)
                {
                    // One left: back to a plain reference.
                    blocks[key] = few[1 - at];
                    return null;
                }
                var shrunk = new TextGroup[few.Length - 1];
                Array.Copy(few, 0, shrunk, 0, at);
                Array.Copy(few, at + 1, shrunk, at, shrunk.Length - at);
                return blocks[key] = shrunk;
            case var single:
                if (ReferenceEquals(single, group)) blocks.Remove(key);
                return null;
        }
    }

    /// <summary>The block of <paramref name="key"/> just became too common: matched pairs in it that no longer meet part.</summary>
    private void Unmatch(object block, long key, ISet<DocumentId> affected)
    {
        foreach (var a in GroupsOf(block).ToList())
            foreach (var b in a.Matches.Keys.Where(b => BlockKeys.Has(b.Keys, key)).ToList())
                if (!Meet(a, b)) Unmatch(a, b, affected);
    }

    /// <summary>The block of <paramref name="key"/> is usable again: pairs in it that meet only through it are compared.</summary>
    private void Rematch(object set, long key, ISet<DocumentId> affected)
    {
        var block = GroupsOf(set).ToArray();
        for (var x = 0; x < block.Length; x++)
            for (var y = x + 1; y < block.Length; y++)
            {
                var (a, b) = (block[x], block[y]);
                if (!a.Matches.ContainsKey(b) && Meet(a, b) && !Meet(a, b, without: key)) Score(a, b, affected);
            }
    }

    private void Score(TextGroup a, TextGroup b, ISet<DocumentId> affected)
    {
        var verdict = DuplicateScorer.Compare(a.Print, b.Print);
        if (verdict.Kind == DuplicateKind.None) return;
        bool aWas = a.IsFlagged, bWas = b.IsFlagged;
        a.SetMatch(b, verdict);
        b.SetMatch(a, verdict);
        a.AddDocumentsTo(affected, withMatches: false);
        b.AddDocumentsTo(affected, withMatches: false);
        if (!aWas) Flag(a);
        if (!bWas) Flag(b);
    }

    private void Unmatch(TextGroup a, TextGroup b, ISet<DocumentId> affected)
    {
        a.RemoveMatch(b);
        b.RemoveMatch(a);
        a.AddDocumentsTo(affected, withMatches: false);
        b.AddDocumentsTo(affected, withMatches: false);
        if (!a.IsFlagged) Unflag(a);
        if (!b.IsFlagged) Unflag(b);
    }

    /// <summary>The group now has findings: its members' documents track them (lines found when next asked).</summary>
    private void Flag(TextGroup group)
    {
        foreach (var member in group.Members) Entries(member.Document).Track(member.Node);
    }

    private void Unflag(TextGroup group)
    {
        foreach (var member in group.Members) documents.GetValueOrDefault(member.Document)?.Retire(member.Node);
    }

    private DocumentEntries Entries(DocumentId id)
    {
        if (!documents.TryGetValue(id, out var entries)) documents[id] = entries = new DocumentEntries();
        return entries;
    }

    /// <summary>Entry nodes are equal here when their texts are: one group per distinct text.</summary>
    private sealed class SameText : IEqualityComparer<EntryNode>
    {
        public static readonly SameText Instance = new();
        public bool Equals(EntryNode? x, EntryNode? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.HasSameText(y));
        public int GetHashCode(EntryNode node) => node.TextHash;
    }
}

