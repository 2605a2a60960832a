using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PaperLsp.Diagnostics;
using PaperLsp.Text;

namespace PaperLsp.Syntax;

/// <summary>Lines of text without their terminators, as the parser reads them.</summary>
internal interface ILineSource
{
    int Count { get; }
    string Text(int line);
    LineEnding Ending(int line);

    /// <summary>The line as a slice of the text it was read from, when it can be kept so; null to keep its string.</summary>
    NarrowSlice? Narrow(int line) => null;
}

internal enum LineClass { Blank, Comment, Heading, Metadata, Text }

/// <summary>
/// Turns lines into items. Never fails: every line ends up in some item, and what does not fit gets a finding.
/// <para>The grammar, one item at a time:</para>
/// <list type="bullet">
/// <item>blank, <c>//</c> comment and <c># heading</c> lines are items of their own;</item>
/// <item>a metadata line directly followed by a text line starts an entry; otherwise it is orphaned;</item>
/// <item>an entry is [metadata] header [abstract]: the line after the header is its abstract unless it is not text,
/// or it carries marks only headers carry (then the entry has no abstract);</item>
/// <item>a text line right after an abstract that has no header marks at all is a stray line, not a new entry.</item>
/// </list>
/// An item depends only on its own lines, the one line after it, and whether the item before it allows a stray line;
/// the incremental reparse in <see cref="PaperDocument"/> relies on exactly this.
/// <para>The methods a full read runs for every line (here, in <see cref="HeaderSplitter"/>, <see cref="Names"/>,
/// <see cref="TitleWords"/>, <see cref="MetadataReader"/>, <see cref="LineBuffer"/>) are compiled optimized on their first
/// call (<see cref="MethodImplOptions.AggressiveOptimization"/>): a server reads a large file once, soon after it starts,
/// and as tier-0 code they made that first read of 100,000 entries about twice as slow as later ones.</para>
/// </summary>
internal sealed class Parser
{
    private readonly ILineSource source;
    private int cachedReadingLine = -1;
    private HeaderReading? cachedReading;
    private int previousReadingLine = -1;
    private HeaderReading? previousReading;

    /// <summary>With <paramref name="compactLines"/> false, entries keep their abstracts as strings until
    /// <see cref="PaperDocument.CompactLines"/> runs: a large first read is not held up making them compact.</summary>
    public Parser(ILineSource source, bool compactLines = true)
    {
        this.source = source;
        this.compactLines = compactLines;
    }

    private readonly bool compactLines;

    // The parser reads a line several times (to classify it, as the line after another, to read it): the last few are
    // kept, since a source may make a new string on each read.
    private readonly int[] recentLines = [-1, -1, -1, -1];
    private readonly string[] recentTexts = new string[4];
    private int nextRecent;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Text(int line)
    {
        for (var i = 0; i < recentLines.Length; i++)
            if (recentLines[i] == line) return recentTexts[i];
        var text = source.Text(line);
        recentLines[nextRecent] = line;
        recentTexts[nextRecent] = text;
        nextRecent = (nextRecent + 1) & 3;
        return text;
    }

    /// <summary>Whether an item may be followed by a stray line (it ends with an abstract, or is itself stray).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllowsStrayAfter(ItemNode item) =>
        item.Kind == ItemKind.StrayLine || item is EntryNode { AbstractLine: >= 0 };

    /// <summary>Parses the item that starts at <paramref name="line"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ItemNode ParseItem(int line, bool strayAllowed)
    {
        switch (Classify(line))
        {
            case LineClass.Blank:
                return new ItemNode(ItemKind.Blank, [Text(line)], [source.Ending(line)], TrailingWhitespaceOnly(line));
            case LineClass.Comment:
                return ParseComment(line);
            case LineClass.Heading:
                return ParseHeading(line);
            case LineClass.Metadata:
                if (line + 1 < source.Count && Classify(line + 1) == LineClass.Text)
                    return ParseEntry(line, line + 1, AbstractFollows(line + 2) ? line + 2 : -1);
                return ParseOrphanMetadata(line);
            default:
                if (strayAllowed && Read(line) is { LooksLikeHeader: false } reading
                    && (reading.Confidence == BoundaryConfidence.None || reading.LooksLikeProse)
                    && !HeadsAnAbstract(line))
                    return ParseStray(line);
                return ParseEntry(-1, line, AbstractFollows(line + 1) ? line + 1 : -1);
        }
    }

