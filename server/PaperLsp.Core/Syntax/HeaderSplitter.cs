using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperLsp.Syntax;

/// <summary>A span of UTF-16 columns on one line.</summary>
public readonly record struct ColumnSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>How a header line reads: title, authors, et al., affiliations, and how sure the reading is.</summary>
public sealed record HeaderReading(
    ColumnSpan Title,
    ImmutableArray<ColumnSpan> Authors,
    ImmutableArray<ColumnSpan> EmptyAuthors,
    ColumnSpan? EtAl,
    ColumnSpan? Separator,
    ColumnSpan? AffiliationMarker,
    ImmutableArray<ColumnSpan> Affiliations,
    BoundaryConfidence Confidence,
    int AlternativeBoundary)
{
    /// <summary>True when the line carries a mark only headers carry: a title/author boundary, <c> | </c>, or an affiliation list.</summary>
    public bool LooksLikeHeader { get; init; }

    /// <summary>True when the text before the authors is a paragraph (sentences, or longer than any title): an abstract.</summary>
    public bool LooksLikeProse { get; init; }
}

/// <summary>
/// Finds where a header's title ends and its authors begin. Listings glue the title to the first author
/// ("...Language ModelsYung-Sung Chuang"), so the boundary is inferred from evidence:
/// <list type="number">
/// <item>Cut off <c> · affiliations</c> and <c> et al.</c> from the end.</item>
/// <item>Walk the <c>", "</c>-separated segments from the right while they read as names (<see cref="Names.NameScore"/>);
/// the first one that does not holds the title's end glued to the first author.</item>
/// <item>Score every candidate boundary: the kind of boundary (glued after a word end or an acronym, spaced), how
/// name-like the authors from there are, how title-like the title's last word is (<see cref="HeadScore"/>). The best
/// wins; it is certain when glued and ahead of the runner-up by <see cref="CertainMargin"/>, else reported as unsure.</item>
/// </list>
/// The reading depends on the line alone (no names known from other entries), so incremental reparsing stays exact.
/// docs/format.md lists the weights. A writer can always state the boundary with <c> | </c> ("Title | Jane Doe, John Smith").
/// </summary>
public static class HeaderSplitter
{
    public const string ExplicitSeparator = " | ";
    public const char AffiliationMark = '\u00B7';

    private const string GlueAfterPunctuation = "?!)]}\"'\u201D\u2019\u00BB.%*";

    public static HeaderReading Split(string line) => Split(line, 0, line.Length);

    /// <summary>
    /// Lists a reading fills and copies out, kept per thread: a full read splits every header of a file, and fresh
    /// builders and lists for each were most of what it allocated besides the lines it keeps.
    /// </summary>
    private sealed class Scratch
    {
        public readonly List<ColumnSpan> Authors = [];
        public readonly List<ColumnSpan> Empty = [];
        public readonly List<ColumnSpan> Affiliations = [];
        public readonly List<(ColumnSpan Span, double Score)> Segments = [];
    }

    [ThreadStatic] private static Scratch? scratch;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<ColumnSpan> ToImmutable(List<ColumnSpan> spans) => Copy(spans, reversed: false);

