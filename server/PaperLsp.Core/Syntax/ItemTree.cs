using System.Runtime.CompilerServices;

namespace PaperLsp.Syntax;

/// <summary>
/// A persistent (immutable) balanced sequence of items, summed by line count, so that finding the item at a line,
/// and replacing a run of items, cost O(log n) and share everything else with the previous version.
/// Join-based AVL (Blelloch, Ferizovic and Sun, "Just Join for Parallel Ordered Sets").
/// </summary>
internal sealed class ItemTree
{
    public static readonly ItemTree Empty = new(null);

    private readonly Node? root;

    private ItemTree(Node? root) => this.root = root;

    public int Count => root?.Count ?? 0;
    public int LineCount => root?.Lines ?? 0;
    public int EntryCount => root?.Entries ?? 0;

    private sealed class Node
    {
        public readonly Node? Left;
        public readonly Node? Right;
        public readonly ItemNode Value;
        public readonly int Height;
        public readonly int Count;
        public readonly int Lines;
        public readonly int Entries;
        /// <summary>Items below that carry findings or file-wide directives, so collecting them skips clean subtrees.</summary>
        public readonly int Flagged;
        /// <summary>Comments below that hold a directive: the duplicate findings read them on every keystroke, and the parser's findings are far more.</summary>
        public readonly int Directives;
        /// <summary>One bit per title-key hash (mod 64) of the entries below: searches for given titles skip subtrees without their bits.</summary>
        public readonly ulong TitleBloom;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Node(Node? left, ItemNode value, Node? right)
        {
            Left = left;
            Right = right;
            Value = value;
            Height = Math.Max(H(left), H(right)) + 1;
            Count = (left?.Count ?? 0) + 1 + (right?.Count ?? 0);
            Lines = (left?.Lines ?? 0) + value.LineCount + (right?.Lines ?? 0);
            Entries = (left?.Entries ?? 0) + (value.Kind == ItemKind.Entry ? 1 : 0) + (right?.Entries ?? 0);
            Flagged = (left?.Flagged ?? 0) + (value.IsFlagged ? 1 : 0) + (right?.Flagged ?? 0);
            Directives = (left?.Directives ?? 0) + (IsDirective(value) ? 1 : 0) + (right?.Directives ?? 0);
            TitleBloom = (left?.TitleBloom ?? 0) | (right?.TitleBloom ?? 0) | (value is EntryNode entry ? BloomBit(entry.TitleKeyHash) : 0);
        }
    }

    private static int H(Node? node) => node?.Height ?? 0;

    public static ItemTree Build(IReadOnlyList<ItemNode> items) => new(BuildBalanced(items, 0, items.Count));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Node? BuildBalanced(IReadOnlyList<ItemNode> items, int from, int to)
    {
        if (from >= to) return null;
        var mid = (from + to) >>> 1;
        return new Node(BuildBalanced(items, from, mid), items[mid], BuildBalanced(items, mid + 1, to));
    }

    /// <summary>Replaces <paramref name="removeCount"/> items from <paramref name="index"/> with <paramref name="inserted"/>.</summary>
    public ItemTree Replace(int index, int removeCount, IReadOnlyList<ItemNode> inserted)
    {
        var (before, rest) = Split(root, index);
        var (_, after) = Split(rest, removeCount);
        return new ItemTree(Concat(Concat(before, BuildBalanced(inserted, 0, inserted.Count)), after));
    }

    /// <summary>The item containing <paramref name="line"/>, its index and its first line. The line must be in range.</summary>
    public (ItemNode Item, int Index, int StartLine) FindByLine(int line)
    {
        if ((uint)line >= (uint)LineCount) throw new ArgumentOutOfRangeException(nameof(line));
        var node = root!;
        int index = 0, start = 0;
        while (true)
        {
            var leftLines = node.Left?.Lines ?? 0;
            if (line < start + leftLines)
            {
                node = node.Left!;
                continue;
            }
            var leftCount = node.Left?.Count ?? 0;
            if (line < start + leftLines + node.Value.LineCount) return (node.Value, index + leftCount, start + leftLines);
            index += leftCount + 1;
            start += leftLines + node.Value.LineCount;
            node = node.Right!;
        }
    }

    /// <summary>The item at <paramref name="index"/> and its first line.</summary>
    public (ItemNode Item, int StartLine) At(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        var node = root!;
        var start = 0;
        while (true)
        {
            var leftCount = node.Left?.Count ?? 0;
            if (index < leftCount)
            {
                node = node.Left!;
                continue;
            }
            start += node.Left?.Lines ?? 0;
            if (index == leftCount) return (node.Value, start);
            index -= leftCount + 1;
            start += node.Value.LineCount;
            node = node.Right!;
        }
    }

