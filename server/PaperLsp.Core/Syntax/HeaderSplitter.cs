using System.Collections.Immutable;

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
}

/// <summary>
/// Finds where a header's title ends and its authors begin. Listings glue the title to the first author
/// ("...Language ModelsYung-Sung Chuang"), so the boundary is inferred:
/// <list type="number">
/// <item>Cut off <c> · affiliations</c> and <c> et al.</c> from the end.</item>
/// <item>Walk the <c>", "</c>-separated segments from the right while they read as names; the first one that does not
/// holds the title's end glued to the first author.</item>
/// <item>In that segment, a glue point is an upper-case letter right after a word end (a lower-case letter, a digit,
/// closing punctuation, or the end of an acronym as in <c>GPTJohn</c>) whose suffix reads as a full name.
/// The right-most glue point wins (titles end in CamelCase words far more often than first names have inner capitals);
/// if there is more than one the reading is <see cref="BoundaryConfidence.Ambiguous"/>.</item>
/// </list>
/// A writer can always state the boundary with <c> | </c> ("Title | Jane Doe, John Smith").
/// </summary>
public static class HeaderSplitter
{
    public const string ExplicitSeparator = " | ";
    public const char AffiliationMark = '\u00B7';

    private const string GlueAfterPunctuation = "?!)]}\"'\u201D\u2019\u00BB.%*";

    public static HeaderReading Split(string line) => Split(line, 0, line.Length);

    /// <summary>Reads the header in <paramref name="line"/>[start..end), which must not start or end with whitespace.</summary>
    public static HeaderReading Split(string line, int start, int end)
    {
        var affiliations = ImmutableArray<ColumnSpan>.Empty;
        ColumnSpan? marker = null;
        var mainEnd = end;
        var looksLikeHeader = false;

        var dot = end > start ? line.LastIndexOf(AffiliationMark, end - 1, end - start) : -1;
        if (dot >= start && !IsProse(line, dot + 1, end))
        {
            marker = new ColumnSpan(dot, 1);
            affiliations = SplitList(line, dot + 1, end, out var slugLike);
            looksLikeHeader |= slugLike && affiliations.Length > 0;
            mainEnd = TrimEnd(line, start, dot);
        }

        // The bar of an explicit " | "; also "| Jane Doe" at the very start, where the title is missing.
        var spacedBar = mainEnd - start >= ExplicitSeparator.Length
            ? line.LastIndexOf(ExplicitSeparator, mainEnd - 1, mainEnd - start, StringComparison.Ordinal)
            : -1;
        var bar = spacedBar >= start ? spacedBar + 1
            : mainEnd - start >= 2 && line[start] == '|' && char.IsWhiteSpace(line[start + 1]) ? start
            : -1;
        if (bar >= 0 && !IsProse(line, bar + 1, mainEnd) && StartsWithName(line, bar + 1, mainEnd))
        {
            var authorsStart = SkipSpaces(line, bar + 1, mainEnd);
            var listEnd = CutEtAl(line, authorsStart, mainEnd, out var etAlExplicit);
            var explicitAuthors = ImmutableArray.CreateBuilder<ColumnSpan>();
            var explicitEmpty = ImmutableArray.CreateBuilder<ColumnSpan>();
            SplitAuthors(line, authorsStart, listEnd, explicitAuthors, explicitEmpty);
            return new HeaderReading(
                new ColumnSpan(start, TrimEnd(line, start, bar) - start),
                explicitAuthors.ToImmutable(), explicitEmpty.ToImmutable(), etAlExplicit,
                new ColumnSpan(bar, 1), marker, affiliations, BoundaryConfidence.Certain, -1)
            { LooksLikeHeader = true };
        }

        var authorsEnd = CutEtAl(line, start, mainEnd, out var etAl);
        // Abstracts do not end in "et al."; headers often do.
        looksLikeHeader |= etAl is not null && etAl.Value.End == end;
        var empty = ImmutableArray.CreateBuilder<ColumnSpan>();
        if (authorsEnd > start && line[authorsEnd - 1] == ',')
        {
            empty.Add(new ColumnSpan(authorsEnd - 1, 1));
            authorsEnd = TrimEnd(line, start, authorsEnd - 1);
        }

        // Segments right of the glued one, collected right to left.
        var rightSegments = new List<ColumnSpan>();
        var segmentEnd = authorsEnd;
        int gluedStart, gluedEnd;
        var allNames = false;
        while (true)
        {
            var comma = LastListComma(line, start, segmentEnd);
            var segmentStart = comma >= start ? SkipSpaces(line, comma + 1, segmentEnd) : start;
            var trimmedEnd = TrimEnd(line, segmentStart, segmentEnd);
            if (comma < start)
            {
                gluedStart = segmentStart;
                gluedEnd = trimmedEnd;
                allNames = Names.IsPlausibleName(line.AsSpan(segmentStart, trimmedEnd - segmentStart), allowSingleToken: true);
                break;
            }
            if (segmentStart == trimmedEnd || Names.IsPlausibleName(line.AsSpan(segmentStart, trimmedEnd - segmentStart), allowSingleToken: true))
            {
                rightSegments.Add(new ColumnSpan(segmentStart, trimmedEnd - segmentStart));
                segmentEnd = comma;
                continue;
            }
            gluedStart = segmentStart;
            gluedEnd = trimmedEnd;
            break;
        }

        var confidence = BoundaryConfidence.Certain;
        var glue = FindGluePoints(line, gluedStart, gluedEnd, start);
        if (glue.Count == 0 && allNames)
        {
            // Every segment reads as a name, so the glue hides in one of them ("Big BoxJohn Smith"): take the left-most
            // segment that has a glue point, since later ones may be names with inner capitals (SouYoung Jin).
            for (var i = rightSegments.Count - 1; i >= 0; i--)
            {
                var candidate = rightSegments[i];
                var points = FindGluePoints(line, candidate.Start, candidate.End, start);
                if (points.Count == 0) continue;
                glue = points;
                confidence = BoundaryConfidence.Ambiguous;
                gluedStart = candidate.Start;
                gluedEnd = candidate.End;
                rightSegments.RemoveRange(i, rightSegments.Count - i);
                break;
            }
        }

        int boundary;
        var alternative = -1;
        if (glue.Count > 0)
        {
            looksLikeHeader = true;
            (boundary, confidence) = glue.Count == 1 ? (glue[0], confidence) : ChooseBetween(line, glue, start);
            if (glue.Count > 1) alternative = boundary == glue[0] ? glue[1] : glue[0];
        }
        else
        {
            var spaced = FindSpacedBoundaries(line, gluedStart, gluedEnd, start);
            if (spaced.Count > 0)
            {
                boundary = spaced[0];
                confidence = BoundaryConfidence.Ambiguous;
                if (spaced.Count > 1) alternative = spaced[1];
            }
            else if (allNames && (rightSegments.Count > 0 || etAl is not null || marker is not null))
            {
                // Only names: the title is missing.
                boundary = gluedStart;
            }
            else
            {
                return new HeaderReading(new ColumnSpan(start, authorsEnd - start), [], empty.ToImmutable(), etAl, null, marker,
                    affiliations, BoundaryConfidence.None, -1) { LooksLikeHeader = looksLikeHeader };
            }
        }

        var authors = ImmutableArray.CreateBuilder<ColumnSpan>(rightSegments.Count + 1);
        authors.Add(new ColumnSpan(boundary, gluedEnd - boundary));
        for (var i = rightSegments.Count - 1; i >= 0; i--)
        {
            if (rightSegments[i].Length == 0) empty.Add(rightSegments[i]);
            else authors.Add(rightSegments[i]);
        }
        empty.Sort((a, b) => a.Start.CompareTo(b.Start));
        var titleEnd = TrimEnd(line, start, boundary);
        return new HeaderReading(new ColumnSpan(start, titleEnd - start), authors.ToImmutable(), empty.ToImmutable(), etAl, null, marker,
            affiliations, confidence, alternative) { LooksLikeHeader = looksLikeHeader };
    }

