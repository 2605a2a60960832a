using Microsoft.Extensions.Logging;
using PaperLsp.Files;
using PaperLsp.Index;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;
using PaperLsp.Syntax;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// Keeps the workspace's disk side current: on <c>initialized</c> it reads every *.papers file under the workspace
/// folders in the background (files parsed in parallel, applied in batches as exclusive queue items, so requests keep
/// being answered with what is indexed so far) and reports work-done progress; then it follows
/// <c>workspace/didChangeWatchedFiles</c> (registered dynamically for **/*.papers when the client can) and
/// <c>workspace/didChangeWorkspaceFolders</c>. All disk work runs on one chain, in the order it was asked for. Never writes.
/// </summary>
public sealed class WorkspaceIndexingHandler(ServerSession session, RequestQueue queue, WorkspaceDiagnosticsPublisher diagnostics)
{
    public const string WatcherRegistrationId = "paperlsp/watch-papers";
    private const int BatchSize = 8;

    private readonly ILogger logger = session.LoggerFactory.CreateLogger<WorkspaceIndexingHandler>();
    private readonly object gate = new();
    private Task diskWork = Task.CompletedTask;
    private int progressCount;

    /// <summary>Completes when every disk change asked for so far is in the workspace (for tests and benchmarks).</summary>
    public Task WhenIdle() { lock (gate) return diskWork; }

