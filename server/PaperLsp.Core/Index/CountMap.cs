using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using PaperLsp.Workspace;

namespace PaperLsp.Index;

/// <summary>
/// An immutable map from key to a positive count, for the workspace index's per-author and per-title collections.
/// Almost all of them hold one to a few dozen keys (at 100,000 entries: co-authors p99 23, files and spellings 1-2),
/// and the index keeps a few hundred thousand of them: as a sorted array with copy-on-write updates one costs one
/// object, where an ImmutableDictionary costs a node or two per key, and every collection pays for every object.
/// Past <see cref="ArrayLimit"/> keys (a very prolific author's co-authors) a copy per update would cost more than the
/// objects save, so the map turns into a sorted tree there. The commonest map of all, one key counted once (the file
/// of nearly every title, of a one-paper author, the spelling of one), is no object at all: the key's own string. The
/// form follows from the pairs alone, so equal maps built by different histories look the same. A struct over one
/// reference: a record holding three maps holds three references, not three more objects.
/// </summary>
public readonly struct CountMap<TKey> : IReadOnlyDictionary<TKey, int> where TKey : notnull
{
    /// <summary>Above this many keys the map is a tree: at this size a copy is 4 KB per update of a string map.</summary>
    internal const int ArrayLimit = 256;

    /// <summary>Ordinal for strings (as the index's dictionaries compare them), the key's own order otherwise.</summary>
    public static readonly IComparer<TKey> Order = typeof(TKey) == typeof(string)
        ? (IComparer<TKey>)(object)StringComparer.Ordinal
        : Comparer<TKey>.Default;

    private static readonly KeyComparer PairOrder = new();

    /// <summary>The string a key is, for the keys that are one (strings and <see cref="DocumentId"/>s); null for other keys,
    /// whose single pairs are arrays like the rest.</summary>
    private static readonly Func<TKey, string>? SingleOf =
        typeof(TKey) == typeof(string) ? (Func<TKey, string>)(object)(Func<string, string>)(key => key)
        : typeof(TKey) == typeof(DocumentId) ? (Func<TKey, string>)(object)(Func<DocumentId, string>)(id => id.Key)
        : null;

    private static readonly Func<string, TKey>? KeyOfSingle =
        typeof(TKey) == typeof(string) ? (Func<string, TKey>)(object)(Func<string, string>)(key => key)
        : typeof(TKey) == typeof(DocumentId) ? (Func<string, TKey>)(object)(Func<string, DocumentId>)(key => new DocumentId(key))
        : null;

    /// <summary>null when empty; a string for one key counted once (see <see cref="SingleOf"/>); else a
    /// <c>KeyValuePair&lt;TKey, int&gt;[]</c> sorted by key of at most <see cref="ArrayLimit"/> pairs, or an
    /// <see cref="ImmutableSortedDictionary{TKey, TValue}"/> of more.</summary>
    private readonly object? store;

    private CountMap(object? store) => this.store = store;

    public static CountMap<TKey> Empty => default;

    public int Count => store switch
    {
        null => 0,
        string => 1,
        KeyValuePair<TKey, int>[] pairs => pairs.Length,
        _ => Tree.Count,
    };

    public bool IsEmpty => store is null;

    /// <summary>Whether the tree form holds the pairs (for tests of the large path).</summary>
    internal bool IsTree => store is ImmutableSortedDictionary<TKey, int>;

    /// <summary>Whether the pairs are one key counted once, held as the key itself (for tests).</summary>
    internal bool IsSingle => store is string;

    private ImmutableSortedDictionary<TKey, int> Tree => (ImmutableSortedDictionary<TKey, int>)store!;

    public int this[TKey key] => TryGetValue(key, out var count) ? count : throw new KeyNotFoundException($"'{key}' is not in the map");

    public int GetValueOrDefault(TKey key) => TryGetValue(key, out var count) ? count : 0;

    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out int value)
    {
        switch (store)
        {
            case null:
                value = 0;
                return false;
            case string single:
                var found = Order.Compare(KeyOfSingle!(single), key) == 0;
                value = found ? 1 : 0;
                return found;
            case KeyValuePair<TKey, int>[] pairs:
                var at = Find(pairs, key);
                value = at >= 0 ? pairs[at].Value : 0;
                return at >= 0;
            default:
                return Tree.TryGetValue(key, out value);
        }
    }

    /// <summary>Keys in key order.</summary>
    public IEnumerable<TKey> Keys => this.Select(pair => pair.Key);

    public IEnumerable<int> Values => this.Select(pair => pair.Value);

    /// <summary>Pairs in key order.</summary>
    public IEnumerator<KeyValuePair<TKey, int>> GetEnumerator()
    {
        IEnumerable<KeyValuePair<TKey, int>> pairs = store switch
        {
            null => [],
            string single => [new KeyValuePair<TKey, int>(KeyOfSingle!(single), 1)],
            KeyValuePair<TKey, int>[] array => array,
            _ => Tree,
        };
        return pairs.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The map with <paramref name="delta"/> added to the count of <paramref name="key"/>; a count that reaches zero or less leaves.</summary>
    public CountMap<TKey> Bump(TKey key, int delta) => delta == 0 ? this : Apply([new KeyValuePair<TKey, int>(key, delta)]);

    /// <summary>
    /// The map with each delta added, in one copy. <paramref name="deltas"/> must be sorted by key under <see cref="Order"/>,
    /// each key once; a count that reaches zero or less leaves the map.
    /// </summary>
    public CountMap<TKey> Apply(ReadOnlySpan<KeyValuePair<TKey, int>> deltas)
    {
        if (deltas.IsEmpty) return this;
        if (store is ImmutableSortedDictionary<TKey, int> tree)
        {
            var builder = tree.ToBuilder();
            foreach (var (key, delta) in deltas)
            {
                var count = builder.GetValueOrDefault(key) + delta;
                if (count <= 0) builder.Remove(key);
                else builder[key] = count;
            }
            return builder.Count > ArrayLimit ? new CountMap<TKey>(builder.ToImmutable()) : FromSorted([.. builder]);
        }

        var pairs = store switch
        {
            KeyValuePair<TKey, int>[] array => array,
            string single => [new KeyValuePair<TKey, int>(KeyOfSingle!(single), 1)],
            _ => [],
        };
        var merged = new KeyValuePair<TKey, int>[pairs.Length + deltas.Length];
        int i = 0, d = 0, n = 0;
        while (i < pairs.Length || d < deltas.Length)
        {
            var order = i == pairs.Length ? 1 : d == deltas.Length ? -1 : Order.Compare(pairs[i].Key, deltas[d].Key);
            if (order < 0)
            {
                merged[n++] = pairs[i++];
                continue;
            }
            var (key, delta) = deltas[d++];
            var count = delta;
            if (order == 0) count += pairs[i++].Value;
            if (count > 0) merged[n++] = new KeyValuePair<TKey, int>(key, count);
        }
        if (n < merged.Length) Array.Resize(ref merged, n);
        return FromSorted(merged);
    }

    /// <summary>A map over <paramref name="pairs"/>, which must be sorted by key, each key once, each count positive; the array is kept.</summary>
    internal static CountMap<TKey> FromSorted(KeyValuePair<TKey, int>[] pairs) => pairs.Length switch
    {
        0 => default,
        1 when pairs[0].Value == 1 && SingleOf is not null => new CountMap<TKey>(SingleOf(pairs[0].Key)),
        <= ArrayLimit => new CountMap<TKey>(pairs),
        _ => new CountMap<TKey>(ImmutableSortedDictionary.CreateRange(Order, pairs)),
    };

    /// <summary>
    /// Sorts <paramref name="deltas"/> by key and sums the deltas of equal keys, in place; returns how many distinct keys
    /// with a non-zero sum lead the span, ready for <see cref="Apply"/>.
    /// </summary>
    public static int Combine(Span<KeyValuePair<TKey, int>> deltas)
    {
        if (deltas.Length > 1) deltas.Sort(PairOrder);
        var n = 0;
        for (var i = 0; i < deltas.Length;)
        {
            var key = deltas[i].Key;
            var sum = 0;
            for (; i < deltas.Length && Order.Compare(deltas[i].Key, key) == 0; i++) sum += deltas[i].Value;
            if (sum != 0) deltas[n++] = new KeyValuePair<TKey, int>(key, sum);
        }
        return n;
    }

    private static int Find(KeyValuePair<TKey, int>[] pairs, TKey key)
    {
        int low = 0, high = pairs.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = Order.Compare(pairs[middle].Key, key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    private sealed class KeyComparer : IComparer<KeyValuePair<TKey, int>>
    {
        public int Compare(KeyValuePair<TKey, int> a, KeyValuePair<TKey, int> b) => Order.Compare(a.Key, b.Key);
    }
}
