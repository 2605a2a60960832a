using System.Collections.Immutable;
using PaperLsp.Files;
using PaperLsp.Lsp.Workspace;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

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

    /// <summary>The relations without the large lists just opened that they have not taken in yet: for the first
    /// diagnostics of such a list, which must not wait for them.</summary>
    public WorkspaceRelations RelationsAsTheyAre => relations;

    /// <summary>
    /// Opened lists of at least this many entries reach the relations and the workspace index after their first
    /// diagnostics: taking in 100,000 entries (fingerprints, blocking keys, candidate pairs; author, title and topic
    /// records) takes seconds, and the parser's findings need none of it. Their duplicate findings follow in a second
    /// publication. Smaller lists are taken in at once, published once.
    /// </summary>
    public const int DeferRelationsFrom = 5000;

    private readonly List<(DocumentId Id, PaperDocument? Before, PaperDocument? After)> deferred = [];

    public bool HasDeferredRelations => deferred.Count > 0;

    /// <summary>
    /// Computes, off the queue, what the relations will need of each entry of the deferred lists (see
    /// <see cref="Duplicates.DuplicateIndex.Prepare"/>), so that <see cref="CatchUp"/> holds up the queue only to link them.
    /// Reads the deferred list as it is when called: call it on the queue.
    /// </summary>
    public Task PrepareDeferred()
    {
        var documents = deferred.Select(change => change.After).OfType<PaperDocument>().ToList();
        return documents.Count == 0 ? Task.CompletedTask : Task.Run(() =>
        {
            foreach (var document in documents) Duplicates.DuplicateIndex.Prepare(document, CancellationToken.None);
        });
    }

    /// <summary>Computes the workspace index if a large open deferred it (see <see cref="WorkspaceSnapshot.Opened"/>), so that the
    /// first hover or completion after it does not wait. Any thread may call it; the index is computed once.</summary>
    public void CatchUpIndex() => _ = current.Index;

    /// <summary>Takes the deferred opens into the relations (their documents become affected). Exclusive queue items only.</summary>
    public void CatchUp()
    {
        if (deferred.Count == 0) return;
        var pending = deferred.ToArray();
        deferred.Clear();
        foreach (var (id, before, after) in pending) Follow(id, before, after, edited: false);
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
        // A list whose open is deferred is taken in as it is when the relations catch up: an edit meanwhile only moves
        // that point, so typing right after a large open does not wait for it. The relations equal a fresh build
        // whatever order the lists reach them in, so other lists' changes go on as usual.
        var pending = deferred.FindIndex(open => open.Id == id);
        if (pending >= 0)
        {
            deferred[pending] = deferred[pending] with { After = after };
            return;
        }
        if (change is { Previous: null, Current: not null } && after is { EntryCount: >= DeferRelationsFrom })
        {
            deferred.Add((id, before, after));
            return;
        }
        Follow(id, before, after, edited: change is { Previous: not null, Current: not null });
    }

    private void Follow(DocumentId id, PaperDocument? before, PaperDocument? after, bool edited)
    {
        try
        {
            relations.Follow(id, before, after, edited, affected);
        }
        catch (Exception)
        {
            // The relations are mutable and may be half-updated: rebuild them from what the workspace shows, the truth.
            // The rebuild takes in every list the workspace shows, the deferred ones too.
            relations = WorkspaceRelations.Build(current.Files.Select(file => (file.Id, file.Document)));
            deferred.Clear();
            foreach (var file in current.Files) affected.Add(file.Id);
        }
    }

    /// <summary>Files read (document) or gone (null) on disk. Only from exclusive queue items.</summary>
    public void ApplyDisk(IEnumerable<(string Path, PaperDocument? Document)> files)
    {
        CatchUp();
        foreach (var (path, document) in files)
        {
            var id = DocumentUris.IdOfPath(path);
            var before = current.Get(id)?.Document;
            current = document is null ? current.WithoutDiskFile(id) : current.WithDiskFile(id, DocumentUris.UriOfPath(path), document);
            Follow(id, before, current.Get(id)?.Document, edited: false);
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
