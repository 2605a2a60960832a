using PaperLsp.Index;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

/// <summary>A place in a workspace file; the file carries the text its range is converted against.</summary>
public sealed record NavigationTarget(WorkspaceFile File, TextRange Range);

/// <summary>The edits of one refactoring, per file; <see cref="FileEdit.Version"/> is set for open documents.</summary>
public sealed record SourceChange(IReadOnlyList<FileEdit> Files);

public sealed record FileEdit(WorkspaceFile File, IReadOnlyList<TextChange> Changes)
{
    public int? Version => File.Version;
}

/// <summary>References and highlights of an author: every header that lists them.</summary>
public static class NavigationService
{
    public static IReadOnlyList<NavigationTarget> References(WorkspaceSnapshot workspace, DocumentId document, TextPosition position, CancellationToken cancellationToken = default)
    {
        if (workspace.Get(document) is not { } file) return [];
        var target = Cursor.Locate(file.Document, position);
        if (target.Part != CursorPart.Author) return [];
        return WorkspaceQueries.AuthorOccurrences(workspace, target.AuthorKey, cancellationToken)
            .Select(o => new NavigationTarget(o.File, o.Range)).ToList();
    }

    /// <summary>The author's occurrences in this file only (textDocument/documentHighlight).</summary>
    public static IReadOnlyList<TextRange> Highlights(WorkspaceSnapshot workspace, DocumentId document, TextPosition position, CancellationToken cancellationToken = default)
    {
        if (workspace.Get(document) is not { } file) return [];
        var target = Cursor.Locate(file.Document, position);
        if (target.Part != CursorPart.Author) return [];
        return WorkspaceQueries.AuthorOccurrences(file, target.AuthorKey, cancellationToken).Select(o => o.Range).ToList();
    }
}

/// <summary>Renaming an author across every list of the workspace.</summary>
public static class RenameService
{
    /// <summary>A refusal the client shows as it is.</summary>
    public sealed class RenameRefused(string message) : Exception(message);

    public static (TextRange Range, string Placeholder) Prepare(WorkspaceSnapshot workspace, DocumentId document, TextPosition position)
    {
        if (workspace.Get(document) is not { } file) throw new RenameRefused("This document is not part of the workspace.");
        var target = Cursor.Locate(file.Document, position);
        if (target.Part != CursorPart.Author)
            throw new RenameRefused("Only an author's name can be renamed: put the cursor on a name in the author list of a header.");
        return (target.Range, target.Text);
    }

    public static SourceChange Rename(WorkspaceSnapshot workspace, DocumentId document, TextPosition position, string newName, CancellationToken cancellationToken = default)
    {
        var (_, oldName) = Prepare(workspace, document, position);
        var name = newName.Trim();
        if (name.Length == 0) throw new RenameRefused("An author's name cannot be empty.");
        if (name.Contains(',')) throw new RenameRefused($"'{name}' contains a comma, which separates authors: write one name.");
        if (name.Contains('\n') || name.Contains('\r')) throw new RenameRefused("An author's name is one line.");
        if (name.Contains(Syntax.HeaderSplitter.AffiliationMark) || name.Contains(Syntax.HeaderSplitter.ExplicitSeparator.Trim()))
            throw new RenameRefused($"'{name}' contains '·' or '|', which separate the parts of a header: write the name only.");
        if (name.EndsWith("et al.", StringComparison.Ordinal)) throw new RenameRefused("A name cannot end in 'et al.'.");

        var key = AuthorKey.Of(oldName);
        var files = WorkspaceQueries.AuthorOccurrences(workspace, key, cancellationToken)
            .GroupBy(o => o.File.Id)
            .Select(group => new FileEdit(group.First().File, group.Where(o => o.Name != name).Select(o => new TextChange(o.Range, name)).ToList()))
            .Where(edit => edit.Changes.Count > 0)
            .ToList();
        return new SourceChange(files);
    }
}
