using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperLsp.Exchange;

/// <summary>Reads CSL-JSON (an array of items, as Zotero, Pandoc and citeproc use). Each bad item is reported with its line.</summary>
public static class CslJsonReader
{
    public static ImportResult Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        int LineOf(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        // Item offsets first, so every message can name the item's line; JsonDocument keeps no positions.
        var itemLines = new List<int>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read()) return Fail(1, "the file is empty; CSL-JSON is an array of items");
            if (reader.TokenType != JsonTokenType.StartArray)
                return Fail(LineOf(reader.TokenStartIndex), $"CSL-JSON must be an array of items ([ {{…}}, … ]), but the file starts with {Describe(reader.TokenType)}");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                itemLines.Add(LineOf(reader.TokenStartIndex));
                reader.Skip();
            }
            while (reader.Read()) { }
        }
        catch (JsonException exception)
        {
            return Fail((int)(exception.LineNumber ?? 0) + 1, $"not valid JSON: {FirstSentence(exception.Message)}");
        }

        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var records = new List<BibRecord>();
        var problems = new List<ImportProblem>();
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var line = itemLines[index++];
            var record = ToRecord(item, line, out var problem);
            if (record is not null) records.Add(record);
            else problems.Add(new ImportProblem(line, $"item {index}: {problem}"));
        }
        return new ImportResult(records, problems);
    }

    private static ImportResult Fail(int line, string message) => new([], [new ImportProblem(line, message)]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.');
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n') starts.Add(i + 1);
            else if (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')) starts.Add(i + 1);
        }
        return starts;
    }

    private static BibRecord? ToRecord(JsonElement item, int line, out string? problem)
    {
        problem = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"expected an object, found {item.ValueKind.ToString().ToLowerInvariant()}";
            return null;
        }
        if (!item.TryGetProperty("title", out var titleElement) || titleElement.ValueKind != JsonValueKind.String || Clean(titleElement.GetString()).Length == 0)
        {
            problem = "has no \"title\" string";
            return null;
        }

        var authors = new List<PersonName>();
        var etAl = false;
        if (item.TryGetProperty("author", out var authorElement))
        {
            if (authorElement.ValueKind != JsonValueKind.Array)
            {
                problem = "\"author\" must be an array of names";
                return null;
            }
            foreach (var name in authorElement.EnumerateArray())
            {
                if (name.ValueKind != JsonValueKind.Object)
                {
                    problem = "an \"author\" entry is not a name object";
                    return null;
                }
                string Part(string key) => name.TryGetProperty(key, out var part) && part.ValueKind == JsonValueKind.String ? Clean(part.GetString()) : "";
                var literal = Part("literal");
                // Other tools write a cut-short list as a last author "others" (BibTeX's word) or "et al."; read both.
                if (literal is "others" or "et al." || (Part("family") is "others" && Part("given").Length == 0))
                {
                    etAl = true;
                    continue;
                }
                if (literal.Length > 0) authors.Add(new PersonName("", "", literal, ""));
                else
                {
                    var particle = string.Join(' ', new[] { Part("dropping-particle"), Part("non-dropping-particle") }.Where(p => p.Length > 0));
                    var family = Part("family");
                    if (family.Length == 0 && Part("given").Length == 0)
                    {
                        problem = "an \"author\" entry has neither \"family\", \"given\" nor \"literal\"";
                        return null;
                    }
                    authors.Add(family.Length == 0 ? new PersonName("", "", Part("given"), "") : new PersonName(Part("given"), particle, family, Part("suffix")));
                }
            }
        }

        PartialDate? date = null;
        if (item.TryGetProperty("issued", out var issued) && issued.ValueKind == JsonValueKind.Object)
        {
            if (issued.TryGetProperty("date-parts", out var dateParts) && dateParts.ValueKind == JsonValueKind.Array && dateParts.GetArrayLength() > 0
                && dateParts[0].ValueKind == JsonValueKind.Array)
            {
                var parts = dateParts[0].EnumerateArray().Select(Integer).ToList();
                if (parts.Count > 0 && parts[0] is { } year)
                    date = new PartialDate(year, parts.Count > 1 ? parts[1] : null, parts.Count > 2 && parts.Count > 1 && parts[1] is not null ? parts[2] : null);
            }
            else if (issued.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String)
                date = BibTexReader.ParseIsoDate(raw.GetString() ?? "");
        }

        string? category = null;
        if (item.TryGetProperty("keyword", out var keyword) && keyword.ValueKind == JsonValueKind.String)
            category = (keyword.GetString() ?? "").Split([',', ';'], StringSplitOptions.TrimEntries).FirstOrDefault(Categories.IsArxiv);

        var affiliations = new List<string>();
        var code = false;
        double? score = null;
        if (item.TryGetProperty("custom", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            if (custom.TryGetProperty("paperlsp-et-al", out var e) && e.ValueKind == JsonValueKind.True) etAl = true;
            if (custom.TryGetProperty("paperlsp-code", out var c) && c.ValueKind == JsonValueKind.True) code = true;
            if (custom.TryGetProperty("paperlsp-score", out var s) && s.ValueKind == JsonValueKind.Number) score = s.GetDouble();
            if (custom.TryGetProperty("paperlsp-affiliations", out var a) && a.ValueKind == JsonValueKind.Array)
                affiliations.AddRange(a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Clean(x.GetString())).Where(x => x.Length > 0));
        }

        return new BibRecord
        {
            Title = Clean(titleElement.GetString()),
            Authors = authors,
            EtAl = etAl,
            Affiliations = affiliations,
            Abstract = item.TryGetProperty("abstract", out var abs) && abs.ValueKind == JsonValueKind.String ? Clean(abs.GetString()) : "",
            Date = date,
            Category = category is null ? null : Categories.Expand(category),
            Code = code,
            Score = score,
            Line = line,
        };
    }

    /// <summary>CSL allows date parts as numbers or numeric strings.</summary>
    private static int? Integer(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string Clean(string? text) => LatexText.CollapseWhitespace(text ?? "");
}
