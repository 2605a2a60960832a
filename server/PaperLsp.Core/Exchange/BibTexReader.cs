using System.Globalization;
using System.Text;

namespace PaperLsp.Exchange;

/// <summary>
/// Reads BibTeX and BibLaTeX: <c>@type{key, field = {value} # "value" # macro, …}</c>, with <c>@string</c> macros,
/// <c>@comment</c> and <c>@preamble</c>. A record with a syntax error is reported with its line and skipped; reading
/// resumes at the next line that starts a record, so one broken entry never loses the ones after it.
/// </summary>
public static class BibTexReader
{
    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static ImportResult Read(string text)
    {
        var parser = new Parser(text);
        var records = new List<BibRecord>();
        var problems = new List<ImportProblem>();
        while (parser.NextRecord() is { } start)
        {
            try
            {
                if (parser.ReadRecord(start) is { } raw)
                {
                    var record = ToRecord(raw, out var problem);
                    if (record is not null) records.Add(record);
                    else problems.Add(new ImportProblem(raw.Line, problem!));
                }
            }
            catch (SyntaxError error)
            {
                problems.Add(new ImportProblem(error.Line, error.Message));
                parser.SkipToNextRecord(error.ResumeAt);
            }
        }
        return new ImportResult(records, problems);
    }

    internal sealed record RawEntry(string Type, string Key, int Line, Dictionary<string, string> Fields);

