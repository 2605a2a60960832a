using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Classification;

/// <summary>A node of a document's outline: a section (a <c># heading</c> and what follows it) or an entry.</summary>
public abstract record OutlineNode(TextRange Range);

public sealed record OutlineEntry(EntrySyntax Entry) : OutlineNode(Entry.Range);

/// <summary>
/// A <c># Heading</c> and everything up to the next heading of the same or a shallower level. <see cref="OutlineNode.Range"/>
/// runs from the heading to the end of the section's last non-blank line; deeper headings are nested <see cref="Children"/>.
/// </summary>
public sealed record OutlineSection(HeadingNode Heading, int Line, TextRange TitleRange, TextRange Range, IReadOnlyList<OutlineNode> Children)
    : OutlineNode(Range)
{
    public int Level => Heading.Level;
    public string Title => Heading.Title;
}

public enum FoldKind { Entry, Section, Comment }

/// <summary>A foldable run of whole lines; <see cref="EndLine"/> is always greater than <see cref="StartLine"/>.</summary>
public readonly record struct FoldRegion(int StartLine, int EndLine, FoldKind Kind);

/// <summary>The structure of a document for outlines and folding. Protocol-free.</summary>
public static class DocumentOutline
{
    public static IReadOnlyList<OutlineNode> Build(PaperDocument document, CancellationToken cancellationToken = default)
    {
        var roots = new List<OutlineNode>();
        var open = new Stack<OpenSection>();
        TextPosition? lastContentEnd = null;

        void Close(OpenSection section)
        {
            var end = lastContentEnd is { } e && e > section.HeadingEnd ? e : section.HeadingEnd;
            var node = new OutlineSection(section.Heading, section.Line, section.TitleRange,
                new TextRange(new TextPosition(section.Line, 0), end), section.Children);
            (open.Count > 0 ? open.Peek().Children : roots).Add(node);
        }

        foreach (var item in document.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (item.Node)
            {
                case HeadingNode heading:
                    while (open.Count > 0 && open.Peek().Heading.Level >= heading.Level) Close(open.Pop());
                    var titleRange = heading.TitleSpan.Length > 0 ? item.ToRange(heading.TitleSpan) : item.Range;
                    open.Push(new OpenSection(heading, item.StartLine, titleRange, item.Range.End, []));
                    break;
                case EntryNode:
                    (open.Count > 0 ? open.Peek().Children : roots).Add(new OutlineEntry(item.AsEntry!.Value));
                    break;
            }
            if (item.Kind != ItemKind.Blank) lastContentEnd = item.Range.End;
        }
        while (open.Count > 0) Close(open.Pop());
        return roots;
    }

    /// <summary>
    /// Folding regions: each entry (first line to last), each abstract (header to abstract line, when that is not the
    /// same region as the entry), each section, and each run of two or more comment lines. Sorted, without duplicates.
    /// </summary>
    public static IReadOnlyList<FoldRegion> Folds(PaperDocument document, CancellationToken cancellationToken = default)
    {
        var regions = new List<FoldRegion>();
        var commentStart = -1;
        var commentEnd = -1;

        void FlushComments()
        {
            if (commentStart >= 0 && commentEnd > commentStart) regions.Add(new FoldRegion(commentStart, commentEnd, FoldKind.Comment));
            commentStart = commentEnd = -1;
        }

        foreach (var item in document.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Kind == ItemKind.Comment)
            {
                if (commentStart < 0) commentStart = item.StartLine;
                commentEnd = item.EndLine;
                continue;
            }
            FlushComments();
            if (item.AsEntry is { } entry)
            {
                // The fold starts at the header, not at the metadata line: a folded entry shows its title (clients such as
                // VS Code show the first line of a fold and nothing else), and the metadata line stays visible above it.
                if (entry.EndLine > entry.HeaderLine) regions.Add(new FoldRegion(entry.HeaderLine, entry.EndLine, FoldKind.Entry));
            }
        }
        FlushComments();

        void AddSections(IEnumerable<OutlineNode> nodes)
        {
            foreach (var section in nodes.OfType<OutlineSection>())
            {
                if (section.Range.End.Line > section.Line) regions.Add(new FoldRegion(section.Line, section.Range.End.Line, FoldKind.Section));
                AddSections(section.Children);
            }
        }
        AddSections(Build(document, cancellationToken));

        return regions
            .Where(r => r.EndLine > r.StartLine)
            .DistinctBy(r => (r.StartLine, r.EndLine))
            .OrderBy(r => r.StartLine).ThenByDescending(r => r.EndLine)
            .ToList();
    }

    private sealed record OpenSection(HeadingNode Heading, int Line, TextRange TitleRange, TextPosition HeadingEnd, List<OutlineNode> Children);
}
