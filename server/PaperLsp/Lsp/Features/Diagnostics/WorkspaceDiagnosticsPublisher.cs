using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PaperLsp.Duplicates;
using PaperLsp.Files;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Session;
using PaperLsp.Lsp.Queue;
using PaperLsp.Workspace;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// Keeps the duplicate findings of every list current when a change elsewhere alters them: an edit in one list can make
/// or break a copy in another, and move the lines another list's messages name. After each sync notification or disk
/// batch, the documents the workspace relations report as affected are re-published, and only those:
/// <list type="bullet">
/// <item>an open document through <see cref="DiagnosticsPublisher"/> (push), or by asking a pulling client to pull again
/// (<c>workspace/diagnostic/refresh</c>);</item>
/// <item>a list that is not open gets its duplicate findings pushed (the Problems panel shows copies in lists the user
/// never opened); its other findings wait until it is opened. Such pushes are cleared when the list is opened by a
/// pulling client (its pull reports take over), deleted, or left the workspace.</item>
/// </list>
/// </summary>
public sealed class WorkspaceDiagnosticsPublisher(ServerSession session, RequestQueue queue, DiagnosticsPublisher documents)
{
    /// <summary>Lists that are not open for which a non-empty list of findings was pushed.</summary>
    private readonly HashSet<string> pushedForDisk = new(StringComparer.Ordinal);
    private readonly ILogger logger = session.LoggerFactory.CreateLogger<WorkspaceDiagnosticsPublisher>();
    private readonly QuietPeriodScheduler scheduler = new(session, queue, session.LoggerFactory.CreateLogger<WorkspaceDiagnosticsPublisher>(), "paperlsp/analyzeWorkspaceFile");

    /// <summary>On the queue, after a change: re-publish what it affected. <paramref name="changedUri"/> is the open
    /// document the change was made to (its own publication is already scheduled), if any.</summary>
    public void PublishAffected(string? changedUri = null)
    {
        var refresh = false;
        foreach (var id in session.Workspace.TakeAffected())
        {
            var file = session.Workspace.Current.Get(id);
            if (file is null)
            {
                ClearDisk(DocumentUris.UriOfId(id));
                continue;
            }
            if (file.IsOpen)
            {
                if (pushedForDisk.Remove(file.Uri) && !session.PushDiagnostics) Send(file.Uri, "[]");
                if (file.Uri == changedUri) continue;
                if (session.PushDiagnostics) documents.Schedule(file.Uri);
                else refresh = true;
                continue;
            }
            ScheduleDisk(file.Uri, id);
        }
        if (refresh && session.ClientCapabilities.Workspace?.Diagnostics?.RefreshSupport == true)
            _ = session.RequestAsync(Methods.DiagnosticRefresh, new object()).ContinueWith(
                t => logger.LogDebug("The client refused to refresh diagnostics: {Error}", t.Exception?.InnerException?.Message),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// After the first diagnostics of a large list just opened (<paramref name="published"/>): relations that take it in
    /// are built off the queue (edits go on meanwhile, against the relations without it); then, on the queue, the edits
    /// made meanwhile are replayed on them, they replace the current ones, and every list that changes because of it is
    /// published again; then the workspace index, which no diagnostic needs, is computed off the queue (it is
    /// immutable: edits meanwhile are applied to it when it is next read, and a hover meanwhile waits for it).
    /// </summary>
    public void CatchUpAfter(Task published) => _ = CatchUpAsync(published);

    private async Task CatchUpAsync(Task published)
    {
        try
        {
            await published.ConfigureAwait(false);
            // The workspace index is computed beside the relations, not after them: what it allocates is promoted
            // through the collector, and after the duplicates arrive the user is typing (edits right after them
            // waited 100-200 ms on those collections when the index came second).
            var indexing = Background.Run(session.Workspace.CatchUpIndex);
            while (true)
            {
                var built = await queue.EnqueueExclusive("paperlsp/build-relations", _ => session.Workspace.BuildDeferred(), CancellationToken.None).ConfigureAwait(false);
                // A failed build is built again on the queue by CatchUp.
                await built.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                var done = await queue.EnqueueExclusive("paperlsp/relations", _ =>
                {
                    // Nothing left (a hover caught up already), or another large list opened meanwhile: build again.
                    if (!session.Workspace.HasDeferredRelations) return true;
                    if (!session.Workspace.DeferredRelationsBuilt) return false;
                    session.Workspace.CatchUp();
                    PublishAffected();
                    return true;
                }, CancellationToken.None).ConfigureAwait(false);
                if (done) break;
            }
            await indexing.ConfigureAwait(false);
            // The edits made meanwhile, on top of the index just computed (each is one entry out, one in).
            await Background.Run(session.Workspace.CatchUpIndex).ConfigureAwait(false);
            await MemoryRelease.AfterLargeBuildAsync(() => queue.SinceLastItem, logger).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Whatever is left is taken in on the next read (the relations and the index both catch up when read).
            logger.LogError(exception, "Taking a large list into the workspace failed");
        }
    }

    private void ScheduleDisk(string uri, DocumentId id) => scheduler.Schedule(uri, ct => PublishDisk(uri, id, ct));

    private bool PublishDisk(string uri, DocumentId id, CancellationToken cancellationToken)
    {
        var workspace = session.Workspace.Current;
        // Opened meanwhile: the document publisher owns it now.
        if (workspace.Get(id) is not { IsOpen: false } file) return false;
        // As they are: a large list being taken in apart reaches this list when they are put in place (all lists are
        // published again then); waiting for it here would hold up the queue.
        var findings = DuplicateFindings.For(id, file.Document, session.Workspace.RelationsAsTheyAre.Duplicates,
            other => workspace.Get(other)?.Document, other => DocumentUris.ShortName(workspace.Get(other)?.Uri ?? DocumentUris.UriOfId(other)), cancellationToken);
        if (cancellationToken.IsCancellationRequested) return false;
        if (findings.Count == 0)
        {
            if (pushedForDisk.Remove(uri)) Send(uri, "[]");
            return true;
        }
        var converter = session.Converter;
        var items = findings.Select(finding => converter.ToLsp(file.Document, uri, finding,
            other => workspace.Get(other) is { } found ? (found.Document, found.Uri) : null)).ToArray();
        pushedForDisk.Add(uri);
        Send(uri, Newtonsoft.Json.JsonConvert.SerializeObject(items, DiagnosticsPublisher.JsonSettings));
        return true;
    }

    private void ClearDisk(string uri)
    {
        scheduler.CancelPending(uri);
        if (pushedForDisk.Remove(uri)) Send(uri, "[]");
    }

    /// <summary>Without a version: the list is not open, so there is no version of the client's to name.</summary>
    private void Send(string uri, string diagnosticsJson) =>
        _ = session.NotifyAsync(Methods.PublishDiagnostics, RawJson.Object(("uri", uri), ("diagnostics", new Newtonsoft.Json.Linq.JRaw(diagnosticsJson))));
}