    private static BibRecord? ToRecord(RawEntry entry, out string? problem)
    {
        problem = null;
        var fields = entry.Fields;
        string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;

        var title = Get("title") is { } rawTitle ? LatexText.Decode(rawTitle) : "";
        if (title.Length == 0)
        {
            problem = $"entry '{entry.Key}' has no title";
            return null;
        }
        var (authors, etAl) = Get("author") is { } rawAuthors ? SplitAuthors(rawAuthors) : ([], false);

        PartialDate? date = null;
        if (Get("date") is { } iso) date = ParseIsoDate(iso);
        if (date is null && Get("year") is { } yearText && int.TryParse(LatexText.Decode(yearText), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            int? month = Get("month") is { } monthText ? ParseMonth(LatexText.Decode(monthText)) : null;
            int? day = month is not null && Get("day") is { } dayText && int.TryParse(LatexText.Decode(dayText), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
            date = new PartialDate(year, month, day);
        }

        var category = Get("primaryclass") ?? Get("eprintclass");
        if (category is null && Get("keywords") is { } keywords)
            category = LatexText.Decode(keywords).Split([',', ';'], StringSplitOptions.TrimEntries).FirstOrDefault(Categories.IsArxiv);

        double? score = null;
        if (Get("paperlsp-score") is { } scoreText && double.TryParse(LatexText.Decode(scoreText), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) score = s;

        return new BibRecord
        {
            Title = title,
            Authors = authors,
            EtAl = etAl,
            Affiliations = Get("affiliation") is { } affiliations ? SplitAnd(affiliations).Select(LatexText.Decode).Where(a => a.Length > 0).ToArray() : [],
            Abstract = Get("abstract") is { } abs ? LatexText.Decode(abs) : "",
            Date = date,
            Category = category is null ? null : Categories.Expand(LatexText.Decode(category)),
            Code = Get("paperlsp-code") is { } code && LatexText.Decode(code).Trim().Equals("true", StringComparison.OrdinalIgnoreCase),
            Score = score,
            Line = entry.Line,
        };
    }

    internal static PartialDate? ParseIsoDate(string text)
    {
        var parts = LatexText.Decode(text).Split('/')[0].Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        int? month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null;
        int? day = month is not null && parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new PartialDate(year, month, day);
    }

    private static int? ParseMonth(string text)
    {
        var lower = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (int.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number is >= 1 and <= 12 ? number : null;
        for (var i = 0; i < 12; i++)
            if (lower == MonthNames[i] || lower == MonthMacros[i]) return i + 1;
        return null;
    }

    /// <summary>Splits at <c> and </c> outside braces, as BibTeX does.</summary>
    internal static List<string> SplitAnd(string value)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && char.IsWhiteSpace(c) && i + 4 < value.Length
                     && string.Compare(value, i + 1, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(value[i + 4]))
            {
                parts.Add(value[start..i].Trim());
                start = i + 5;
                i += 4;
            }
        }
        parts.Add(value[start..].Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }

    internal static (IReadOnlyList<PersonName> Names, bool EtAl) SplitAuthors(string value)
    {
        var names = new List<PersonName>();
        var etAl = false;
        foreach (var part in SplitAnd(value))
        {
            if (part == "others") etAl = true;
            else names.Add(ParseName(part));
        }
        return (names, etAl);
    }

    /// <summary>BibTeX's three name forms: <c>First von Last</c>, <c>von Last, First</c>, <c>von Last, Jr, First</c>.</summary>
    internal static PersonName ParseName(string text)
    {
        var commaParts = SplitTopLevel(text, ',').Select(p => Tokens(p)).ToList();
        List<string> first, vonLast, jr;
        if (commaParts.Count == 1)
        {
            var tokens = commaParts[0];
            // First: up to the first lower-case token that is not the last; von: the lower-case run; Last: the rest.
            var vonStart = -1;
            for (var i = 0; i < tokens.Count - 1; i++)
                if (IsLowerToken(tokens[i])) { vonStart = i; break; }
            if (vonStart < 0)
            {
                first = tokens.Take(Math.Max(0, tokens.Count - 1)).ToList();
                vonLast = tokens.Skip(Math.Max(0, tokens.Count - 1)).ToList();
            }
            else
            {
                first = tokens.Take(vonStart).ToList();
                vonLast = tokens.Skip(vonStart).ToList();
            }
            jr = [];
        }
        else
        {
            vonLast = commaParts[0];
            jr = commaParts.Count >= 3 ? commaParts[1] : [];
            first = commaParts[^1];
        }

        // In "von Last", von is the longest run of lower-case tokens that leaves at least one token for Last.
        var vonEnd = 0;
        for (var i = 0; i < vonLast.Count - 1; i++)
            if (IsLowerToken(vonLast[i])) vonEnd = i + 1;
        string Join(IEnumerable<string> tokens) => string.Join(' ', tokens.Select(LatexText.Decode).Where(t => t.Length > 0));
        return new PersonName(Join(first), Join(vonLast.Take(vonEnd)), Join(vonLast.Skip(vonEnd)), Join(jr));
    }

    private static bool IsLowerToken(string token)
    {
        // A token's case is that of its first letter at brace depth 0; {\'e}cole counts by the letter after the command.
        var depth = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '{')
            {
                depth++;
                if (depth == 1 && i + 1 < token.Length && token[i + 1] == '\\')
                {
                    var decoded = LatexText.Decode(token[i..]);
                    return decoded.Length > 0 && char.IsLower(decoded[0]);
                }
                continue;
            }
            if (c == '}') { depth--; continue; }
            if (depth == 0 && char.IsLetter(c)) return char.IsLower(c);
        }
        return false;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}') depth--;
            else if (text[i] == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '{') depth++;
            else if (c == '}') depth--;
            if (depth == 0 && (char.IsWhiteSpace(c) || c == '~'))
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    private sealed class SyntaxError(int line, string message, int resumeAt) : Exception(message)
    {
        public int Line { get; } = line;
        public int ResumeAt { get; } = resumeAt;
    }

    private sealed class Parser(string text)
    {
        private int position;
        private readonly Dictionary<string, string> macros = BuiltInMacros();

        private static Dictionary<string, string> BuiltInMacros()
        {
            var macros = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < 12; i++) macros[MonthMacros[i]] = (i + 1).ToString(CultureInfo.InvariantCulture);
            return macros;
        }

        private int LineAt(int offset)
        {
            var line = 1;
            var end = Math.Min(offset, text.Length);
            for (var i = 0; i < end; i++)
            {
                if (text[i] == '\n') line++;
                else if (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) line++;
            }
            return line;
        }

        /// <summary>The offset of the next <c>@</c>; text between records is a comment, as in BibTeX.</summary>
        public int? NextRecord()
        {
            var at = text.IndexOf('@', position);
            if (at < 0) return null;
            position = at;
            return at;
        }

        public void SkipToNextRecord(int from)
        {
            // The next record line is always past the broken record's '@', so reading moves on.
            position = Math.Min(from, text.Length);
        }

        /// <summary>The first offset after <paramref name="from"/> of a line starting with <c>@</c>: where a broken record ends.</summary>
        private int NextRecordLine(int from)
        {
            for (var i = Math.Max(from, 1); i < text.Length; i++)
            {
                if (text[i - 1] is '\n' or '\r')
                {
                    var j = i;
                    while (j < text.Length && text[j] is ' ' or '\t') j++;
                    if (j < text.Length && text[j] == '@') return j;
                }
            }
            return text.Length;
        }

        private SyntaxError Error(int at, string message, int recordStart) =>
            new(LineAt(at), $"{message} (record starting at line {LineAt(recordStart)})", NextRecordLine(recordStart + 1));

        public RawEntry? ReadRecord(int start)
        {
            position = start + 1;
            var type = ReadIdentifier();
            if (type.Length == 0) throw Error(position, "'@' is not followed by an entry type", start);
            SkipSpace();
            if (type.Equals("comment", StringComparison.OrdinalIgnoreCase))
            {
                // @comment{...} is skipped whole; a bare @comment line is skipped to its end.
                if (position < text.Length && text[position] == '{') ReadBraced(start);
                return null;
            }
            if (position >= text.Length || text[position] is not ('{' or '('))
                throw Error(position, $"expected '{{' after '@{type}'", start);
            var close = text[position] == '{' ? '}' : ')';
            position++;

            if (type.Equals("preamble", StringComparison.OrdinalIgnoreCase))
            {
                ReadValue(start, close);
                SkipSpace();
                Expect(close, start, "at the end of @preamble");
                return null;
            }
            if (type.Equals("string", StringComparison.OrdinalIgnoreCase))
            {
                SkipSpace();
                var name = ReadIdentifier();
                if (name.Length == 0) throw Error(position, "@string needs a name", start);
                SkipSpace();
                Expect('=', start, $"after @string name '{name}'");
                macros[name] = ReadValue(start, close);
                SkipSpace();
                Expect(close, start, "at the end of @string");
                return null;
            }

            SkipSpace();
            var keyStart = position;
            while (position < text.Length && text[position] is not (',' or '}' or ')') && !char.IsWhiteSpace(text[position])) position++;
            var key = text[keyStart..position];
            if (key.Length == 0) throw Error(position, $"@{type} has no citation key", start);
            SkipSpace();
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                if (position >= text.Length) throw Error(position, $"entry '{key}' is not closed with '{close}'", start);
                if (text[position] == close)
                {
                    position++;
                    break;
                }
                Expect(',', start, fields.Count == 0 ? $"after the key '{key}'" : $"after field '{fields.Keys.Last()}' of entry '{key}'");
                SkipSpace();
                if (position < text.Length && text[position] == close)
                {
                    position++;
                    break;
                }
                var fieldStart = position;
                var name = ReadIdentifier();
                if (name.Length == 0) throw Error(fieldStart, $"expected a field name in entry '{key}', found '{Snippet(fieldStart)}'", start);
                SkipSpace();
                Expect('=', start, $"after field name '{name}' of entry '{key}'");
                var value = ReadValue(start, close);
                if (!fields.TryAdd(name, value)) throw Error(fieldStart, $"entry '{key}' has field '{name}' twice", start);
                SkipSpace();
            }
            return new RawEntry(type.ToLowerInvariant(), key, LineAt(start), fields);
        }

