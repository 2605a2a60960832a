using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Queue;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// At most one pending publication per document: scheduling one cancels the one before, waits the quiet period
/// (<see cref="ServerSession.DiagnosticsDelay"/>), then runs the work as an exclusive queue item. Shared by the open
/// documents' publisher and the workspace's, so fast typing builds no backlog in either.
/// </summary>
public sealed class QuietPeriodScheduler(ServerSession session, RequestQueue queue, ILogger logger, string itemName)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> pending = new(StringComparer.Ordinal);

    /// <returns>Completes when the work ran or was superseded.</returns>
    public Task Schedule(string uri, Func<CancellationToken, bool> work)
    {
        var source = new CancellationTokenSource();
        if (pending.TryGetValue(uri, out var previous)) previous.Cancel();
        pending[uri] = source;
        return RunAfterQuietPeriodAsync(uri, source, work);
    }

    public void CancelPending(string uri)
    {
        if (pending.TryRemove(uri, out var previous)) previous.Cancel();
    }

    private async Task RunAfterQuietPeriodAsync(string uri, CancellationTokenSource source, Func<CancellationToken, bool> work)
    {
        var token = source.Token;
        try
        {
            await Task.Delay(session.DiagnosticsDelay, token).ConfigureAwait(false);
            await queue.EnqueueExclusive(itemName, work, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            logger.LogTrace("{Item} for {Uri} superseded", itemName, uri);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Item} for {Uri} failed", itemName, uri);
        }
        finally
        {
            pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(uri, source));
            source.Dispose();
        }
    }
}
