using System.Collections.Immutable;
using PaperLsp.Files;
using PaperLsp.Lsp.Workspace;
using PaperLsp.Syntax;
using PaperLsp.Workspace;
using PaperLsp.Threading;

namespace PaperLsp.Lsp.Session;

/// <summary>What a queued request captures: the open documents and the workspace, both as of its place in the queue.</summary>
public sealed record ServerState(ImmutableDictionary<string, DocumentSnapshot> Documents, WorkspaceSnapshot Workspace);

/// <summary>
/// The open-document overlay over the lists on disk, as one immutable <see cref="WorkspaceSnapshot"/> that follows the
/// <see cref="DocumentStore"/> (open, change, close) and the disk (scan, file watcher). Written only by exclusive queue
/// items, in order; read by anyone through <see cref="Current"/> without locks.
/// </summary>
public sealed class WorkspaceSession
{
    private volatile WorkspaceSnapshot current = WorkspaceSnapshot.Empty;
    private volatile IReadOnlyList<string> folders = [];

    public WorkspaceSession(DocumentStore store)
    {
        Store = store;
        store.Changed += OnDocumentChanged;
    }

    /// <summary>The open documents this workspace lays over the disk.</summary>
    public DocumentStore Store { get; }

    public WorkspaceSnapshot Current => current;

    private WorkspaceRelations relations = new();

    /// <summary>Copies and related papers across every list the workspace shows, with every change taken in; changed and
    /// read only on exclusive queue items.</summary>
    public WorkspaceRelations Relations
    {
        get
        {
            CatchUp();
            return relations;
        }
    }

    /// <summary>The relations without the large lists just opened that are being taken in apart: for the diagnostics of
    /// every edit until then, which must not wait for them.</summary>
    public WorkspaceRelations RelationsAsTheyAre => relations;

    /// <summary>
    /// Opened lists of at least this many entries reach the relations and the workspace index after their first
    /// diagnostics: taking in 100,000 entries (fingerprints, blocking keys, candidate pairs; author, title and topic
    /// records) takes seconds, and the parser's findings need none of it. Their duplicate findings follow in a second
    /// publication. Smaller lists are taken in at once, published once.
    /// </summary>
    public const int DeferRelationsFrom = 5000;

    /// <summary>
    /// Relations being built apart for the workspace as it was at one moment (<see cref="Snapshot"/>, the large open
    /// included), with every change since recorded to be replayed on them before they replace the current ones. Until
    /// then the current relations go on without the large lists (<see cref="Pending"/>), so edits never wait for them.
    /// </summary>
    private sealed class Rebuild(WorkspaceSnapshot snapshot)
    {
        public WorkspaceSnapshot Snapshot { get; } = snapshot;
        public List<(DocumentId Id, PaperDocument? Before, PaperDocument? After, bool Edited)> Since { get; } = [];
        public HashSet<DocumentId> Pending { get; } = [];
        /// <summary>Another large list was opened after <see cref="Snapshot"/>: building again from the workspace as it is then.</summary>
        public bool Stale { get; set; }
        public Task<WorkspaceRelations>? Built { get; set; }
    }

    private Rebuild? rebuild;

    public bool HasDeferredRelations => rebuild is not null;

    /// <summary>
    /// Starts building the relations that take in the large lists opened (off the queue, on all cores but one; again from the
    /// workspace as it is now if another large list was opened since they were started) and returns when they are
    /// built. Call on the queue, after the first diagnostics of those lists are out.
    /// </summary>
    public Task BuildDeferred() => Building() ?? Task.CompletedTask;

    private Task<WorkspaceRelations>? Building()
    {
        if (rebuild is not { } pending) return null;
        if (pending.Stale)
        {
            var fresh = new Rebuild(current);
            fresh.Pending.UnionWith(pending.Pending);
            rebuild = pending = fresh;
        }
        // The related-papers index too, here rather than on the first hover's queue item.
        return pending.Built ??= BackgroundPriority.Run(() => WorkspaceRelations.BuildComplete(pending.Snapshot.Files.Select(file => (file.Id, file.Document))));
    }

    /// <summary>Whether the relations built apart are ready to be put in place without waiting (see <see cref="CatchUp"/>).</summary>
    public bool DeferredRelationsBuilt => rebuild is { Stale: false, Built.IsCompleted: true };

    /// <summary>Computes the workspace index if a large open deferred it (see <see cref="WorkspaceSnapshot.Opened"/>), so that the
    /// first hover or completion after it does not wait. Any thread may call it; the index is computed once.</summary>
    public void CatchUpIndex() => _ = current.Index;

