using System.Runtime;
using PaperLsp.Lsp.Workspace;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Lsp;

/// <summary>
/// The no-GC region around a large read (<see cref="LargeRead"/>) changes when the collector runs, never what is read,
/// and is always over afterwards, also when the read outgrows it. NonParallelizable: the region is process-wide.
/// </summary>
[TestFixture, NonParallelizable]
public class LargeReadTests
{
    private static string List(int entries) => string.Concat(Enumerable.Range(0, entries).Select(i =>
        $"29.4CLMay 25, 2022\nA Study of Things Number {i}Jane Doe, John Smith et al. · mit\nAn abstract about things, number {i}.\n"));

    [Test]
    public void A_read_in_the_region_equals_a_plain_read_collects_less_and_leaves_the_collector_as_it_was()
    {
        var text = List(40_000);
        var before = GCSettings.LatencyMode;

        GC.Collect();
        var plainStart = GC.CollectionCount(0);
        var plain = PaperDocument.Parse(text);
        var plainCollections = GC.CollectionCount(0) - plainStart;

        GC.Collect();
        var regionStart = GC.CollectionCount(0);
        var inRegion = LargeRead.WithoutCollections(text, () => PaperDocument.Parse(text), minChars: 1, maxHeapBytes: long.MaxValue);
        var regionCollections = GC.CollectionCount(0) - regionStart;

        Assert.Multiple(() =>
        {
            Assert.That(inRegion.GetText(), Is.EqualTo(text));
            Assert.That(inRegion.EntryCount, Is.EqualTo(plain.EntryCount).And.EqualTo(40_000));
            Assert.That(GCSettings.LatencyMode, Is.EqualTo(before), "the region is over");
            // Starting the region collects once; the plain read of the same text collects several times.
            Assert.That(plainCollections, Is.GreaterThanOrEqualTo(3), "the text is large enough to tell the two apart");
            Assert.That(regionCollections, Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void A_read_that_allocates_past_the_budget_still_completes_and_the_region_is_over()
    {
        var text = List(50);
        var before = GCSettings.LatencyMode;
        var result = LargeRead.WithoutCollections(text, () =>
        {
            // Far more than the region is sized for (a few bytes per character, about a kilobyte per line).
            var kept = new List<byte[]>();
            for (var i = 0; i < 64; i++) kept.Add(new byte[1 << 20]);
            return kept.Count;
        }, minChars: 1, maxHeapBytes: long.MaxValue);
        Assert.That(result, Is.EqualTo(64));
        Assert.That(GCSettings.LatencyMode, Is.EqualTo(before));
    }

    [Test]
    public void Only_a_large_text_next_to_a_small_heap_is_read_in_a_region()
    {
        static bool InRegion() => GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;
        var text = List(200);
        Assert.Multiple(() =>
        {
            Assert.That(LargeRead.WithoutCollections(text, InRegion, maxHeapBytes: long.MaxValue), Is.False, "shorter than MinChars");
            Assert.That(LargeRead.WithoutCollections(text, InRegion, minChars: 1, maxHeapBytes: 0), Is.False, "the heap is larger than worth collecting");
            Assert.That(LargeRead.WithoutCollections(text, InRegion, minChars: 1, maxHeapBytes: long.MaxValue), Is.True);
        });
    }
}