    public static void Announce(ServerCapabilities capabilities, ServerSession session) =>
        capabilities.Workspace = new ServerWorkspaceCapabilities
        {
            WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true },
        };

    /// <summary>On <c>initialized</c>: watch the lists and read them all.</summary>
    public void Start(RequestContext context)
    {
        if (session.InitializationOptions.IndexWorkspace == false)
        {
            context.Logger.LogInformation("Workspace indexing is off (initializationOptions.indexWorkspace)");
            return;
        }
        if (session.ClientCapabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true)
        {
            var registration = new RegistrationParams
            {
                Registrations =
                [
                    new Registration
                    {
                        Id = WatcherRegistrationId,
                        Method = Methods.DidChangeWatchedFiles,
                        RegisterOptions = new DidChangeWatchedFilesRegistrationOptions { Watchers = [new Protocol.FileSystemWatcher { GlobPattern = "**/*" + WorkspaceScanner.Extension }] },
                    },
                ],
            };
            _ = session.RequestAsync(Methods.RegisterCapability, registration).ContinueWith(
                t => logger.LogWarning("The client refused to watch *.papers files: {Error}", t.Exception?.InnerException?.Message),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        var folders = session.Workspace.Folders;
        if (folders.Count == 0) return;
        Chain(() => ScanAsync(folders));
    }

    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request, RequestContext context)
    {
        var changes = request.Changes.ToList();
        Chain(async () =>
        {
            var updates = new List<(string, PaperDocument?)>();
            foreach (var change in changes)
            {
                if (!DocumentUris.TryGetPath(change.Uri, out var path) || !WorkspaceScanner.IsPaperFile(path)) continue;
                if (change.Type == FileChangeType.Deleted || !WorkspaceScanner.IsInWorkspace(path, session.Workspace.Folders))
                {
                    updates.Add((path, null));
                    continue;
                }
                updates.Add((path, Read(path)));
            }
            logger.LogDebug("Watched files: {Count} changes", updates.Count);
            await ApplyAsync(updates).ConfigureAwait(false);
        });
    }

    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams request, RequestContext context)
    {
        var removed = request.Event.Removed.Select(f => DocumentUris.TryGetPath(f.Uri, out var p) ? p : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var added = request.Event.Added.Select(f => DocumentUris.TryGetPath(f.Uri, out var p) ? p : null).OfType<string>().ToList();
        session.Workspace.SetFolders(session.Workspace.Folders.Where(f => !removed.Contains(f)).Concat(added));
        context.Logger.LogInformation("Workspace folders now {Folders}", string.Join(", ", session.Workspace.Folders));
        // Runs on the queue: the files of removed folders leave the workspace at once; added folders are read in the background.
        session.Workspace.ApplyDisk(session.Workspace.DiskFilesOutsideFolders().Select(path => (path, (PaperDocument?)null)).ToList());
        diagnostics.PublishAffected();
        if (added.Count > 0) Chain(() => ScanAsync(added));
    }

    private void Chain(Func<Task> work)
    {
        lock (gate)
        {
            diskWork = diskWork.ContinueWith(async _ =>
            {
                try { await work().ConfigureAwait(false); }
                catch (Exception exception) when (exception is not OperationCanceledException) { logger.LogError(exception, "Reading the workspace failed"); }
                catch (OperationCanceledException) { }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task ScanAsync(IReadOnlyList<string> folders)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = await BeginProgressAsync().ConfigureAwait(false);
        var paths = WorkspaceScanner.Find(folders);
        await ReportAsync(progress, $"0/{paths.Count} lists", 0).ConfigureAwait(false);
        var done = 0;
        var entries = 0;
        foreach (var batch in paths.Chunk(BatchSize))
        {
            // Parse (and extract the index's facts) off the queue and in parallel; the queue only links them in.
            var documents = new PaperDocument?[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
            {
                documents[i] = Read(batch[i]);
                if (documents[i] is { } document)
                    foreach (var entry in document.Entries) EntryFacts.Of(entry.Node);
            });
            await ApplyAsync(batch.Select((path, i) => (path, documents[i])).Where(pair => pair.Item2 is not null).ToList()).ConfigureAwait(false);
            done += batch.Length;
            entries += documents.Sum(d => d?.EntryCount ?? 0);
            await ReportAsync(progress, $"{done}/{paths.Count} lists, {entries} entries", paths.Count == 0 ? 100 : done * 100 / paths.Count).ConfigureAwait(false);
        }
        logger.LogInformation("Indexed {Files} lists ({Entries} entries) in {Ms} ms", paths.Count, entries, started.ElapsedMilliseconds);
        await EndProgressAsync(progress, $"{paths.Count} lists, {entries} entries").ConfigureAwait(false);
    }

    private Task ApplyAsync(IReadOnlyList<(string Path, PaperDocument? Document)> updates) =>
        updates.Count == 0 ? Task.CompletedTask : queue.EnqueueExclusive("paperlsp/index", _ =>
        {
            session.Workspace.ApplyDisk(updates);
            diagnostics.PublishAffected();
            return true;
        }, CancellationToken.None);

    private PaperDocument? Read(string path)
    {
        if (DiskFileSource.TryRead(path, out var document, out var problem)) return document;
        logger.LogWarning("Not indexing {Path}: {Problem}", path, problem);
        return null;
    }

    // ---- work-done progress ----

    private async Task<string?> BeginProgressAsync()
    {
        if (session.ClientCapabilities.Window?.WorkDoneProgress != true) return null;
        var token = $"paperlsp/index/{Interlocked.Increment(ref progressCount)}";
        try
        {
            await session.RequestAsync(Methods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams { Token = token }).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.LogDebug("No progress token: {Error}", exception.Message);
            return null;
        }
        await session.NotifyAsync(Methods.Progress, new ProgressParams { Token = token, Value = new WorkDoneProgressBegin { Title = "Indexing paper lists", Percentage = 0 } }).ConfigureAwait(false);
        return token;
    }

    private Task ReportAsync(string? token, string message, int percentage) => token is null
        ? Task.CompletedTask
        : session.NotifyAsync(Methods.Progress, new ProgressParams { Token = token, Value = new WorkDoneProgressReport { Message = message, Percentage = percentage } });

    private Task EndProgressAsync(string? token, string message) => token is null
        ? Task.CompletedTask
        : session.NotifyAsync(Methods.Progress, new ProgressParams { Token = token, Value = new WorkDoneProgressEnd { Message = message } });
}
