using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool LooksLikeMetadata(ReadOnlySpan<char> content)
    {
        if (content.Length < 4 || content.Length > 48) return false;
        if (!char.IsAsciiDigit(content[0]))
        {
            // A line whose score is missing ("LGJun 10, 2025") still reads as metadata when the rest does.
            return char.IsAsciiLetter(content[0]) && Loose(content) is { Date: not null };
        }
        if (Loose(content) is not null) return true;
        var i = 0;
        while (i < content.Length && (char.IsAsciiDigit(content[i]) || content[i] == '.')) i++;
        if (i < content.Length && content[i] == ' ') i++;
        if (i >= content.Length || !char.IsAsciiLetter(content[i])) return false;
        return content[i..].IndexOfAnyInRange('0', '9') >= 0 || IsCategoryThenMonthPrefix(content[i..]);
    }

    /// <summary>
    /// A metadata line being typed stops after the category and the start of its month ("29.4CLMa"). Read as a header
    /// it would be a title "29.4CL" by an author "Ma"; no title is a score, a category and a month's first letters.
    /// </summary>
    private static bool IsCategoryThenMonthPrefix(ReadOnlySpan<char> letters)
    {
        foreach (var c in letters)
            if (!char.IsAsciiLetter(c)) return false;
        for (var split = letters.Length - 1; split >= 2; split--)
        {
            if (!ArxivCategories.IsKnown(letters[..split].ToString())) continue;
            var month = letters[split..];
            foreach (var name in MonthPrefixes)
                if (name.AsSpan().StartsWith(month, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The parts of a metadata line written loosely: any part missing, in any case, with spaces between parts.</summary>
    private sealed record LooseParts(Range? Score, Range? Category, Range? Month, Range? Day, Range? Year, Range? Code, bool Spaced, bool MissingComma)
    {
        public Range? Date => Month is { } m && Year is { } y ? new Range(m.Start, y.End) : null;
    }

    private static readonly string[] MonthPrefixes = ["Sept", .. MonthNames, .. MonthAbbreviations];

    /// <summary>
    /// Reads <c>[score][ ][category][ ][Mon][.][ ]D[,] YYYY[ ][Code]</c> case-insensitively; null when the line is not
    /// shaped like metadata at all. Category and month may run together ("clmay"): a known month at the end of the
    /// letters is the month, else the last capital starts it ("CLMya").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LooseParts? Loose(ReadOnlySpan<char> text)
    {
        var i = 0;
        var spaced = false;
        void Skip(ReadOnlySpan<char> t, ref int at, ref bool sawSpace)
        {
            var before = at;
            while (at < t.Length && t[at] == ' ') at++;
            sawSpace |= at > before;
        }

        Range? score = null;
        var scoreStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i > scoreStart && i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i > scoreStart) score = scoreStart..i;
        Skip(text, ref i, ref spaced);

        // Up to two runs of letters (category, month), separated by spaces.
        var runs = new List<Range>(2);
        var spaceAfterRun = false;
        while (runs.Count < 2 && i < text.Length && char.IsAsciiLetter(text[i]))
        {
            // A space between category and month is a slip; the one between month and day is the canonical form's.
            spaced |= spaceAfterRun;
            spaceAfterRun = false;
            var runStart = i;
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '.' or '-')) i++;
            runs.Add(runStart..i);
            Skip(text, ref i, ref spaceAfterRun);
        }
        if (runs.Count == 0) return null;

        Range? day = null, year = null, code = null;
        var missingComma = false;
        var dayStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - dayStart < 2) i++;
        if (i > dayStart)
        {
            day = dayStart..i;
            var beforeComma = i;
            while (i < text.Length && text[i] == ' ') i++;
            var commaAt = i < text.Length && text[i] == ',';
            spaced |= commaAt && i > beforeComma;
            if (commaAt) i++;
            else missingComma = true;
            var afterComma = i;
            while (i < text.Length && text[i] == ' ') i++;
            spaced |= i - afterComma > 1;
            var yearStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i - yearStart != 4) return null;
            year = yearStart..i;
            Skip(text, ref i, ref spaced);
        }
        if (i < text.Length)
        {
            if (!text[i..].Equals("Code", StringComparison.OrdinalIgnoreCase)) return null;
            code = i..text.Length;
            i = text.Length;
        }

        Range? category = null, month = null;
        if (day is null)
        {
            // No date at all: only a score and a known category ("29.4CL") still read as metadata.
            if (runs.Count != 1 || score is null || !ArxivCategories.IsKnown(text[runs[0]].ToString().TrimEnd('.'))) return null;
            category = runs[0];
        }
        else if (runs.Count == 2)
        {
            category = runs[0];
            month = runs[1];
        }
        else
        {
            var run = runs[0];
            var letters = text[run].TrimEnd('.');
            var split = -1;
            foreach (var name in MonthPrefixes)
            {
                if (letters.Length >= name.Length && letters[^name.Length..].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    split = run.Start.Value + letters.Length - name.Length;
                    break;
                }
            }
            if (split < 0)
            {
                for (var k = letters.Length - 3; k > 0; k--)
                    if (char.IsUpper(letters[k])) { split = run.Start.Value + k; break; }
            }
            if (split < 0) month = run;
            else
            {
                if (split > run.Start.Value) category = run.Start..split;
                month = split..run.End;
            }
        }
        return new LooseParts(score, category, month, day, year, code, spaced, missingComma);
    }

    /// <summary>Reads metadata from <paramref name="line"/>[start..end) of relative line <paramref name="relativeLine"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static MetadataNode Read(string line, int start, int end, int relativeLine, List<SyntaxProblem> problems)
    {
        var whole = new LineSpan(relativeLine, start, end - start);
        var match = Strict().Match(line, start, end - start);
        if (!match.Success)
        {
            if (Loose(line.AsSpan(start, end - start)) is { } parts) return ReadLoose(line, start, end, relativeLine, parts, problems);
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
        var category = ArxivCategories.Shared(categoryGroup.ValueSpan) ?? categoryGroup.Value;
        if (!ArxivCategories.IsKnown(category) && ArxivCategories.Canonical(category) is { } canonicalCategory)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.MalformedMetadata, SpanOf(categoryGroup),
                $"The category is written '{category}', not '{canonicalCategory}'. Write it as '{canonicalCategory}'."));
            category = canonicalCategory;
        }
        else if (!ArxivCategories.IsKnown(category))
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

    /// <summary>
    /// A metadata line that is not in the canonical form but still says what it means: read every part there is, and name
    /// what is missing (PL0106) or written wrongly (PL0107, with the line as it should be).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MetadataNode ReadLoose(string line, int start, int end, int relativeLine, LooseParts parts, List<SyntaxProblem> problems)
    {
        var whole = new LineSpan(relativeLine, start, end - start);
        LineSpan? SpanOf(Range? range) => range is { } r ? new LineSpan(relativeLine, start + r.Start.Value, r.End.Value - r.Start.Value) : null;
        string? TextOf(Range? range) => range is { } r ? line.Substring(start + r.Start.Value, r.End.Value - r.Start.Value) : null;

        var missing = new List<string>(3);
        double? score = null;
        if (parts.Score is { } scoreRange) score = double.Parse(TextOf(scoreRange)!, NumberStyles.Float, CultureInfo.InvariantCulture);
        else missing.Add("score");

        var wrong = new List<string>();
        string? category = null;
        if (TextOf(parts.Category) is { } categoryText)
        {
            category = categoryText;
            if (!ArxivCategories.IsKnown(categoryText))
            {
                var canonical = ArxivCategories.Canonical(categoryText);
                if (canonical is not null)
                {
                    wrong.Add($"the category is written '{categoryText}', not '{canonical}'");
                    category = canonical;
                }
                else
                {
                    problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownCategory, SpanOf(parts.Category)!.Value,
                        $"'{categoryText}' is not an arXiv category. Use one from the arXiv taxonomy, such as CL (cs.CL), LG (cs.LG) or stat.ML."));
                }
            }
        }
        else missing.Add("category");

        DateOnly? date = null;
        string? monthCanonical = null;
        var dateSpan = parts.Date is { } dateRange ? SpanOf(dateRange) : null;
        if (TextOf(parts.Month) is { } monthText)
        {
            var monthTrimmed = monthText.TrimEnd('.');
            var month = 0;
            for (var m = 0; m < 12 && month == 0; m++)
                if (monthTrimmed.Equals(MonthAbbreviations[m], StringComparison.OrdinalIgnoreCase) || monthTrimmed.Equals(MonthNames[m], StringComparison.OrdinalIgnoreCase)
                    || (m == 8 && monthTrimmed.Equals("Sept", StringComparison.OrdinalIgnoreCase)))
                    month = m + 1;
            var day = int.Parse(TextOf(parts.Day)!, CultureInfo.InvariantCulture);
            var year = int.Parse(TextOf(parts.Year)!, CultureInfo.InvariantCulture);
            if (month == 0)
            {
                problems.Add(new SyntaxProblem(DiagnosticCatalog.UnknownMonth, SpanOf(parts.Month)!.Value,
                    $"Unknown month '{monthText}'. Write the month as one of {string.Join(", ", MonthAbbreviations)}."));
            }
            else
            {
                monthCanonical = MonthAbbreviations[month - 1];
                if (monthTrimmed != MonthAbbreviations[month - 1] && monthTrimmed != MonthNames[month - 1])
                    wrong.Add($"the month is written '{monthText}', not '{monthCanonical}'");
                if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    problems.Add(new SyntaxProblem(DiagnosticCatalog.ImpossibleDate, dateSpan!.Value,
                        $"'{line.Substring(dateSpan.Value.Start, dateSpan.Value.Length)}' is not a real date: {MonthNames[month - 1]} {year} has {DateTime.DaysInMonth(Math.Max(1, year), month)} days. Correct the day."));
                }
                else date = new DateOnly(year, month, day);
            }
            if (parts.MissingComma) wrong.Add("the comma after the day is missing");
        }
        else missing.Add("date");

        var code = TextOf(parts.Code);
        if (code is not null && code != "Code") wrong.Add($"'Code' is written '{code}'");
        if (parts.Spaced) wrong.Add("the parts are separated by spaces");

        if (missing.Count > 0)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.IncompleteMetadata, whole,
                $"This metadata line has no {string.Join(" and no ", missing)}. Write it as <score><category><Mon D, YYYY>[Code], for example '4.2LGJun 10, 2025'."));
        }
        else if (wrong.Count > 0 && date is { } value && category is not null)
        {
            var canonical = $"{TextOf(parts.Score)}{category}{monthCanonical} {value.Day}, {value.Year}{(code is null ? "" : "Code")}";
            problems.Add(new SyntaxProblem(DiagnosticCatalog.MalformedMetadata, whole,
                $"This metadata line is not in the usual form: {string.Join("; ", wrong)}. Write it as '{canonical}'."));
        }
        else if (wrong.Count > 0)
        {
            problems.Add(new SyntaxProblem(DiagnosticCatalog.MalformedMetadata, whole,
                $"This metadata line is not in the usual form: {string.Join("; ", wrong)}. Write it as <score><category><Mon D, YYYY>[Code]."));
        }

        // Not "readable" in the canonical sense, so the formatter leaves the line as the writer typed it.
        return new MetadataNode(whole, SpanOf(parts.Score), SpanOf(parts.Category), dateSpan, SpanOf(parts.Code),
            score, category, date, code is not null, false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private static readonly FrozenSet<string> Known = Build().ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The known category <paramref name="text"/> spells, as one shared string (a list names a few categories thousands of times), or null.</summary>
    internal static string? Shared(ReadOnlySpan<char> text) => KnownLookup.TryGetValue(text, out var known) ? known : null;

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

    private static readonly Dictionary<string, string> ByFoldedCase = Build().GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The known category that <paramref name="category"/> spells in another case (cl: CL), or null.</summary>
    public static string? Canonical(string category) => ByFoldedCase.GetValueOrDefault(category);
}