        private string Snippet(int at) => at >= text.Length ? "the end of the file" : text.Substring(at, Math.Min(12, text.Length - at)).Split('\n')[0];

        private void Expect(char expected, int recordStart, string where)
        {
            if (position < text.Length && text[position] == expected)
            {
                position++;
                return;
            }
            throw Error(position, $"expected '{expected}' {where}, found '{Snippet(position)}'", recordStart);
        }

        private string ReadValue(int recordStart, char close)
        {
            var value = new StringBuilder();
            while (true)
            {
                SkipSpace();
                if (position >= text.Length) throw Error(position, "a field value is missing at the end of the file", recordStart);
                var c = text[position];
                if (c == '{') value.Append(ReadBraced(recordStart));
                else if (c == '"') value.Append(ReadQuoted(recordStart));
                else if (char.IsAsciiDigit(c))
                {
                    var start = position;
                    while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
                    value.Append(text, start, position - start);
                }
                else
                {
                    var start = position;
                    var name = ReadIdentifier();
                    if (name.Length == 0) throw Error(start, $"expected a value ({{…}}, \"…\", a number or a macro), found '{Snippet(start)}'", recordStart);
                    if (!macros.TryGetValue(name, out var expansion)) throw Error(start, $"undefined macro '{name}'", recordStart);
                    value.Append(expansion);
                }
                SkipSpace();
                if (position < text.Length && text[position] == '#')
                {
                    position++;
                    continue;
                }
                return value.ToString();
            }
        }

