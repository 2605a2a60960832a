using System.Buffers;
using System.Collections;

namespace PaperLsp.Index;

/// <summary>
/// An immutable sorted set kept as a list of sorted chunks, for the index's author orders (name parts, authors by
/// frequency): an ImmutableSortedSet costs a node object per item, this one array per about a hundred items. An update
/// copies each chunk it changes once and the list of chunks once (a keystroke in a name, at 200,000 items: a few
/// chunks of 1.5 KB and a 16 KB list): more copying than a tree's path, but a couple of thousand objects instead of a
/// few hundred thousand that every collection walks, and a list opened or closed is one merge over everything.
/// </summary>
public sealed class SortedChunks<T> : IReadOnlyCollection<T>
{
    /// <summary>About the square root of (items / changes per update), which balances the copy of the chunks against
    /// the copy of the list of them.</summary>
    internal const int MaxChunk = 128;
    /// <summary>What a build or a split fills chunks to, leaving room for inserts before the next split.</summary>
    private const int FillChunk = 96;
    /// <summary>A chunk shrunk below this joins a neighbour if the two fit in one.</summary>
    private const int MinChunk = 24;

    private readonly T[][] chunks;

    private SortedChunks(IComparer<T> order, T[][] chunks, int count)
    {
        Order = order;
        this.chunks = chunks;
        Count = count;
    }

    public static SortedChunks<T> Empty(IComparer<T> order) => new(order, [], 0);

    public IComparer<T> Order { get; }
    public int Count { get; }

    /// <summary>The size of each array holding the items (for tests).</summary>
    internal IEnumerable<int> ChunkLengths => chunks.Select(chunk => chunk.Length);

    /// <summary>The set of <paramref name="items"/> (duplicates once).</summary>
    public static SortedChunks<T> Create(IComparer<T> order, IEnumerable<T> items) => FromSorted(order, SortedDistinct(order, items));

    private static T[] SortedDistinct(IComparer<T> order, IEnumerable<T> items)
    {
        var sorted = items.ToArray();
        Array.Sort(sorted, order);
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (n == 0 || order.Compare(sorted[n - 1], sorted[i]) != 0) sorted[n++] = sorted[i];
        return n == sorted.Length ? sorted : sorted[..n];
    }

    private static SortedChunks<T> FromSorted(IComparer<T> order, ReadOnlySpan<T> sorted)
    {
        var result = new T[(sorted.Length + FillChunk - 1) / FillChunk][];
        for (var c = 0; c < result.Length; c++)
        {
            // Even chunks rather than full ones and a short last one.
            var start = (int)((long)sorted.Length * c / result.Length);
            var end = (int)((long)sorted.Length * (c + 1) / result.Length);
            result[c] = sorted[start..end].ToArray();
        }
        return new SortedChunks<T>(order, result, sorted.Length);
    }

    /// <summary>
    /// The set without <paramref name="removed"/> and with <paramref name="added"/> (an item in both stays). Each chunk
    /// a change falls in is copied once, and the list of chunks once, however many changes there are: a list opened or
    /// closed is one merge over everything, a keystroke a chunk or two.
    /// </summary>
    public SortedChunks<T> Update(IEnumerable<T> removed, IEnumerable<T> added)
    {
        var gone = SortedDistinct(Order, removed);
        var more = SortedDistinct(Order, added);
        if (gone.Length + more.Length == 0) return this;
        if (chunks.Length == 0) return FromSorted(Order, more);
        var result = new Chunks(chunks.Length + (more.Length + MaxChunk - 1) / MaxChunk + 1);
        int c = 0, g = 0, a = 0, count = Count;
        while (g < gone.Length || a < more.Length)
        {
            // Straight to the chunk of the next change: the chunks before it are kept as they are.
            var next = a == more.Length || (g < gone.Length && Order.Compare(gone[g], more[a]) <= 0) ? gone[g] : more[a];
            var target = Math.Min(ChunkOf(next, c), chunks.Length - 1);
            result.Keep(chunks.AsSpan(c..target));
            c = target;
            var chunk = chunks[c];
            // A chunk takes the changes up to its last item; the last chunk takes the rest.
            var final = c == chunks.Length - 1;
            var goneEnd = g;
            while (goneEnd < gone.Length && (final || Order.Compare(gone[goneEnd], chunk[^1]) <= 0)) goneEnd++;
            var moreEnd = a;
            while (moreEnd < more.Length && (final || Order.Compare(more[moreEnd], chunk[^1]) <= 0)) moreEnd++;
            var merged = Merge(chunk, gone.AsSpan(g..goneEnd), more.AsSpan(a..moreEnd));
            (g, a) = (goneEnd, moreEnd);
            count += merged.Length - chunk.Length;
            c++;
            if (merged.Length <= MaxChunk)
            {
                if (merged.Length > 0) result.Add(merged);
                continue;
            }
            var pieces = (merged.Length + FillChunk - 1) / FillChunk;
            for (var p = 0; p < pieces; p++)
                result.Add(merged[(int)((long)merged.Length * p / pieces)..(int)((long)merged.Length * (p + 1) / pieces)]);
        }
        result.Keep(chunks.AsSpan(c..));
        return new SortedChunks<T>(Order, result.ToArray(), count);
    }