    /// <summary>
    /// An entry is never lost: a short line right above a paragraph is that paragraph's header, even when its authors
    /// cannot be read, as long as it is no paragraph itself. Looks at the line after only, like the rest of the grammar.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool HeadsAnAbstract(int line)
    {
        if (line + 1 >= source.Count || Classify(line + 1) != LineClass.Text) return false;
        var text = Text(line);
        var (start, end) = ContentBounds(text);
        if (end - start > HeaderSplitter.MaxTitleLength || HeaderSplitter.IsProse(text, start, end) || IsParagraph(text, start, end)) return false;
        // "and a second paragraph.": a sentence's full stop after a word; headers end in a name, "et al." or an affiliation.
        if (end - start >= 3 && text[end - 1] == '.' && char.IsLower(text[end - 2]) && char.IsLower(text[end - 3])) return false;
        var next = Text(line + 1);
        var (nextStart, nextEnd) = ContentBounds(next);
        return IsParagraph(next, nextStart, nextEnd) && nextEnd - nextStart > 2 * (end - start) && !LooksLikeHeader(line + 1);
    }

    /// <summary>Sentences: a long line of them, or one ending in a full stop after a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsParagraph(string text, int start, int end) =>
        end - start >= 200 && (HeaderSplitter.IsProse(text, start, end) || text[end - 1] == '.');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AbstractFollows(int line) =>
        line < source.Count && Classify(line) == LineClass.Text && !LooksLikeHeader(line);

    /// <summary><c>Read(line).LooksLikeHeader</c>, without reading a paragraph's boundaries (see <see cref="HeaderSplitter.SplitUnlessProse"/>).</summary>
    private bool LooksLikeHeader(int line) => Read(line, unlessProse: true)?.LooksLikeHeader ?? false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal LineClass Classify(int line)
    {
        var text = Text(line);
        var (start, end) = ContentBounds(text);
        if (start == end) return LineClass.Blank;
        var content = text.AsSpan(start, end - start);
        if (content.StartsWith("//", StringComparison.Ordinal)) return LineClass.Comment;
        if (content[0] == '#')
        {
            var hashes = 0;
            while (hashes < content.Length && content[hashes] == '#') hashes++;
            if (hashes < content.Length && content[hashes] == ' ') return LineClass.Heading;
        }
        if (MetadataReader.LooksLikeMetadata(content)) return LineClass.Metadata;
        return LineClass.Text;
    }

    /// <summary>The line without leading whitespace (and a byte order mark) and trailing whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int Start, int End) ContentBounds(string text)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>
    /// The header reading of a line, remembered for the last two lines asked: an entry reads its header, then the line
    /// after it (is it an abstract?), then its header again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private HeaderReading Read(int line) => Read(line, unlessProse: false)!;

