using PaperLsp.Index;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Index;

/// <summary>
/// The workspace index's compact collections against plain models: random update sequences, seeded, each state
/// compared in full. The sequences grow the collections past their small forms (the array of a <see cref="CountMap{TKey}"/>,
/// a single chunk) and shrink them back, so both sides of every threshold are walked.
/// </summary>
public class CompactCollectionsTests
{
    [Test]
    public void A_count_map_after_random_bumps_equals_a_dictionary()
    {
        var seedsWithSingle = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var map = CountMap<string>.Empty;
            var model = new Dictionary<string, int>(StringComparer.Ordinal);
            // Grow with mostly positive deltas, then shrink with mostly negative ones: past the array limit and back.
            var keys = (seed % 3) switch { 0 => 4, 1 => 40, _ => CountMap<string>.ArrayLimit * 2 };
            var sawTree = false;
            var sawSingle = false;
            for (var step = 0; step < 400; step++)
            {
                var growing = step < 200;
                var batch = random.Next(4) == 0 ? random.Next(1, 40) : 1;
                var deltas = new List<KeyValuePair<string, int>>();
                for (var i = 0; i < batch; i++)
                {
                    var key = "k" + random.Next(keys);
                    var delta = (random.Next(3) == 0 ? random.Next(2, 4) : 1) * (random.Next(10) < (growing ? 8 : 2) ? 1 : -1);
                    deltas.Add(new(key, delta));
                }
                foreach (var (key, delta) in deltas)
                {
                    if (batch == 1) map = map.Bump(key, delta);
                    model[key] = model.GetValueOrDefault(key) + delta;
                }
                if (batch > 1)
                {
                    // A batch applies the sum of its deltas per key, as the index applies an edit.
                    var span = deltas.ToArray().AsSpan();
                    map = map.Apply(span[..CountMap<string>.Combine(span)]);
                }
                foreach (var key in model.Where(p => p.Value <= 0).Select(p => p.Key).ToList()) model.Remove(key);
                var difference = Compare(map, model);
                Assert.That(difference, Is.Null, $"seed {seed} step {step}");
                Assert.That(map.IsTree, Is.EqualTo(map.Count > CountMap<string>.ArrayLimit), $"seed {seed} step {step}: the form follows the count");
                Assert.That(map.IsSingle, Is.EqualTo(map.Count == 1 && map.Single().Value == 1), $"seed {seed} step {step}: one key counted once is the key");
                sawTree |= map.IsTree;
                sawSingle |= map.IsSingle;
            }
            if (keys > CountMap<string>.ArrayLimit) Assert.That(sawTree, $"seed {seed} reached the tree form");
            if (sawSingle) seedsWithSingle++;
        }
        Assert.That(seedsWithSingle, Is.GreaterThan(20), "the small sequences pass through the single form");
    }

    private static string? Compare(CountMap<string> map, Dictionary<string, int> model)
    {
        var expected = model.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var actual = map.ToList();
        if (!expected.SequenceEqual(actual))
            return $"pairs differ: expected {string.Join(",", expected)} got {string.Join(",", actual)}";
        if (map.Count != model.Count) return $"count {map.Count} != {model.Count}";
        if (!map.Keys.SequenceEqual(expected.Select(p => p.Key)) || !map.Values.SequenceEqual(expected.Select(p => p.Value))) return "keys or values differ";
        foreach (var (key, count) in model)
            if (!map.TryGetValue(key, out var got) || got != count || map[key] != count || !map.ContainsKey(key)) return $"lookup of {key}";
        if (map.ContainsKey("absent") || map.GetValueOrDefault("absent") != 0) return "an absent key is found";
        return null;
    }

    [Test]
    public void A_map_of_document_ids_holds_one_file_counted_once_as_its_key_and_grows_from_it()
    {
        var a = new DocumentId("/a.papers");
        var b = new DocumentId("/b.papers");
        var one = CountMap<DocumentId>.Empty.Bump(b, 1);
        Assert.That(one.IsSingle && one.Count == 1 && one[b] == 1 && !one.ContainsKey(a));
        Assert.That(one.ToList(), Is.EqualTo(new KeyValuePair<DocumentId, int>[] { new(b, 1) }));
        var two = one.Bump(a, 1).Bump(b, 1);
        Assert.That(two.IsSingle, Is.False);
        Assert.That(two.ToList(), Is.EqualTo(new KeyValuePair<DocumentId, int>[] { new(a, 1), new(b, 2) }));
        Assert.That(two.Bump(b, -1).Bump(a, -1).IsSingle, "back to one file counted once");
        Assert.That(one.Bump(b, 1).IsSingle, Is.False, "counted twice is an array");
    }

    [Test]
    public void Count_map_deltas_combine_by_key_and_drop_what_cancels()
    {
        KeyValuePair<string, int>[] deltas = [new("b", 1), new("a", 2), new("b", -1), new("c", 1), new("a", 1)];
        var n = CountMap<string>.Combine(deltas);
        Assert.That(deltas[..n], Is.EqualTo(new KeyValuePair<string, int>[] { new("a", 3), new("c", 1) }));
        var map = CountMap<string>.Empty.Apply(deltas.AsSpan(0, n));
        Assert.That(map.Apply([new("a", -3)]).ToList(), Is.EqualTo(new KeyValuePair<string, int>[] { new("c", 1) }));
        Assert.That(map.Bump("c", -5).Bump("a", -3).IsEmpty, "counts at zero or below leave");
    }

    [Test]
    public void Sorted_chunks_after_random_updates_equal_a_sorted_set()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var set = SortedChunks<int>.Empty(Comparer<int>.Default);
            var model = new SortedSet<int>();
            var range = random.Next(2) == 0 ? 300 : 5000;
            for (var step = 0; step < 150; step++)
            {
                // Mostly a few changes (a keystroke), sometimes hundreds or thousands (a list opened or closed).
                var size = random.Next(10) switch { < 7 => random.Next(1, 6), < 9 => random.Next(1, 300), _ => random.Next(1, 3000) };
                var growing = step % 50 < 30;
                var removed = Enumerable.Range(0, growing ? size / 3 : size).Select(_ => random.Next(range)).ToList();
                var added = Enumerable.Range(0, growing ? size : size / 3).Select(_ => random.Next(range)).ToList();
                set = set.Update(removed, added);
                model.ExceptWith(removed);
                model.UnionWith(added);
                Assert.That(set.ToList(), Is.EqualTo(model.ToList()), $"seed {seed} step {step}");
                Assert.That(set.Count, Is.EqualTo(model.Count), $"seed {seed} step {step}");
                AssertChunks(set, $"seed {seed} step {step}");
                var bound = random.Next(-10, range + 10);
                Assert.That(set.From(item => item.CompareTo(bound)).ToList(), Is.EqualTo(model.Where(item => item >= bound).ToList()), $"seed {seed} step {step}: from {bound}");
                var probe = random.Next(range);
                Assert.That(set.Contains(probe), Is.EqualTo(model.Contains(probe)));
            }
        }
    }

    /// <summary>Chunks are never empty nor over the limit, and a small one never sits beside one it would fit in with.</summary>
    private static void AssertChunks(SortedChunks<int> set, string context)
    {
        var lengths = set.ChunkLengths.ToList();
        Assert.That(lengths, Has.All.InRange(1, SortedChunks<int>.MaxChunk), $"{context}: chunk sizes");
        for (var i = 1; i < lengths.Count; i++)
            if (Math.Min(lengths[i - 1], lengths[i]) < SortedChunks<int>.MinChunk)
                Assert.That(lengths[i - 1] + lengths[i], Is.GreaterThan(SortedChunks<int>.MaxChunk), $"{context}: a small chunk beside one it fits in ({string.Join(",", lengths)})");
    }

    [Test]
    public void Sorted_chunks_shrunk_at_either_end_join_their_neighbour()
    {
        var set = SortedChunks<int>.Create(Comparer<int>.Default, Enumerable.Range(0, 1000));
        for (var i = 0; i < 90; i++)
        {
            set = set.Remove(i).Remove(999 - i);
            AssertChunks(set, $"after removing {i} and {999 - i}");
        }
        Assert.That(set.ToList(), Is.EqualTo(Enumerable.Range(90, 820).ToList()));
    }

    [Test]
    public void Sorted_chunks_removed_and_added_at_once_keep_the_item_and_many_removals_leave_few_chunks()
    {
        var set = SortedChunks<int>.Create(Comparer<int>.Default, Enumerable.Range(0, 10_000));
        Assert.That(set.Update([5, 7], [5, 10_001]).ToList(), Is.EqualTo(Enumerable.Range(0, 10_000).Where(i => i != 7).Append(10_001).ToList()));
        // Removing one by one all but every hundredth item must not leave a chunk per survivor.
        foreach (var item in Enumerable.Range(0, 10_000).Where(i => i % 100 != 0)) set = set.Remove(item);
        Assert.That(set.ToList(), Is.EqualTo(Enumerable.Range(0, 100).Select(i => i * 100).ToList()));
        Assert.That(set.ChunkLengths.Count(), Is.LessThanOrEqualTo(10));
    }

    [Test]
    public void Name_parts_are_the_parts_of_the_key()
    {
        foreach (var key in new[] { "yoon kim", "yung-sung kim", "kim kim", "a--b c", "-x- y", "solo", "", "  spaced  out ", "van-der-berg" })
            Assert.That(WorkspaceIndex.NamePart.Of(key).Select(p => p.Part.ToString()), Is.EqualTo(WorkspaceIndex.PartsOf(key)), key);
    }
}
