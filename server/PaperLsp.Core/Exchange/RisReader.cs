using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperLsp.Exchange;

/// <summary>
/// Reads RIS: records from <c>TY  - </c> to <c>ER  - </c>, one <c>XX  - value</c> tag line each. A line that is no tag
/// continues the value before it (the specification allows long fields to be wrapped). A record without its <c>ER</c>
/// line, or without a title, is reported with its line and skipped; so is text outside any record.
/// </summary>
public static partial class RisReader
{
    [GeneratedRegex(@"^(?<tag>[A-Z][A-Z0-9])  -(?: (?<value>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TagLine();

    public static ImportResult Read(string text)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var records = new List<BibRecord>();
        var problems = new List<ImportProblem>();
        List<(string Tag, string Value)>? current = null;
        var start = 0;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (i == 0) line = line.TrimStart('\uFEFF');
            if (line.Length == 0) continue;
            var match = TagLine().Match(line);
            if (!match.Success)
            {
                if (current is null) problems.Add(new ImportProblem(i + 1, $"'{Snippet(line)}' is outside a record (records start with 'TY  - ')"));
                else current[^1] = (current[^1].Tag, (current[^1].Value + " " + line.Trim()).Trim());
                continue;
            }
            var tag = match.Groups["tag"].Value;
            var value = match.Groups["value"].Value.Trim();
            if (tag == "TY")
            {
                if (current is not null) problems.Add(new ImportProblem(start + 1, $"the record starting at line {start + 1} has no 'ER  - ' line before the next 'TY  - ' at line {i + 1}"));
                current = [(tag, value)];
                start = i;
                continue;
            }
            if (current is null)
            {
                problems.Add(new ImportProblem(i + 1, $"tag '{tag}' is outside a record (records start with 'TY  - ')"));
                continue;
            }
            if (tag == "ER")
            {
                if (ToRecord(current, start + 1, out var problem) is { } record) records.Add(record);
                else problems.Add(new ImportProblem(start + 1, problem!));
                current = null;
                continue;
            }
            current.Add((tag, value));
        }
        if (current is not null) problems.Add(new ImportProblem(start + 1, $"the record starting at line {start + 1} has no 'ER  - ' line before the end of the file"));
        return new ImportResult(records, problems);
    }

    private static string Snippet(string line) => line.Length <= 40 ? line : line[..40] + "…";

    private static BibRecord? ToRecord(List<(string Tag, string Value)> tags, int line, out string? problem)
    {
        problem = null;
        IEnumerable<string> All(params string[] names) => tags.Where(t => names.Contains(t.Tag)).Select(t => t.Value).Where(v => v.Length > 0);
        string? First(params string[] names) => All(names).FirstOrDefault();

        var title = First("TI", "T1", "CT", "BT");
        if (title is null)
        {
            problem = $"the record starting at line {line} has no title (TI)";
            return null;
        }
        var authors = All("AU", "A1").Select(ParseName).ToList();

        PartialDate? date = null;
        if (First("DA") is { } da) date = ParseDate(da);
        if ((date is null || date.Month is null) && First("PY", "Y1") is { } py && ParseDate(py) is { } yearDate && (date is null || yearDate.Month is not null)) date = yearDate;

        double? score = First("C1") is { } c1 && double.TryParse(c1, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
        return new BibRecord
        {
            Title = LatexText.CollapseWhitespace(title),
            Authors = authors,
            EtAl = All("C2").Any(v => v.Equals("et al.", StringComparison.OrdinalIgnoreCase)),
            Affiliations = All("AD").ToArray(),
            Abstract = LatexText.CollapseWhitespace(string.Join(' ', All("AB", "N2").Take(1))),
            Date = date,
            Category = All("KW").FirstOrDefault(Categories.IsArxiv) is { } category ? Categories.Expand(category) : null,
            Code = All("C3").Any(v => v.Equals("Code", StringComparison.OrdinalIgnoreCase)),
            Score = score,
            Line = line,
        };
    }

    /// <summary><c>YYYY/MM/DD/other</c> as the specification writes dates, or a bare year.</summary>
    private static PartialDate? ParseDate(string text)
    {
        var parts = text.Split('/');
        if (!int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        int? month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null;
        int? day = month is not null && parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new PartialDate(year, month, day);
    }

    /// <summary><c>Last, First, Suffix</c>; a name without a comma is read as a listing writes it.</summary>
    private static PersonName ParseName(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 1) return PersonNames.Split(parts[0]);
        var last = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var particleEnd = 0;
        while (particleEnd < last.Length - 1 && PersonNames.IsParticle(last[particleEnd])) particleEnd++;
        return new PersonName(parts[1], string.Join(' ', last[..particleEnd]), string.Join(' ', last[particleEnd..]), parts.Length > 2 ? parts[2] : "");
    }
}
