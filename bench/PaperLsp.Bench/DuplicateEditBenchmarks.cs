using BenchmarkDotNet.Attributes;
using PaperLsp.Duplicates;
using PaperLsp.Generator;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Bench;

/// <summary>
/// The cost of keeping duplicates current after one typed character in the title of the middle entry of the first
/// file of a workspace with planted near duplicates (<see cref="PlantedDuplicates"/>, 1k/10k/100k entries over
/// <see cref="PlantedWorkspaceMode.FileCount"/> files): the incremental reparse, <see cref="DuplicateIndex.Apply"/>
/// for each delta, then the findings of every document the index says are affected. Calls alternate inserting and
/// deleting the character, so the workspace never drifts. Aim: flat across sizes.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Duplicates")]
public class DuplicateEditBenchmarks
{
    private DocumentId[] ids = null!;
    private Dictionary<DocumentId, PaperDocument> documents = null!;
    private DuplicateIndex index = null!;
    private TextChange insert = null!;
    private TextChange delete = null!;
    private bool inserted;

    [Params("1k", "10k", "100k")]
    public string Size { get; set; } = "1k";

    [GlobalSetup]
    public void Setup()
    {
        var entries = Corpus.EntryCount(Size);
        var workspace = PlantedDuplicates.Generate(entries, PlantedWorkspaceMode.FileCount(entries), Corpus.Seed);
        ids = workspace.FileNames.Select(name => new DocumentId(name)).ToArray();
        documents = ids.Zip(workspace.FileTexts.Select(PaperDocument.Parse)).ToDictionary(pair => pair.First, pair => pair.Second);
        index = DuplicateIndex.Build(ids.Select(id => (id, documents[id])));
        (insert, delete, _) = Corpus.MiddleTitleEdit(documents[ids[0]]);
    }

    [Benchmark]
    public int KeystrokeFindings()
    {
        var id = ids[0];
        var document = documents[id].Apply(inserted ? delete : insert);
        inserted = !inserted;
        var affected = new HashSet<DocumentId>();
        foreach (var delta in document.Deltas) index.Apply(id, delta, affected);
        documents[id] = document;
        var findings = 0;
        foreach (var other in affected)
            findings += DuplicateFindings.For(other, documents[other], index, documents.GetValueOrDefault, of => of.Key, CancellationToken.None).Count;
        return findings;
    }
}
