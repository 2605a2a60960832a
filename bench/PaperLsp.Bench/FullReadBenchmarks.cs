using BenchmarkDotNet.Attributes;
using PaperLsp.Analysis;
using PaperLsp.Syntax;

namespace PaperLsp.Bench;

/// <summary>Reading a whole file: <c>PaperDocument.Parse</c> (chunked on every core from 2 MB), the same read on one thread, and Parse + title index + all diagnostics (what didOpen costs).</summary>
[MemoryDiagnoser]
[BenchmarkCategory("FullRead")]
public class FullReadBenchmarks
{
    private string text = "";

    [Params("1k", "10k", "100k", "50MB")]
    public string Size { get; set; } = "1k";

    [GlobalSetup]
    public void Setup() => text = Corpus.Text(Size);

    [Benchmark(Baseline = true)]
    public PaperDocument Parse() => PaperDocument.Parse(text);

    /// <summary>The full read on one thread, as <c>Parse</c> reads texts under 2 MB (or on one core).</summary>
    [Benchmark]
    public PaperDocument ParseSequential() => PaperDocument.ParseSequential(text);

    [Benchmark]
    public int ParseAndAnalyze()
    {
        var document = PaperDocument.Parse(text);
        return DocumentAnalyzer.Analyze(document, TitleIndex.Build(document)).Count;
    }
}
