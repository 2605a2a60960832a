using PaperLsp.Syntax;

namespace PaperLsp.Analysis;

/// <summary>
/// Counts entries by title key and follows a document edit by edit through <see cref="ItemDelta"/>, so finding the
/// duplicated titles of a 100,000-entry list costs the size of the edit, not of the list.
/// Not thread-safe: one owner applies deltas in document order.
/// </summary>
public sealed class TitleIndex
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> duplicated = new(StringComparer.Ordinal);

    public static TitleIndex Build(PaperDocument document)
    {
        var index = new TitleIndex();
        foreach (var entry in document.Entries) index.Add(entry.Node);
        return index;
    }

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

    public void Apply(ItemDelta delta)
    {
        foreach (var item in delta.Removed)
            if (item is EntryNode entry) Remove(entry);
        foreach (var item in delta.Added)
            if (item is EntryNode entry) Add(entry);
    }

    /// <summary>Brings the index from the document it knows to <paramref name="document"/>; null deltas mean a fresh parse.</summary>
    public static TitleIndex Update(TitleIndex? index, PaperDocument document)
    {
        if (index is null || document.LastDelta is null) return Build(document);
        index.Apply(document.LastDelta);
        return index;
    }

    private void Add(EntryNode entry)
    {
        if (entry.TitleKey.Length == 0) return;
        var count = counts.GetValueOrDefault(entry.TitleKey) + 1;
        counts[entry.TitleKey] = count;
        if (count == 2) duplicated.Add(entry.TitleKey);
    }

    private void Remove(EntryNode entry)
    {
        if (entry.TitleKey.Length == 0) return;
        var count = counts.GetValueOrDefault(entry.TitleKey) - 1;
        if (count <= 0) counts.Remove(entry.TitleKey);
        else counts[entry.TitleKey] = count;
        if (count < 2) duplicated.Remove(entry.TitleKey);
    }
}
