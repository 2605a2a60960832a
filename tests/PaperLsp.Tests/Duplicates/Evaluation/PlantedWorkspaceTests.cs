using PaperLsp.Duplicates;
using PaperLsp.Generator;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Duplicates.Evaluation;

/// <summary>
/// Recall and precision on a generated workspace of 10,000 entries in four files with planted copies of every kind
/// and planted look-alikes (<see cref="PlantedDuplicates"/>): every planted copy is found through the index, no
/// look-alike is, and nothing the generator did not plant is flagged.
/// </summary>
public class PlantedWorkspaceTests
{
    private sealed record Workspace(PlantedWorkspace Planted, DocumentId[] Ids, PaperDocument[] Documents, DuplicateIndex Index)
    {
        public EntryRef At(PlantedEntry entry) =>
            new(Ids[entry.File], Documents[entry.File].FindEntry(entry.HeaderLine)?.Node ?? throw new InvalidOperationException($"no entry at {entry}"));
    }

    private static readonly Lazy<Workspace> Generated = new(() =>
    {
        var planted = PlantedDuplicates.Generate(10_000, 4, seed: 42);
        var ids = planted.FileNames.Select(name => new DocumentId(name)).ToArray();
        var documents = planted.FileTexts.Select(PaperDocument.Parse).ToArray();
        return new Workspace(planted, ids, documents, DuplicateIndex.Build(ids.Zip(documents)));
    });

    private static DuplicateKind KindOf(Workspace workspace, PlantedPair pair)
    {
        var planted = workspace.At(pair.Planted).Node;
        return workspace.Index.MatchesOf(workspace.At(pair.Original))
            .Where(m => ReferenceEquals(m.Other.Node, planted))
            .Select(m => m.Verdict.Kind)
            .DefaultIfEmpty(DuplicateKind.None)
            .Max();
    }

    [Test]
    public void The_generator_puts_each_planted_entry_where_its_truth_says()
    {
        var workspace = Generated.Value;
        Assert.That(workspace.Planted.Pairs.Count(p => p.IsCopy), Is.EqualTo(200));
        Assert.That(workspace.Planted.Pairs.Count(p => !p.IsCopy), Is.EqualTo(100));
        Assert.That(workspace.Planted.Pairs.Select(p => p.Kind).Distinct().Count(), Is.EqualTo(Enum.GetValues<PlantKind>().Length));
        Assert.That(workspace.Planted.Pairs.Select(p => workspace.At(p.Planted).Node.Title.Trim()), Is.EqualTo(workspace.Planted.Pairs.Select(p => p.PlantedTitle)));
        Assert.That(workspace.Documents.Sum(d => d.EntryCount), Is.EqualTo(10_000));
    }

    [Test]
    public void Every_planted_copy_is_found_and_no_look_alike_is()
    {
        var workspace = Generated.Value;
        var results = workspace.Planted.Pairs.Select(p => (Pair: p, Kind: KindOf(workspace, p))).ToList();
        var missed = results.Where(r => r.Pair.IsCopy && r.Kind is not (DuplicateKind.SamePaper or DuplicateKind.ExactCopy)).ToList();
        var wronglyFlagged = results.Where(r => !r.Pair.IsCopy && r.Kind is DuplicateKind.SamePaper or DuplicateKind.ExactCopy).ToList();
        foreach (var kind in results.GroupBy(r => r.Pair.Kind))
            TestContext.Out.WriteLine($"{kind.Key}: {string.Join(", ", kind.GroupBy(r => r.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.That(wronglyFlagged.Select(r => $"{r.Pair.Kind}: {r.Pair.OriginalTitle} / {r.Pair.PlantedTitle}"), Is.Empty);
        var recall = 1 - missed.Count / (double)results.Count(r => r.Pair.IsCopy);
        Assert.That(recall, Is.GreaterThanOrEqualTo(0.95), string.Join("; ", missed.Select(r => $"{r.Pair.Kind} → {r.Kind}: {r.Pair.PlantedTitle}")));
    }

    [Test]
    public void Nothing_unplanted_is_flagged_as_a_copy()
    {
        var workspace = Generated.Value;
        var planted = workspace.Planted.Pairs.Where(p => p.IsCopy)
            .Select(p => (workspace.At(p.Original).Node, workspace.At(p.Planted).Node))
            .SelectMany(pair => new[] { pair, (pair.Item2, pair.Item1) })
            .ToHashSet();
        var unplanted = new List<string>();
        for (var f = 0; f < workspace.Documents.Length; f++)
        foreach (var entry in workspace.Documents[f].Entries)
        foreach (var match in workspace.Index.MatchesOf(new EntryRef(workspace.Ids[f], entry.Node)))
            if (match.Verdict.Kind is DuplicateKind.SamePaper or DuplicateKind.ExactCopy && !planted.Contains((entry.Node, match.Other.Node)))
                unplanted.Add($"{entry.Node.Title} / {match.Other.Node.Title} ({match.Verdict.Kind})");
        Assert.That(unplanted, Is.Empty);
    }
}
