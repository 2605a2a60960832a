using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

/// <summary>A duplicate quick fix: its title, whether it is the likeliest, and its edits per document (never overlapping, in order).</summary>
public sealed record DuplicateFix(string Title, bool IsPreferred, IReadOnlyList<string> FixesCodes,
    IReadOnlyDictionary<DocumentId, IReadOnlyList<(TextRange Range, string NewText)>> Edits);

/// <summary>
/// Quick fixes on a duplicate: remove this copy; keep the most complete copy of the paper and remove the others, in
/// every list; or mark this entry as not a duplicate of one of the others (the pairwise directive above it).
/// </summary>
public static class DuplicateFixes
{
    private const int MaxDirectiveFixes = 3;

    public static IReadOnlyList<DuplicateFix> For(DocumentId id, PaperDocument document, TextPosition position, DuplicateIndex index,
        Func<DocumentId, PaperDocument?> documentOf, Func<DocumentId, string> displayName)
    {
        if (document.FindEntry(position.Line) is not { } entry) return [];
        var self = new EntryRef(id, entry.Node);
        var matches = index.MatchesOf(self);
        if (matches.Count == 0) return [];
        PaperDocument? DocumentOf(DocumentId of) => of == id ? document : documentOf(of);
        var codes = matches.Select(m => DuplicateFindings.DescriptorOf(m.Verdict.Kind).Code).Distinct().ToList();
        var fixes = new List<DuplicateFix>();

        var copies = matches.Where(m => m.Verdict.Kind >= DuplicateKind.SamePaper).ToList();
        if (copies.Count > 0)
        {
            fixes.Add(new DuplicateFix("Remove this copy", false, codes, new Dictionary<DocumentId, IReadOnlyList<(TextRange, string)>>
            {
                [id] = [Removal(document, entry)],
            }));
            var located = copies
                .Select(m => (m.Other, Line: index.LineOf(m.Other, DocumentOf)))
                .Where(pair => pair.Line >= 0 && DocumentOf(pair.Other.Document) is not null)
                .Select(pair => (pair.Other, Entry: new EntrySyntax(pair.Other.Node, pair.Line)))
                .Prepend((Other: self, Entry: entry))
                .ToList();
            // The most complete copy wins; on a tie the first one (this entry, then the others in the order listed).
            var keep = located.OrderByDescending(copy => Completeness(copy.Entry.Node)).First();
            var edits = located.Where(copy => !copy.Other.Equals(keep.Other))
                .GroupBy(copy => copy.Other.Document)
                .ToDictionary(group => group.Key, group => (IReadOnlyList<(TextRange, string)>)group
                    .OrderBy(copy => copy.Entry.StartLine)
                    .Select(copy => Removal(DocumentOf(group.Key)!, copy.Entry)).ToList());
            var where = keep.Other.Equals(self) ? "this copy" : $"the copy at {Place(id, keep.Other.Document, keep.Entry, displayName)}";
            fixes.Add(new DuplicateFix($"Keep {where} (the most complete) and remove {located.Count - 1} other{(located.Count == 2 ? "" : "s")}",
                true, codes, edits));
        }

        var lineEnd = document.GetLineEnding(entry.StartLine) is var ending && ending != LineEnding.None ? ending.Text() : "\n";
        foreach (var match in matches.DistinctBy(m => m.Other.Node.Title).Take(MaxDirectiveFixes))
        {
            var directive = DuplicateFindings.NotDuplicateDirective(entry.Node, match.Other.Node);
            var at = new TextPosition(entry.StartLine, 0);
            fixes.Add(new DuplicateFix($"Mark as not a duplicate of '{Shorten(match.Other.Node.Title)}'", false, codes,
                new Dictionary<DocumentId, IReadOnlyList<(TextRange, string)>> { [id] = [(new TextRange(at, at), directive + lineEnd)] }));
        }
        return fixes;
    }

    /// <summary>How complete a copy is: a readable metadata line, then more authors, then a longer abstract.</summary>
    private static (bool, int, int) Completeness(EntryNode node) =>
        (node.Metadata is { IsReadable: true }, node.Authors.Count + (node.EtAl ? 1 : 0), node.Abstract.Length);

    /// <summary>The entry's lines with their line ends, so no blank line is left where it was (removals never overlap).</summary>
    private static (TextRange, string) Removal(PaperDocument document, EntrySyntax entry)
    {
        var start = new TextPosition(entry.StartLine, 0);
        var end = entry.EndLine + 1 < document.LineCount
            ? new TextPosition(entry.EndLine + 1, 0)
            : new TextPosition(entry.EndLine, document.GetLineLength(entry.EndLine));
        return (new TextRange(start, end), "");
    }

    private static string Place(DocumentId self, DocumentId of, EntrySyntax entry, Func<DocumentId, string> displayName) =>
        of == self ? $"line {entry.HeaderLine + 1}" : $"{displayName(of)}:{entry.HeaderLine + 1}";

    private static string Shorten(string title) => title.Length <= 60 ? title : title[..57] + "…";
}
