using BenchmarkDotNet.Attributes;
using PaperLsp.Analysis;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Bench;

/// <summary>
/// One typed character in the title of the middle entry.
/// <list type="bullet">
/// <item><see cref="Apply"/>: the incremental reparse alone. The document is persistent, so every call edits the same
/// snapshot and nothing drifts.</item>
/// <item><see cref="Keystroke"/>: what the server does per edit: Apply + <c>TitleIndex.Update</c> + <c>DocumentAnalyzer.Analyze</c>
/// (all diagnostics of the file). The index is mutable, so calls alternate insert/delete of the same character.</item>
/// <item><see cref="AnalyzeOnly"/>: <c>DocumentAnalyzer.Analyze</c> of an unchanged document, to split the keystroke cost.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Edit")]
public class EditBenchmarks
{
    private PaperDocument document = null!;
    private TitleIndex titles = null!;
    private TextChange insert = null!;
    private KeystrokePipeline pipeline = null!;

    [Params("1k", "10k", "100k")]
    public string Size { get; set; } = "1k";

    /// <summary>"default": the generator's list, with its duplicate titles; "unique": no repeated titles (see <see cref="Corpus"/>).</summary>
    [Params("default", "unique")]
    public string Kind { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        var text = Corpus.Text(Size, Kind);
        document = PaperDocument.Parse(text);
        titles = TitleIndex.Build(document);
        (insert, _, _) = Corpus.MiddleTitleEdit(document);
        pipeline = new KeystrokePipeline(text);
        Corpus.Drop(Size, Kind);
    }

    [Benchmark(Baseline = true)]
    public PaperDocument Apply() => document.Apply(insert);

    [Benchmark]
    public int Keystroke() => pipeline.Keystroke().Count;

    [Benchmark]
    public int AnalyzeOnly() => DocumentAnalyzer.Analyze(document, titles).Count;
}
