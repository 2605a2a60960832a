using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PaperLsp.Diagnostics;

namespace PaperLsp.Syntax;

/// <summary>Reads <c>&lt;score&gt;&lt;category&gt;&lt;Mon D, YYYY&gt;[Code]</c>, e.g. <c>29.4CLMay 25, 2022</c> or <c>4.9CLJun 15, 2023Code</c>.</summary>
public static partial class MetadataReader
{
    public static readonly string[] MonthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [GeneratedRegex(@"^(?<score>\d+(?:\.\d+)?) ?(?<cat>[A-Za-z][A-Za-z.\-]*?) ?(?<mon>[A-Z][a-z]+)\.? ?(?<day>\d{1,2}), ?(?<year>\d{4}) ?(?<code>Code)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Strict();

    /// <summary>
    /// Whether a line is meant as metadata, even if it is malformed: a number glued to letters ("29.4CL...")
    /// in a short line with more digits later. Titles such as "3D Gaussian Splatting..." are long and carry authors.
    /// </summary>
    internal static bool LooksLikeMetadata(ReadOnlySpan<char> content)
    {
        if (content.Length < 4 || content.Length > 48 || !char.IsAsciiDigit(content[0])) return false;
        var i = 0;
        while (i < content.Length && (char.IsAsciiDigit(content[i]) || content[i] == '.')) i++;
        if (i < content.Length && content[i] == ' ') i++;
        if (i >= content.Length || !char.IsAsciiLetter(content[i])) return false;
        return content[i..].IndexOfAnyInRange('0', '9') >= 0;
    }

    /// <summary>Reads metadata from <paramref name="line"/>[start..end) of relative line <paramref name="relativeLine"/>.</summary>
    internal static MetadataNode Read(string line, int start, int end, int relativeLine, List<SyntaxProblem> problems)
    {
        var whole = new LineSpan(relativeLine, start, end - start);
        var match = Strict().Match(line, start, end - start);
        if (!match.Success)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.UnreadableMetadata, whole,
                "Cannot read this metadata line. Write it as <score><category><Mon D, YYYY>[Code], for example '29.4CLMay 25, 2022' or '4.9CLJun 15, 2023Code'."));
            return new MetadataNode(whole, null, null, null, null, null, null, null, false, false);
        }

        LineSpan SpanOf(Group group) => new(relativeLine, group.Index, group.Length);
        var scoreGroup = match.Groups["score"];
        var categoryGroup = match.Groups["cat"];
        var monthGroup = match.Groups["mon"];
        var codeGroup = match.Groups["code"];
        var dateSpan = new LineSpan(relativeLine, monthGroup.Index, match.Groups["year"].Index + 4 - monthGroup.Index);

        var score = double.Parse(scoreGroup.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
        var category = categoryGroup.Value;
        if (!ArxivCategories.IsKnown(category))
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownCategory, SpanOf(categoryGroup),
                $"'{category}' is not an arXiv category. Use one from the arXiv taxonomy, such as CL (cs.CL), LG (cs.LG) or stat.ML."));
        }

        DateOnly? date = null;
        var monthText = monthGroup.Value;
        var month = MonthNumber(monthText);
        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        if (month == 0)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownMonth, SpanOf(monthGroup),
                $"Unknown month '{monthText}'. Write the month as one of {string.Join(", ", MonthAbbreviations)}."));
        }
        else if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            var days = year >= 1 ? DateTime.DaysInMonth(year, month) : 31;
            problems.Add(new SyntaxProblem(DiagnosticCatalog.ImpossibleDate, dateSpan,
                $"'{line.Substring(dateSpan.Start, dateSpan.Length)}' is not a real date: {MonthNames[month - 1]} {year} has {days} days. Correct the day."));
        }
        else
        {
            date = new DateOnly(year, month, day);
        }

        return new MetadataNode(whole, SpanOf(scoreGroup), SpanOf(categoryGroup), dateSpan,
            codeGroup.Success ? SpanOf(codeGroup) : null, score, category, date, codeGroup.Success, true);
    }

    private static int MonthNumber(string text)
    {
        for (var i = 0; i < 12; i++)
            if (text == MonthAbbreviations[i] || text == MonthNames[i]) return i + 1;
        return 0;
    }
}

/// <summary>The arXiv category taxonomy (arxiv.org/category_taxonomy). Listings show the subject code alone (CL for cs.CL).</summary>
public static class ArxivCategories
{
    private static readonly Dictionary<string, string[]> Taxonomy = new()
    {
        ["cs"] = ["AI", "AR", "CC", "CE", "CG", "CL", "CR", "CV", "CY", "DB", "DC", "DL", "DM", "DS", "ET", "FL", "GL", "GR", "GT", "HC", "IR", "IT", "LG", "LO", "MA", "MM", "MS", "NA", "NE", "NI", "OH", "OS", "PF", "PL", "RO", "SC", "SD", "SE", "SI", "SY"],
        ["econ"] = ["EM", "GN", "TH"],
        ["eess"] = ["AS", "IV", "SP", "SY"],
        ["math"] = ["AC", "AG", "AP", "AT", "CA", "CO", "CT", "CV", "DG", "DS", "FA", "GM", "GN", "GR", "GT", "HO", "IT", "KT", "LO", "MG", "MP", "NA", "NT", "OA", "OC", "PR", "QA", "RA", "RT", "SG", "SP", "ST"],
        ["astro-ph"] = ["CO", "EP", "GA", "HE", "IM", "SR"],
        ["cond-mat"] = ["dis-nn", "mes-hall", "mtrl-sci", "other", "quant-gas", "soft", "stat-mech", "str-el", "supr-con"],
        ["nlin"] = ["AO", "CD", "CG", "PS", "SI"],
        ["physics"] = ["acc-ph", "ao-ph", "app-ph", "atm-clus", "atom-ph", "bio-ph", "chem-ph", "class-ph", "comp-ph", "data-an", "ed-ph", "flu-dyn", "gen-ph", "geo-ph", "hist-ph", "ins-det", "med-ph", "optics", "plasm-ph", "pop-ph", "soc-ph", "space-ph"],
        ["q-bio"] = ["BM", "CB", "GN", "MN", "NC", "OT", "PE", "QM", "SC", "TO"],
        ["q-fin"] = ["CP", "EC", "GN", "MF", "PM", "PR", "RM", "ST", "TR"],
        ["stat"] = ["AP", "CO", "ME", "ML", "OT", "TH"],
    };

    private static readonly string[] ArchivesWithoutSubjects = ["gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nucl-ex", "nucl-th", "quant-ph"];

    private static readonly HashSet<string> Known = Build();

    private static HashSet<string> Build()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (archive, subjects) in Taxonomy)
        {
            known.Add(archive);
            foreach (var subject in subjects)
            {
                known.Add($"{archive}.{subject}");
                if (subject.All(char.IsAsciiLetterUpper)) known.Add(subject);
            }
        }
        foreach (var archive in ArchivesWithoutSubjects) known.Add(archive);
        return known;
    }

    public static bool IsKnown(string category) => Known.Contains(category);
}
