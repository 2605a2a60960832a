using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PaperLsp.Generator;
using PaperLsp.Ide;
using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Bench;

/// <summary>A generated workspace on disk: <c>files</c> lists of <c>entriesPerFile</c> entries each (different seeds, so
/// authors recur across lists as in real ones), written once under bench/ and reused.</summary>
public static class WorkspaceCorpus
{
    public static string Directory(int files, int entriesPerFile)
    {
        var root = Path.Combine(BenchPaths.ProjectDirectory(), "BenchmarkDotNet.Artifacts", $"workspace-{files}x{entriesPerFile}");
        if (System.IO.Directory.Exists(root) && System.IO.Directory.GetFiles(root, "*.papers").Length == files) return root;
        System.IO.Directory.CreateDirectory(root);
        Parallel.For(0, files, i => File.WriteAllText(Path.Combine(root, $"list{i:D3}.papers"),
            SyntheticList.Generate(entriesPerFile, 1000 + i, new SyntheticOptions(DuplicateRate: 0.01))));
        return root;
    }

    /// <summary>What the server does on initialized, without the protocol: find, read and parse in parallel, then index.</summary>
    public static WorkspaceSnapshot Load(string root)
    {
        var paths = System.IO.Directory.GetFiles(root, "*.papers").Order(StringComparer.Ordinal).ToArray();
        var documents = new PaperDocument[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            documents[i] = PaperDocument.Parse(File.ReadAllText(paths[i]));
            foreach (var entry in documents[i].Entries) EntryFacts.Of(entry.Node);
        });
        var snapshot = WorkspaceSnapshot.Empty;
        for (var i = 0; i < paths.Length; i++) snapshot = snapshot.WithDiskFile(new DocumentId(paths[i]), new Uri(paths[i]).AbsoluteUri, documents[i]);
        return snapshot;
    }
}

