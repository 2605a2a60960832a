using PaperLsp.Related;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Related;

/// <summary>Small workspaces written as text, and the entry of one by its title.</summary>
internal sealed class RelatedWorkspace
{
    public RelatedWorkspace(params (string File, string Text)[] files)
    {
        Documents = files.Select(f => (new DocumentId(f.File), PaperDocument.Parse(f.Text))).ToArray();
        Index = RelatedIndex.Build(Documents);
    }

    public (DocumentId Id, PaperDocument Document)[] Documents { get; }
    public RelatedIndex Index { get; }

    public EntryRef Entry(string title)
    {
        var found = Documents.SelectMany(d => d.Document.Entries.Where(e => e.Node.Title == title).Select(e => new EntryRef(d.Id, e.Node))).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"one entry titled '{title}'");
        return found[0];
    }

    public IReadOnlyList<RelatedPaper> Related(string title, int limit = 10, Func<EntryRef, bool>? exclude = null) =>
        Index.Query(Entry(title), limit, exclude);

    public static string[] Titles(IEnumerable<RelatedPaper> related) => related.Select(r => r.Entry.Node.Title).ToArray();

    /// <summary>An entry: optional metadata line, header with the explicit title–authors separator, optional abstract.</summary>
    public static string EntryText(string title, string authors, string abstractText = "", string? metadata = null) =>
        (metadata is null ? "" : metadata + "\n") + $"{title} | {authors}\n" + (abstractText.Length > 0 ? abstractText + "\n" : "") + "\n";
}
