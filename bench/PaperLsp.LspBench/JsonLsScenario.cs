using System.Diagnostics;
using System.Globalization;
using PaperLsp.Bench;

namespace PaperLsp.LspBench;

/// <summary>vscode-json-language-server on the same entries as JSON (<c>paperlsp export --format json</c>).</summary>
public sealed class JsonLsResult
{
    public string Size { get; init; } = "";
    public string Kind { get; init; } = "default";
    public long JsonBytes { get; set; }
    public double FirstDiagnosticsMs { get; set; }
    public double[] EditMs { get; set; } = [];
    public double[] DocumentSymbolMs { get; set; } = [];
    public int DocumentSymbolBytes { get; set; }
    public long PeakKiB { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// The side-by-side run: the same didOpen, one-character edits in the middle entry's title (each waits for the next
/// publishDiagnostics; the JSON server debounces validation by 500 ms and sends no version) and documentSymbol.
/// </summary>
internal static class JsonLsScenario
{
    public static async Task<JsonLsResult> RunAsync(string size, string kind, string paperlsp, string jsonServer, int edits, int requests)
    {
        var result = new JsonLsResult { Size = size, Kind = kind };
        var directory = Directory.CreateTempSubdirectory("paperlsp-jsonls-");
        var papers = Path.Combine(directory.FullName, $"{kind}-{size}.papers");
        var json = Path.ChangeExtension(papers, ".json");
        LspClient? client = null;
        try
        {
            await File.WriteAllTextAsync(papers, Corpus.Text(size, kind));
            await ExportAsync(paperlsp, papers, json);
            var text = await File.ReadAllTextAsync(json);
            result.JsonBytes = new FileInfo(json).Length;
            var (line, character) = MiddleTitle(text);

            client = new LspClient("node", [jsonServer, "--stdio"], new Dictionary<string, string>());
            await client.RequestAsync("initialize", new
            {
                processId = Environment.ProcessId,
                rootUri = (string?)null,
                capabilities = new
                {
                    textDocument = new
                    {
                        publishDiagnostics = new { relatedInformation = true },
                        documentSymbol = new { hierarchicalDocumentSymbolSupport = true },
                    },
                },
            }, BenchServer.Timeout);
            await client.NotifyAsync("initialized", new { });
            var uri = new Uri(json).AbsoluteUri;
            var opened = await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "json", version = 1, text } });
            text = "";
            result.FirstDiagnosticsMs = Stopwatch.GetElapsedTime(opened, NextPublished(client).Timestamp).TotalMilliseconds;

            var times = new double[edits];
            for (var i = 0; i < edits; i++)
            {
                var inserting = i % 2 == 0;
                var range = new { start = new { line, character }, end = new { line, character = inserting ? character : character + 1 } };
                var sent = await client.NotifyAsync("textDocument/didChange", new
                {
                    textDocument = new { uri, version = i + 2 },
                    contentChanges = new[] { new { range, text = inserting ? "x" : "" } },
                });
                times[i] = Stopwatch.GetElapsedTime(sent, NextPublished(client).Timestamp).TotalMilliseconds;
            }
            result.EditMs = times;

            var symbols = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                var (sent, received, _, bytes) = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri } }, BenchServer.Timeout);
                symbols[i] = Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds;
                result.DocumentSymbolBytes = bytes;
            }
            result.DocumentSymbolMs = symbols;
            result.PeakKiB = client.Memory().PeakKiB;
        }
        catch (Exception exception)
        {
            result.Error = exception.Message;
        }
        finally
        {
            if (client is not null) await client.DisposeAsync();
            directory.Delete(recursive: true);
        }
        return result;
    }

    private static async Task ExportAsync(string paperlsp, string papers, string json)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { paperlsp, "export", "--format", "json", "--max-file-size", "1G", "--output", json, papers }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run paperlsp export");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"paperlsp export failed ({process.ExitCode}): {await errors}");
    }

    /// <summary>Line and UTF-16 column five characters into the title value of the entry in the middle of the JSON.</summary>
    private static (int Line, int Character) MiddleTitle(string text)
    {
        const string key = "\"title\": \"";
        var at = text.IndexOf(key, text.Length / 2, StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException("no title in the second half of the export");
        var offset = at + key.Length + 5;
        var lineStart = text.LastIndexOf('\n', offset) + 1;
        var line = 0;
        for (var i = 0; i < lineStart; i++) if (text[i] == '\n') line++;
        return (line, offset - lineStart);
    }

    private static Published NextPublished(LspClient client) =>
        client.Diagnostics.TryTake(out var published, BenchServer.Timeout) ? published : throw new TimeoutException("no publishDiagnostics from the JSON server");

    public const string MarkdownHeader =
        "| input | server | document | didOpen -> first diagnostics | edit -> diagnostics p50 / p99 | documentSymbol p50 / p99 | VmHWM |\n|---|---|---|---|---|---|---|";

    public static string PaperLspRow(SizeResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Kind}/{r.Size} | PaperLsp | {r.Utf8Bytes / 1e6:F1} MB .papers | {r.FirstDiagnosticsMs:F0} ms | {Stats.P(r.EditMs, 50):F1} / {Stats.P(r.EditMs, 99):F1} ms | {Stats.P(r.DocumentSymbolMs, 50):F0} / {Stats.P(r.DocumentSymbolMs, 99):F0} ms | {r.PeakKiB / 1024.0:F0} MiB |");

    public static string Row(JsonLsResult r) => r.Error is { } error
        ? $"| {r.Kind}/{r.Size} | vscode-json-language-server | | error: {error} | | | |"
        : string.Create(CultureInfo.InvariantCulture,
            $"| {r.Kind}/{r.Size} | vscode-json-language-server | {r.JsonBytes / 1e6:F1} MB .json | {r.FirstDiagnosticsMs:F0} ms | {Stats.P(r.EditMs, 50):F0} / {Stats.P(r.EditMs, 99):F0} ms | {Stats.P(r.DocumentSymbolMs, 50):F0} / {Stats.P(r.DocumentSymbolMs, 99):F0} ms ({r.DocumentSymbolBytes / 1e6:F1} MB) | {r.PeakKiB / 1024.0:F0} MiB |");
}
