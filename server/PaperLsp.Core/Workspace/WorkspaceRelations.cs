using PaperLsp.Duplicates;
using PaperLsp.Related;
using PaperLsp.Syntax;

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
    public RelatedIndex Related { get; private set; } = RelatedIndex.Build([]);

    /// <summary>Bumped for a document each time its duplicate findings may have changed, even when its own text did not.</summary>
    private readonly Dictionary<DocumentId, long> stamps = [];
    private long clock;

    public static WorkspaceRelations Build(IEnumerable<(DocumentId Id, PaperDocument Document)> files)
    {
        var list = files.ToList();
        return new WorkspaceRelations { Duplicates = DuplicateIndex.Build(list), Related = RelatedIndex.Build(list) };
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
                Related.Apply(id, delta.Removed, delta.Added);
            }
        }
        else
        {
            if (before is not null)
            {
                Duplicates.RemoveDocument(id, before, changes);
                Related.RemoveDocument(id, before);
            }
            if (after is not null)
            {
                Duplicates.AddDocument(id, after, changes);
                Related.AddDocument(id, after);
            }
        }
        changes.Add(id);
        foreach (var changed in changes)
        {
            stamps[changed] = ++clock;
            affected.Add(changed);
        }
    }

    /// <summary>Changes whenever the duplicate findings of <paramref name="id"/> may have changed (a cache key).</summary>
    public long Stamp(DocumentId id) => stamps.GetValueOrDefault(id);
}
