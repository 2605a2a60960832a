using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Logging;

namespace PaperLsp.Lsp.Session;

/// <summary>
/// Gives back to the system what building a large list's indexes left behind. The builds make gigabytes of short-lived
/// strings and arrays, much of it promoted before it died, and the collector keeps the memory it has committed: after a
/// 141 MB list the process stayed at 1.4 GB resident, of which about 0.9 GB was live. A forced collection, blocking or
/// not, freed the objects but kept the memory; only an aggressive one (compacting, and decommitting what it frees)
/// brought it down (to 1.0 GB, measured with LspBench <c>--open-only</c>). It stops the whole process for about 2 s at
/// that size, so it waits until the client has sent nothing for <see cref="Quiet"/>: any request counts (an editor
/// asks for hovers, highlights and tokens as the cursor moves), so the pause falls when nobody is using the editor.
/// </summary>
internal static class MemoryRelease
{
    /// <summary>How long the client must have been quiet: far longer than a pause in typing or reading, so that the
    /// collection's own pause is unlikely to meet the next keystroke.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    /// <summary>Waits for a quiet moment (<paramref name="sinceLastRequest"/> at least <see cref="Quiet"/>), then collects.</summary>
    public static async Task<Report> AfterLargeBuildAsync(Func<TimeSpan> sinceLastRequest, ILogger logger, TimeSpan? quiet = null,
        CancellationToken cancellationToken = default)
    {
        var wanted = quiet ?? Quiet;
        for (var since = sinceLastRequest(); since < wanted; since = sinceLastRequest())
            await Task.Delay(wanted - since, cancellationToken).ConfigureAwait(false);
        var report = Collect();
        logger.LogInformation("Gave back memory after a large list was taken in: {Before} MB to {After} MB committed, a {Pause} ms pause",
            report.CommittedBefore >> 20, report.CommittedAfter >> 20, (int)report.Pause.TotalMilliseconds);
        return report;
    }

    public readonly record struct Report(long CommittedBefore, long CommittedAfter, TimeSpan Pause);

    /// <summary>One aggressive, compacting collection of every generation, the large object heap included.</summary>
    public static Report Collect()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var paused = GC.GetTotalPauseDuration();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new Report(before, GC.GetGCMemoryInfo().TotalCommittedBytes, GC.GetTotalPauseDuration() - paused);
    }
}