    /// <summary>The reading of a line; with <paramref name="unlessProse"/>, null for a paragraph that surely does not look like a header.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private HeaderReading? Read(int line, bool unlessProse)
    {
        if (cachedReadingLine == line) return cachedReading!;
        if (previousReadingLine == line)
        {
            (cachedReadingLine, previousReadingLine) = (previousReadingLine, cachedReadingLine);
            (cachedReading, previousReading) = (previousReading, cachedReading);
            return cachedReading!;
        }
        var text = Text(line);
        var (start, end) = ContentBounds(text);
        var reading = unlessProse ? HeaderSplitter.SplitUnlessProse(text, start, end) : HeaderSplitter.Split(text, start, end);
        if (reading is null) return null;
        (previousReadingLine, previousReading) = (cachedReadingLine, cachedReading);
        (cachedReading, cachedReadingLine) = (reading, line);
        return reading;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ItemNode ParseEntry(int metadataLine, int headerLine, int abstractLine)
    {
        var first = metadataLine >= 0 ? metadataLine : headerLine;
        var last = abstractLine >= 0 ? abstractLine : headerLine;
        var (lines, endings) = Take(first, last);
        var problems = new List<SyntaxProblem>();

        MetadataNode? metadata = null;
        if (metadataLine >= 0)
        {
            var (start, end) = ContentBounds(lines[0]);
            metadata = MetadataReader.Read(lines[0], start, end, 0, problems);
        }

        var headerRelative = headerLine - first;
        var header = lines[headerRelative];
        var reading = Read(headerLine);
        CheckHeader(header, headerRelative, reading, problems);

        var abstractRelative = abstractLine >= 0 ? abstractLine - first : -1;
        var abstractSpan = default(LineSpan);
        if (abstractRelative >= 0)
        {
            var (start, end) = ContentBounds(lines[abstractRelative]);
            abstractSpan = new LineSpan(abstractRelative, start, end - start);
            ReportTabs(lines[abstractRelative], abstractRelative, start, end, "abstract", problems);
        }
        else
        {
            var (start, end) = ContentBounds(header);
            problems.Add(new SyntaxProblem(DiagnosticCatalog.MissingAbstract, new LineSpan(headerRelative, start, end - start),
                "This entry has no abstract. Put the abstract on the line right after the header, as one line."));
        }

        for (var i = 0; i < lines.Length; i++) ReportTrailingWhitespace(lines[i], i, problems);
        var narrow = abstractLine >= 0 ? source.Narrow(abstractLine) : null;
        var entry = new EntryNode(lines, endings, problems.ToImmutableArray(), metadata, reading, headerRelative, abstractRelative, abstractSpan,
            compact: compactLines && narrow is null);
        if (narrow is not null) entry.KeepNarrow(abstractRelative, narrow);
        return entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckHeader(string header, int relativeLine, HeaderReading reading, List<SyntaxProblem> problems)
    {
        var (start, end) = ContentBounds(header);
        var authorsEnd = reading.EtAl?.Start ?? reading.AffiliationMarker?.Start ?? end;
        switch (reading.Confidence)
        {
            case BoundaryConfidence.None:
                problems.Add(new SyntaxProblem(DiagnosticCatalog.AuthorsNotFound, new LineSpan(relativeLine, start, end - start),
                    "Cannot find the authors in this header. Write them after the title, separated from it by ' | ' " +
                    "(for example 'Attention Is All You Need | Ashish Vaswani, Noam Shazeer et al.')."));
                break;
            case BoundaryConfidence.Ambiguous:
            {
                var chosen = reading.Authors[0];
                var message = $"Not sure where the title ends: read as title '{Excerpt(header, reading.Title)}' and first author '{header.Substring(chosen.Start, chosen.Length)}'";
                if (reading.AlternativeBoundary >= 0)
                {
                    var alternative = reading.AlternativeBoundary;
                    // The alternative may start in another list item than the chosen first author: quote up to its item's end.
                    var alternativeEnd = header.IndexOf(',', alternative, Math.Max(0, authorsEnd - alternative));
                    if (alternativeEnd < 0) alternativeEnd = authorsEnd;
                    while (alternativeEnd > alternative && char.IsWhiteSpace(header[alternativeEnd - 1])) alternativeEnd--;
                    message += $", but the first author could also be '{header.Substring(alternative, alternativeEnd - alternative)}'";
                }
                message += ". Insert ' | ' between the title and the authors to make it explicit.";
                problems.Add(new SyntaxProblem(DiagnosticCatalog.AmbiguousBoundary,
                    new LineSpan(relativeLine, reading.Title.Start, Math.Max(chosen.End, reading.Title.End) - reading.Title.Start), message));
                break;
            }
        }

        if (reading.Title.Length == 0 && reading.Confidence != BoundaryConfidence.None)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.EmptyTitle, new LineSpan(relativeLine, start, Math.Max(1, authorsEnd - start)),
                "This header has authors but no title. Write the title before the authors."));
        }