    /// <summary>Spans gathered right to left (so with strictly decreasing starts), in list order.</summary>
    private static ImmutableArray<ColumnSpan> ToImmutableReversed(List<ColumnSpan> spans) => Copy(spans, reversed: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<ColumnSpan> Copy(List<ColumnSpan> spans, bool reversed)
    {
        if (spans.Count == 0) return ImmutableArray<ColumnSpan>.Empty;
        var source = CollectionsMarshal.AsSpan(spans);
        var copy = new ColumnSpan[source.Length];
        for (var i = 0; i < copy.Length; i++) copy[i] = source[reversed ? source.Length - 1 - i : i];
        return ImmutableCollectionsMarshal.AsImmutableArray(copy);
    }

    /// <summary>Reads the header in <paramref name="line"/>[start..end), which must not start or end with whitespace.</summary>
    public static HeaderReading Split(string line, int start, int end) => Read(line, start, end, unlessProse: false)!;

    /// <summary>
    /// <see cref="Split(string, int, int)"/>, or null when the line surely does not look like a header (its reading's
    /// <see cref="HeaderReading.LooksLikeHeader"/> is false) because it is a paragraph: whatever boundary would win, more
    /// than a title's length of text lies before it. Asking whether a line after a header is its abstract then skips the
    /// scoring of boundaries, which on a long abstract costs as much as a header's.
    /// </summary>
    internal static HeaderReading? SplitUnlessProse(string line, int start, int end) => Read(line, start, end, unlessProse: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static HeaderReading? Read(string line, int start, int end, bool unlessProse)
    {
        var lists = scratch ??= new Scratch();
        var affiliations = ImmutableArray<ColumnSpan>.Empty;
        ColumnSpan? marker = null;
        var mainEnd = end;
        var looksLikeHeader = false;

        // Most lines have neither an affiliation mark nor a bar: one scan for both instead of one for each. Only the last
        // LongestList + 1 characters can hold a mark that counts: what follows one further left is prose (IsProse), so
        // such a mark is rejected below anyway; an abstract is scanned along its tail only.
        var marksFrom = Math.Max(start, end - (LongestList + 1));
        var hasMarks = line.AsSpan(marksFrom, end - marksFrom).IndexOfAny(AffiliationMark, '|') >= 0;
        var dot = hasMarks && end > start ? line.LastIndexOf(AffiliationMark, end - 1, end - start) : -1;
        if (dot >= start && !IsProse(line, dot + 1, end))
        {
            marker = new ColumnSpan(dot, 1);
            affiliations = SplitList(line, dot + 1, end, lists.Affiliations, out var slugLike);
            looksLikeHeader |= slugLike && affiliations.Length > 0;
            mainEnd = TrimEnd(line, start, dot);
        }

        // The bar of an explicit " | "; also "| Jane Doe" at the very start, where the title is missing.
        var spacedBar = hasMarks && mainEnd - start >= ExplicitSeparator.Length
            ? line.LastIndexOf(ExplicitSeparator, mainEnd - 1, mainEnd - start, StringComparison.Ordinal)
            : -1;
        var bar = spacedBar >= start ? spacedBar + 1
            : hasMarks && mainEnd - start >= 2 && line[start] == '|' && char.IsWhiteSpace(line[start + 1]) ? start
            : -1;
        if (bar >= 0 && !IsProse(line, bar + 1, mainEnd) && StartsWithName(line, bar + 1, mainEnd))
        {
            var authorsStart = SkipSpaces(line, bar + 1, mainEnd);
            var listEnd = CutEtAl(line, authorsStart, mainEnd, out var etAlExplicit);
            lists.Authors.Clear();
            lists.Empty.Clear();
            SplitAuthors(line, authorsStart, listEnd, lists.Authors, lists.Empty);
            return new HeaderReading(
                new ColumnSpan(start, TrimEnd(line, start, bar) - start),
                ToImmutable(lists.Authors), ToImmutable(lists.Empty), etAlExplicit,
                new ColumnSpan(bar, 1), marker, affiliations, BoundaryConfidence.Certain, -1)
            { LooksLikeHeader = true };
        }

        var authorsEnd = CutEtAl(line, start, mainEnd, out var etAl);
        var empty = lists.Empty;
        empty.Clear();
        if (authorsEnd > start && line[authorsEnd - 1] == ',')
        {
            empty.Add(new ColumnSpan(authorsEnd - 1, 1));
            authorsEnd = TrimEnd(line, start, authorsEnd - 1);
        }

        // Segments of the ", " list, right to left, with how name-like each is on its own. The walk stops at the first
        // segment that is no name: it holds the title's end glued to the first author, and what lies left of it is title.
        var segments = lists.Segments;
        segments.Clear();
        var segmentEnd = authorsEnd;
        while (true)
        {
            var comma = LastListComma(line, start, segmentEnd);
            var segmentStart = comma >= start ? SkipSpaces(line, comma + 1, segmentEnd) : start;
            var trimmedEnd = TrimEnd(line, segmentStart, segmentEnd);
            var span = new ColumnSpan(segmentStart, trimmedEnd - segmentStart);
            // The first segment's score decides nothing here, and below only a boundary at its very start (an empty title)
            // reads it: scoring the title's words as one name for every header was about a quarter of the reading's time.
            var score = span.Length == 0 ? Names.NameThreshold : comma < start ? NotScored : Names.NameScore(line.AsSpan(segmentStart, span.Length));
            segments.Add((span, score));
            if (comma < start || score < Names.NameThreshold) break;
            segmentEnd = comma;
        }

        // No affiliation slugs, no "et al.": only a glued boundary with a title-sized text before it would make the line
        // look like a header. Every candidate lies in a segment's last MaxNameLength characters, and the title before a
        // boundary only grows as the boundary moves right, so the leftmost candidate decides.
        if (unlessProse && !looksLikeHeader && etAl is null)
        {
            var leftmost = int.MaxValue;
            foreach (var (span, _) in segments)
                if (span.Length > 0) leftmost = Math.Min(leftmost, Math.Max(span.Start, span.End - Names.MaxNameLength));
            if (leftmost == int.MaxValue || TrimEnd(line, start, leftmost) - start > MaxTitleLength) return null;
        }

        var best = Candidate.None;
        var second = Candidate.None;
        // Names right of segment k, summed as we move left.
        var namesToTheRight = 0.0;
        var titleMissingAllowed = segments.Count > 1 || etAl is not null || marker is not null;
        // Scores of the whole tokens walked in the segment at hand, right of the candidate boundary.
        Span<Names.TokenScore> walked = stackalloc Names.TokenScore[Names.MaxTokens];
        // Two passes: a glued boundary is far stronger evidence than a space, so spaced boundaries (and the name scores
        // they need) are only weighed when the first pass found no glue at all.
        for (var pass = 0; pass < 2; pass++)
        {
        if (pass == 1 && best.Kind is BoundaryKind.AfterWord or BoundaryKind.AfterAcronym) break;
        namesToTheRight = 0.0;
        for (var k = 0; k < segments.Count; k++)
        {
            var (span, wholeScore) = segments[k];
            var isGlued = k == segments.Count - 1;
            if (span.Length > 0)
            {
                // Whole name segments left in the title cost: a name after the title's last comma is more likely an author.
                var leftInTitle = Math.Max(0, segments.Count - 2 - k);
                var lowest = Math.Max(span.Start, span.End - Names.MaxNameLength);
                var tokenEnd = span.End;
                var tokens = 0;
                for (var q = span.End - 1; q >= lowest; q--)
                {
                    if (line[q] is ' ' or '\t')
                    {
                        // A whole token passed: every candidate further left has it inside the name, so stop when no name
                        // could (a word like SystemsKun or "results.") or when the name would have too many tokens.
                        if (q + 1 < tokenEnd)
                        {
                            if (++tokens >= Names.MaxTokens) break;
                            var passed = Names.InnerTokenScore(line.AsSpan(q + 1, tokenEnd - q - 1));
                            if (passed.Score == Names.Impossible) break;
                            // Kept right to left from the end, so the tokens after a candidate are the buffer's tail in order.
                            walked[Names.MaxTokens - tokens] = passed;
                        }
                        tokenEnd = q;
                        continue;
                    }
                    var kind = KindAt(line, q, start, span.Start);
                    if (kind == BoundaryKind.None || (kind == BoundaryKind.Spaced) != (pass == 1)) continue;
                    if (kind == BoundaryKind.TitleMissing && !titleMissingAllowed) continue;
                    var glued = kind is BoundaryKind.AfterWord or BoundaryKind.AfterAcronym or BoundaryKind.Spaced;
                    if (q == span.Start && !glued && double.IsNaN(wholeScore))
                    {
                        wholeScore = Names.NameScore(line.AsSpan(span.Start, span.Length));
                        segments[k] = (span, wholeScore);
                    }
                    var nameScore = q == span.Start && !glued ? wholeScore
                        : Names.NameScore(line.AsSpan(q, span.End - q), tokenEnd - q, walked[(Names.MaxTokens - tokens)..], glued);
                    if (nameScore == Names.Impossible) continue;
                    var total = KindScore(kind) + nameScore + namesToTheRight + HeadScore(line, start, q) - 1.0 * leftInTitle;
                    var candidate = new Candidate(q, kind, total);
                    if (total > best.Score) (best, second) = (candidate, best);
                    else if (total > second.Score) second = candidate;
                }
            }
            if (!isGlued) namesToTheRight += wholeScore;
        }
        }

        if (best.Boundary < 0)
        {
            return new HeaderReading(new ColumnSpan(start, authorsEnd - start), [], ToImmutable(empty), etAl, null, marker,
                affiliations, BoundaryConfidence.None, -1)
            {
                LooksLikeHeader = looksLikeHeader || (etAl is not null && !IsProse(line, start, authorsEnd)),
                LooksLikeProse = authorsEnd - start > MaxTitleLength || IsProse(line, start, authorsEnd),
            };
        }

        var boundary = best.Boundary;
        var glueFound = best.Kind is BoundaryKind.AfterWord or BoundaryKind.AfterAcronym;
        var confidence = best.Kind == BoundaryKind.TitleMissing || (glueFound && best.Score - second.Score >= CertainMargin)
            ? BoundaryConfidence.Certain
            : BoundaryConfidence.Ambiguous;
        // One word glued to a title (ReportOpenAI, AuthorsSomething) is the best reading there is, but a weak one.
        // With more names after it (ScaleMausam, Priya Raman) the list vouches for it.
        if (glueFound && confidence == BoundaryConfidence.Certain && etAl is null && line.IndexOf(',', boundary, authorsEnd - boundary) < 0
            && IsSingleWord(line, boundary, authorsEnd))
            confidence = BoundaryConfidence.Ambiguous;
        var alternative = confidence == BoundaryConfidence.Ambiguous && second.Boundary >= 0 ? second.Boundary : -1;

        var titleEnd = TrimEnd(line, start, boundary);
        // Abstracts do not end in "et al." and have no glued name; headers do. A title is no paragraph of sentences, though:
        // "... as shown by Smith et al." ends a long abstract.
        var prose = titleEnd - start > MaxTitleLength || IsProse(line, start, titleEnd);
        looksLikeHeader |= (glueFound || etAl is not null) && !prose;

        var authors = lists.Authors;
        authors.Clear();
        foreach (var (span, _) in segments)
        {
            if (span.End <= boundary) continue;
            if (span.Start < boundary) authors.Add(new ColumnSpan(boundary, span.End - boundary));
            else if (span.Length == 0) empty.Add(span);
            else authors.Add(span);
        }
        // Segments were read right to left, and the trailing comma (the first empty one, if any) lies right of them all:
        // reversed, both lists are in list order.
        return new HeaderReading(new ColumnSpan(start, titleEnd - start), ToImmutableReversed(authors), ToImmutableReversed(empty), etAl, null, marker,
            affiliations, confidence, alternative) { LooksLikeHeader = looksLikeHeader, LooksLikeProse = prose };
    }

    /// <summary>Whether the list item starting at <paramref name="start"/> is one word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSingleWord(string line, int start, int end)
    {
        var comma = line.IndexOf(',', start, end - start);
        var stop = comma < 0 ? end : comma;
        return line.AsSpan(start, stop - start).IndexOfAny(' ', '\t') < 0;
    }

    /// <summary>A segment's score not computed yet (no score is NaN).</summary>
    private const double NotScored = double.NaN;

    /// <summary>A best reading that leads the runner-up by this much is certain; closer calls are reported as unsure.</summary>
    internal const double CertainMargin = 1.5;

    /// <summary>Titles are short; a "title" longer than this is a paragraph.</summary>
    internal const int MaxTitleLength = 400;

    private enum BoundaryKind { None, AfterWord, AfterAcronym, Spaced, AfterComma, TitleMissing }

    private readonly record struct Candidate(int Boundary, BoundaryKind Kind, double Score)
    {
        public static readonly Candidate None = new(-1, BoundaryKind.None, double.NegativeInfinity);
    }

    /// <summary>
    /// Evidence from the boundary itself. Listings glue the title to the first author, so a capital right after a word end
    /// (ModelsYung, 4Jane, ?Emily) is the strongest sign; after an acronym (GPTJohn) slightly weaker; hand-typed lists may
    /// put a space before the authors, which any word start could be; an empty title is the last resort.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double KindScore(BoundaryKind kind) => kind switch
    {
        BoundaryKind.AfterWord => 3.0,
        BoundaryKind.AfterAcronym => 2.5,
        BoundaryKind.Spaced => -1.0,
        BoundaryKind.AfterComma => -3.0,
        BoundaryKind.TitleMissing => -4.0,
        _ => double.NegativeInfinity,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static BoundaryKind KindAt(string line, int q, int titleStart, int segmentStart)
    {
        if (q == titleStart) return BoundaryKind.TitleMissing;
        if (q == segmentStart) return char.IsUpper(line[q]) ? BoundaryKind.AfterComma : BoundaryKind.None;
        var c = line[q];
        if (!char.IsUpper(c)) return BoundaryKind.None;
        var before = line[q - 1];
        if (before == ' ') return TrimEnd(line, titleStart, q) == titleStart ? BoundaryKind.None : BoundaryKind.Spaced;
        if (char.IsLower(before) || char.IsDigit(before) || GlueAfterPunctuation.Contains(before)
            // An emoji or a symbol ending the title: "Too Big? 🦜Emily M. Bender", "ChatGPT™Jane Doe".
            || char.IsLowSurrogate(before) || char.IsSymbol(before))
            return BoundaryKind.AfterWord;
        if (char.IsUpper(before) && q + 1 < line.Length)
        {
            var next = line[q + 1];
            // GPT|John, NLP|J. Smith, VQA|A H M Karim; not the "Ms" of "LLMsPriya".
            if ((char.IsLower(next) || next == '.' || (next == ' ' && q + 3 < line.Length && char.IsUpper(line[q + 2]) && line[q + 3] is ' ' or '.'))
                && !IsPluralAcronymEnd(line, q, line.Length))
                return BoundaryKind.AfterAcronym;
        }
        return BoundaryKind.None;
    }

    /// <summary>
    /// How well the text before a boundary ends a title, judged by its last word: a common title word (Models, Learning)
    /// is good; a comma or colon is bad; a CamelCase word whose last fragment is a syllable after a plain word or a plural
    /// (UnderstandingHyun, QueriesSou) has taken the start of a CamelCase name, while one ending in a short word
    /// (ImageNet, AgroMind) is a title word whole.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double HeadScore(string line, int titleStart, int boundary)
    {
        var end = TrimEnd(line, titleStart, boundary);
        if (end == titleStart) return 0;
        var wordStart = end;
        while (wordStart > titleStart && !char.IsWhiteSpace(line[wordStart - 1])) wordStart--;
        var raw = line.AsSpan(wordStart, end - wordStart);
        if (raw[^1] is ',' or ';' or '-' or '&') return -1.5;
        var word = raw.TrimEnd("?!.)]}\"'\u201D\u2019\u00BB:");
        // "Says '|No'Hannah": a title does not end in a bare opening quote.
        if (word.Length == 0) return raw.Length == 1 && raw[0] is '\'' or '"' or '\u201C' or '\u2018' ? -1.5 : 0;
        var dash = word.LastIndexOf('-');
        if (dash >= 0 && dash + 1 < word.Length) word = word[(dash + 1)..];
        // "Interviews with|Anna": titles do not end in a preposition or an article.
        if (TitleWords.IsFunctionWord(word)) return -2.0;
        if (TitleWords.IsCommon(word)) return 1.0;

        // QLoRA|De|Shawn, NLIFiona Mac|Leod: a title word does not end in the first half of a name (De, Mac, Abdul).
        var lastCapital = word.Length - 1;
        while (lastCapital > 0 && !char.IsUpper(word[lastCapital])) lastCapital--;
        var tail = word[lastCapital..];
        // Only after an acronym or as the whole word: DoLa ends in "La" as a CamelCase word of its own.
        if (boundary == end && Names.IsNamePrefix(tail) && (lastCapital == 0 || char.IsUpper(word[lastCapital - 1]))) return -2.5;

        var inner = -1;
        for (var i = word.Length - 1; i >= 1; i--)
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1])) { inner = i; break; }
        if (inner < 0) return 0;
        var before = word[..inner];
        var fragment = word[inner..];
        if (TitleWords.IsShortTitleWord(fragment) || TitleWords.IsCommon(fragment)) return 0.8;
        // Only a fragment that could start a name is suspect: a syllable (Sou, Hyun, Jia) or a known first half (Amir).
        if (!(Names.IsRomanizedSyllable(fragment) || fragment.Length <= 3 || Names.IsCamelGivenPrefix(fragment))) return 0;
        var prefixStart = inner - 1;
        while (prefixStart > 0 && !char.IsUpper(word[prefixStart])) prefixStart--;
        var prefixWord = word[prefixStart..inner];
        // Queries|Sou, LLMs|Sou, images|Jia: compounds do not start with plurals.
        var plural = prefixWord.Length >= 2 && prefixWord[^1] == 's' && (prefixWord.Length >= 3 || char.IsUpper(prefixWord[0]));
        if (plural || TitleWords.IsCommon(prefixWord)) return -1.5;
        // identiTy, iPhone: a word that starts in lower case is stylised, not a word with a name glued on.
        if (char.IsLower(word[0])) return 0;
        // Both|La, DeBERTa|Jin, HellaSwag|Tae: a word of four letters or more is a title word whole, and a syllable after
        // it starts the name. KnoVo and DoLa keep theirs.
        return before.Length >= 4 ? -1.5 : 0;
    }

