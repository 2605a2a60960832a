using PaperLsp.Duplicates;
using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

/// <summary>A related paper as the editor shows it: where it is, what it is, and why it is related.</summary>
public sealed record RelatedPaperResult(NavigationTarget Target, string Title, IReadOnlyList<string> Authors, double Score, IReadOnlyList<string> Reasons);

/// <summary>Another copy of a paper: where it is, and how sure the match is.</summary>
public sealed record CopyResult(NavigationTarget Target, DuplicateKind Kind, IReadOnlyList<string> Reasons);

/// <summary>
/// Navigation between entries that are the same paper (definition, references on a title) or related papers
/// (paperlist/relatedPapers, implementation, code lens, hover), over <see cref="WorkspaceRelations"/>. Results are
/// located in each file's current text, so they are right however far lines moved since the entry was indexed.
/// </summary>
public static class PaperRelationsService
{
    public const int DefaultRelatedLimit = 20;

    /// <summary>The entry whose title the cursor is on (definition and references act on titles only).</summary>
    public static EntrySyntax? TitleAt(WorkspaceFile file, TextPosition position) =>
        Cursor.Locate(file.Document, position) is { Part: CursorPart.Title, Entry: { } entry } ? entry : null;

    /// <summary>The entry the cursor is anywhere in (its metadata, header or abstract).</summary>
    public static EntrySyntax? EntryAt(WorkspaceFile file, TextPosition position) =>
        file.Document.FindEntry(file.Document.Clamp(position).Line);

    /// <summary>The other copies of the paper whose title is at the cursor, same paper or exact copy only, best first.</summary>
    public static IReadOnlyList<CopyResult> Copies(WorkspaceSnapshot workspace, WorkspaceRelations relations, DocumentId document, TextPosition position, bool includePossible = false)
    {
        if (workspace.Get(document) is not { } file || TitleAt(file, position) is not { } entry) return [];
        return CopiesOf(workspace, relations, new EntryRef(document, entry.Node), includePossible);
    }

    public static IReadOnlyList<CopyResult> CopiesOf(WorkspaceSnapshot workspace, WorkspaceRelations relations, EntryRef entry, bool includePossible)
    {
        var matches = relations.Duplicates.MatchesOf(entry)
            .Where(match => match.Verdict.Kind >= DuplicateKind.SamePaper || (includePossible && match.Verdict.Kind == DuplicateKind.Possible))
            .ToList();
        var located = Locate(workspace, matches.Select(match => match.Other));
        return matches
            .Where(match => located.ContainsKey(match.Other))
            .Select(match => new CopyResult(new NavigationTarget(located[match.Other].File, located[match.Other].Entry.TitleRange), match.Verdict.Kind, match.Verdict.Reasons))
            .ToList();
    }

    /// <summary>The papers related to the entry at the cursor, best first, copies left out.</summary>
    public static IReadOnlyList<RelatedPaperResult> Related(WorkspaceSnapshot workspace, WorkspaceRelations relations, DocumentId document, TextPosition position,
        int limit = DefaultRelatedLimit, CancellationToken cancellationToken = default)
    {
        if (workspace.Get(document) is not { } file || EntryAt(file, position) is not { } entry) return [];
        return RelatedTo(workspace, relations, new EntryRef(document, entry.Node), limit, cancellationToken);
    }

    public static IReadOnlyList<RelatedPaperResult> RelatedTo(WorkspaceSnapshot workspace, WorkspaceRelations relations, EntryRef entry, int limit, CancellationToken cancellationToken)
    {
        var copies = relations.Duplicates.MatchesOf(entry).Select(match => match.Other).ToHashSet();
        var papers = relations.Related.Query(entry, Math.Clamp(limit, 1, 200), other => copies.Contains(other), cancellationToken);
        var located = Locate(workspace, papers.Select(paper => paper.Entry));
        return papers
            .Where(paper => located.ContainsKey(paper.Entry))
            .Select(paper =>
            {
                var (otherFile, otherEntry) = located[paper.Entry];
                return new RelatedPaperResult(new NavigationTarget(otherFile, otherEntry.TitleRange), otherEntry.Title,
                    otherEntry.Authors.Select(a => a.Name).ToList(), paper.Score, paper.Reasons);
            })
            .ToList();
    }

    /// <summary>Where each code lens goes: one per entry with a title, on its header line.</summary>
    public static IReadOnlyList<TextRange> LensRanges(WorkspaceFile file, CancellationToken cancellationToken = default)
    {
        var ranges = new List<TextRange>(file.Document.EntryCount);
        foreach (var entry in file.Document.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Title.Length > 0) ranges.Add(entry.TitleRange);
        }
        return ranges;
    }

    /// <summary>The text of the lens over the entry at <paramref name="position"/>: "3 related · 1 copy · 5 by Yejin Choi".</summary>
    public static string? LensTitle(WorkspaceSnapshot workspace, WorkspaceRelations relations, DocumentId document, TextPosition position, CancellationToken cancellationToken = default)
    {
        if (workspace.Get(document) is not { } file || EntryAt(file, position) is not { } entry) return null;
        var reference = new EntryRef(document, entry.Node);
        var matches = relations.Duplicates.MatchesOf(reference);
        var copies = matches.Count(m => m.Verdict.Kind >= DuplicateKind.SamePaper);
        var possible = matches.Count(m => m.Verdict.Kind == DuplicateKind.Possible);
        var copySet = matches.Select(m => m.Other).ToHashSet();
        var related = relations.Related.Query(reference, LensRelatedLimit, other => copySet.Contains(other), cancellationToken).Count;
        var parts = new List<string> { related >= LensRelatedLimit ? $"{LensRelatedLimit}+ related" : $"{related} related" };
        if (copies > 0) parts.Add(copies == 1 ? "1 copy" : $"{copies} copies");
        if (possible > 0) parts.Add(possible == 1 ? "1 possible copy" : $"{possible} possible copies");
        // The co-author with most other papers here: the person a reader most likely wants to follow.
        var prolific = EntryFacts.Of(entry.Node).AuthorKeys
            .Select((key, i) => (Name: EntryFacts.Of(entry.Node).AuthorNames[i], Others: (workspace.Index.Author(key)?.EntryCount ?? 1) - 1))
            .Where(a => a.Others > 0)
            .OrderByDescending(a => a.Others)
            .FirstOrDefault();
        if (prolific.Name is not null) parts.Add($"{prolific.Others} more by {prolific.Name}");
        return string.Join(" · ", parts);
    }

    /// <summary>Related papers counted on a lens up to this many ("20+ related").</summary>
    public const int LensRelatedLimit = 20;

    private static Dictionary<EntryRef, (WorkspaceFile File, EntrySyntax Entry)> Locate(WorkspaceSnapshot workspace, IEnumerable<EntryRef> entries)
    {
        var result = new Dictionary<EntryRef, (WorkspaceFile, EntrySyntax)>();
        foreach (var group in entries.GroupBy(entry => entry.Document))
        {
            if (workspace.Get(group.Key) is not { } file) continue;
            var found = EntryLocator.Locate(file.Document, group.Select(entry => entry.Node));
            foreach (var entry in group)
                if (found.TryGetValue(entry.Node, out var syntax)) result[entry] = (file, syntax);
        }
        return result;
    }
}
