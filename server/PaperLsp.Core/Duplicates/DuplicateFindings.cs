using System.Globalization;
using PaperLsp.Analysis;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Duplicates;

/// <summary>
/// The duplicate findings of one document from the workspace's <see cref="DuplicateIndex"/>: one per copy, on its
/// title, naming the other copies' file and line in the message (some clients never show related locations) and
/// pointing at them, minus the pairs a directive silences on either side.
/// </summary>
public static class DuplicateFindings
{
    private const int MaxNamed = 5;

    /// <summary>How many findings of entries no longer in the document the cache may keep before they are dropped.</summary>
    private const int MinStale = 64;

    private static readonly Comparison<PaperDiagnostic> ByStart = (a, b) => a.Range.Start.CompareTo(b.Range.Start);

    public static IReadOnlyList<PaperDiagnostic> For(DocumentId id, PaperDocument document, DuplicateIndex index,
        Func<DocumentId, PaperDocument?> documentOf, Func<DocumentId, string> displayName, CancellationToken ct)
    {
        var entries = index.EntriesOf(id);
        if (entries is null || entries.Count == 0) return [];
        var context = new FindingContext(id, document, index, documentOf, displayName);
        var version = index.FindingsVersion;
        if (index.LastFindingsOf(id) is { } last && last.Read.All(read => ReferenceEquals(context.MapOf(read.Document), read.Directives)))
        {
            // Nothing a finding reads has changed since they were last made (most keystrokes: they touch an entry with
            // no copies): the same findings, without the pass over every entry that has them.
            if (last.Version == version) return last.Findings;
            // A few groups changed (a keystroke in a copy's title): only their members' findings are made again.
            if (index.TouchedSince(last.Version, Math.Max(16, entries.Count / 8)) is { } touched)
                return Refresh(id, index, context, last, touched, version, ct);
        }
        var cache = index.FindingsOf(id);
        var made = new List<MadeFinding>(entries.Count);
        var located = 0;
        foreach (var node in entries.Nodes.ToList())
        {
            ct.ThrowIfCancellationRequested();
            var line = context.LineOf(id, node);
            if (line < 0) continue;
            located++;
            if (Make(id, index, context, cache, node, index.GroupOf(node)!, line) is { } finding) made.Add(finding);
        }
        // Entries that left the document are dropped from the cache in one pass once there are enough of them: a
        // keystroke leaves one behind, and a pass over every cached finding on each keystroke cost more than the rest.
        if (cache.Count > located + Math.Max(MinStale, located / 8))
        {
            var stillThere = entries.Nodes.Where(node => entries.LineOf(node) >= 0).ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var stale in cache.Keys.Where(node => !stillThere.Contains(node)).ToList()) cache.Remove(stale);
        }
        // The index keeps entries nearly in document order (a replaced entry takes a freed slot): most keystrokes need
        // only the check.
        SortIfNeeded(made);
        return Remember(id, index, context, version, [.. made]);
    }

    /// <summary>A finding with the entry it is on and that entry's group: what <see cref="Refresh"/> needs to know which to make again.</summary>
    internal readonly record struct MadeFinding(PaperDiagnostic Diagnostic, EntryNode Node, TextGroup Group);

    private static readonly Comparison<MadeFinding> MadeByStart = (a, b) => ByStart(a.Diagnostic, b.Diagnostic);

    /// <summary>The finding of one entry at <paramref name="line"/>: the cached one while what it read holds, else made anew.</summary>
    private static MadeFinding? Make(DocumentId id, DuplicateIndex index, FindingContext context, Dictionary<EntryNode, DuplicateIndex.CachedFinding> cache,
        EntryNode node, TextGroup group, int line)
    {
        // Most of a keystroke's findings are those of groups it did not touch: reuse them as they were made. (A
        // member of the cached group is in no other group: one group per text, and a lookup by text compares texts.)
        if (cache.TryGetValue(node, out var cached) && cached.Group.Contains(new EntryRef(id, node)) && context.StillHolds(cached, line))
            return cached.Diagnostic is { } kept ? new MadeFinding(kept, node, cached.Group) : null;
        var others = context.OthersOf(new EntryRef(id, node), line);
        var diagnostic = others.Named.Count == 0 ? null : Describe(context, new EntrySyntax(node, line), others);
        cache[node] = context.Made(group, line, diagnostic);
        return diagnostic is null ? null : new MadeFinding(diagnostic, node, group);
    }

    /// <summary>
    /// The last findings with those of the <paramref name="touched"/> groups' members made again: every other finding
    /// read nothing that changed (its group and the groups it names are not among them, and the directives are the
    /// same), so it stands as it was, where it was.
    /// </summary>
    private static IReadOnlyList<PaperDiagnostic> Refresh(DocumentId id, DuplicateIndex index, FindingContext context,
        DuplicateIndex.LastFindings last, HashSet<TextGroup> touched, long version, CancellationToken ct)
    {
        var cache = index.FindingsOf(id);
        var fresh = new List<MadeFinding>();
        foreach (var group in touched)
        foreach (var member in group.Members)
        {
            ct.ThrowIfCancellationRequested();
            if (member.Document != id) continue;
            var line = context.LineOf(id, member.Node);
            if (line >= 0 && Make(id, index, context, cache, member.Node, group, line) is { } finding) fresh.Add(finding);
        }
        SortIfNeeded(fresh);
        // Made at its final size: thousands of findings are listed again on every keystroke that touches one group.
        var keptCount = 0;
        foreach (var kept in last.Made)
            if (!touched.Contains(kept.Group)) keptCount++;
        var made = new MadeFinding[keptCount + fresh.Count];
        var at = 0;
        var next = 0;
        foreach (var kept in last.Made)
        {
            if (touched.Contains(kept.Group)) continue;
            while (next < fresh.Count && MadeByStart(fresh[next], kept) < 0) made[at++] = fresh[next++];
            made[at++] = kept;
        }
        while (next < fresh.Count) made[at++] = fresh[next++];
        return Remember(id, index, context, version, made);
    }

    private static IReadOnlyList<PaperDiagnostic> Remember(DocumentId id, DuplicateIndex index, FindingContext context, long version, MadeFinding[] made)
    {
        var results = new PaperDiagnostic[made.Length];
        for (var i = 0; i < results.Length; i++) results[i] = made[i].Diagnostic;
        index.SetLastFindings(id, new DuplicateIndex.LastFindings(version, context.MapsRead(), results, made));
        return results;
    }

    private static void SortIfNeeded(List<MadeFinding> made)
    {
        for (var i = 1; i < made.Count; i++)
        {
            if (MadeByStart(made[i - 1], made[i]) <= 0) continue;
            made.Sort(MadeByStart);
            return;
        }
    }

    /// <summary>The descriptor of a kind of duplicate.</summary>
    public static DiagnosticDescriptor DescriptorOf(DuplicateKind kind) => kind switch
    {
        DuplicateKind.ExactCopy => DiagnosticCatalog.ExactCopy,
        DuplicateKind.SamePaper => DiagnosticCatalog.DuplicateEntry,
        _ => DiagnosticCatalog.PossibleDuplicate,
    };

    private static PaperDiagnostic Describe(FindingContext context, EntrySyntax entry, Others others)
    {
        var kind = others.Named.Max(other => other.Verdict.Kind);
        var descriptor = DescriptorOf(kind);
        var named = others.Named.Take(MaxNamed).ToList();
        // Places with the same reasons share them: "line 12, b.papers:4 (an exact copy); line 30 (similar titles, ...)".
        var places = string.Join("; ", named
            .GroupBy(other => (other.Verdict.Kind == DuplicateKind.Possible ? "possibly: " : "") + string.Join(", ", other.Verdict.Reasons))
            .Select(same => $"{string.Join(", ", same.Select(context.Place))} ({same.Key})"));
        var unnamed = others.Total - named.Count;
        if (unnamed > 0) places += $"; and {unnamed} more";
        var title = Shorten(entry.Title);
        var directive = NotDuplicateDirective(entry.Node, named[0].Entry.Node);
        var message = kind == DuplicateKind.Possible
            ? $"Possible duplicate: '{title}' may be the same paper as {places}. If they are different papers, write '{directive}' above this entry."
            : $"Duplicate paper: '{title}' also appears at {places}. Delete one copy, or if they are different papers, write '{directive}' above this entry.";
        var related = others.Named.Take(others.RelatedCount).Select(other => new RelatedLocation(
            new EntrySyntax(other.Entry.Node, other.Line).TitleRange,
            $"{(other.Verdict.Kind == DuplicateKind.Possible ? "Possible duplicate" : "Other copy")}, {context.Place(other)}",
            other.Entry.Document == context.Id ? null : other.Entry.Document)).ToList();
        return new PaperDiagnostic(descriptor, entry.TitleRange, message, related);
    }

    /// <summary>
    /// The comment that says <paramref name="entry"/> is not a duplicate of <paramref name="other"/>: its title, and when
    /// both titles are equal its first author's surname and year, which single it out.
    /// </summary>
    public static string NotDuplicateDirective(EntryNode entry, EntryNode other)
    {
        var theirs = PaperFingerprint.Of(other);
        var text = $"// {DirectiveReader.NotDuplicate} \"{other.Title.Replace('"', '\'')}\"";
        if (PaperFingerprint.Of(entry).TitleKey != theirs.TitleKey) return text;
        // The surname as written (the reader folds it as author keys are folded: the last word of the name).
        if (other.Authors.Count > 0 && other.Authors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var surname] && PaperText.Words(surname).Length > 0)
            text += " " + surname.Trim(',', '.', ';');
        if (theirs.Date is { } date) text += " " + date.Year.ToString(CultureInfo.InvariantCulture);
        return text;
    }

    private static string Shorten(string title) => title.Length <= 80 ? title : title[..77] + "…";

    internal readonly record struct Other(EntryRef Entry, int Line, DuplicateVerdict Verdict, string Title);

    internal sealed record Others(List<Other> Named, int Total, int RelatedCount);

    private static readonly DuplicateVerdict Exact = new(DuplicateKind.ExactCopy, 1, ["an exact copy"]);

    /// <summary>What one <see cref="For"/> call learns once and uses for every entry: lines, directives, copies by document.</summary>
    private sealed class FindingContext(DocumentId id, PaperDocument document, DuplicateIndex index,
        Func<DocumentId, PaperDocument?> documentOf, Func<DocumentId, string> displayName)
    {
        public DocumentId Id => id;
        private readonly Dictionary<DocumentId, PaperDocument?> documents = new() { [id] = document };
        private readonly Dictionary<DocumentId, string> names = [];
        private readonly Dictionary<(TextGroup, DocumentId), (int Line, EntryNode Node)[]> copies = [];

        public PaperDocument? DocumentOf(DocumentId of)
        {
            if (!documents.TryGetValue(of, out var found)) documents[of] = found = documentOf(of);
            return found;
        }

        /// <summary>Where the other entry's title is: <c>line 12</c> in this document, <c>other.papers:12</c> elsewhere.</summary>
        public string Place(Other other)
        {
            var line = (other.Line + other.Entry.Node.HeaderLine + 1).ToString(CultureInfo.InvariantCulture);
            return other.Entry.Document == id ? $"line {line}" : $"{NameOf(other.Entry.Document)}:{line}";
        }

        private string NameOf(DocumentId of)
        {
            if (!names.TryGetValue(of, out var name)) names[of] = name = displayName(of);
            return name;
        }

        public int LineOf(DocumentId of, EntryNode node) => index.LineOf(new EntryRef(of, node), DocumentOf);

        private readonly Dictionary<DocumentId, DirectiveMap?> maps = [];

        /// <summary>The directives of a document, as the index's one canonical object while they stay the same (see <see cref="DirectiveMap.SameAs"/>).</summary>
        public DirectiveMap? MapOf(DocumentId of)
        {
            if (!maps.TryGetValue(of, out var map))
                maps[of] = map = DocumentOf(of) is { } doc ? index.CanonicalDirectives(of, DirectiveMap.Of(doc)) : null;
            return map;
        }

        /// <summary>Every document whose directives this call read, with them.</summary>
        public (DocumentId Document, DirectiveMap? Directives)[] MapsRead()
        {
            MapOf(id);
            return maps.Select(pair => (pair.Key, pair.Value)).ToArray();
        }

        /// <summary>
        /// A finding (null: the entry has none) made at its own <paramref name="line"/>, with what it read: the version of
        /// its group (which covers the matched groups too) and the directives of every document those groups are in.
        /// </summary>
        public DuplicateIndex.CachedFinding Made(TextGroup group, int line, PaperDiagnostic? diagnostic)
        {
            var documentsRead = new HashSet<DocumentId>(group.Documents) { id };
            foreach (var other in group.Matches.Keys) documentsRead.UnionWith(other.Documents);
            var directives = documentsRead.Select(of => (of, MapOf(of))).ToArray();
            return new DuplicateIndex.CachedFinding(group, group.Version, directives, line, diagnostic);
        }

        /// <summary>Whether nothing <paramref name="cached"/> read has changed since it was made.</summary>
        public bool StillHolds(DuplicateIndex.CachedFinding cached, int line)
        {
            if (cached.GroupVersion != cached.Group.Version || cached.Line != line) return false;
            foreach (var (of, map) in cached.Directives)
                if (!ReferenceEquals(MapOf(of), map)) return false;
            return true;
        }

        /// <summary>The other entries this one is a duplicate of, after directives, nearest copies first; and how many in all.</summary>
        public Others OthersOf(EntryRef entry, int line)
        {
            var group = index.GroupOf(entry.Node)!;
            var named = new List<Other>();
            var total = 0;
            var related = DocumentAnalyzer.RelatedPerCopy(group.Count + group.Matches.Keys.Sum(g => g.Count));
            var limit = Math.Max(related, MaxNamed);
            if (group.Count > 1)
                total += Collect(entry, line, group, Exact, named, limit);
            foreach (var (other, verdict) in group.RankedMatches().Take(DuplicateIndex.MaxMatches))
                total += Collect(entry, line, other, verdict, named, limit);
            return new Others(named, total, related);
        }

        /// <summary>Adds the not-silenced members of <paramref name="group"/> nearest to the entry (same document first); returns how many there are.</summary>
        private int Collect(EntryRef entry, int line, TextGroup group, DuplicateVerdict verdict, List<Other> named, int limit)
        {
            var code = DescriptorOf(verdict.Kind).Code;
            var mine = MapOf(id)!;
            var myPrint = PaperFingerprint.Of(entry.Node);
            var theirPrint = group.Print;
            if (Silenced(mine, entry.Node, code) || mine.SaysNotDuplicate(entry.Node, theirPrint)) return 0;
            var count = 0;
            foreach (var documentId in group.Documents.OrderBy(d => d != id).ThenBy(d => d))
            {
                if (MapOf(documentId) is not { } theirs) continue;
                var placed = Copies(group, documentId);
                var start = documentId == id ? Nearest(placed, line) : 0;
                // Nearest first: walk outwards from the entry's own line in its own document.
                int before = start - 1, after = start;
                if (theirs.IsEmpty)
                {
                    // No directive there to check: the count is known, and only the nearest few are needed.
                    count += placed.Length - (documentId == id ? 1 : 0);
                }
                while ((before >= 0 || after < placed.Length) && (named.Count < limit || !theirs.IsEmpty))
                {
                    var takeAfter = before < 0 || (after < placed.Length && placed[after].Line - line <= line - placed[before].Line);
                    var (otherLine, node) = takeAfter ? placed[after++] : placed[before--];
                    if (documentId == id && ReferenceEquals(node, entry.Node)) continue;
                    if (!theirs.IsEmpty && (Silenced(theirs, node, code) || theirs.SaysNotDuplicate(node, myPrint))) continue;
                    if (!theirs.IsEmpty) count++;
                    if (named.Count < limit) named.Add(new Other(new EntryRef(documentId, node), otherLine, verdict, node.Title));
                }
            }
            return count;
        }

        /// <summary>An ignore directive for PL0301 also covers the exact copy, which PL0301 named before PL0302 existed.</summary>
        private static bool Silenced(DirectiveMap map, EntryNode node, string code) =>
            map.Silences(node, code) || (code == DiagnosticCatalog.ExactCopy.Code && map.Silences(node, DiagnosticCatalog.DuplicateEntry.Code));

        /// <summary>The located members of a group in one document, by line.</summary>
        private (int Line, EntryNode Node)[] Copies(TextGroup group, DocumentId of)
        {
            if (copies.TryGetValue((group, of), out var found)) return found;
            var list = new List<(int, EntryNode)>();
            foreach (var member in group.Members)
            {
                if (member.Document != of) continue;
                var memberLine = LineOf(of, member.Node);
                if (memberLine >= 0) list.Add((memberLine, member.Node));
            }
            found = [.. list.OrderBy(pair => pair.Item1)];
            copies[(group, of)] = found;
            return found;
        }

        private static int Nearest((int Line, EntryNode Node)[] placed, int line)
        {
            int low = 0, high = placed.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (placed[mid].Line < line) low = mid + 1;
                else high = mid;
            }
            return low;
        }
    }
}
