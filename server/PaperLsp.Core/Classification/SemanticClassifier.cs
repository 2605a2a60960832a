using PaperLsp.Analysis;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Classification;

/// <summary>What a span of a paper list is, for highlighting. Protocol-free: the LSP layer maps these to its legend.</summary>
public enum SpanKind
{
    Title,
    Author,
    EtAl,
    Affiliation,
    Score,
    Category,
    Date,
    CodeFlag,
    Comment,
    Heading,
    /// <summary>The keyword of a <c>// paperlsp-ignore</c> or <c>// paperlsp-ignore-file</c> comment.</summary>
    Directive,
    /// <summary>A diagnostic code named by a directive, e.g. <c>PL0301</c>.</summary>
    DiagnosticCode,
}

[Flags]
public enum SpanModifiers
{
    None = 0,
    /// <summary>The span belongs to an entry whose title appears more than once in the file (PL0301, not silenced).</summary>
    Duplicate = 1,
    /// <summary>The span belongs to an entry with a metadata or header finding (PL01xx or PL02xx, not silenced).</summary>
    Malformed = 2,
}

/// <summary>A classified span on one line: never empty, never spanning lines, columns in UTF-16 code units.</summary>
public readonly record struct ClassifiedSpan(int Line, int Start, int Length, SpanKind Kind, SpanModifiers Modifiers)
{
    public int End => Start + Length;
    public TextRange Range => TextRange.OnLine(Line, Start, Length);
}

/// <summary>
/// Says which span of a document is which kind of thing. Every span is exactly a span the parser found (title, each
/// author, et al., each affiliation, metadata parts, comments, headings, directive keywords and codes); spans are in
/// document order, do not overlap, are never empty and never cross a line.
/// </summary>
public static class SemanticClassifier
{
    /// <summary>
    /// Classifies the items that intersect lines [<paramref name="firstLine"/>, <paramref name="lastLine"/>].
    /// <paramref name="duplicatedTitleKeys"/> are the title keys that more than one entry has (see
    /// <see cref="TitleIndex.DuplicatedKeys"/>); when null they are computed from the document.
    /// </summary>
    public static IEnumerable<ClassifiedSpan> Classify(PaperDocument document, IReadOnlySet<string>? duplicatedTitleKeys = null,
        int firstLine = 0, int lastLine = int.MaxValue, CancellationToken cancellationToken = default)
    {
        duplicatedTitleKeys ??= TitleIndex.Build(document).DuplicatedKeys;
        var fileDirectives = FileDirectives(document);

        var spans = new List<ClassifiedSpan>();
        foreach (var item in document.ItemsFrom(Math.Max(0, firstLine)))
        {
            if (item.StartLine > lastLine) yield break;
            cancellationToken.ThrowIfCancellationRequested();
            spans.Clear();
            ClassifyItem(item, ModifiersOf(document, item, duplicatedTitleKeys, fileDirectives), spans);
            foreach (var span in spans)
                if (span.Line >= firstLine && span.Line <= lastLine) yield return span;
        }
    }

    /// <summary>The directives of the document that cover the whole file (<c>// paperlsp-ignore-file</c>).</summary>
    public static IReadOnlyList<Directive> FileDirectives(PaperDocument document) => document.DirectiveItems
        .Select(item => item.Node)
        .OfType<CommentNode>()
        .Where(comment => comment.Directive is { Scope: DirectiveScope.File })
        .Select(comment => comment.Directive!)
        .ToList();

    /// <summary>The modifiers of an item's spans: an entry's (<see cref="ModifiersOf(PaperDocument, EntrySyntax, IReadOnlySet{string}, IReadOnlyList{Directive})"/>), none for anything else.</summary>
    public static SpanModifiers ModifiersOf(PaperDocument document, ItemSyntax item, IReadOnlySet<string> duplicatedTitleKeys,
        IReadOnlyList<Directive> fileDirectives) =>
        item.AsEntry is { } entry ? ModifiersOf(document, entry, duplicatedTitleKeys, fileDirectives) : SpanModifiers.None;

    /// <summary>
    /// Adds the spans of one item, in order and none empty (<see cref="Add"/> drops empty ones), given its modifiers (<see cref="ModifiersOf(PaperDocument, ItemSyntax, IReadOnlySet{string}, IReadOnlyList{Directive})"/>):
    /// they depend on nothing else, so an item's spans can be kept for as long as its node and modifiers stay the same.
    /// </summary>
    public static void ClassifyItem(ItemSyntax item, SpanModifiers modifiers, List<ClassifiedSpan> spans)
    {
        var first = spans.Count;
        AddItem(item, modifiers, spans);
        spans.Sort(first, spans.Count - first, SpanOrder.Instance);
    }

    private sealed class SpanOrder : IComparer<ClassifiedSpan>
    {
        public static readonly SpanOrder Instance = new();

        public int Compare(ClassifiedSpan a, ClassifiedSpan b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Start.CompareTo(b.Start);
    }

