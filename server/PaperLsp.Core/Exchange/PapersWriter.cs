using System.Globalization;
using System.Text;
using PaperLsp.Syntax;

namespace PaperLsp.Exchange;

/// <summary>
/// Writes records as a <c>.papers</c> list: an optional metadata line (when the date is known to the day and the
/// category is known), the header (title running into the authors, ` et al.`, ` · affiliations`), the abstract on one line.
/// </summary>
public static class PapersWriter
{
    /// <summary>Authors kept before ` et al.` unless all are asked for, as listings show them.</summary>
    public const int ListedAuthors = 3;

    public static string Write(IReadOnlyList<BibRecord> records, bool allAuthors = false)
    {
        var builder = new StringBuilder();
        foreach (var record in records)
        {
            if (MetadataLine(record) is { } metadata) builder.Append(metadata).Append('\n');
            builder.Append(Header(record, allAuthors)).Append('\n');
            var summary = LatexText.CollapseWhitespace(record.Abstract);
            if (summary.Length > 0) builder.Append(summary).Append('\n');
            // Without an abstract, a blank line keeps the next header from being read as this entry's abstract.
            else builder.Append('\n');
        }
        return builder.ToString();
    }

    public static string? MetadataLine(BibRecord record)
    {
        if (record.Date?.Full is not { } date || record.Category is not { } category) return null;
        // The format requires a score; a record from another tool has none, written as 0.
        var score = Exporter.Number(record.Score ?? 0);
        var month = MetadataReader.MonthAbbreviations[date.Month - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{score}{Categories.Shorten(category)}{month} {date.Day}, {date.Year:0000}{(record.Code ? "Code" : "")}");
    }

    /// <summary>
    /// The header as listings glue it (<c>TitleMonica Agrawal, …</c>). When PaperLsp would not read that glue back as
    /// this title and these authors, the explicit separator <c> | </c> is used instead.
    /// </summary>
    public static string Header(BibRecord record, bool allAuthors = false)
    {
        var title = LatexText.CollapseWhitespace(record.Title);
        var names = record.Authors.Select(a => LatexText.CollapseWhitespace(a.Display)).Where(n => n.Length > 0).ToList();
        var etAl = record.EtAl;
        if (!allAuthors && names.Count > ListedAuthors)
        {
            names = names.Take(ListedAuthors).ToList();
            etAl = true;
        }
        var affiliations = record.Affiliations.Select(LatexText.CollapseWhitespace).Where(a => a.Length > 0).ToList();
        if (names.Count == 0) return title;

        var tail = string.Join(", ", names) + (etAl ? " et al." : "") + (affiliations.Count > 0 ? " \u00B7 " + string.Join(", ", affiliations) : "");
        var glued = title + tail;
        if (ReadsBack(glued, title, names, etAl, affiliations)) return glued;
        return title + " | " + tail;
    }

    private static bool ReadsBack(string header, string title, List<string> names, bool etAl, List<string> affiliations)
    {
        var entry = PaperDocument.Parse(header + "\nx").Entries.FirstOrDefault();
        return entry.Node is not null
               && entry.Node.Confidence == BoundaryConfidence.Certain
               && entry.Title == title
               && entry.Node.Authors.SequenceEqual(names)
               && entry.Node.EtAl == etAl
               && entry.Node.Affiliations.SequenceEqual(affiliations);
    }
}
