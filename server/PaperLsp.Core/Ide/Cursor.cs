using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Ide;

public enum CursorPart { None, Title, Author, EtAl, Affiliation, Score, Category, Date, Code, Directive, Abstract }

/// <summary>What part of a list the cursor is on, with that part's range (the hover range, the rename range).</summary>
public readonly record struct CursorTarget(CursorPart Part, TextRange Range, EntrySyntax? Entry, string Text, int AuthorIndex = -1, Directive? Directive = null)
{
    public string AuthorKey => Index.AuthorKey.Of(Text);
}

public static class Cursor
{
    public static CursorTarget Locate(PaperDocument document, TextPosition position)
    {
        position = document.Clamp(position);
        if (document.FindItem(position.Line) is not { } item) return default;
        if (item.Node is CommentNode { Directive: { } directive } comment)
        {
            var range = item.ToRange(comment.CommentSpan);
            return new CursorTarget(CursorPart.Directive, range, null, document.GetLineText(position.Line), -1, directive);
        }
        if (item.AsEntry is not { } entry) return default;
        if (position.Line == entry.HeaderLine)
        {
            var authors = entry.Authors;
            for (var i = 0; i < authors.Count; i++)
                if (authors[i].Range.Contains(position)) return new CursorTarget(CursorPart.Author, authors[i].Range, entry, authors[i].Name, i);
            if (entry.EtAlRange is { } etAl && etAl.Contains(position)) return new CursorTarget(CursorPart.EtAl, etAl, entry, "et al.");
            foreach (var (name, range) in entry.Affiliations)
                if (range.Contains(position)) return new CursorTarget(CursorPart.Affiliation, range, entry, name);
            if (entry.Title.Length > 0 && entry.TitleRange.Contains(position)) return new CursorTarget(CursorPart.Title, entry.TitleRange, entry, entry.Title);
            return default;
        }
        if (position.Line == entry.MetadataLine && entry.Metadata is { } metadata)
        {
            // Later parts first: at the point where two touch ("29.4|CL"), the part that starts there is the one meant.
            foreach (var (part, span) in new (CursorPart, LineSpan?)[] { (CursorPart.Code, metadata.Code), (CursorPart.Date, metadata.Date), (CursorPart.Category, metadata.Category), (CursorPart.Score, metadata.Score) })
                if (entry.Locate(span) is { } range && range.Contains(position))
                    return new CursorTarget(part, range, entry, document.GetLineText(position.Line)[range.Start.Character..range.End.Character]);
            return default;
        }
        if (position.Line == entry.AbstractLine && entry.AbstractRange is { } abstractRange)
            return new CursorTarget(CursorPart.Abstract, abstractRange, entry, entry.Abstract);
        return default;
    }
}

/// <summary>Where the entries of an author or a title are, across the workspace, through the index's file lists.</summary>
public static class WorkspaceQueries
{
    public sealed record AuthorOccurrence(Workspace.WorkspaceFile File, EntrySyntax Entry, string Name, TextRange Range);

    /// <summary>Every header that lists the author, in file order then line order.</summary>
    public static IEnumerable<AuthorOccurrence> AuthorOccurrences(Workspace.WorkspaceSnapshot workspace, string authorKey, CancellationToken cancellationToken = default)
    {
        if (workspace.Index.Author(authorKey) is not { } record) yield break;
        foreach (var id in record.Files.Keys.Order())
        {
            if (workspace.Get(id) is not { } file) continue;
            foreach (var occurrence in AuthorOccurrences(file, authorKey, cancellationToken)) yield return occurrence;
        }
    }

    public static IEnumerable<AuthorOccurrence> AuthorOccurrences(Workspace.WorkspaceFile file, string authorKey, CancellationToken cancellationToken = default)
    {
        foreach (var entry in file.Document.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!EntryFacts.Of(entry.Node).Lists(authorKey)) continue;
            foreach (var (name, range) in entry.Authors)
                if (AuthorKey.Of(name) == authorKey) yield return new AuthorOccurrence(file, entry, name, range);
        }
    }

    /// <summary>The entries with this title key, in file order then line order.</summary>
    public static IEnumerable<(Workspace.WorkspaceFile File, EntrySyntax Entry)> TitleOccurrences(Workspace.WorkspaceSnapshot workspace, string titleKey)
    {
        if (titleKey.Length == 0 || !workspace.Index.Titles.TryGetValue(titleKey, out var files)) yield break;
        foreach (var id in files.Keys.Order())
        {
            if (workspace.Get(id) is not { } file) continue;
            foreach (var entry in file.Document.Entries)
                if (entry.Node.TitleKey == titleKey) yield return (file, entry);
        }
    }

    /// <summary>file.papers:12 (one-based line), for cards and messages.</summary>
    public static string ShortLocation(Workspace.WorkspaceFile file, int line) =>
        $"{ShortName(file.Uri)}:{line + 1}";

    public static string ShortName(string uri)
    {
        var slash = uri.LastIndexOf('/');
        var name = slash >= 0 ? uri[(slash + 1)..] : uri;
        return Uri.UnescapeDataString(name);
    }

    /// <summary>A link a client opens at the line: file URIs take an L-fragment in VS Code and most markdown viewers.</summary>
    public static string LinkTo(Workspace.WorkspaceFile file, int line) => $"{file.Uri}#L{line + 1}";
}
