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

    /// <summary>The workspace folders as local paths.</summary>
    public IReadOnlyList<string> Folders => folders;

    public void SetFolders(IEnumerable<string> paths) => folders = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();

    private void OnDocumentChanged(DocumentChange change)
    {
        var id = DocumentUris.IdOf(change.Uri);
        current = change switch
        {
            { Current: null } => current.Closed(id),
            { Previous: null, Current: { } opened } => current.Opened(id, change.Uri, opened.Document, opened.Version),
            { Current: { } changed } => current.Changed(id, changed.Document, changed.Version),
        };
    }

    /// <summary>Files read (document) or gone (null) on disk. Only from exclusive queue items.</summary>
    public void ApplyDisk(IEnumerable<(string Path, PaperDocument? Document)> files)
    {
        var snapshot = current;
        foreach (var (path, document) in files)
        {
            var id = DocumentUris.IdOfPath(path);
            snapshot = document is null ? snapshot.WithoutDiskFile(id) : snapshot.WithDiskFile(id, DocumentUris.UriOfPath(path), document);
        }
        current = snapshot;
    }

    /// <summary>Forgets the disk files outside the current folders (a folder was removed). Only from exclusive queue items.</summary>
    public IReadOnlyList<string> DiskFilesOutsideFolders()
    {
        var roots = folders.Select(f => Path.TrimEndingDirectorySeparator(f) + Path.DirectorySeparatorChar).ToArray();
        return current.Files.Select(f => current.GetDiskFile(f.Id)).OfType<WorkspaceFile>()
            .Select(f => f.Id.Key).Where(path => !roots.Any(root => path.StartsWith(root, StringComparison.Ordinal))).ToList();
    }
}
