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
/// through JsonConvert) against the hand-written JSON that replaced it, on the same document. Reports the ratio of their
/// CPU times and the allocations; no absolute timing is meant as a figure.
/// </summary>
internal static class WriterRatio
{
    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };

    public static void Run(IEnumerable<string> sizes, string kind, int rounds)
    {
        Console.WriteLine("| input | documentSymbol: serialiser / writer (CPU ms, least of the rounds) | allocated | semanticTokens JSON: serialiser / writer | allocated |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            var document = PaperDocument.Parse(Corpus.Text(size, kind));
            Corpus.Drop(size, kind);
            var converter = new ProtocolConverter(PositionEncoding.Utf16);
            var data = converter.EncodeTokens(document, SemanticClassifier.Classify(document));
            var tokens = new LspSemanticTokens { ResultId = "1", Data = data };
            var symbolsOld = Measure(rounds, () => JsonConvert.SerializeObject(DocumentSymbolHandler.Build(document, converter), Settings).Length);
            var symbolsNew = Measure(rounds, () => DocumentSymbolJson.Write(document, converter).Length);
            var tokensOld = Measure(rounds, () => JsonConvert.SerializeObject(tokens, Settings).Length);
            var tokensNew = Measure(rounds, () => (((IRawJsonSource)tokens).ToJson()!.ToString(Newtonsoft.Json.Formatting.None)).Length);
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
