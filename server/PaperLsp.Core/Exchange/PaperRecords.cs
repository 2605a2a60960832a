using PaperLsp.Syntax;

namespace PaperLsp.Exchange;

/// <summary>Reads the entries of a parsed list into neutral records, in order.</summary>
public static class PaperRecords
{
    public static IReadOnlyList<BibRecord> Read(PaperDocument document) => Read(document, 0, int.MaxValue);

    /// <summary>
    /// The entries that overlap lines <paramref name="firstLine"/>..<paramref name="lastLine"/> (0-based, inclusive), so
    /// an editor selection that touches part of an entry exports the whole entry.
    /// </summary>
    public static IReadOnlyList<BibRecord> Read(PaperDocument document, int firstLine, int lastLine)
    {
        var records = new List<BibRecord>();
        foreach (var entry in document.ItemsFrom(firstLine))
        {
            if (entry.StartLine > lastLine) break;
            if (entry.AsEntry is not { } located || located.EndLine < firstLine) continue;
            records.Add(FromEntry(located));
        }
        return records;
    }

    public static BibRecord FromEntry(EntrySyntax entry)
    {
        var node = entry.Node;
        var metadata = node.Metadata is { IsReadable: true } m ? m : null;
        return new BibRecord
        {
            Title = node.Title.Trim(),
            Authors = node.Authors.Select(PersonNames.Split).ToArray(),
            EtAl = node.EtAl,
            Affiliations = node.Affiliations,
            Abstract = node.Abstract.Trim(),
            Date = metadata?.DateValue is { } date ? PartialDate.Of(date) : null,
            Category = metadata?.CategoryText is { } category ? Categories.Expand(category) : null,
            Code = metadata?.HasCode ?? false,
            Score = metadata?.ScoreValue,
            Line = entry.HeaderLine + 1,
        };
    }
}

/// <summary>arXiv categories between the listing form (<c>CL</c>) and the full form (<c>cs.CL</c>) other tools use.</summary>
public static class Categories
{
    /// <summary>Listings are computer-science first: <c>CV</c> is cs.CV before math.CV, <c>ML</c> is stat.ML.</summary>
    private static readonly string[] ArchivePreference = ["cs", "stat", "eess", "econ", "math", "q-bio", "q-fin", "astro-ph", "nlin"];

    public static string Expand(string category)
    {
        if (category.Contains('.') || !category.All(char.IsAsciiLetterUpper)) return category;
        foreach (var archive in ArchivePreference)
            if (ArxivCategories.IsKnown($"{archive}.{category}")) return $"{archive}.{category}";
        return category;
    }

    /// <summary>The subject code alone when it expands back to the same category, as listings show it; else the full form.</summary>
    public static string Shorten(string category)
    {
        var dot = category.IndexOf('.');
        if (dot < 0) return category;
        var subject = category[(dot + 1)..];
        return subject.All(char.IsAsciiLetterUpper) && Expand(subject) == category ? subject : category;
    }

    public static bool IsArxiv(string text) => ArxivCategories.IsKnown(text);
}
