using PaperLsp.Threading;

namespace PaperLsp.Lsp.Session;

/// <summary>
/// Long CPU work off the queue (indexing or compacting a large list) on a thread of its own, not the thread pool's:
/// on two cores the pool starts with two threads, and two such jobs on them left the JSON-RPC reader and the queue
/// waiting for the pool to add a thread (about half a second) before the first keystroke after a large open.
/// </summary>
internal static class Background
{
    /// <remarks>At a lower scheduling priority than the requests' threads (see <see cref="BackgroundPriority"/>).</remarks>
    public static Task Run(Action work) => BackgroundPriority.Run(work);
}
