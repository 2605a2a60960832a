using System.Globalization;
using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

/// <summary>A hover: the card (markdown and plain text) and the range of the part hovered.</summary>
public sealed record HoverCard(string Markdown, string PlainText, TextRange Range);

/// <summary>Hover cards over a title, an author, et al., metadata, an affiliation or a directive.</summary>
public static class HoverService
{
    public const int MaxPapers = 10;
    public const int MaxCoauthors = 5;

    /// <summary>Related papers a title card lists at most.</summary>
    public const int MaxRelated = 3;

    /// <param name="relations">Copies and related papers across the workspace; without them a title card lists the
    /// entries with the same title only.</param>
    public static HoverCard? Hover(WorkspaceSnapshot workspace, DocumentId document, TextPosition position, CancellationToken cancellationToken = default,
        WorkspaceRelations? relations = null)
    {
        if (workspace.Get(document) is not { } file) return null;
        var target = Cursor.Locate(file.Document, position);
        var card = target.Part switch
        {
            CursorPart.Title => TitleCard(workspace, relations, file, target.Entry!.Value, cancellationToken),
            CursorPart.Author => AuthorCard(workspace, target.AuthorKey, target.Text, file, cancellationToken),
            CursorPart.EtAl => new Markup().Heading("et al.").Text("“and others”: the list names only the first authors of this paper; more wrote it."),
            CursorPart.Affiliation => AffiliationCard(workspace, target.Text),
            CursorPart.Score => new Markup().Heading($"Score {target.Text}")
                .Text("The listing's score for this paper (the first field of the metadata line). Higher ranks first when a list is sorted by score."),
            CursorPart.Category => CategoryCard(workspace, target.Text),
            CursorPart.Date => new Markup().Heading(target.Entry?.Metadata?.DateValue is { } date ? date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) : target.Text)
                .Text("The paper's date (month, day, year), as the listing shows it."),
            CursorPart.Code => new Markup().Heading("Code").Text("The paper comes with code: its authors published an implementation."),
            CursorPart.Directive => DirectiveCard(target.Directive!),
            _ => null,
        };
        return card is null ? null : new HoverCard(card.Markdown, card.Plain, target.Range);
    }

    private static Markup TitleCard(WorkspaceSnapshot workspace, WorkspaceRelations? relations, WorkspaceFile file, EntrySyntax entry, CancellationToken cancellationToken)
    {
        var index = workspace.Index;
        var card = new Markup().Heading(entry.Title);
        var authors = entry.Authors;
        if (authors.Count > 0)
        {
            var pieces = new List<Markup.Piece>();
            for (var i = 0; i < authors.Count; i++)
            {
                if (i > 0) pieces.Add(", ");
                var count = index.Author(AuthorKey.Of(authors[i].Name))?.EntryCount ?? 0;
                pieces.Add(authors[i].Name);
                pieces.Add($" ({Papers(count)})");
            }
            if (entry.Node.EtAl) pieces.Add(" et al.");
            card.Paragraph(pieces.ToArray());
        }
        var affiliations = entry.Affiliations;
        if (affiliations.Count > 0) card.Paragraph(["Affiliations: ", .. Join(affiliations.Select(a => Markup.Code(a.Name)))]);

        var facts = new List<Markup.Piece>();
        void Fact(params Markup.Piece[] pieces)
        {
            if (facts.Count > 0) facts.Add(" · ");
            facts.AddRange(pieces);
        }
        if (entry.Metadata is { } metadata)
        {
            if (metadata.CategoryText is { } category) Fact(ArxivCategoryNames.Describe(category) ?? $"{category} (not an arXiv category)");
            if (metadata.DateValue is { } date) Fact(date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture));
            if (metadata.ScoreValue is { } score) Fact("score ", Markup.Strong(score.ToString("0.0##", CultureInfo.InvariantCulture)));
            if (metadata.HasCode) Fact("Code available");
        }
        if (facts.Count > 0) card.Paragraph(facts.ToArray());

        if (entry.Abstract.Length > 0) card.Rule().Text(entry.Abstract);

        if (relations is not null)
        {
            RelationsSection(card, workspace, relations, new EntryRef(file.Id, entry.Node), cancellationToken);
            return card;
        }
        var others = WorkspaceQueries.TitleOccurrences(workspace, entry.Node.TitleKey)
            .Where(other => !(other.File.Id == file.Id && other.Entry.StartLine == entry.StartLine)).ToList();
        if (others.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            card.Rule().Paragraph($"Also listed {(others.Count == 1 ? "once more" : $"{others.Count} more times")}:");
            card.Bullets(others.Take(MaxPapers).Select(o => new[] { Markup.Link(WorkspaceQueries.ShortLocation(o.File, o.Entry.HeaderLine), WorkspaceQueries.LinkTo(o.File, o.Entry.HeaderLine)) }));
            if (others.Count > MaxPapers) card.Text($"and {others.Count - MaxPapers} more");
        }
        return card;
    }

    private static void RelationsSection(Markup card, WorkspaceSnapshot workspace, WorkspaceRelations relations, EntryRef entry, CancellationToken cancellationToken)
    {
        var copies = PaperRelationsService.CopiesOf(workspace, relations, entry, includePossible: true);
        if (copies.Count > 0)
        {
            card.Rule().Paragraph(copies.Count == 1 ? "Another copy of this paper:" : $"{copies.Count} other copies of this paper:");
            card.Bullets(copies.Take(MaxPapers).Select(copy => new[]
            {
                Markup.Link(WorkspaceQueries.ShortLocation(copy.Target.File, copy.Target.Range.Start.Line), WorkspaceQueries.LinkTo(copy.Target.File, copy.Target.Range.Start.Line)),
                (Markup.Piece)$" ({KindName(copy.Kind)})",
            }));
            if (copies.Count > MaxPapers) card.Text($"and {copies.Count - MaxPapers} more");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var related = PaperRelationsService.RelatedTo(workspace, relations, entry, MaxRelated, cancellationToken);
        if (related.Count == 0) return;
        card.Rule().Paragraph("Related papers:");
        card.Bullets(related.Select(paper => new[]
        {
            Markup.Link(paper.Title, WorkspaceQueries.LinkTo(paper.Target.File, paper.Target.Range.Start.Line)),
            (Markup.Piece)$" — {string.Join("; ", paper.Reasons)}",
        }));
    }

    private static string KindName(Duplicates.DuplicateKind kind) => kind switch
    {
        Duplicates.DuplicateKind.ExactCopy => "exact copy",
        Duplicates.DuplicateKind.SamePaper => "same paper",
        _ => "possible duplicate",
    };

    /// <summary>The author card; also the documentation of an author completion item.</summary>
    public static Markup AuthorCard(WorkspaceSnapshot workspace, string key, string writtenName, WorkspaceFile? here, CancellationToken cancellationToken = default)
    {
        var card = new Markup();
        if (workspace.Index.Author(key) is not { } record) return card.Heading(writtenName).Text("Not listed in any entry of the workspace.");
        card.Heading(writtenName);
        var fileCount = record.Files.Count;
        card.Text($"{Papers(record.EntryCount)} in the workspace{(fileCount > 1 ? $", in {fileCount} lists" : "")}.");
        var spellings = record.Spellings.Keys.Where(s => s != writtenName).Order(StringComparer.Ordinal).ToList();
        if (spellings.Count > 0) card.Text($"Also written: {string.Join(", ", spellings)}");
        var coauthors = record.TopCoauthors(MaxCoauthors).ToList();
        if (coauthors.Count > 0)
            card.Paragraph(["Often with: ", .. Join(coauthors.Select(c => (Markup.Piece)$"{workspace.Index.Author(c.Key)?.DisplayName ?? c.Key} ({c.Count})"))]);
        var papers = WorkspaceQueries.AuthorOccurrences(workspace, key, cancellationToken).Take(MaxPapers + 1).ToList();
        card.Bullets(papers.Take(MaxPapers).Select(p => new Markup.Piece[]
        {
            p.Entry.Title.Length > 0 ? p.Entry.Title : "(untitled)", " — ",
            Markup.Link(WorkspaceQueries.ShortLocation(p.File, p.Entry.HeaderLine), WorkspaceQueries.LinkTo(p.File, p.Entry.HeaderLine)),
        }));
        if (record.EntryCount > MaxPapers) card.Text($"and {record.EntryCount - MaxPapers} more");
        return card;
    }

    private static Markup AffiliationCard(WorkspaceSnapshot workspace, string slug)
    {
        var count = workspace.Index.Affiliations.GetValueOrDefault(slug);
        return new Markup().Heading(slug)
            .Text($"An affiliation of the authors (a slug after ' · '). {Papers(count)} in the workspace list it.");
    }

    private static Markup CategoryCard(WorkspaceSnapshot workspace, string written)
    {
        var count = workspace.Index.Categories.GetValueOrDefault(written);
        var card = new Markup().Heading(ArxivCategoryNames.Describe(written) ?? written);
        if (ArxivCategoryNames.FullCode(written) is null) card.Text("Not an arXiv category.");
        else card.Text($"The paper's arXiv category. {Papers(count)} in the workspace have it.");
        return card;
    }

    private static Markup DirectiveCard(Directive directive)
    {
        var scope = directive.Scope == DirectiveScope.File ? "in this whole file" : "on the entry below";
        var codes = directive.Codes.IsEmpty ? "every finding" : string.Join(", ", directive.Codes.Select(code =>
            Diagnostics.DiagnosticCatalog.Find(code) is { } known ? $"{known.Code} ({known.Name})" : $"{code} (unknown)"));
        return new Markup().Heading(directive.Scope == DirectiveScope.File ? "paperlsp-ignore-file" : "paperlsp-ignore")
            .Text($"Silences {codes} {scope}.");
    }

    private static IEnumerable<Markup.Piece> Join(IEnumerable<Markup.Piece> pieces)
    {
        var first = true;
        foreach (var piece in pieces)
        {
            if (!first) yield return ", ";
            first = false;
            yield return piece;
        }
    }

    public static string Papers(int count) => count == 1 ? "1 paper" : $"{count.ToString(CultureInfo.InvariantCulture)} papers";
}
