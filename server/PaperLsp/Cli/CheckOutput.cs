using System.Globalization;
using System.Text.Json;
using PaperLsp.Analysis;
using PaperLsp.Diagnostics;

namespace PaperLsp.Cli;

public sealed record CheckedFile(string Path, IReadOnlyList<PaperDiagnostic> Diagnostics);

public sealed record CheckReport(IReadOnlyList<CheckedFile> Files)
{
    public int Count(DiagnosticSeverity severity) => Files.Sum(f => f.Diagnostics.Count(d => d.Severity == severity));
    public int ErrorCount => Count(DiagnosticSeverity.Error);
}

/// <summary>Prints findings as <c>path:line:col: severity CODE: message</c> (1-based; columns in UTF-16 code units, as LSP and VS Code count), or as JSON.</summary>
public static class CheckOutput
{
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "info",
        _ => "hint",
    };

    public static void WriteText(CheckReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                var start = diagnostic.Range.Start;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Path}:{start.Line + 1}:{start.Character + 1}: {SeverityName(diagnostic.Severity)} {diagnostic.Code}: {diagnostic.Message}"));
            }
        }
        var files = report.Files.Count == 1 ? "1 file" : $"{report.Files.Count} files";
        output.WriteLine($"{files} checked: {Plural(report.ErrorCount, "error")}, {Plural(report.Count(DiagnosticSeverity.Warning), "warning")}, " +
                         $"{Plural(report.Count(DiagnosticSeverity.Information), "info")}, {Plural(report.Count(DiagnosticSeverity.Hint), "hint")}.");
    }

    private static string Plural(int count, string noun) => count == 1 || noun == "info" ? $"{count} {noun}" : $"{count} {noun}s";

    public static void WriteJson(CheckReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteStartArray("diagnostics");
                foreach (var diagnostic in file.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("code", diagnostic.Code);
                    json.WriteString("severity", SeverityName(diagnostic.Severity));
                    json.WriteString("message", diagnostic.Message);
                    WriteRange(json, diagnostic.Range);
                    json.WriteStartArray("related");
                    foreach (var related in diagnostic.Related)
                    {
                        json.WriteStartObject();
                        json.WriteString("message", related.Message);
                        if (related.Document is { } other) json.WriteString("path", other.Key);
                        WriteRange(json, related.Range);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files.Count);
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", report.Count(DiagnosticSeverity.Warning));
            json.WriteNumber("infos", report.Count(DiagnosticSeverity.Information));
            json.WriteNumber("hints", report.Count(DiagnosticSeverity.Hint));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>1-based lines and columns, end exclusive, like the text output.</summary>
    private static void WriteRange(Utf8JsonWriter json, Text.TextRange range)
    {
        json.WriteNumber("line", range.Start.Line + 1);
        json.WriteNumber("column", range.Start.Character + 1);
        json.WriteNumber("endLine", range.End.Line + 1);
        json.WriteNumber("endColumn", range.End.Character + 1);
    }
}