        /// <summary>A balanced {…} group; its content, without the outer braces.</summary>
        private string ReadBraced(int recordStart)
        {
            var open = position;
            var depth = 0;
            for (; position < text.Length; position++)
            {
                var c = text[position];
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0)
                {
                    position++;
                    return text[(open + 1)..(position - 1)];
                }
                else if (c == '@' && IsRecordStartLine(position))
                    throw Error(open, "unbalanced braces: a value opened here is not closed before the next record", recordStart);
            }
            throw Error(open, "unbalanced braces: a value opened here is never closed", recordStart);
        }

        private string ReadQuoted(int recordStart)
        {
            var open = position;
            var depth = 0;
            for (position++; position < text.Length; position++)
            {
                var c = text[position];
                if (c == '{') depth++;
                else if (c == '}') depth--;
                else if (c == '"' && depth == 0)
                {
                    position++;
                    return text[(open + 1)..(position - 1)];
                }
                else if (c == '@' && IsRecordStartLine(position))
                    throw Error(open, "a quoted value opened here is not closed before the next record", recordStart);
            }
            throw Error(open, "a quoted value opened here is never closed", recordStart);
        }

        /// <summary>An <c>@type{</c> at the start of a line inside a value means the value ran past its record.</summary>
        private bool IsRecordStartLine(int at)
        {
            var i = at - 1;
            while (i >= 0 && text[i] is ' ' or '\t') i--;
            if (i >= 0 && text[i] is not ('\n' or '\r')) return false;
            var j = at + 1;
            while (j < text.Length && char.IsAsciiLetter(text[j])) j++;
            return j > at + 1 && j < text.Length && text[j] is '{' or '(';
        }

        private string ReadIdentifier()
        {
            var start = position;
            while (position < text.Length && IsIdentifierChar(text[position])) position++;
            return text[start..position];
        }

        private static bool IsIdentifierChar(char c) =>
            c > ' ' && c < 127 && c is not ('"' or '#' or '%' or '\'' or '(' or ')' or ',' or '=' or '{' or '}' or '@');

        private void SkipSpace()
        {
            while (position < text.Length)
            {
                if (char.IsWhiteSpace(text[position])) position++;
                else if (text[position] == '%')
                {
                    // A TeX comment between fields, as biber allows.
                    while (position < text.Length && text[position] is not ('\n' or '\r')) position++;
                }
                else break;
            }
        }
    }
}
