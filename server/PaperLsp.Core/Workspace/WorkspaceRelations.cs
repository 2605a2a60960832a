using PaperLsp.Duplicates;
using PaperLsp.Related;
using PaperLsp.Syntax;
using PaperLsp.Threading;

namespace PaperLsp.Workspace;

/// <summary>
/// The relations between the entries of every list of the workspace: which are copies of each other
/// (<see cref="DuplicateIndex"/>) and which are related (<see cref="RelatedIndex"/>). Both are mutable and follow what
/// the workspace shows (open text over disk text), one document transition at a time, so a keystroke costs the entries
/// it touched. Not thread-safe: one owner (the server's exclusive queue items, or the CLI) changes and reads it.
/// </summary>
public sealed class WorkspaceRelations
{
    public DuplicateIndex Duplicates { get; private set; } = DuplicateIndex.Build([]);

    private RelatedIndex related = RelatedIndex.Build([]);

    /// <summary>
    /// Changes the related-papers index has not seen yet. Diagnostics need the duplicate index at once, but related
    /// papers only when someone asks (hover, a lens, the quick pick): opening a 100,000-entry list must not wait for its
    /// topic index before its first diagnostics, so the related index catches up on its first read.
    /// </summary>
    private readonly List<Action<RelatedIndex>> pendingRelated = [];

    /// <summary>Past this many pending changes the related index catches up anyway, so a long session without a
    /// related-papers read keeps no unbounded backlog.</summary>
    private const int MaxPendingRelated = 4096;

    public RelatedIndex Related
    {
        get
        {
            CatchUpRelated();
            return related;
        }
    }

    private void CatchUpRelated()
    {
        if (pendingRelated.Count == 0) return;
        var pending = pendingRelated.ToArray();
        pendingRelated.Clear();
        foreach (var change in pending) change(related);
    }

    private void Later(Action<RelatedIndex> change)
    {
        pendingRelated.Add(change);
        if (pendingRelated.Count > MaxPendingRelated) CatchUpRelated();
    }

    /// <summary>Bumped for a document each time its duplicate findings may have changed, even when its own text did not.</summary>
    private readonly Dictionary<DocumentId, long> stamps = [];
    private long clock;

    public static WorkspaceRelations Build(IEnumerable<(DocumentId Id, PaperDocument Document)> files)
    {
        var list = files.ToList();
        var relations = new WorkspaceRelations { Duplicates = DuplicateIndex.Build(list) };
        relations.Later(index => { foreach (var (id, document) in list) index.AddDocument(id, document); });
        return relations;
    }

    /// <summary>
    /// Both indexes built at once, each from a thread of its own and on all cores but one (the server's requests need
    /// the thread pool meanwhile: a build that takes all of the pool's threads holds up the request queue until the
    /// pool grows), nothing left pending: for relations built apart from their owner, which then replaces its own with them (see
    /// <see cref="Succeed"/>). Call it on a thread of its own.
    /// </summary>
    public static WorkspaceRelations BuildComplete(IEnumerable<(DocumentId Id, PaperDocument Document)> files)
    {
        var list = files.ToList();
        var related = BackgroundPriority.Run(() => RelatedIndex.Build(list, background: true));
        var relations = new WorkspaceRelations { Duplicates = DuplicateIndex.Build(list, background: true) };
        relations.related = related.GetAwaiter().GetResult();
        return relations;
    }

    /// <summary>
    /// What the workspace shows for <paramref name="id"/> went from <paramref name="before"/> to <paramref name="after"/>
    /// (null: not in the workspace). When <paramref name="edited"/>, <paramref name="after"/> was made from
    /// <paramref name="before"/> by the edits its deltas describe, and only those entries are followed; otherwise the
    /// document is replaced. Every document whose duplicate findings may have changed is added to <paramref name="affected"/>.
    /// </summary>
    public void Follow(DocumentId id, PaperDocument? before, PaperDocument? after, bool edited, ISet<DocumentId> affected)
    {
        if (ReferenceEquals(before, after)) return;
        var changes = new HashSet<DocumentId>();
        if (edited && before is not null && after is not null && after.Deltas.Count > 0)
        {
            foreach (var delta in after.Deltas)
            {
                Duplicates.Apply(id, delta, changes);
                Later(index => index.Apply(id, delta.Removed, delta.Added));
            }
        }
        else
        {
            if (before is not null)
            {
                Duplicates.RemoveDocument(id, before, changes);
                Later(index => index.RemoveDocument(id, before));
            }
            if (after is not null)
            {
                Duplicates.AddDocument(id, after, changes);
                Later(index => index.AddDocument(id, after));
            }
        }
        changes.Add(id);
        foreach (var changed in changes)
        {
            stamps[changed] = ++clock;
            affected.Add(changed);
        }
    }

    /// <summary>
    /// These relations replace <paramref name="previous"/> (built apart, off the owner's thread): every document's stamp
    /// moves past every stamp the previous ones gave, so that nothing cached under an old stamp is taken for current.
    /// Call before following any change on these.
    /// </summary>
    public void Succeed(WorkspaceRelations previous, IEnumerable<DocumentId> documents)
    {
        clock = Math.Max(clock, previous.clock);
        foreach (var id in documents.Concat(previous.stamps.Keys).Concat(stamps.Keys).Distinct().ToList()) stamps[id] = ++clock;
    }

    /// <summary>Changes whenever the duplicate findings of <paramref name="id"/> may have changed (a cache key).</summary>
    public long Stamp(DocumentId id) => stamps.GetValueOrDefault(id);
}
