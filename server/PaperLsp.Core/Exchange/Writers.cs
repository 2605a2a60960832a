using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperLsp.Syntax;

namespace PaperLsp.Exchange;

public enum ExchangeFormat { BibTeX, BibLaTeX, CslJson, Ris }

/// <param name="Ascii">BibTeX only: spell non-ASCII letters as TeX accents (<c>{\'e}</c>) for classic 8-bit BibTeX.</param>
public sealed record ExportOptions(bool Ascii = false);

/// <summary>
/// Writes records as BibTeX, BibLaTeX, CSL-JSON or RIS. The mapping of every field is documented in docs/exchange.md;
/// fields no format has a place for (score, the Code flag) go in fields named as PaperLsp's own.
/// </summary>
public static class Exporter
{
    public static bool TryParseFormat(string name, out ExchangeFormat format)
    {
        (var ok, format) = name switch
        {
            "bibtex" => (true, ExchangeFormat.BibTeX),
            "biblatex" => (true, ExchangeFormat.BibLaTeX),
            "csl-json" => (true, ExchangeFormat.CslJson),
            "ris" => (true, ExchangeFormat.Ris),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>
    /// The export of a document, or of the entries overlapping lines <paramref name="firstLine"/>..<paramref name="lastLine"/>
    /// (0-based, inclusive): what an editor command returns for the client to save.
    /// </summary>
    public static string Export(PaperDocument document, ExchangeFormat format, ExportOptions? options = null, int firstLine = 0, int lastLine = int.MaxValue) =>
        Export(PaperRecords.Read(document, firstLine, lastLine), format, options);

    public static string Export(IReadOnlyList<BibRecord> records, ExchangeFormat format, ExportOptions? options = null)
    {
        options ??= new ExportOptions();
        var keys = CitationKeys.Assign(records);
        return format switch
        {
            ExchangeFormat.BibTeX => BibTexWriter.Write(records, keys, biblatex: false, options.Ascii),
            ExchangeFormat.BibLaTeX => BibTexWriter.Write(records, keys, biblatex: true, ascii: false),
            ExchangeFormat.CslJson => CslJsonWriter.Write(records, keys),
            ExchangeFormat.Ris => RisWriter.Write(records, keys),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    internal static string Number(double value) => value.ToString("0.0###############", CultureInfo.InvariantCulture);
}

internal static class BibTexWriter
{
    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string Write(IReadOnlyList<BibRecord> records, IReadOnlyList<string> keys, bool biblatex, bool ascii)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0) builder.Append('\n');
            WriteEntry(builder, records[i], keys[i], biblatex, ascii);
        }
        return builder.ToString();
    }

    private static void WriteEntry(StringBuilder builder, BibRecord record, string key, bool biblatex, bool ascii)
    {
        builder.Append("@misc{").Append(key).Append(",\n");
        void Field(string name, string value, bool braced = true)
        {
            builder.Append("  ").Append(name).Append(" = ");
            if (braced) builder.Append('{').Append(value).Append('}');
            else builder.Append(value);
            builder.Append(",\n");
        }

        Field("title", LatexText.Escape(record.Title, ascii, protectCapitals: true));
        if (record.Authors.Count > 0)
        {
            var names = record.Authors.Select(name => Name(name, ascii)).ToList();
            if (record.EtAl) names.Add("others");
            Field("author", string.Join(" and ", names));
        }
        if (record.Date is { } date)
        {
            if (biblatex) Field("date", date.Iso);
            else
            {
                Field("year", date.Year.ToString("0000", CultureInfo.InvariantCulture));
                if (date.Month is { } month and >= 1 and <= 12) Field("month", MonthMacros[month - 1], braced: false);
                if (date.Day is { } day) Field("day", day.ToString(CultureInfo.InvariantCulture));
            }
        }
        if (record.Abstract.Length > 0) Field("abstract", LatexText.Escape(record.Abstract, ascii, protectCapitals: false));
        if (record.Category is { } category)
        {
            Field(biblatex ? "eprintclass" : "primaryClass", LatexText.Escape(category, ascii, false));
            Field("keywords", LatexText.Escape(category, ascii, false));
        }
        if (record.Affiliations.Count > 0)
            Field("affiliation", string.Join(" and ", record.Affiliations.Select(a => LatexText.Escape(a, ascii, false))));
        if (record.Code) Field("paperlsp-code", "true");
        if (record.Score is { } score) Field("paperlsp-score", Exporter.Number(score));
        builder.Length -= 2; // no comma after the last field
        builder.Append("\n}\n");
    }

    /// <summary><c>von Last, First</c>, or <c>von Last, Jr, First</c> with a suffix: the forms every BibTeX reader splits alike.</summary>
    internal static string Name(PersonName name, bool ascii)
    {
        string Part(string text) => string.Join(' ', text.Split(' ').Select(word =>
            word.Equals("and", StringComparison.OrdinalIgnoreCase) ? "{" + word + "}" : LatexText.Escape(word, ascii, false)));

        var family = Part(name.Family);
        // A family name of several words, or one starting in lower case (danah boyd, uncased scripts aside), is one unit.
        if (name.Family.Contains(' ') || (name.Family.Length > 0 && char.IsLower(name.Family[0]))) family = "{" + family + "}";
        var last = name.Particle.Length > 0 ? Part(name.Particle) + " " + family : family;
        if (name.IsMononym) return last;
        if (name.Suffix.Length > 0) return $"{last}, {Part(name.Suffix)}, {Part(name.Given)}";
        return $"{last}, {Part(name.Given)}";
    }
}

internal static class CslJsonWriter
{
    public static string Write(IReadOnlyList<BibRecord> records, IReadOnlyList<string> keys)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            for (var i = 0; i < records.Count; i++) WriteItem(json, records[i], keys[i]);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteItem(Utf8JsonWriter json, BibRecord record, string key)
    {
        json.WriteStartObject();
        json.WriteString("id", key);
        json.WriteString("type", "article");
        json.WriteString("title", record.Title);
        if (record.Authors.Count > 0)
        {
            json.WriteStartArray("author");
            foreach (var name in record.Authors)
            {
                json.WriteStartObject();
                if (name.IsMononym) json.WriteString("literal", name.Family);
                else
                {
                    json.WriteString("family", name.Family);
                    if (name.Given.Length > 0) json.WriteString("given", name.Given);
                    if (name.Particle.Length > 0) json.WriteString("non-dropping-particle", name.Particle);
                    if (name.Suffix.Length > 0) json.WriteString("suffix", name.Suffix);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (record.Date is { } date)
        {
            json.WriteStartObject("issued");
            json.WriteStartArray("date-parts");
            json.WriteStartArray();
            json.WriteNumberValue(date.Year);
            if (date.Month is { } month) json.WriteNumberValue(month);
            if (date.Month is not null && date.Day is { } day) json.WriteNumberValue(day);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (record.Abstract.Length > 0) json.WriteString("abstract", record.Abstract);
        if (record.Category is { } category) json.WriteString("keyword", category);

        if (record.EtAl || record.Code || record.Score is not null || record.Affiliations.Count > 0)
        {
            // CSL 1.0.2's "custom" object holds what CSL has no variable for; citeproc ignores it.
            json.WriteStartObject("custom");
            if (record.EtAl) json.WriteBoolean("paperlsp-et-al", true);
            if (record.Affiliations.Count > 0)
            {
                json.WriteStartArray("paperlsp-affiliations");
                foreach (var affiliation in record.Affiliations) json.WriteStringValue(affiliation);
                json.WriteEndArray();
            }
            if (record.Code) json.WriteBoolean("paperlsp-code", true);
            if (record.Score is { } score) json.WriteNumber("paperlsp-score", score);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}

/// <summary>
/// RIS as the RefMan specification lays it out: <c>TY  - </c> first, <c>ER  - </c> last, one tag per line, CRLF line
/// ends. Text is UTF-8, as Zotero, EndNote and Mendeley read it (the old specification assumed an 8-bit code page).
/// </summary>
internal static class RisWriter
{
    public static string Write(IReadOnlyList<BibRecord> records, IReadOnlyList<string> keys)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < records.Count; i++) WriteRecord(builder, records[i], keys[i]);
        return builder.ToString();
    }

    private static void WriteRecord(StringBuilder builder, BibRecord record, string key)
    {
        void Tag(string tag, string value) => builder.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");

        // No ID: the specification allows only A-Z and 0-9 there, up to 20 characters, which a citation key is not.
        Tag("TY", "UNPB");
        Tag("TI", record.Title);
        // The specification forbids the asterisk in author and keyword fields.
        foreach (var name in record.Authors) Tag("AU", Name(name).Replace("*", ""));
        if (record.EtAl) Tag("C2", "et al.");
        foreach (var affiliation in record.Affiliations) Tag("AD", affiliation);
        if (record.Abstract.Length > 0) Tag("AB", record.Abstract);
        if (record.Date is { } date)
        {
            Tag("PY", date.Year.ToString("0000", CultureInfo.InvariantCulture));
            Tag("DA", string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}/{(date.Month is { } m ? m.ToString("00", CultureInfo.InvariantCulture) : "")}/{(date.Day is { } d ? d.ToString("00", CultureInfo.InvariantCulture) : "")}/"));
        }
        if (record.Category is { } category) Tag("KW", category.Replace("*", ""));
        if (record.Code) Tag("C3", "Code");
        if (record.Score is { } score) Tag("C1", Exporter.Number(score));
        builder.Append("ER  - \r\n");
    }

    /// <summary><c>Last, First, Suffix</c>, the author form of the specification.</summary>
    internal static string Name(PersonName name)
    {
        if (name.IsMononym) return name.FullFamily;
        return name.Suffix.Length > 0 ? $"{name.FullFamily}, {name.Given}, {name.Suffix}" : $"{name.FullFamily}, {name.Given}";
    }

    private static string OneLine(string value) => LatexText.CollapseWhitespace(value);
}
