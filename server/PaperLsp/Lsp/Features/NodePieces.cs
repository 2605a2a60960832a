using System.Runtime.InteropServices;
using PaperLsp.Syntax;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// Pieces of one open document's answer kept per syntax node from one request to the next: nodes are immutable and
/// shared by the document's versions (a keystroke re-reads one item), so a node seen before has the same piece.
/// <para>One dictionary, in which each node's pieces remember the last answer that used them: a warm request looks each
/// node up once and allocates nothing. Pieces of nodes that answers stopped using (an edit replaced the node) are
/// dropped once they outnumber a quarter of what the last answer used, so they never cost more than that in memory,
/// and each sweep is paid for by the answers that left them. (A <c>ConditionalWeakTable</c> per node made the first
/// answer after opening a large list several times slower: every new entry takes its lock and a GC handle. Two
/// dictionaries swapped per answer, one refilled from the other, cost three lookups and a clear per node.)</para>
/// Not thread-safe: callers hold <see cref="Gate"/> from the first lookup to <see cref="EndAnswer"/>.
/// </summary>
internal sealed class NodePieces<TPieces> where TPieces : class, new()
{
    private readonly Dictionary<ItemNode, Kept> kept = new(ReferenceEqualityComparer.Instance);

    /// <summary>The number of the answer being made; <see cref="Kept.Answer"/> is the last one a node was in.</summary>
    private int answer = 1;

    /// <summary>How many nodes the answer being made has used so far.</summary>
    private int used;

    public object Gate { get; } = new();

    /// <summary>How many nodes have pieces kept (for tests).</summary>
    internal int Count => kept.Count;

    /// <summary>The pieces kept for <paramref name="node"/>, new and empty when no answer kept any.</summary>
    public TPieces For(ItemNode node)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(kept, node, out _);
        slot ??= new Kept();
        if (slot.Answer != answer)
        {
            slot.Answer = answer;
            used++;
        }
        return slot.Pieces;
    }

    /// <summary>Ends an answer. What it used is kept for the next one; what it did not use may be dropped now.</summary>
    public void EndAnswer()
    {
        if (kept.Count - used > used / 4 + MinimumStale)
        {
            // Dictionary allows removing the current entry while enumerating.
            foreach (var (node, pieces) in kept)
                if (pieces.Answer != answer) kept.Remove(node);
            kept.TrimExcess();
        }
        answer++;
        used = 0;
    }

    /// <summary>Below this many stale nodes a sweep is not worth it, whatever the answer's size.</summary>
    private const int MinimumStale = 64;

    private sealed class Kept
    {
        public readonly TPieces Pieces = new();
        public int Answer;
    }
}