    /// <summary>
    /// Whether the text after a bar reads like a list of names: no word starts in lower case but particles and
    /// "et al.". An abstract that happens to contain " | " ("GLUE | SuperGLUE benchmarks.") is then not taken for a header,
    /// while a writer's explicit separator is trusted with any names (Akyürek-𝔅, Zhang Wei).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsWithName(string line, int start, int end)
    {
        var words = line.AsSpan(start, end - start);
        var sawWord = false;
        foreach (var range in words.SplitAny(" \t,"))
        {
            var word = words[range];
            if (word.IsEmpty) continue;
            sawWord = true;
            if (!char.IsLower(word[0])) continue;
            if (word is "et" or "al." or "al" || Names.Classify(word) == Names.TokenShape.Particle) continue;
            return false;
        }
        return sawWord;
    }

    /// <summary>The last comma in [start, end) that separates list items: one followed by whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LastListComma(string line, int start, int end)
    {
        for (var i = end - 2; i >= start; i--)
        {
            i = line.LastIndexOf(',', i, i - start + 1);
            if (i < 0) return -1;
            if (char.IsWhiteSpace(line[i + 1])) return i;
        }
        return -1;
    }

    /// <summary>The "Ms" of "LLMsPriya": the s pluralises the acronym, it does not start a name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPluralAcronymEnd(string line, int q, int end) =>
        q + 2 < end && line[q + 1] == 's' && char.IsUpper(line[q + 2]);
    /// <summary>Returns the end of the author list before a trailing "et al." (or "et al", ", et al.").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CutEtAl(string line, int start, int end, out ColumnSpan? etAl)
    {
        etAl = null;
        var span = line.AsSpan(start, end - start);
        int length;
        if (span.EndsWith(" et al.", StringComparison.Ordinal)) length = 6;
        else if (span.EndsWith(" et al", StringComparison.Ordinal)) length = 5;
        else return end;
        var etAlStart = end - length;
        etAl = new ColumnSpan(etAlStart, length);
        var listEnd = TrimEnd(line, start, etAlStart);
        if (listEnd > start && line[listEnd - 1] == ',') listEnd = TrimEnd(line, start, listEnd - 1);
        return listEnd;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SplitAuthors(string line, int start, int end, List<ColumnSpan> authors, List<ColumnSpan> empty)
    {
        if (start >= end) return;
        var position = start;
        while (position <= end)
        {
            var comma = line.IndexOf(',', position, end - position);
            var pieceEnd = comma < 0 ? end : comma;
            var pieceStart = SkipSpaces(line, position, pieceEnd);
            var trimmedEnd = TrimEnd(line, pieceStart, pieceEnd);
            if (trimmedEnd > pieceStart) authors.Add(new ColumnSpan(pieceStart, trimmedEnd - pieceStart));
            else empty.Add(new ColumnSpan(comma < 0 ? pieceStart : comma, comma < 0 ? 0 : 1));
            if (comma < 0) break;
            position = comma + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<ColumnSpan> SplitList(string line, int start, int end, List<ColumnSpan> items, out bool slugLike)
    {
        items.Clear();
        slugLike = true;
        var position = start;
        while (position < end)
        {
            var comma = line.IndexOf(',', position, end - position);
            var pieceEnd = comma < 0 ? end : comma;
            var pieceStart = SkipSpaces(line, position, pieceEnd);
            var trimmedEnd = TrimEnd(line, pieceStart, pieceEnd);
            if (trimmedEnd > pieceStart)
            {
                items.Add(new ColumnSpan(pieceStart, trimmedEnd - pieceStart));
                foreach (var c in line.AsSpan(pieceStart, trimmedEnd - pieceStart))
                    slugLike &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.';
            }
            if (comma < 0) break;
            position = comma + 1;
        }
        return ToImmutable(items);
    }

    /// <summary>No author or affiliation list is longer than this: longer text is prose.</summary>
    private const int LongestList = 600;

    /// <summary>Sentences ("... the model. We ...") are not author or affiliation lists; initials ("Roger P. Levy") are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsProse(string line, int start, int end)
    {
        if (end - start > LongestList) return true;
        for (var i = start + 3; i + 1 < end; i++)
        {
            i = line.IndexOf('.', i, end - 1 - i);
            if (i < 0) return false;
            if (line[i + 1] == ' ' && char.IsLower(line[i - 1]) && char.IsLower(line[i - 2]) && char.IsLower(line[i - 3])) return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipSpaces(string line, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(line[position])) position++;
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TrimEnd(string line, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(line[end - 1])) end--;
        return end;
    }
}