    /// <summary>The new list of chunks, in a rented buffer: one copy into the list kept.</summary>
    private struct Chunks(int capacity)
    {
        private T[][] buffer = ArrayPool<T[]>.Shared.Rent(capacity);
        private int count;

        /// <summary>Adds a chunk, joining it to the one before when either is small and both fit in one, so removals
        /// cannot leave a long list of tiny chunks.</summary>
        public void Add(T[] chunk)
        {
            if (count > 0 && (buffer[count - 1].Length < MinChunk || chunk.Length < MinChunk) && buffer[count - 1].Length + chunk.Length <= MaxChunk)
                buffer[count - 1] = [.. buffer[count - 1], .. chunk];
            else
            {
                if (count == buffer.Length) Grow();
                buffer[count++] = chunk;
            }
        }

        public void Keep(ReadOnlySpan<T[]> unchanged)
        {
            if (unchanged.IsEmpty) return;
            Add(unchanged[0]);
            while (count + unchanged.Length - 1 > buffer.Length) Grow();
            unchanged[1..].CopyTo(buffer.AsSpan(count));
            count += unchanged.Length - 1;
        }

        private void Grow()
        {
            var bigger = ArrayPool<T[]>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, count).CopyTo(bigger);
            ArrayPool<T[]>.Shared.Return(buffer, clearArray: true);
            buffer = bigger;
        }

        public T[][] ToArray()
        {
            var kept = buffer.AsSpan(0, count).ToArray();
            ArrayPool<T[]>.Shared.Return(buffer, clearArray: true);
            return kept;
        }
    }

    public SortedChunks<T> Add(T item) => Update([], [item]);
    public SortedChunks<T> Remove(T item) => Update([item], []);

    public bool Contains(T item)
    {
        var c = ChunkOf(item);
        return c < chunks.Length && Array.BinarySearch(chunks[c], item, Order) >= 0;
    }

    /// <summary>The chunk without <paramref name="gone"/> and with <paramref name="more"/>: a binary search per change
    /// and block copies between them, not a comparison per item.</summary>
    private T[] Merge(T[] chunk, ReadOnlySpan<T> gone, ReadOnlySpan<T> more)
    {
        var result = new T[chunk.Length + more.Length];
        int n = 0, i = 0, g = 0, a = 0;
        while (g < gone.Length || a < more.Length)
        {
            var adding = g == gone.Length || (a < more.Length && Order.Compare(more[a], gone[g]) <= 0);
            var item = adding ? more[a] : gone[g];
            var at = Array.BinarySearch(chunk, i, chunk.Length - i, item, Order);
            var position = at >= 0 ? at : ~at;
            chunk.AsSpan(i..position).CopyTo(result.AsSpan(n));
            n += position - i;
            i = at >= 0 ? at + 1 : position;
            if (adding)
            {
                // Removed and added again: as removing then adding, the added one is there.
                if (g < gone.Length && Order.Compare(gone[g], item) == 0) g++;
                result[n++] = item;
                a++;
            }
            else g++;
        }
        chunk.AsSpan(i).CopyTo(result.AsSpan(n));
        n += chunk.Length - i;
        return n == result.Length ? result : result[..n];
    }

    /// <summary>The items at or after the first one for which <paramref name="compareToBound"/> is not negative, in order
    /// (the set must be ordered so that those items are a suffix).</summary>
    public IEnumerable<T> From(Func<T, int> compareToBound)
    {
        int low = 0, high = chunks.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (compareToBound(chunks[middle][^1]) < 0) low = middle + 1;
            else high = middle;
        }
        for (var c = low; c < chunks.Length; c++)
        {
            var chunk = chunks[c];
            var i = 0;
            if (c == low)
            {
                int l = 0, h = chunk.Length;
                while (l < h)
                {
                    var m = (l + h) >> 1;
                    if (compareToBound(chunk[m]) < 0) l = m + 1;
                    else h = m;
                }
                i = l;
            }
            for (; i < chunk.Length; i++) yield return chunk[i];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in chunks)
        foreach (var item in chunk)
            yield return item;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The first chunk from <paramref name="from"/> on whose last item is not before <paramref name="item"/>;
    /// <c>chunks.Length</c> if none is.</summary>
    private int ChunkOf(T item, int from = 0)
    {
        int low = from, high = chunks.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (Order.Compare(chunks[middle][^1], item) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
