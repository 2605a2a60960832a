using BenchmarkDotNet.Attributes;
using PaperLsp.Analysis;
using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Bench;

/// <summary>
/// What the server computes for one keystroke before it converts and sends the list (DiagnosticsPublisher): the
/// incremental reparse, <see cref="DuplicateIndex.Apply"/>, <see cref="DuplicateFindings.For"/> and
/// <see cref="DocumentAnalyzer.Analyze(PaperDocument, IReadOnlyList{PaperDiagnostic}, CancellationToken)"/>, on the
/// list LspBench types into (the default corpus as one open file: 2,467 findings at 100k). The keystroke is LspBench's
/// finding edit: an <c>x</c> typed into, then deleted from, the title of the flagged entry nearest the middle, so every
/// call changes the list. The in-process counterpart of LspBench's "server CPU per edit", without its noise.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Diagnostics")]
public class KeystrokeFindingsBenchmarks
{
    private static readonly DocumentId Id = new("/bench/list.papers");
    private PaperDocument document = null!;
    private DuplicateIndex index = null!;
    private TextChange insert = null!;
    private TextChange delete = null!;
    private bool inserted;

    [Params("1k", "10k", "100k")]
    public string Size { get; set; } = "1k";

    [GlobalSetup]
    public void Setup()
    {
        document = PaperDocument.Parse(Corpus.Text(Size));
        Corpus.Drop(Size);
        index = DuplicateIndex.Build([(Id, document)]);
        (insert, delete) = Corpus.FindingEdit(document) ?? throw new InvalidOperationException("no finding on a title to type into");
        // The caches the server's first publication fills.
        Findings(document);
    }

    [Benchmark]
    public int Keystroke()
    {
        var next = document.Apply(inserted ? delete : insert);
        inserted = !inserted;
        var affected = new HashSet<DocumentId>();
        foreach (var delta in next.Deltas) index.Apply(Id, delta, affected);
        document = next;
        return Findings(next);
    }

    private int Findings(PaperDocument current)
    {
        var duplicates = DuplicateFindings.For(Id, current, index, of => of == Id ? current : null, of => of.Key, CancellationToken.None);
        return DocumentAnalyzer.Analyze(current, duplicates, CancellationToken.None).Count;
    }
}