    /// <summary>Items in order from <paramref name="fromIndex"/>, with their first lines.</summary>
    public IEnumerable<(ItemNode Item, int StartLine)> Enumerate(int fromIndex = 0)
    {
        if (fromIndex >= Count) yield break;
        var (_, startLine) = At(fromIndex);
        var stack = new Stack<Node>();
        var node = root;
        var index = fromIndex;
        // Descend to the starting item, remembering the ancestors whose value comes after it.
        while (node is not null)
        {
            var leftCount = node.Left?.Count ?? 0;
            if (index < leftCount)
            {
                stack.Push(node);
                node = node.Left;
            }
            else if (index == leftCount)
            {
                stack.Push(node);
                node = null;
            }
            else
            {
                index -= leftCount + 1;
                node = node.Right;
            }
        }
        var line = startLine;
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return (current.Value, line);
            line += current.Value.LineCount;
            for (var next = current.Right; next is not null; next = next.Left) stack.Push(next);
        }
    }

    /// <summary>Items flagged as carrying findings or file-wide directives, in order, with their first lines.</summary>
    public IEnumerable<(ItemNode Item, int StartLine)> EnumerateFlagged()
    {
        // Sized from the root's count: a list with thousands of findings is walked on every keystroke.
        var results = new List<(ItemNode, int)>(root?.Flagged ?? 0);
        Collect(root, 0, directivesOnly: false, results);
        return results;
    }

    /// <summary>Comments that hold a directive, in order, with their first lines.</summary>
    public List<(ItemNode Item, int StartLine)> EnumerateDirectives()
    {
        var results = new List<(ItemNode, int)>(root?.Directives ?? 0);
        Collect(root, 0, directivesOnly: true, results);
        return results;
    }

    /// <summary>The flagged items (or only the directive comments) in order, skipping subtrees whose count says they hold none.</summary>
    private static void Collect(Node? node, int start, bool directivesOnly, List<(ItemNode, int)> results)
    {
        if (node is null || (directivesOnly ? node.Directives : node.Flagged) == 0) return;
        Collect(node.Left, start, directivesOnly, results);
        var own = start + (node.Left?.Lines ?? 0);
        if (directivesOnly ? IsDirective(node.Value) : node.Value.IsFlagged) results.Add((node.Value, own));
        Collect(node.Right, own + node.Value.LineCount, directivesOnly, results);
    }

    private static bool IsDirective(ItemNode item) => item is CommentNode { Directive: not null };

    internal static ulong BloomBit(int hash) => 1UL << (hash & 63);

    /// <summary>Entries whose title-key hash is in <paramref name="hashes"/>, in order, with their first lines.</summary>
    public List<(EntryNode Entry, int StartLine)> FindEntriesByTitleHash(IReadOnlySet<int> hashes)
    {
        var results = new List<(EntryNode, int)>();
        if (hashes.Count == 0) return results;
        ulong mask = 0;
        foreach (var hash in hashes) mask |= BloomBit(hash);
        CollectByTitle(root, 0, mask, hashes, results);
        return results;
    }

    private static void CollectByTitle(Node? node, int start, ulong mask, IReadOnlySet<int> hashes, List<(EntryNode, int)> results)
    {
        if (node is null || (node.TitleBloom & mask) == 0) return;
        CollectByTitle(node.Left, start, mask, hashes, results);
        var own = start + (node.Left?.Lines ?? 0);
        if (node.Value is EntryNode entry && hashes.Contains(entry.TitleKeyHash)) results.Add((entry, own));
        CollectByTitle(node.Right, own + node.Value.LineCount, mask, hashes, results);
    }

    private static Node Join(Node? left, ItemNode value, Node? right)
    {
        if (H(left) > H(right) + 1) return JoinRight(left!, value, right);
        if (H(right) > H(left) + 1) return JoinLeft(left, value, right!);
        return new Node(left, value, right);
    }

    private static Node JoinRight(Node left, ItemNode value, Node? right)
    {
        var inner = left.Right;
        if (H(inner) <= H(right) + 1)
        {
            var joined = new Node(inner, value, right);
            return joined.Height <= H(left.Left) + 1
                ? new Node(left.Left, left.Value, joined)
                : RotateLeft(new Node(left.Left, left.Value, RotateRight(joined)));
        }
        var deeper = JoinRight(inner!, value, right);
        var result = new Node(left.Left, left.Value, deeper);
        return deeper.Height <= H(left.Left) + 1 ? result : RotateLeft(result);
    }

    private static Node JoinLeft(Node? left, ItemNode value, Node right)
    {
        var inner = right.Left;
        if (H(inner) <= H(left) + 1)
        {
            var joined = new Node(left, value, inner);
            return joined.Height <= H(right.Right) + 1
                ? new Node(joined, right.Value, right.Right)
                : RotateRight(new Node(RotateLeft(joined), right.Value, right.Right));
        }
        var deeper = JoinLeft(left, value, inner!);
        var result = new Node(deeper, right.Value, right.Right);
        return deeper.Height <= H(right.Right) + 1 ? result : RotateRight(result);
    }

    private static Node RotateLeft(Node node)
    {
        var right = node.Right!;
        return new Node(new Node(node.Left, node.Value, right.Left), right.Value, right.Right);
    }

    private static Node RotateRight(Node node)
    {
        var left = node.Left!;
        return new Node(left.Left, left.Value, new Node(left.Right, node.Value, node.Right));
    }

    private static (Node? Before, Node? After) Split(Node? node, int index)
    {
        if (node is null) return (null, null);
        if (index <= 0) return (null, node);
        if (index >= node.Count) return (node, null);
        var leftCount = node.Left?.Count ?? 0;
        if (index <= leftCount)
        {
            var (before, after) = Split(node.Left, index);
            return (before, Join(after, node.Value, node.Right));
        }
        var (rightBefore, rightAfter) = Split(node.Right, index - leftCount - 1);
        return (Join(node.Left, node.Value, rightBefore), rightAfter);
    }

    private static Node? Concat(Node? left, Node? right)
    {
        if (left is null) return right;
        if (right is null) return left;
        var (rest, last) = SplitLast(left);
        return Join(rest, last, right);
    }

    private static (Node? Remainder, ItemNode Last) SplitLast(Node node)
    {
        if (node.Right is null) return (node.Left, node.Value);
        var (rest, last) = SplitLast(node.Right);
        return (Join(node.Left, node.Value, rest), last);
    }
}
