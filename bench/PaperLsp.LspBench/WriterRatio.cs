using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using PaperLsp.Bench;
using PaperLsp.Classification;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Features;
using PaperLsp.Syntax;
using LspSemanticTokens = PaperLsp.Lsp.Protocol.SemanticTokens;

namespace PaperLsp.LspBench;

/// <summary>
/// In process, interleaved: the serialiser path that documentSymbol and semantic tokens took before (protocol objects
/// through JsonConvert, tokens classified afresh) against the UTF-8 writers and per-item pieces that replaced it, on the
/// same document. Reports the ratio of their CPU times and the allocations; no absolute timing is meant as a figure.
/// </summary>
internal static class WriterRatio
{
    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };

    public static void Run(IEnumerable<string> sizes, string kind, int rounds)
    {
        Console.WriteLine("| input | documentSymbol: serialiser / UTF-8 writer (CPU ms, least of the rounds) | allocated | semantic tokens, classification to JSON: serialiser / pieces + UTF-8 | allocated |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            var document = PaperDocument.Parse(Corpus.Text(size, kind));
            Corpus.Drop(size, kind);
            var converter = new ProtocolConverter(PositionEncoding.Utf16);
            var duplicated = System.Collections.Immutable.ImmutableHashSet.ToImmutableHashSet(
                PaperLsp.Analysis.TitleIndex.Build(document).DuplicatedKeys, StringComparer.Ordinal);
            var symbolPieces = new DocumentSymbolJson.Pieces();
            var tokenPieces = new SemanticTokenPieces.Pieces();
            var symbolsOld = Measure(rounds, () => JsonConvert.SerializeObject(DocumentSymbolHandler.Build(document, converter), Settings).Length);
            // After Measure's warm-up runs every entry's piece is kept: what a request after a keystroke finds.
            var symbolsNew = Measure(rounds, () =>
            {
                using var json = DocumentSymbolJson.Write(document, converter, symbolPieces);
                return (int)json.Length;
            });
            var tokensOld = Measure(rounds, () =>
            {
                var data = converter.EncodeTokens(document, SemanticClassifier.Classify(document, duplicated));
                return JsonConvert.SerializeObject(new LspSemanticTokens { ResultId = "1", Data = data }, Settings).Length;
            });
            var tokensNew = Measure(rounds, () =>
            {
                var tokens = SemanticTokenPieces.Encode(document, duplicated, converter, tokenPieces);
                using var json = (Utf8JsonBuffer)RawJson.From(new LspSemanticTokens(tokens) { ResultId = "1" })!;
                return (int)json.Length;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind}/{size} | {symbolsOld.Ms:F1} / {symbolsNew.Ms:F1} ms = {symbolsOld.Ms / symbolsNew.Ms:F2}x | {symbolsOld.Bytes / 1e6:F0} / {symbolsNew.Bytes / 1e6:F0} MB | {tokensOld.Ms:F1} / {tokensNew.Ms:F1} ms = {tokensOld.Ms / tokensNew.Ms:F2}x | {tokensOld.Bytes / 1e6:F0} / {tokensNew.Bytes / 1e6:F0} MB |"));
        }
    }

    /// <summary>
    /// The least CPU time (the process's, GC included) of <paramref name="rounds"/> runs after two warm-ups, and the
    /// bytes one run allocates. CPU time, not wall time: on a shared machine the wall clock mostly measures the others.
    /// </summary>
    private static (double Ms, long Bytes) Measure(int rounds, Func<int> work)
    {
        work();
        work();
        var best = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        long bytes = 0;
        for (var i = 0; i < rounds; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = process.TotalProcessorTime;
            work();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - start).TotalMilliseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
        return (best, bytes);
    }
}