    /// <summary>The modifiers of an entry: duplicate and/or malformed, unless silenced by a directive.</summary>
    public static SpanModifiers ModifiersOf(PaperDocument document, EntrySyntax entry, IReadOnlySet<string> duplicatedTitleKeys,
        IReadOnlyList<Directive> fileDirectives)
    {
        var modifiers = SpanModifiers.None;
        var isDuplicate = entry.Node.TitleKey.Length > 0 && (duplicatedTitleKeys is TitleKeySet withHashes
            ? withHashes.ContainsKeyOf(entry.Node)
            : duplicatedTitleKeys.Contains(entry.Node.TitleKey));
        // Most entries, and those whose findings are of other kinds: nothing to look up, and no per-entry lists.
        if (!isDuplicate && !entry.Node.Problems.Any(p => IsMalformed(p.Descriptor.Code))) return modifiers;
        var malformedCodes = entry.Node.Problems.Select(p => p.Descriptor.Code).Where(IsMalformed).ToList();

        var directives = DocumentAnalyzer.DirectivesFor(document, entry.Item);
        bool Silenced(string code) => fileDirectives.Any(d => d.Covers(code)) || directives.Any(d => d.Covers(code));
        if (isDuplicate && !Silenced(DiagnosticCatalog.DuplicateEntry.Code)) modifiers |= SpanModifiers.Duplicate;
        if (malformedCodes.Any(code => !Silenced(code))) modifiers |= SpanModifiers.Malformed;
        return modifiers;
    }

    private static bool IsMalformed(string code) =>
        code.StartsWith("PL01", StringComparison.Ordinal) || code.StartsWith("PL02", StringComparison.Ordinal);

    private static void AddItem(ItemSyntax item, SpanModifiers modifiers, List<ClassifiedSpan> spans)
    {
        switch (item.Node)
        {
            case EntryNode:
            {
                var entry = item.AsEntry!.Value;
                if (entry.Metadata is { } metadata) AddMetadata(item, metadata, modifiers, spans);
                Add(spans, entry.TitleRange, SpanKind.Title, modifiers);
                // The spans, not entry.Authors: that would cut every name out of its line only to drop it.
                var headerLine = entry.Node.HeaderLine;
                foreach (var author in entry.Node.Header.Authors) Add(spans, item.ToRange(headerLine, author), SpanKind.Author, modifiers);
                if (entry.EtAlRange is { } etAl) Add(spans, etAl, SpanKind.EtAl, modifiers);
                foreach (var affiliation in entry.Node.Header.Affiliations) Add(spans, item.ToRange(headerLine, affiliation), SpanKind.Affiliation, modifiers);
                break;
            }
            case OrphanMetadataNode orphan:
                AddMetadata(item, orphan.Metadata, SpanModifiers.None, spans);
                break;
            case HeadingNode heading:
            {
                var text = heading.LineText(0);
                var start = 0;
                while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
                var end = Math.Max(heading.TitleSpan.End, start + heading.Level);
                Add(spans, item.ToRange(new LineSpan(0, start, end - start)), SpanKind.Heading, SpanModifiers.None);
                break;
            }
            case CommentNode comment:
                AddComment(item, comment, spans);
                break;
        }
    }

    private static void AddMetadata(ItemSyntax item, MetadataNode metadata, SpanModifiers modifiers, List<ClassifiedSpan> spans)
    {
        if (metadata.Score is { } score) Add(spans, item.ToRange(score), SpanKind.Score, modifiers);
        if (metadata.Category is { } category) Add(spans, item.ToRange(category), SpanKind.Category, modifiers);
        if (metadata.Date is { } date) Add(spans, item.ToRange(date), SpanKind.Date, modifiers);
        if (metadata.Code is { } code) Add(spans, item.ToRange(code), SpanKind.CodeFlag, modifiers);
    }

    /// <summary>A comment is one comment span, cut around its directive keyword and codes so that nothing overlaps.</summary>
    private static void AddComment(ItemSyntax item, CommentNode comment, List<ClassifiedSpan> spans)
    {
        var whole = comment.CommentSpan;
        var parts = new List<(LineSpan Span, SpanKind Kind)>();
        if (comment.Directive is { } directive)
        {
            parts.Add((directive.KeywordSpan, SpanKind.Directive));
            parts.AddRange(directive.CodeSpans.Select(span => (span, SpanKind.DiagnosticCode)));
            parts.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
        var position = whole.Start;
        foreach (var (span, kind) in parts)
        {
            if (span.Start < position || span.End > whole.End) continue;
            if (span.Start > position) Add(spans, item.ToRange(new LineSpan(0, position, span.Start - position)), SpanKind.Comment, SpanModifiers.None);
            Add(spans, item.ToRange(span), kind, SpanModifiers.None);
            position = span.End;
        }
        if (whole.End > position) Add(spans, item.ToRange(new LineSpan(0, position, whole.End - position)), SpanKind.Comment, SpanModifiers.None);
    }

    private static void Add(List<ClassifiedSpan> spans, TextRange range, SpanKind kind, SpanModifiers modifiers)
    {
        if (range.Start.Line != range.End.Line || range.End.Character <= range.Start.Character) return;
        spans.Add(new ClassifiedSpan(range.Start.Line, range.Start.Character, range.End.Character - range.Start.Character, kind, modifiers));
    }
}