        foreach (var empty in reading.EmptyAuthors)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.EmptyAuthor, new LineSpan(relativeLine, empty.Start, Math.Max(1, empty.Length)),
                "Empty author: two commas with nothing between them, or a comma at the end of the list. Remove the extra comma or write the missing name."));
        }

        if (reading.Authors.Length > 1) ReportRepeatedAuthors(header, relativeLine, reading.Authors, problems);

        ReportTabs(header, relativeLine, start, end, "header", problems);
    }

    /// <summary>
    /// Müller and Muller, written twice in one list, are one author: names compare by their folded key (accents folded,
    /// lower case, runs of spaces and tabs as one space), ignoring case, and each repeat names the first occurrence.
    /// The keys are written into one buffer and compared in place, as a full read checks every header.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReportRepeatedAuthors(string header, int relativeLine, ImmutableArray<ColumnSpan> authors, List<SyntaxProblem> problems)
    {
        var totalLength = 0;
        foreach (var author in authors) totalLength += author.Length;
        // A character folds to at most two letters, and each separator is one space.
        var buffer = totalLength <= 512 ? stackalloc char[2 * totalLength] : new char[2 * totalLength];
        Span<(int Start, int Length, int Hash, ColumnSpan Author)> firsts = authors.Length <= 32
            ? stackalloc (int, int, int, ColumnSpan)[authors.Length]
            : new (int, int, int, ColumnSpan)[authors.Length];
        var firstCount = 0;
        var used = 0;
        foreach (var author in authors)
        {
            var keyStart = used;
            used = WriteNameKey(header.AsSpan(author.Start, author.Length), buffer, used);
            var key = buffer[keyStart..used];
            var hash = string.GetHashCode(key, StringComparison.OrdinalIgnoreCase);
            var earlier = -1;
            for (var i = 0; i < firstCount && earlier < 0; i++)
                if (firsts[i].Hash == hash && key.Equals(buffer.Slice(firsts[i].Start, firsts[i].Length), StringComparison.OrdinalIgnoreCase)) earlier = i;
            if (earlier >= 0)
            {
                problems.Add(new SyntaxProblem(DiagnosticCatalog.RepeatedAuthor, new LineSpan(relativeLine, author.Start, author.Length),
                    $"'{header.Substring(author.Start, author.Length)}' is already listed at column {firsts[earlier].Author.Start + 1} of this entry. Remove the repeated name."));
                used = keyStart;
            }
            else
            {
                firsts[firstCount++] = (keyStart, used - keyStart, hash, author);
            }
        }
    }

    /// <summary>Writes the comparison key of a name at <paramref name="at"/>: <c>TextFolding.Key</c> of its words joined by single spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteNameKey(ReadOnlySpan<char> name, Span<char> buffer, int at)
    {
        var firstWord = true;
        foreach (var range in name.SplitAny(" \t"))
        {
            var word = name[range];
            if (word.IsEmpty) continue;
            if (!firstWord) buffer[at++] = ' ';
            firstWord = false;
            foreach (var c in word)
            {
                if (TextFolding.IsCombiningMark(c)) continue;
                if (TextFolding.Fold(c) is { } folded)
                    foreach (var f in folded) buffer[at++] = char.ToLowerInvariant(f);
                else buffer[at++] = char.ToLowerInvariant(c);
            }
        }
        return at;
    }

    private static string Excerpt(string line, ColumnSpan span)
    {
        const int keep = 40;
        return span.Length <= keep ? line.Substring(span.Start, span.Length) : "…" + line.Substring(span.End - keep, keep);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReportTabs(string line, int relativeLine, int start, int end, string where, List<SyntaxProblem> problems)
    {
        var tab = line.IndexOf('\t', start, end - start);
        if (tab < 0) return;
        problems.Add(new SyntaxProblem(DiagnosticCatalog.TabInText, new LineSpan(relativeLine, tab, 1),
            $"A tab inside the {where}. Replace it with a space (Format Document does this)."));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReportTrailingWhitespace(string line, int relativeLine, List<SyntaxProblem> problems)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t') end--;
        if (end == line.Length || end == 0) return;
        problems.Add(new SyntaxProblem(DiagnosticCatalog.TrailingWhitespace, new LineSpan(relativeLine, end, line.Length - end),
            "Trailing whitespace. Remove it (Format Document does this)."));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ImmutableArray<SyntaxProblem> TrailingWhitespaceOnly(int line)
    {
        var problems = new List<SyntaxProblem>();
        ReportTrailingWhitespace(Text(line), 0, problems);
        return problems.ToImmutableArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ItemNode ParseOrphanMetadata(int line)
    {
        var (lines, endings) = Take(line, line);
        var problems = new List<SyntaxProblem>();
        var (start, end) = ContentBounds(lines[0]);
        var metadata = MetadataReader.Read(lines[0], start, end, 0, problems);
        problems.Insert(0, new SyntaxProblem(DiagnosticCatalog.OrphanMetadata, new LineSpan(0, start, end - start),
            "This metadata line has no entry after it; metadata belongs to the header on the next line. Move it directly above its entry's header, or delete it."));
        ReportTrailingWhitespace(lines[0], 0, problems);
        return new OrphanMetadataNode(lines, endings, problems.ToImmutableArray(), metadata);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ItemNode ParseStray(int line)
    {
        var (lines, endings) = Take(line, line);
        var (start, end) = ContentBounds(lines[0]);
        var problems = new List<SyntaxProblem>
        {
            new(DiagnosticCatalog.StrayLine, new LineSpan(0, start, end - start),
                "This line belongs to no entry: it follows an abstract, but abstracts are one line and it has no authors of its own. " +
                "Join it to the abstract above, make it a comment with '//', or add its authors."),
        };
        ReportTrailingWhitespace(lines[0], 0, problems);
        return new ItemNode(ItemKind.StrayLine, lines, endings, problems.ToImmutableArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ItemNode ParseHeading(int line)
    {
        var (lines, endings) = Take(line, line);
        var (start, end) = ContentBounds(lines[0]);
        var level = 0;
        while (start + level < end && lines[0][start + level] == '#') level++;
        var titleStart = start + level;
        while (titleStart < end && char.IsWhiteSpace(lines[0][titleStart])) titleStart++;
        var problems = new List<SyntaxProblem>();
        ReportTrailingWhitespace(lines[0], 0, problems);
        return new HeadingNode(lines, endings, problems.ToImmutableArray(), level, new LineSpan(0, titleStart, end - titleStart));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ItemNode ParseComment(int line)
    {
        var (lines, endings) = Take(line, line);
        var text = lines[0];
        var (start, end) = ContentBounds(text);
        var problems = new List<SyntaxProblem>();
        var directive = DirectiveReader.Read(text, start + 2, end, problems);
        ReportTrailingWhitespace(text, 0, problems);
        return new CommentNode(lines, endings, problems.ToImmutableArray(), new LineSpan(0, start, end - start), directive);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string[] Lines, LineEnding[] Endings) Take(int first, int last)
    {
        var count = last - first + 1;
        var lines = new string[count];
        var endings = new LineEnding[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = Text(first + i);
            endings[i] = source.Ending(first + i);
        }
        return (lines, endings);
    }
}

/// <summary>Reads <c>paperlsp-ignore</c> and <c>paperlsp-ignore-file</c> directives out of a comment.</summary>
internal static class DirectiveReader
{
    public const string IgnoreNext = "paperlsp-ignore";
    public const string IgnoreFile = "paperlsp-ignore-file";
    public const string NotDuplicate = "paperlsp-not-duplicate";

    public static Directive? Read(string text, int start, int end, List<SyntaxProblem> problems)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        var body = text.AsSpan(start, end - start);
        if (!body.StartsWith("paperlsp", StringComparison.Ordinal)) return null;

        var wordEnd = start;
        while (wordEnd < end && !char.IsWhiteSpace(text[wordEnd]) && text[wordEnd] != ':') wordEnd++;
        var word = text.Substring(start, wordEnd - start);
        DirectiveScope scope;
        if (word == NotDuplicate) return NotDuplicateDirective.Read(text, start, wordEnd, end, problems);
        if (word == IgnoreNext) scope = DirectiveScope.NextEntry;
        else if (word == IgnoreFile) scope = DirectiveScope.File;
        else
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownDirective, new LineSpan(0, start, wordEnd - start),
                $"Unknown directive '{word}'. Use '// {IgnoreNext} CODE' to silence CODE on the next entry, '// {IgnoreFile} CODE' for the whole file, or '// {NotDuplicate} \"Other title\"' above an entry that is not a duplicate of that paper."));
            return null;
        }

        var codes = ImmutableArray.CreateBuilder<string>();
        var spans = ImmutableArray.CreateBuilder<LineSpan>();
        var position = wordEnd;
        var sawCode = false;
        while (position < end)
        {
            while (position < end && (char.IsWhiteSpace(text[position]) || text[position] is ',' or ':')) position++;
            var codeStart = position;
            while (position < end && !char.IsWhiteSpace(text[position]) && text[position] != ',') position++;
            if (position == codeStart) break;
            var code = text.Substring(codeStart, position - codeStart);
            if (code.StartsWith("--", StringComparison.Ordinal)) break; // "-- reason" ends the code list
            var span = new LineSpan(0, codeStart, position - codeStart);
            sawCode = true;
            if (DiagnosticCatalog.Find(code) is { } descriptor)
            {
                codes.Add(descriptor.Code);
                spans.Add(span);
            }
            else
            {
                problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownDirective, span,
                    $"Unknown diagnostic code '{code}'. Codes look like PL0301; docs/format.md lists them all. Write '-- ' before a free-text reason."));
            }
        }
        // Only unknown codes: silence nothing rather than everything.
        if (sawCode && codes.Count == 0) return null;
        return new Directive(scope, codes.ToImmutable(), new LineSpan(0, start, wordEnd - start), spans.ToImmutable());
    }
}

