using System.Globalization;
using System.Text.Json;
using PaperLsp.Syntax;

namespace PaperLsp.Cli;

/// <summary><c>paperlsp export --format json</c>: every entry with its fields; line numbers are 1-based.</summary>
public static class ExportOutput
{
    public static void WriteJson(string path, PaperDocument document, TextWriter output) => WriteJson([(path, document)], output);

    /// <summary>One file is one object, as always; several files are an array of such objects, in order.</summary>
    public static void WriteJson(IReadOnlyList<(string Path, PaperDocument Document)> files, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (files.Count != 1) json.WriteStartArray();
            foreach (var (path, document) in files) WriteFile(json, path, document);
            if (files.Count != 1) json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteFile(Utf8JsonWriter json, string path, PaperDocument document)
    {
        json.WriteStartObject();
        json.WriteString("file", path);
        json.WriteStartArray("entries");
        foreach (var entry in document.Entries)
        {
            json.WriteStartObject();
            json.WriteNumber("headerLine", entry.HeaderLine + 1);
            WriteNullable(json, "metaLine", entry.MetadataLine + 1);
            WriteNullable(json, "abstractLine", entry.AbstractLine + 1);
            json.WriteString("title", entry.Title);
            json.WriteStartArray("authors");
            foreach (var (name, _) in entry.Authors) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteBoolean("etAl", entry.Node.EtAl);
            json.WriteStartArray("affiliations");
            foreach (var (name, _) in entry.Affiliations) json.WriteStringValue(name);
            json.WriteEndArray();
            var metadata = entry.Metadata;
            if (metadata?.ScoreValue is { } score) json.WriteNumber("score", score);
            else json.WriteNull("score");
            json.WriteString("category", metadata?.CategoryText);
            json.WriteString("date", metadata?.DateValue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteBoolean("code", metadata?.HasCode ?? false);
            json.WriteString("abstract", entry.Abstract);
            json.WriteString("boundary", entry.Node.Confidence.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
