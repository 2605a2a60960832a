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
        ImmutableDictionary<DocumentId, WorkspaceFile>.Empty, ImmutableDictionary<DocumentId, WorkspaceFile>.Empty, Computed(WorkspaceIndex.Empty), 0);

    private readonly ImmutableDictionary<DocumentId, WorkspaceFile> disk;
    private readonly ImmutableDictionary<DocumentId, WorkspaceFile> open;
    private Lazy<WorkspaceIndex> index;

    /// <summary>How many changes since the last index that was computed; past <see cref="MaxDeferredChanges"/> the next change computes them all.</summary>
    private readonly int deferredChanges;

    /// <summary>
    /// A change on top of a deferred index is deferred too (its index is the previous one plus this change), so a
    /// keystroke right after a large open does not pay for the open. This bounds how many such changes are held.
    /// </summary>
    public const int MaxDeferredChanges = 256;

    private WorkspaceSnapshot(ImmutableDictionary<DocumentId, WorkspaceFile> disk, ImmutableDictionary<DocumentId, WorkspaceFile> open, Lazy<WorkspaceIndex> index, int deferredChanges)
    {
        this.disk = disk;
        this.open = open;
        this.index = index;
        this.deferredChanges = deferredChanges;
    }

    /// <summary>
    /// The index of what this snapshot shows. Computed when first read if the change that made this snapshot was
    /// deferred (a large list opened: see <see cref="Opened"/>); thread-safe either way.
    /// </summary>
    public WorkspaceIndex Index => index.Value;

    /// <summary>Whether <see cref="Index"/> is already computed (reading it costs nothing).</summary>
    public bool IsIndexed => index.IsValueCreated;

    private static Lazy<WorkspaceIndex> Computed(WorkspaceIndex value) => new(value);

    /// <summary>
    /// The snapshot after a change whose index is <paramref name="step"/> of this one's: computed now, unless this one's
    /// index is itself deferred or <paramref name="defer"/> asks for it, and fewer than <see cref="MaxDeferredChanges"/>
    /// changes are already held.
    /// </summary>
    private WorkspaceSnapshot Next(ImmutableDictionary<DocumentId, WorkspaceFile> newDisk, ImmutableDictionary<DocumentId, WorkspaceFile> newOpen,
        Func<WorkspaceIndex, WorkspaceIndex> step, bool defer = false)
    {
        if ((index.IsValueCreated && !defer) || deferredChanges >= MaxDeferredChanges)
            return new WorkspaceSnapshot(newDisk, newOpen, Computed(step(index.Value)), 0);
        var previous = index;
        var next = new WorkspaceSnapshot(newDisk, newOpen, index, deferredChanges + 1);
        next.index = new Lazy<WorkspaceIndex>(() =>
        {
            try
            {
                return step(previous.Value);
            }
            catch (Exception)
            {
                // A deferred failure would otherwise fail every later read of this index: build it from what this
                // snapshot shows, which is the truth the index describes.
                return next.BuildIndexFresh();
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        return next;
    }

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
        if (open.ContainsKey(id)) return Next(disk.SetItem(id, file), open, index => index);
        var old = disk.GetValueOrDefault(id);
        return Next(disk.SetItem(id, file), open, index => (old is null ? index : index.Remove(id, old.Document)).Add(id, document));
    }

    /// <summary>A file gone from disk (deleted, or its folder left the workspace). An open document stays.</summary>
    public WorkspaceSnapshot WithoutDiskFile(DocumentId id)
    {
        if (!disk.TryGetValue(id, out var old)) return this;
        var isOpen = open.ContainsKey(id);
        return Next(disk.Remove(id), open, index => isOpen ? index : index.Remove(id, old.Document));
    }

    /// <summary>
    /// The client opened a document: its text shadows the disk text. With <paramref name="deferIndex"/> the index takes
    /// it in when first read, not now: the first diagnostics of a large list need none of it.
    /// </summary>
    public WorkspaceSnapshot Opened(DocumentId id, string uri, PaperDocument document, int version, bool deferIndex = false)
    {
        var shown = Get(id);
        return Next(disk, open.SetItem(id, new WorkspaceFile(id, uri, document, version)),
            index => (shown is null ? index : index.Remove(id, shown.Document)).Add(id, document), deferIndex);
    }

    /// <summary>An open document changed: the index follows the entries each delta removed and added, and nothing else.</summary>
    public WorkspaceSnapshot Changed(DocumentId id, PaperDocument document, int version)
    {
        if (!open.TryGetValue(id, out var old)) throw new InvalidOperationException($"{id} is not open");
        return Next(disk, open.SetItem(id, old with { Document = document, Version = version }), index =>
        {
            if (document.Deltas.Count == 0 && !ReferenceEquals(old.Document, document))
                index = index.Remove(id, old.Document).Add(id, document);
            foreach (var delta in document.Deltas) index = index.Apply(id, delta.Removed, delta.Added);
            return index;
        });
    }

    /// <summary>The client closed a document: the workspace shows the disk text again (or forgets a file that has none).</summary>
    public WorkspaceSnapshot Closed(DocumentId id)
    {
        if (!open.TryGetValue(id, out var old)) return this;
        var onDisk = disk.GetValueOrDefault(id);
        return Next(disk, open.Remove(id), index =>
        {
            index = index.Remove(id, old.Document);
            return onDisk is null ? index : index.Add(id, onDisk.Document);
        });
    }

    /// <summary>An index built from scratch over what this snapshot shows, for tests that compare it with the incremental one.</summary>
    public WorkspaceIndex BuildIndexFresh()
    {
        var index = WorkspaceIndex.Empty;
        foreach (var file in Files) index = index.Add(file.Id, file.Document);
        return index;
    }
}