/// <summary>Reads <c>paperlsp-not-duplicate "Other title" [Surname] [Year] [-- reason]</c>.</summary>
internal static class NotDuplicateDirective
{
    private const string Form = "// paperlsp-not-duplicate \"Other title\" Surname 2017";

    public static Directive? Read(string text, int start, int wordEnd, int end, List<SyntaxProblem> problems)
    {
        var keyword = new LineSpan(0, start, wordEnd - start);
        var position = wordEnd;
        while (position < end && char.IsWhiteSpace(text[position])) position++;
        if (position >= end || !IsOpeningQuote(text[position]))
            return Fail(problems, keyword, "The not-duplicate directive needs the other paper's title in quotes, e.g. " + Form + ".");
        var titleStart = position + 1;
        var close = titleStart;
        while (close < end && !IsClosingQuote(text[close])) close++;
        if (close >= end)
            return Fail(problems, new LineSpan(0, position, end - position), "The other paper's title has no closing quote: write " + Form + ".");
        var title = text.Substring(titleStart, close - titleStart);
        var titleKey = PaperLsp.Duplicates.PaperText.Key(PaperLsp.Duplicates.PaperText.Words(title));
        if (titleKey.Length == 0)
            return Fail(problems, new LineSpan(0, position, close + 1 - position), "The quoted title is empty: write " + Form + ".");

        string? surname = null;
        int? year = null;
        position = close + 1;
        while (position < end)
        {
            while (position < end && char.IsWhiteSpace(text[position])) position++;
            var partStart = position;
            while (position < end && !char.IsWhiteSpace(text[position])) position++;
            if (position == partStart) break;
            var part = text.Substring(partStart, position - partStart);
            if (part.StartsWith("--", StringComparison.Ordinal)) break;
            if (part.Length == 4 && int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && year is null) year = y;
            else if (surname is null && PaperLsp.Duplicates.PaperText.Words(part) is [.., var word] && !part.Any(char.IsDigit)) surname = word;
            else
                return Fail(problems, new LineSpan(0, partStart, position - partStart),
                    $"After the title, '{part}' is neither the other paper's first-author surname nor its year: write " + Form + " (a reason goes after '-- ').");
        }
        return new Directive(DirectiveScope.NextEntry, [], keyword, [], new NotDuplicateTarget(title, titleKey, surname, year, new LineSpan(0, titleStart, close - titleStart)));
    }

    private static Directive? Fail(List<SyntaxProblem> problems, LineSpan span, string message)
    {
        problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownDirective, span, message));
        return null;
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u201E';
    private static bool IsClosingQuote(char c) => c is '"' or '\u201D' or '\u201C';
}
