using System.Runtime;

namespace PaperLsp.Lsp.Workspace;

/// <summary>
/// Holds the garbage collector off while a large opened text is read. Nearly all a read allocates survives (it is the
/// document), so each collection during it copies what the previous one kept: at 100,000 entries the workstation
/// collector (a 6 MB young generation while it may collect in the background) ran 29 gen1 collections in one read,
/// and the read took 1.25-1.45 s. In a no-GC region it took 0.66-0.88 s, plus 0.14 s for the one collection after it
/// (<c>first-parse</c>, <c>docs/performance.md</c>). The cost is memory: what the read throws away (about 200 MB at
/// 100,000 entries) is collected after it, not during it.
/// </summary>
public static class LargeRead
{
    /// <summary>Below this many UTF-16 units the collections of a read cost little: a 10,000-entry list is 14 M.</summary>
    public const int MinChars = 32 << 20;

    /// <summary>
    /// What a read allocates, with a third more for room: about 1.5 bytes per UTF-16 unit plus 880 per line, fitted to
    /// a 100,000-entry list of long abstracts (3.1 bytes per unit in all) and a list of short lines (23 per unit).
    /// </summary>
    public const int BytesPerChar = 2;

    /// <inheritdoc cref="BytesPerChar"/>
    public const int BytesPerLine = 1200;

    /// <summary>
    /// Runs <paramref name="read"/> of <paramref name="text"/> in a no-GC region when the text is large and the heap is
    /// small next to it (starting a region collects the heap first, which is cheap only then). Whatever happens the
    /// region is over when this returns: a read that allocates more than the budget gets its collections as usual.
    /// </summary>
    /// <param name="maxHeapBytes">
    /// The largest small-object heap worth collecting to start the region; the budget unless given (tests). The large
    /// objects do not count: the message's bytes and the text are arrays without references, which cost a collection nothing.
    /// </param>
    public static T WithoutCollections<T>(string text, Func<T> read, int minChars = MinChars, long? maxHeapBytes = null)
    {
        if (text.Length < minChars) return read();
        // Counting the lines is one vectorised pass (tens of milliseconds at 100,000 entries, against the half second saved).
        var budget = (long)text.Length * BytesPerChar + (long)text.AsSpan().Count('\n') * BytesPerLine;
        if (SmallObjectHeapBytes() > (maxHeapBytes ?? budget)) return read();
        bool started;
        try
        {
            started = GC.TryStartNoGCRegion(budget, disallowFullBlockingGC: true);
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the runtime will set aside at once, or a region already begun elsewhere: read as usual.
            started = false;
        }
        try
        {
            return read();
        }
        finally
        {
            if (started) End();
        }
    }

    /// <summary>Generations 0-2 as the last collection left them (0 before the first).</summary>
    private static long SmallObjectHeapBytes()
    {
        var generations = GC.GetGCMemoryInfo().GenerationInfo;
        long total = 0;
        for (var generation = 0; generation < 3 && generation < generations.Length; generation++) total += generations[generation].SizeAfterBytes;
        return total;
    }

    private static void End()
    {
        // A read that outgrew the budget has already ended the region with a collection.
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended between the check and the call.
        }
    }
}