    /// <summary>Glue points in [segmentStart, segmentEnd), right-most first.</summary>
    private static List<int> FindGluePoints(string line, int segmentStart, int segmentEnd, int titleStart)
    {
        var found = new List<int>(2);
        var lowest = Math.Max(Math.Max(segmentStart, titleStart) + 1, segmentEnd - Names.MaxNameLength);
        for (var q = segmentEnd - 1; q >= lowest; q--)
        {
            var c = line[q];
            if (!char.IsUpper(c)) continue;
            var before = line[q - 1];
            var isWordEnd = char.IsLower(before) || char.IsDigit(before) || GlueAfterPunctuation.Contains(before)
                // An emoji or a symbol ending the title: "Too Big? 🦜Emily M. Bender", "ChatGPT™Jane Doe".
                || char.IsLowSurrogate(before) || char.IsSymbol(before)
                // End of an acronym: GPT|John, NLP|J. Smith.
                || (char.IsUpper(before) && q + 1 < segmentEnd && (char.IsLower(line[q + 1]) || line[q + 1] == '.') && !IsPluralAcronymEnd(line, q, segmentEnd));
            if (!isWordEnd) continue;
            if (Names.IsPlausibleName(line.AsSpan(q, segmentEnd - q), allowSingleToken: false, gluedToTitle: true)) found.Add(q);
        }
        return found;
    }

