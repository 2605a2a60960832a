using PaperLsp.Syntax;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// Pieces of one open document's answer kept per syntax node from one request to the next: nodes are immutable and
/// shared by the document's versions (a keystroke re-reads one item), so a node seen before has the same piece. The
/// pieces of the nodes the last answer used are kept, in two dictionaries that swap and are reused, so a warm request
/// allocates nothing for them. (A <c>ConditionalWeakTable</c> per node made the first answer after opening a large
/// list several times slower: every new entry takes its lock and a GC handle, and old containers' finalizers contend
/// for the lock.) Not thread-safe: callers hold <see cref="Gate"/> from the first lookup to <see cref="EndAnswer"/>.
/// </summary>
internal sealed class NodePieces<TPieces> where TPieces : class, new()
{
    private Dictionary<ItemNode, TPieces> previous = new(ReferenceEqualityComparer.Instance);
    private Dictionary<ItemNode, TPieces> current = new(ReferenceEqualityComparer.Instance);

    public object Gate { get; } = new();

    /// <summary>The pieces kept for <paramref name="node"/>, new and empty when it was not in the last answer.</summary>
    public TPieces For(ItemNode node)
    {
        if (current.TryGetValue(node, out var pieces)) return pieces;
        if (!previous.TryGetValue(node, out pieces)) pieces = new TPieces();
        current.Add(node, pieces);
        return pieces;
    }

    /// <summary>Ends an answer: what it used is kept for the next one, everything else is dropped.</summary>
    public void EndAnswer()
    {
        (previous, current) = (current, previous);
        current.Clear();
    }
}