    /// <summary>
    /// Puts the relations built apart in place, after replaying on them every change since they were started (the
    /// lists they changed become affected); waits for them if they are still being built. Exclusive queue items only.
    /// </summary>
    public void CatchUp()
    {
        if (Building() is not { } built || rebuild is not { } pending) return;
        WorkspaceRelations next;
        try
        {
            next = built.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            next = WorkspaceRelations.Build(current.Files.Select(file => (file.Id, file.Document)));
            pending.Since.Clear();
        }
        rebuild = null;
        next.Succeed(relations, current.Files.Select(file => file.Id));
        relations = next;
        foreach (var (id, before, after, edited) in pending.Since)
            if (!Follow(id, before, after, edited)) break; // rebuilt from the workspace as it is now: nothing left to replay
        // Every list may have copies in the lists just taken in.
        foreach (var file in current.Files) affected.Add(file.Id);
    }

    private readonly HashSet<DocumentId> affected = [];

    /// <summary>The documents whose duplicate findings may have changed since the last call (exclusive queue items only).</summary>
    public IReadOnlyList<DocumentId> TakeAffected()
    {
        var taken = affected.ToList();
        affected.Clear();
        return taken;
    }

    /// <summary>The workspace folders as local paths.</summary>
    public IReadOnlyList<string> Folders => folders;

    public void SetFolders(IEnumerable<string> paths) => folders = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();

    private void OnDocumentChanged(DocumentChange change)
    {
        var id = DocumentUris.IdOf(change.Uri);
        var before = current.Get(id)?.Document;
        current = change switch
        {
            { Current: null } => current.Closed(id),
            { Previous: null, Current: { } opened } => current.Opened(id, change.Uri, opened.Document, opened.Version,
                deferIndex: opened.Document.EntryCount >= DeferRelationsFrom),
            { Current: { } changed } => current.Changed(id, changed.Document, changed.Version),
        };
        var after = current.Get(id)?.Document;
        var edited = change is { Previous: not null, Current: not null };
        if (change is { Previous: null, Current: not null } && after is { EntryCount: >= DeferRelationsFrom })
        {
            // A large list opened: the current relations go on without it, and relations with it are built apart.
            if (rebuild is null) rebuild = new Rebuild(current);
            else rebuild.Stale = true;
            rebuild.Pending.Add(id);
            return;
        }
        Take(id, before, after, edited);
    }

    /// <summary>Follows a change in the relations, and records it for the relations being built apart, if any.</summary>
    private void Take(DocumentId id, PaperDocument? before, PaperDocument? after, bool edited)
    {
        rebuild?.Since.Add((id, before, after, edited));
        // The current relations lack the large lists being taken in apart: their changes wait for the replay.
        if (rebuild?.Pending.Contains(id) == true) return;
        Follow(id, before, after, edited);
    }

    /// <returns>False when following failed and the relations were built again from what the workspace shows now.</returns>
    private bool Follow(DocumentId id, PaperDocument? before, PaperDocument? after, bool edited)
    {
        try
        {
            relations.Follow(id, before, after, edited, affected);
            return true;
        }
        catch (Exception)
        {
            // The relations are mutable and may be half-updated: rebuild them from what the workspace shows, the truth
            // (the large lists being built apart included).
            var previous = relations;
            relations = WorkspaceRelations.Build(current.Files.Select(file => (file.Id, file.Document)));
            relations.Succeed(previous, current.Files.Select(file => file.Id));
            rebuild = null;
            foreach (var file in current.Files) affected.Add(file.Id);
            return false;
        }
    }

    /// <summary>Files read (document) or gone (null) on disk. Only from exclusive queue items.</summary>
    public void ApplyDisk(IEnumerable<(string Path, PaperDocument? Document)> files)
    {
        foreach (var (path, document) in files)
        {
            var id = DocumentUris.IdOfPath(path);
            var before = current.Get(id)?.Document;
            current = document is null ? current.WithoutDiskFile(id) : current.WithDiskFile(id, DocumentUris.UriOfPath(path), document);
            Take(id, before, current.Get(id)?.Document, edited: false);
        }
    }

    /// <summary>Forgets the disk files outside the current folders (a folder was removed). Only from exclusive queue items.</summary>
    public IReadOnlyList<string> DiskFilesOutsideFolders()
    {
        var roots = folders.Select(f => Path.TrimEndingDirectorySeparator(f) + Path.DirectorySeparatorChar).ToArray();
        return current.Files.Select(f => current.GetDiskFile(f.Id)).OfType<WorkspaceFile>()
            .Select(f => f.Id.Key).Where(path => !roots.Any(root => path.StartsWith(root, StringComparison.Ordinal))).ToList();
    }
}