/// <summary>
/// dotnet run -c Release --project bench/PaperLsp.Bench -- workspace: index time and memory of a 100 × 1,000-entry
/// workspace, then per-request latency percentiles (Stopwatch, thousands of requests at random places) of hover,
/// completion, workspace symbols and references. Percentiles need every sample, which BenchmarkDotNet does not keep.
/// </summary>
public static class WorkspaceMode
{
    /// <summary>Only the index build over already parsed lists, split: parse and facts, then indexing.</summary>
    public static int IndexOnly(int files)
    {
        var root = WorkspaceCorpus.Directory(100, 1000);
        var paths = System.IO.Directory.GetFiles(root, "*.papers").Order(StringComparer.Ordinal).Take(files).ToArray();
        var clock = Stopwatch.StartNew();
        var documents = paths.AsParallel().AsOrdered().Select(p => PaperDocument.Parse(File.ReadAllText(p))).ToArray();
        foreach (var d in documents) foreach (var e in d.Entries) EntryFacts.Of(e.Node);
        Console.WriteLine($"read+parse+facts {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var index = WorkspaceIndex.Empty;
        for (var i = 0; i < documents.Length; i++) index = index.Add(new DocumentId(paths[i]), documents[i]);
        Console.WriteLine($"index {clock.ElapsedMilliseconds} ms, {index.EntryCount} entries, {index.Authors.Count} authors");
        return 0;
    }

    public static int Run()
    {
        var root = WorkspaceCorpus.Directory(100, 1000);
        var times = new List<double>();
        WorkspaceSnapshot? snapshot = null;
        for (var run = 0; run < 2; run++)
        {
            snapshot = null;
            GC.Collect();
            var clock = Stopwatch.StartNew();
            snapshot = WorkspaceCorpus.Load(root);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var before = GC.GetTotalMemory(forceFullCollection: true);
        snapshot = null;
        GC.Collect();
        var empty = GC.GetTotalMemory(forceFullCollection: true);
        snapshot = WorkspaceCorpus.Load(root);
        var loaded = GC.GetTotalMemory(forceFullCollection: true);
        var index = snapshot.Index;
        var bytes = new FileInfo(Path.Combine(root, "list000.papers")).Length * 100;
        Console.WriteLine($"workspace: {snapshot.FileCount} files, {index.EntryCount} entries, {index.Authors.Count} distinct authors, ~{bytes / 1e6:F0} MB");
        Console.WriteLine($"index from disk: median {Median(times):F0} ms of {times.Count} runs ({string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"memory: {(loaded - empty) / (double)index.EntryCount:F0} bytes/entry retained (documents, entry facts and index; {(before - empty) / 1e6:F0} MB drift before)");
        var indexOnly = MeasureIndexMemory(snapshot);
        Console.WriteLine($"  of which the workspace index: {indexOnly / (double)index.EntryCount:F0} bytes/entry");

        var random = new Random(7);
        var files = snapshot.Files.ToArray();
        var entries = files.SelectMany(f => f.Document.Entries.Where(e => e.Authors.Count >= 2).Take(50).Select(e => (File: f, Entry: e))).ToArray();
        var opened = snapshot;

        Report("hover on a title", 1000, () =>
        {
            var (file, entry) = entries[random.Next(entries.Length)];
            return HoverService.Hover(opened, file.Id, entry.TitleRange.Start) is not null;
        });
        Report("hover on an author", 1000, () =>
        {
            var (file, entry) = entries[random.Next(entries.Length)];
            return HoverService.Hover(opened, file.Id, entry.Authors[1].Range.Start) is not null;
        });
        // Completion as typed: the cursor two characters into the second author (after "<first author>, ").
        Report("completion (2 typed letters)", 1000, () =>
        {
            var (file, entry) = entries[random.Next(entries.Length)];
            var at = entry.Authors[1].Range.Start;
            return CompletionService.Complete(opened, file.Id, at with { Character = at.Character + 2 }).Items.Count > 0;
        });
        Report("completion (after ', ')", 500, () =>
        {
            var (file, entry) = entries[random.Next(entries.Length)];
            return CompletionService.Complete(opened, file.Id, entry.Authors[1].Range.Start).Items.Count > 0;
        });
        var queries = entries.Select(e => e.Entry.Title.Split(' ')[0][..Math.Min(4, e.Entry.Title.Split(' ')[0].Length)] + " " + e.Entry.Authors[0].Name.Split(' ')[^1][..2]).ToArray();
        Report("workspace symbol", 50, () => WorkspaceSymbolService.Search(opened, queries[random.Next(queries.Length)]).Count >= 0);
        Report("references of an author", 500, () =>
        {
            var (file, entry) = entries[random.Next(entries.Length)];
            return NavigationService.References(opened, file.Id, entry.Authors[0].Range.Start).Count > 0;
        });
        return 0;
    }

    private static long MeasureIndexMemory(WorkspaceSnapshot snapshot)
    {
        // The index alone: rebuild it over the same (already parsed) documents and compare.
        var documents = snapshot.Files.Select(f => (f.Id, f.Document)).ToList();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = WorkspaceIndex.Empty;
        foreach (var (id, document) in documents) index = index.Add(id, document);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        GC.KeepAlive(documents);
        return after - before;
    }

    private static void Report(string what, int count, Func<bool> request)
    {
        for (var i = 0; i < Math.Min(50, count); i++) request(); // warm up
        var samples = new double[count];
        var hits = 0;
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            if (request()) hits++;
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-30} p50 {samples[count / 2],7:F3} ms   p99 {samples[(int)(count * 0.99)],7:F3} ms   max {samples[^1],7:F3} ms   ({count} requests, {hits} with a result)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>
/// The workspace side of a keystroke: one character typed in a title of an open 1,000-entry list, in a workspace of 1k,
/// 10k or 100k entries. <see cref="Edit"/> is the reparse plus the index update (<see cref="WorkspaceSnapshot.Changed"/>);
/// <see cref="ReparseOnly"/> the reparse alone. Flat across sizes means the index update does not grow with the workspace.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Workspace")]
public class WorkspaceUpdateBenchmarks
{
    private WorkspaceSnapshot snapshot = null!;
    private PaperDocument document = null!;
    private DocumentId open;
    private TextChange insert = null!;

    [Params("1k", "10k", "100k")]
    public string Size { get; set; } = "1k";

    [GlobalSetup]
    public void Setup()
    {
        var files = Size switch { "1k" => 1, "10k" => 10, _ => 100 };
        snapshot = WorkspaceCorpus.Load(WorkspaceCorpus.Directory(100, 1000)) is var all && files == 100 ? all : Subset(all, files);
        var first = snapshot.Files.First();
        open = first.Id;
        document = first.Document;
        snapshot = snapshot.Opened(open, first.Uri, document, 1);
        (insert, _, _) = Corpus.MiddleTitleEdit(document);
    }

    private static WorkspaceSnapshot Subset(WorkspaceSnapshot all, int files)
    {
        var subset = WorkspaceSnapshot.Empty;
        foreach (var file in all.Files.Take(files)) subset = subset.WithDiskFile(file.Id, file.Uri, file.Document);
        return subset;
    }

    [Benchmark(Baseline = true)]
    public PaperDocument ReparseOnly() => document.Apply(insert);

    [Benchmark]
    public WorkspaceSnapshot Edit() => snapshot.Changed(open, document.Apply(insert), 2);
}
