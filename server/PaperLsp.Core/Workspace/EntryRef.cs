using PaperLsp.Syntax;

namespace PaperLsp.Workspace;

/// <summary>
/// One entry of one workspace document, by node identity: entry nodes are shared between document versions, so an
/// edit elsewhere in the file keeps the reference valid while the entry's line moves. Where the entry is now is asked
/// of the document (<see cref="EntryLocator"/>), never stored.
/// </summary>
public readonly record struct EntryRef(DocumentId Document, EntryNode Node)
{
    public bool Equals(EntryRef other) => Document.Equals(other.Document) && ReferenceEquals(Node, other.Node);
    public override int GetHashCode() => HashCode.Combine(Document, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Node));
}

/// <summary>Finds where entry nodes are in a document, through the tree's title-hash summaries (no full scan).</summary>
public static class EntryLocator
{
    /// <summary>The current start line of each node found in <paramref name="document"/>; nodes no longer there are left out.</summary>
    public static IReadOnlyDictionary<EntryNode, EntrySyntax> Locate(PaperDocument document, IEnumerable<EntryNode> nodes)
    {
        var wanted = new HashSet<EntryNode>(nodes, ReferenceEqualityComparer.Instance);
        var found = new Dictionary<EntryNode, EntrySyntax>(ReferenceEqualityComparer.Instance);
        if (wanted.Count == 0) return found;
        var hashes = wanted.Select(node => node.TitleKeyHash).ToHashSet();
        foreach (var entry in document.FindEntriesByTitleHash(hashes))
            if (wanted.Contains(entry.Node)) found[entry.Node] = entry;
        return found;
    }

    public static EntrySyntax? Locate(PaperDocument document, EntryNode node) =>
        Locate(document, [node]).TryGetValue(node, out var found) ? found : null;
}
