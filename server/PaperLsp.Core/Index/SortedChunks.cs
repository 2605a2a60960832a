using System.Buffers;
using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace PaperLsp.Index;

/// <summary>
/// An immutable sorted set kept as a persistent list of sorted chunks, for the index's author orders (name parts,
/// authors by frequency): an ImmutableSortedSet costs a node object per item, this an array and a list node per about
/// a hundred items. An update copies each chunk it changes (about 1.5 KB) and the list's path to it (a dozen nodes),
/// so a keystroke in a name costs a few KB and a few dozen objects, and the set itself a couple of thousand objects
/// instead of a few hundred thousand that every collection walks. Many changes at once (a list opened or closed) are
/// one merge over everything.
/// </summary>
public sealed class SortedChunks<T> : IReadOnlyCollection<T>
{
    internal const int MaxChunk = 128;
    /// <summary>What a build or a split fills chunks to, leaving room for inserts before the next split.</summary>
    private const int FillChunk = 96;
    /// <summary>A chunk shrunk below this joins a neighbour if the two fit in one.</summary>
    internal const int MinChunk = 24;

    private readonly ImmutableList<T[]> chunks;

    private SortedChunks(IComparer<T> order, ImmutableList<T[]> chunks, int count)
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

    private static SortedChunks<T> FromSorted(IComparer<T> order, ReadOnlySpan<T> sorted) => new(order, [.. Split(sorted)], sorted.Length);

    /// <summary>Even chunks of at most <see cref="FillChunk"/> rather than full ones and a short last one.</summary>
    private static T[][] Split(ReadOnlySpan<T> sorted)
    {
        var result = new T[(sorted.Length + FillChunk - 1) / FillChunk][];
        for (var c = 0; c < result.Length; c++)
            result[c] = sorted[(int)((long)sorted.Length * c / result.Length)..(int)((long)sorted.Length * (c + 1) / result.Length)].ToArray();
        return result;
    }

    /// <summary>
    /// The set without <paramref name="removed"/> and with <paramref name="added"/> (an item in both stays). Each chunk
    /// a change falls in is merged with its changes once; past a change per few chunks, everything is merged at once.
    /// </summary>
    public SortedChunks<T> Update(IEnumerable<T> removed, IEnumerable<T> added)
    {
        var gone = SortedDistinct(Order, removed);
        var more = SortedDistinct(Order, added);
        if (gone.Length + more.Length == 0) return this;
        if (chunks.IsEmpty) return FromSorted(Order, more);
        if (gone.Length + more.Length > Math.Max(8, chunks.Count / 4))
        {
            var all = Merge([.. this], gone, more);
            return new SortedChunks<T>(Order, [.. Split(all)], all.Length);
        }
        var builder = chunks.ToBuilder();
        // The builder's index of an original chunk is its index plus shift.
        int shift = 0, g = 0, a = 0, count = Count, c = 0;
        while (g < gone.Length || a < more.Length)
        {
            var target = TargetOf(gone, g, more, a, c);
            var chunk = chunks[target];
            // A chunk takes the changes up to its last item; the last chunk takes the rest.
            var final = target == chunks.Count - 1;
            var goneEnd = g;
            while (goneEnd < gone.Length && (final || Order.Compare(gone[goneEnd], chunk[^1]) <= 0)) goneEnd++;
            var moreEnd = a;
            while (moreEnd < more.Length && (final || Order.Compare(more[moreEnd], chunk[^1]) <= 0)) moreEnd++;
            var merged = Merge(chunk, gone.AsSpan(g..goneEnd), more.AsSpan(a..moreEnd));
            (g, a) = (goneEnd, moreEnd);
            count += merged.Length - chunk.Length;
            c = target + 1;

            var at = target + shift;
            builder.RemoveAt(at);
            shift--;
            foreach (var piece in merged.Length <= MaxChunk ? (merged.Length == 0 ? [] : [merged]) : Split(merged))
            {
                // Joined to the chunk before when either is small and both fit, so removals cannot leave a long list
                // of tiny chunks.
                if (at > 0 && (builder[at - 1].Length < MinChunk || piece.Length < MinChunk) && builder[at - 1].Length + piece.Length <= MaxChunk)
                    builder[at - 1] = [.. builder[at - 1], .. piece];
                else
                {
                    builder.Insert(at++, piece);
                    shift++;
                }
            }
            // A small chunk with none before it joins the next, if no change is still to reach that one.
            if (at > 0 && at < builder.Count && builder[at - 1].Length < MinChunk && builder[at - 1].Length + builder[at].Length <= MaxChunk
                && (g == gone.Length && a == more.Length || TargetOf(gone, g, more, a, c) != c))
            {
                builder[at - 1] = [.. builder[at - 1], .. builder[at]];
                builder.RemoveAt(at);
                shift--;
                c++;
            }
        }
        return new SortedChunks<T>(Order, builder.ToImmutable(), count);
    }

    /// <summary>The chunk, from <paramref name="from"/> on, of the next change.</summary>
    private int TargetOf(T[] gone, int g, T[] more, int a, int from)
    {
        var next = a == more.Length || (g < gone.Length && Order.Compare(gone[g], more[a]) <= 0) ? gone[g] : more[a];
        return Math.Min(ChunkOf(next, from), chunks.Count - 1);
    }

    public SortedChunks<T> Add(T item) => Update([], [item]);
    public SortedChunks<T> Remove(T item) => Update([item], []);

    public bool Contains(T item)
    {
        var c = ChunkOf(item);
        return c < chunks.Count && Array.BinarySearch(chunks[c], item, Order) >= 0;
    }

    /// <summary>The chunk without <paramref name="gone"/> and with <paramref name="more"/>: a binary search per change
    /// and block copies between them, not a comparison per item; built in a rented buffer, so the chunk kept is the one
    /// array allocated.</summary>
    private T[] Merge(T[] chunk, ReadOnlySpan<T> gone, ReadOnlySpan<T> more)
    {
        var buffer = ArrayPool<T>.Shared.Rent(chunk.Length + more.Length);
        var result = buffer.AsSpan(0, chunk.Length + more.Length);
        int n = 0, i = 0, g = 0, a = 0;
        while (g < gone.Length || a < more.Length)
        {
            var adding = g == gone.Length || (a < more.Length && Order.Compare(more[a], gone[g]) <= 0);
            var item = adding ? more[a] : gone[g];
            var at = Array.BinarySearch(chunk, i, chunk.Length - i, item, Order);
            var position = at >= 0 ? at : ~at;
            chunk.AsSpan(i..position).CopyTo(result[n..]);
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
        chunk.AsSpan(i).CopyTo(result[n..]);
        n += chunk.Length - i;
        var merged = result[..n].ToArray();
        ArrayPool<T>.Shared.Return(buffer, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        return merged;
    }

    /// <summary>The items at or after the first one for which <paramref name="compareToBound"/> is not negative, in order
    /// (the set must be ordered so that those items are a suffix).</summary>
    public IEnumerable<T> From(Func<T, int> compareToBound)
    {
        int low = 0, high = chunks.Count;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (compareToBound(chunks[middle][^1]) < 0) low = middle + 1;
            else high = middle;
        }
        for (var c = low; c < chunks.Count; c++)
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
    /// <c>chunks.Count</c> if none is.</summary>
    private int ChunkOf(T item, int from = 0)
    {
        int low = from, high = chunks.Count;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (Order.Compare(chunks[middle][^1], item) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
