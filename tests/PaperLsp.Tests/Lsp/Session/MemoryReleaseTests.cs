using Microsoft.Extensions.Logging.Abstractions;
using PaperLsp.Lsp.Session;

namespace PaperLsp.Tests.Lsp.Session;

[TestFixture, NonParallelizable]
public class MemoryReleaseTests
{
    /// <summary>A field, not a local: unoptimised code keeps a local's object alive to the end of the method.</summary>
    private static List<byte[]>? promoted;

    [Test]
    public void Collect_gives_back_the_memory_of_dead_objects_that_reached_the_oldest_generation()
    {
        // What an index build leaves: many small objects that lived long enough to be promoted, then died.
        promoted = Enumerable.Range(0, 200_000).Select(_ => new byte[1024]).ToList();
        GC.Collect();
        GC.Collect();
        Assume.That(GC.GetGeneration(promoted[0]), Is.EqualTo(GC.MaxGeneration));
        promoted = null;
        var report = MemoryRelease.Collect();
        Assert.That(report.CommittedBefore - report.CommittedAfter, Is.GreaterThan(100L << 20),
            $"committed {report.CommittedBefore >> 20} MB before, {report.CommittedAfter >> 20} MB after");
        Assert.That(report.Pause, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task The_collection_waits_until_the_client_has_been_quiet()
    {
        var quiet = TimeSpan.FromMilliseconds(50);
        var asked = 0;
        // Busy for the first five looks (a request just arrived), then quiet.
        TimeSpan SinceLastRequest() => ++asked <= 5 ? TimeSpan.Zero : quiet;
        var collections = GC.CollectionCount(GC.MaxGeneration);
        var report = await MemoryRelease.AfterLargeBuildAsync(SinceLastRequest, NullLogger.Instance, quiet);
        Assert.That(asked, Is.EqualTo(6));
        Assert.That(GC.CollectionCount(GC.MaxGeneration), Is.GreaterThan(collections));
        Assert.That(report.CommittedAfter, Is.GreaterThan(0));
    }

    [Test]
    public void A_queue_reports_how_long_since_its_last_item()
    {
        var queue = new PaperLsp.Lsp.Queue.RequestQueue(() => throw new InvalidOperationException("no state needed"), NullLogger.Instance);
        Thread.Sleep(30);
        Assert.That(queue.SinceLastItem, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(25)));
        queue.Complete();
        _ = queue.EnqueueExclusive("test", _ => 1, CancellationToken.None);
        Assert.That(queue.SinceLastItem, Is.LessThan(TimeSpan.FromMilliseconds(25)));
    }
}
