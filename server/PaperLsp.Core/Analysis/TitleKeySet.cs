using System.Collections;
using PaperLsp.Syntax;

namespace PaperLsp.Analysis;

/// <summary>
/// A set of title keys (a document's duplicated ones) that also knows their hashes, for code that asks it about every
/// entry of a large list: most entries are not in it, and an integer lookup of the hash each entry node keeps
/// (<see cref="EntryNode.TitleKeyHash"/>) rules them out without hashing their titles again. At 100,000 entries
/// hashing the titles was 7.6% of the samples of a whole document's semantic tokens.
/// </summary>
public sealed class TitleKeySet : IReadOnlySet<string>
{
    private readonly HashSet<string> keys;
    private readonly HashSet<int> hashes;

    public TitleKeySet(IEnumerable<string> keys)
    {
        this.keys = new HashSet<string>(keys, StringComparer.Ordinal);
        hashes = new HashSet<int>(this.keys.Count);
        foreach (var key in this.keys) hashes.Add(string.GetHashCode(key, StringComparison.Ordinal));
    }

    /// <summary>Whether the entry's title key is in the set.</summary>
    public bool ContainsKeyOf(EntryNode entry) => hashes.Contains(entry.TitleKeyHash) && keys.Contains(entry.TitleKey);

    public bool Contains(string item) => keys.Contains(item);
    public int Count => keys.Count;
    public IEnumerator<string> GetEnumerator() => keys.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public bool IsProperSubsetOf(IEnumerable<string> other) => keys.IsProperSubsetOf(other);
    public bool IsProperSupersetOf(IEnumerable<string> other) => keys.IsProperSupersetOf(other);
    public bool IsSubsetOf(IEnumerable<string> other) => keys.IsSubsetOf(other);
    public bool IsSupersetOf(IEnumerable<string> other) => keys.IsSupersetOf(other);
    public bool Overlaps(IEnumerable<string> other) => keys.Overlaps(other);
    public bool SetEquals(IEnumerable<string> other) => keys.SetEquals(other);
}
