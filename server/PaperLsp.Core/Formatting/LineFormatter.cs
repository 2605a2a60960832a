using System.Text;
using System.Text.RegularExpressions;
using PaperLsp.Syntax;

namespace PaperLsp.Formatting;

/// <summary>How boldly an item is rewritten. Each step down only trims more conservatively.</summary>
internal enum FormatLevel
{
    /// <summary>Canonical form: metadata and Certain headers rebuilt, whitespace collapsed.</summary>
    Full,
    /// <summary>Whitespace collapsed (tabs to spaces, runs of spaces to one) and trimmed; nothing rebuilt.</summary>
    Light,
    /// <summary>Leading and trailing whitespace removed, nothing else.</summary>
    Trim,
}

/// <summary>The canonical text of single lines. Never changes anything but whitespace, except as documented for metadata and et al.</summary>
internal static partial class LineFormatter
{
    public const char ByteOrderMark = '\uFEFF';

    [GeneratedRegex(@"^(?<mon>[A-Za-z]+)(?<dot>\.?)\s*(?<day>\d{1,2})\s*,\s*(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    /// <summary>Without leading whitespace and byte order marks, and without trailing whitespace (the parser's content bounds).</summary>
    public static string Trim(string text)
    {
        var (start, end) = Parser.ContentBounds(text);
        return text.Substring(start, end - start);
    }

    /// <summary>Tabs become spaces, runs of spaces become one space, and the ends are trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inRun = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t')
            {
                if (!inRun) builder.Append(' ');
                inRun = true;
            }
            else
            {
                builder.Append(c);
                inRun = false;
            }
        }
        return Trim(builder.ToString());
    }

    /// <summary>The text with every whitespace character removed: what formatting must never change.</summary>
    public static string Ink(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != ByteOrderMark) builder.Append(c);
        return builder.ToString();
    }

    /// <summary><c>&lt;score&gt;&lt;category&gt;&lt;Mon&gt; &lt;d&gt;, &lt;yyyy&gt;[Code]</c>; null when the line cannot be read.</summary>
    public static string? Metadata(string line, MetadataNode metadata)
    {
        if (!metadata.IsReadable || metadata.Score is not { } score || metadata.Category is not { } category || metadata.Date is not { } date)
            return null;
        var match = DateShape().Match(line.Substring(date.Start, date.Length));
        if (!match.Success) return null;
        var builder = new StringBuilder()
            .Append(line, score.Start, score.Length)
            .Append(line, category.Start, category.Length)
            .Append(match.Groups["mon"].Value).Append(match.Groups["dot"].Value)
            .Append(' ').Append(match.Groups["day"].Value)
            .Append(", ").Append(match.Groups["year"].Value);
        if (metadata.HasCode) builder.Append("Code");
        return builder.ToString();
    }

    /// <summary>The header at <paramref name="level"/>, falling back to a more conservative form when a rewrite would read differently.</summary>
    public static string Header(string line, HeaderReading reading, FormatLevel level)
    {
        var trimmed = Trim(line);
        if (level == FormatLevel.Trim) return trimmed;

        if (level == FormatLevel.Full && reading.Confidence == BoundaryConfidence.Certain && reading.EmptyAuthors.IsEmpty)
        {
            var rebuilt = RebuildHeader(line, reading);
            if (Ink(rebuilt) == Ink(WithCanonicalEtAl(line, reading)) && ReadsTheSame(line, reading, rebuilt)) return rebuilt;
        }

        var collapsed = Collapse(trimmed);
        return ReadsTheSame(line, reading, collapsed) ? collapsed : trimmed;
    }

    /// <summary>Title, authors joined by ", ", " et al.", then " · " and the affiliations; " | " kept when the writer used it.</summary>
    private static string RebuildHeader(string line, HeaderReading reading)
    {
        var builder = new StringBuilder(line.Length);
        builder.Append(Collapse(Part(line, reading.Title)));
        if (reading.Separator is not null) builder.Append(HeaderSplitter.ExplicitSeparator);
        builder.AppendJoin(", ", reading.Authors.Select(author => Collapse(Part(line, author))));
        if (reading.EtAl is not null) builder.Append(" et al.");
        if (reading.AffiliationMarker is not null)
        {
            builder.Append(' ').Append(HeaderSplitter.AffiliationMark);
            if (!reading.Affiliations.IsEmpty)
                builder.Append(' ').AppendJoin(", ", reading.Affiliations.Select(affiliation => Collapse(Part(line, affiliation))));
        }
        return Trim(builder.ToString());
    }

    /// <summary>The original header with its et al. written the canonical way (", et al" becomes " et al."), for the ink comparison.</summary>
    internal static string WithCanonicalEtAl(string line, HeaderReading reading)
    {
        var (start, end) = Parser.ContentBounds(line);
        if (reading.EtAl is not { } etAl) return line[start..end];
        var before = line[start..etAl.Start].TrimEnd();
        if (before.EndsWith(',')) before = before[..^1];
        return before + " et al." + line[etAl.End..end];
    }

    /// <summary>Whether <paramref name="candidate"/> splits into the same parts as the original, modulo whitespace inside them.</summary>
    private static bool ReadsTheSame(string line, HeaderReading original, string candidate)
    {
        if (candidate.Length == 0) return false;
        var (start, end) = Parser.ContentBounds(candidate);
        if (start != 0 || end != candidate.Length) return false;
        var reading = HeaderSplitter.Split(candidate);
        return reading.Confidence == original.Confidence
            && reading.LooksLikeHeader == original.LooksLikeHeader
            && (reading.EtAl is null) == (original.EtAl is null)
            && (reading.Separator is null) == (original.Separator is null)
            && (reading.AffiliationMarker is null) == (original.AffiliationMarker is null)
            && reading.EmptyAuthors.Length == original.EmptyAuthors.Length
            && Collapse(Part(candidate, reading.Title)) == Collapse(Part(line, original.Title))
            && SameParts(candidate, reading.Authors, line, original.Authors)
            && SameParts(candidate, reading.Affiliations, line, original.Affiliations);
    }

    private static bool SameParts(string a, IReadOnlyList<ColumnSpan> aSpans, string b, IReadOnlyList<ColumnSpan> bSpans)
    {
        if (aSpans.Count != bSpans.Count) return false;
        for (var i = 0; i < aSpans.Count; i++)
            if (Collapse(Part(a, aSpans[i])) != Collapse(Part(b, bSpans[i]))) return false;
        return true;
    }

    private static string Part(string line, ColumnSpan span) => line.Substring(span.Start, span.Length);

    /// <summary><c>#</c>s, exactly one space, the heading's title.</summary>
    public static string Heading(HeadingNode heading) =>
        heading.TitleSpan.Length == 0 ? Trim(heading.LineText(0)) : new string('#', heading.Level) + " " + heading.Title;
}