    /// <summary>
    /// Two glue points differ by a short fragment f, and the question is whether f ends the title's CamelCase word or
    /// begins a name with an inner capital: ImageNet|Oliver or Image|NetOliver; Queries|SouYoung or QueriesSou|Young.
    /// <list type="bullet">
    /// <item>f is a short English word (Net, Hub, Go): it ends the title word. Certain.</item>
    /// <item>the word before f is a plural (Queries, Videos, LLMs): compounds do not start with plurals, so f starts the name. Certain.</item>
    /// <item>the word before f is a plain word of five letters or more (Navigation, Think): likewise. Certain.</item>
    /// <item>the word before f is already a CamelCase name ending in lower case (DeBERTa, XLNet): f starts the name. Certain.</item>
    /// <item>otherwise (DoLa, DeBERTa, LangChain): the title word keeps f, as CamelCase model names are common, but say so.</item>
    /// </list>
    /// </summary>
    private static (int Boundary, BoundaryConfidence Confidence) ChooseBetween(string line, List<int> glue, int titleStart)
    {
        int right = glue[0], left = glue[1];
        var confidence = glue.Count > 2 ? BoundaryConfidence.Ambiguous : BoundaryConfidence.Certain;
        if (Names.IsShortTitleWord(line.AsSpan(left, right - left))) return (right, confidence);

        var wordStart = left;
        while (wordStart > titleStart && char.IsLetterOrDigit(line[wordStart - 1])) wordStart--;
        var before = line.AsSpan(wordStart, left - wordStart);
        var plural = before.Length >= 3 && before[^1] == 's' && (char.IsUpper(before[^2]) || before[^2] is 'e' or 'o' or 'l' or 'n' or 'r' or 't' or 'd' or 'k' or 'm' or 'p' or 'g');
        var endsLower = before.Length > 0 && char.IsLower(before[^1]);
        var hasInnerCapital = before.Length > 1 && before[1..].IndexOfAnyInRange('A', 'Z') >= 0;
        // Think|JinYeong: a plain word of five letters or more rarely starts a compound (Deep, Long, Lang do).
        var longWord = before.Length >= 5 && endsLower && !hasInnerCapital;
        // DeBERTa|SouYoung, XLNet|DaeHyun: the title word is already a complete CamelCase name.
        var completeCamelCase = endsLower && hasInnerCapital;
        if (plural || longWord || completeCamelCase) return (left, confidence);
        return (right, BoundaryConfidence.Ambiguous);
    }

    /// <summary>
    /// Whether the text after a bar reads like a list of names: no word starts in lower case but particles and
    /// "et al.". An abstract that happens to contain " | " ("GLUE | SuperGLUE benchmarks.") is then not taken for a header,
    /// while a writer's explicit separator is trusted with any names (Akyürek-𝔅, Zhang Wei).
    /// </summary>
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
    private static bool IsPluralAcronymEnd(string line, int q, int end) =>
        q + 2 < end && line[q + 1] == 's' && char.IsUpper(line[q + 2]);

    /// <summary>Hand-typed headers may put a space before the authors; any word start could then begin them.</summary>
    private static List<int> FindSpacedBoundaries(string line, int segmentStart, int segmentEnd, int titleStart)
    {
        var found = new List<int>(2);
        var lowest = Math.Max(Math.Max(segmentStart, titleStart) + 1, segmentEnd - Names.MaxNameLength);
        for (var q = segmentEnd - 1; q >= lowest; q--)
        {
            if (line[q - 1] != ' ' || !char.IsUpper(line[q])) continue;
            if (TrimEnd(line, titleStart, q) == titleStart) continue;
            if (Names.Inspect(line.AsSpan(q, segmentEnd - q), allowSingleToken: false, out var tokens, gluedToTitle: true) && tokens <= 4) found.Add(q);
        }
        return found;
    }

    /// <summary>Returns the end of the author list before a trailing "et al." (or "et al", ", et al.").</summary>
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

    private static void SplitAuthors(string line, int start, int end, ImmutableArray<ColumnSpan>.Builder authors, ImmutableArray<ColumnSpan>.Builder empty)
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

    private static ImmutableArray<ColumnSpan> SplitList(string line, int start, int end, out bool slugLike)
    {
        var items = ImmutableArray.CreateBuilder<ColumnSpan>();
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
        return items.ToImmutable();
    }

    /// <summary>Sentences ("... the model. We ...") are not author or affiliation lists; initials ("Roger P. Levy") are.</summary>
    private static bool IsProse(string line, int start, int end)
    {
        if (end - start > 600) return true;
        var span = line.AsSpan(start, end - start);
        var position = 0;
        while (true)
        {
            var hit = span[position..].IndexOf(". ", StringComparison.Ordinal);
            if (hit < 0) return false;
            hit += position;
            if (hit >= 3 && char.IsLower(span[hit - 1]) && char.IsLower(span[hit - 2]) && char.IsLower(span[hit - 3])) return true;
            position = hit + 2;
        }
    }

    private static int SkipSpaces(string line, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(line[position])) position++;
        return position;
    }

    private static int TrimEnd(string line, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(line[end - 1])) end--;
        return end;
    }
}
