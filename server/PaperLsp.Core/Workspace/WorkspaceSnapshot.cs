using System.Collections.Immutable;
using PaperLsp.Index;
using PaperLsp.Syntax;

namespace PaperLsp.Workspace;

/// <summary>One file as the workspace sees it: the open text when the client has it open (then <see cref="Version"/> is
/// the client's), else the text on disk.</summary>
public sealed record WorkspaceFile(DocumentId Id, string Uri, PaperDocument Document, int? Version)
{
    public bool IsOpen => Version is not null;
}

/// <summary>
/// The workspace at one moment, immutable: the files read from disk, the open documents over them (an open document
/// shadows its disk text; closing it brings the disk text back), and the <see cref="WorkspaceIndex"/> of what that
/// overlay shows. Every change makes a new snapshot whose index follows only what changed: a keystroke re-indexes the
/// entries it touched, opening or closing a file re-indexes that file.
/// </summary>
public sealed class WorkspaceSnapshot
{
    public static readonly WorkspaceSnapshot Empty = new(
        ImmutableDictionary<DocumentId, WorkspaceFile>.Empty, ImmutableDictionary<DocumentId, WorkspaceFile>.Empty, WorkspaceIndex.Empty);

    private readonly ImmutableDictionary<DocumentId, WorkspaceFile> disk;
    private readonly ImmutableDictionary<DocumentId, WorkspaceFile> open;

    private WorkspaceSnapshot(ImmutableDictionary<DocumentId, WorkspaceFile> disk, ImmutableDictionary<DocumentId, WorkspaceFile> open, WorkspaceIndex index)
    {
        this.disk = disk;
        this.open = open;
        Index = index;
    }

    public WorkspaceIndex Index { get; }

    /// <summary>The file as the workspace shows it (open text first), or null.</summary>
    public WorkspaceFile? Get(DocumentId id) => open.GetValueOrDefault(id) ?? disk.GetValueOrDefault(id);

    public WorkspaceFile? GetDiskFile(DocumentId id) => disk.GetValueOrDefault(id);

    /// <summary>Every file, each once, open text first, in key order (so results are stable).</summary>
    public IEnumerable<WorkspaceFile> Files =>
        open.Values.Concat(disk.Values.Where(file => !open.ContainsKey(file.Id))).OrderBy(file => file.Id);

    public int FileCount => open.Count + disk.Keys.Count(id => !open.ContainsKey(id));

    /// <summary>A file read (or re-read) from disk. When the file is open, its open text still wins.</summary>
    public WorkspaceSnapshot WithDiskFile(DocumentId id, string uri, PaperDocument document)
    {
        var file = new WorkspaceFile(id, uri, document, null);
        var index = Index;
        if (!open.ContainsKey(id))
        {
            if (disk.TryGetValue(id, out var old)) index = index.Remove(id, old.Document);
            index = index.Add(id, document);
        }
        return new WorkspaceSnapshot(disk.SetItem(id, file), open, index);
    }

    /// <summary>A file gone from disk (deleted, or its folder left the workspace). An open document stays.</summary>
    public WorkspaceSnapshot WithoutDiskFile(DocumentId id)
    {
        if (!disk.TryGetValue(id, out var old)) return this;
        var index = open.ContainsKey(id) ? Index : Index.Remove(id, old.Document);
        return new WorkspaceSnapshot(disk.Remove(id), open, index);
    }

    /// <summary>The client opened a document: its text shadows the disk text.</summary>
    public WorkspaceSnapshot Opened(DocumentId id, string uri, PaperDocument document, int version)
    {
        var index = Index;
        if (Get(id) is { } shown) index = index.Remove(id, shown.Document);
        index = index.Add(id, document);
        return new WorkspaceSnapshot(disk, open.SetItem(id, new WorkspaceFile(id, uri, document, version)), index);
    }

    /// <summary>An open document changed: the index follows the entries each delta removed and added, and nothing else.</summary>
    public WorkspaceSnapshot Changed(DocumentId id, PaperDocument document, int version)
    {
        if (!open.TryGetValue(id, out var old)) throw new InvalidOperationException($"{id} is not open");
        var index = Index;
        if (document.Deltas.Count == 0 && !ReferenceEquals(old.Document, document))
            index = index.Remove(id, old.Document).Add(id, document);
        foreach (var delta in document.Deltas) index = index.Apply(id, delta.Removed, delta.Added);
        return new WorkspaceSnapshot(disk, open.SetItem(id, old with { Document = document, Version = version }), index);
    }

    /// <summary>The client closed a document: the workspace shows the disk text again (or forgets a file that has none).</summary>
    public WorkspaceSnapshot Closed(DocumentId id)
    {
        if (!open.TryGetValue(id, out var old)) return this;
        var index = Index.Remove(id, old.Document);
        if (disk.TryGetValue(id, out var onDisk)) index = index.Add(id, onDisk.Document);
        return new WorkspaceSnapshot(disk, open.Remove(id), index);
    }

    /// <summary>An index built from scratch over what this snapshot shows, for tests that compare it with the incremental one.</summary>
    public WorkspaceIndex BuildIndexFresh()
    {
        var index = WorkspaceIndex.Empty;
        foreach (var file in Files) index = index.Add(file.Id, file.Document);
        return index;
    }
}
