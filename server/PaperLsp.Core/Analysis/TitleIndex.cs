using System.Runtime.InteropServices;
using PaperLsp.Syntax;

namespace PaperLsp.Analysis;

/// <summary>
/// Counts entries by title key, and knows where the entries of each duplicated title are, following a document edit by
/// edit through <see cref="ItemDelta"/>: finding the duplicates of a 100,000-entry list costs the size of the edit and
/// of the duplicate groups, not of the list.
/// Not thread-safe: one owner applies deltas in document order.
/// </summary>
public sealed class TitleIndex
{
    private readonly Dictionary<string, int> counts;

    /// <summary>Duplicated keys and their entries with first lines, in no particular order; null until located.</summary>
    private readonly Dictionary<string, List<(EntryNode Node, int StartLine)>?> members = new(StringComparer.Ordinal);
    private readonly HashSet<string> duplicated = new(StringComparer.Ordinal);

    public static TitleIndex Build(PaperDocument document)
    {
        // Two passes of one lookup per entry: counting, then listing only the duplicated titles' entries. A list per title
        // and four lookups per entry made this a sixth of a 100,000-entry list's first diagnostics, on one core.
        var index = new TitleIndex(document.EntryCount);
        foreach (var entry in document.Entries)
        {
            if (entry.Node.TitleKey.Length == 0) continue;
            CollectionsMarshal.GetValueRefOrAddDefault(index.counts, entry.Node.TitleKey, out _)++;
        }
        foreach (var entry in document.Entries)
        {
            if (entry.Node.TitleKey.Length == 0 || index.counts[entry.Node.TitleKey] < 2) continue;
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(index.members, entry.Node.TitleKey, out var known);
            if (!known)
            {
                list = new List<(EntryNode, int)>(2);
                index.duplicated.Add(entry.Node.TitleKey);
            }
            list!.Add((entry.Node, entry.StartLine));
        }
        return index;
    }

    private TitleIndex(int entries = 0) => counts = new Dictionary<string, int>(entries, StringComparer.Ordinal);

    /// <summary>The findings last computed for each duplicated title, reused while the group's entries and lines stay the same.</summary>
    internal Dictionary<string, GroupFindings> Findings { get; } = new(StringComparer.Ordinal);

    internal sealed record GroupFindings(EntryNode[] Nodes, int[] StartLines, PaperDiagnostic[] Diagnostics)
    {
        public bool Matches(List<EntrySyntax> copies)
        {
            if (copies.Count != Nodes.Length) return false;
            for (var i = 0; i < copies.Count; i++)
                if (!ReferenceEquals(copies[i].Node, Nodes[i]) || copies[i].StartLine != StartLines[i]) return false;
            return true;
        }
    }

    /// <summary>Title keys that more than one entry has.</summary>
    public IReadOnlySet<string> DuplicatedKeys => duplicated;

    /// <summary>The entries of each duplicated title, in document order, located in <paramref name="document"/> where needed.</summary>
    internal IEnumerable<(string Key, List<EntrySyntax> Copies)> Groups(PaperDocument document)
    {
        var unlocated = members.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList();
        if (unlocated.Count > 0)
        {
            // A title that just became duplicated: find its older copies once; from then on edits keep their lines.
            var hashes = unlocated.Select(key => string.GetHashCode(key, StringComparison.Ordinal)).ToHashSet();
            var wanted = unlocated.ToHashSet(StringComparer.Ordinal); // a paste can make thousands of titles duplicated at once
            foreach (var key in unlocated) members[key] = [];
            foreach (var entry in document.FindEntriesByTitleHash(hashes))
                if (wanted.Contains(entry.Node.TitleKey) && members.TryGetValue(entry.Node.TitleKey, out var list)) list!.Add((entry.Node, entry.StartLine));
        }
        foreach (var (key, list) in members)
        {
            var copies = list!.Select(member => new EntrySyntax(member.Node, member.StartLine)).ToList();
            copies.Sort((a, b) => a.StartLine.CompareTo(b.StartLine));
            yield return (key, copies);
        }
    }

    public void Apply(ItemDelta delta)
    {
        var removedLines = 0;
        // Removed copies leave their group's list in one pass per group: deleting k copies of a title pasted n times
        // costs n + k, not n times k.
        Dictionary<string, HashSet<EntryNode>>? leaving = null;
        foreach (var item in delta.Removed)
        {
            removedLines += item.LineCount;
            if (item is EntryNode entry && Remove(entry))
            {
                leaving ??= new Dictionary<string, HashSet<EntryNode>>(StringComparer.Ordinal);
                if (!leaving.TryGetValue(entry.TitleKey, out var set)) leaving[entry.TitleKey] = set = new HashSet<EntryNode>(ReferenceEqualityComparer.Instance);
                set.Add(entry);
            }
        }
        if (leaving is not null)
            foreach (var (key, set) in leaving)
                if (members.TryGetValue(key, out var list) && list is not null) list.RemoveAll(member => set.Contains(member.Node));
        var addedLines = delta.Added.Sum(item => item.LineCount);

        // Entries after the edit move by the difference in lines.
        var shift = addedLines - removedLines;
        if (shift != 0)
        {
            var after = delta.StartLine + removedLines;
            foreach (var list in members.Values)
            {
                if (list is null) continue;
                for (var i = 0; i < list.Count; i++)
                    if (list[i].StartLine >= after) list[i] = (list[i].Node, list[i].StartLine + shift);
            }
        }

        var line = delta.StartLine;
        foreach (var item in delta.Added)
        {
            if (item is EntryNode entry) Add(entry, line);
            line += item.LineCount;
        }
    }

    /// <summary>Brings the index from the document it knows to <paramref name="document"/>; null deltas mean a fresh parse.</summary>
    public static TitleIndex Update(TitleIndex? index, PaperDocument document)
    {
        if (index is null || document.Deltas.Count == 0) return Build(document);
        foreach (var delta in document.Deltas) index.Apply(delta);
        return index;
    }

    private void Add(EntryNode entry, int startLine)
    {
        if (entry.TitleKey.Length == 0) return;
        var count = counts.GetValueOrDefault(entry.TitleKey) + 1;
        counts[entry.TitleKey] = count;
        if (count == 2)
        {
            members[entry.TitleKey] = null; // the older copy is located when the groups are next read
            duplicated.Add(entry.TitleKey);
        }
        else if (count > 2 && members[entry.TitleKey] is { } list) list.Add((entry, startLine));
    }

    /// <summary>Counts the entry out; true when it stays in a located group, whose list the caller updates.</summary>
    private bool Remove(EntryNode entry)
    {
        if (entry.TitleKey.Length == 0) return false;
        var count = counts.GetValueOrDefault(entry.TitleKey) - 1;
        if (count <= 0) counts.Remove(entry.TitleKey);
        else counts[entry.TitleKey] = count;
        if (count < 2)
        {
            members.Remove(entry.TitleKey);
            duplicated.Remove(entry.TitleKey);
            return false;
        }
        return members[entry.TitleKey] is not null;
    }
}
