using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PaperLsp.Index;
using PaperLsp.Related;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Bench;

/// <summary>The lists of the generated 100 × 1,000-entry workspace (<see cref="WorkspaceCorpus"/>), parsed, with the
/// entry facts the workspace index has already computed in the server; the first <c>files</c> of them.</summary>
internal static class RelatedCorpus
{
    public static (DocumentId Id, PaperDocument Document)[] Load(int files)
    {
        var root = WorkspaceCorpus.Directory(100, 1000);
        var paths = Directory.GetFiles(root, "*.papers").Order(StringComparer.Ordinal).Take(files).ToArray();
        return paths.AsParallel().AsOrdered().Select(path =>
        {
            var document = PaperDocument.Parse(File.ReadAllText(path));
            foreach (var entry in document.Entries) EntryFacts.Of(entry.Node);
            return (new DocumentId(path), document);
        }).ToArray();
    }

    public static int Files(string size) => size switch { "1k" => 1, "10k" => 10, "100k" => 100, _ => throw new ArgumentException(size) };
}

/// <summary>
/// dotnet run -c Release --project bench/PaperLsp.Bench -- related: build time and retained memory of the related
/// index at 1k, 10k and 100k entries, then query latency percentiles (Stopwatch over thousands of entries picked at
/// random, top 10): percentiles need every sample, which BenchmarkDotNet does not keep.
/// </summary>
public static class RelatedMode
{
    public static int Run()
    {
        Console.WriteLine("size   entries  build-ms first (then twice more)  index-MB  bytes/entry  query-p50-ms  p95-ms  p99-ms  max-ms  results/query");
        foreach (var size in new[] { "1k", "10k", "100k" }) MeasureOne(size);
        Console.WriteLine("index-MB: GC.GetTotalMemory(true) after RelatedIndex.Build minus before, documents and EntryFacts already in memory.");
        return 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MeasureOne(string size)
    {
        var files = RelatedCorpus.Load(RelatedCorpus.Files(size));
        // Build times: the first build also computes every entry's terms (cached per node), as the server's first
        // build does; later builds reuse them, so the first is the one quoted, the others shown.
        var builds = new List<double>();
        var before = Retained();
        var clock = Stopwatch.StartNew();
        var index = RelatedIndex.Build(files);
        builds.Add(clock.Elapsed.TotalMilliseconds);
        var after = Retained();
        for (var run = 0; run < 2; run++)
        {
            clock.Restart();
            GC.KeepAlive(RelatedIndex.Build(files));
            builds.Add(clock.Elapsed.TotalMilliseconds);
        }

        var entries = files.SelectMany(f => f.Document.Entries.Select(e => new EntryRef(f.Id, e.Node))).ToArray();
        var random = new Random(11);
        const int warmups = 100, queries = 1000;
        for (var i = 0; i < warmups; i++) index.Query(entries[random.Next(entries.Length)], 10);
        var samples = new double[queries];
        long results = 0;
        for (var i = 0; i < queries; i++)
        {
            var entry = entries[random.Next(entries.Length)];
            var start = Stopwatch.GetTimestamp();
            results += index.Query(entry, 10).Count;
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        var bytes = after - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,-5} {index.EntryCount,8} {builds[0],9:F0} (then {builds[1]:F0}, {builds[2]:F0}) {bytes / 1e6,9:F1} {bytes / (double)index.EntryCount,12:F0} {Percentile(samples, 0.50),13:F3} {Percentile(samples, 0.95),7:F3} {Percentile(samples, 0.99),7:F3} {samples[^1],7:F3} {results / (double)queries,14:F1}"));
        GC.KeepAlive(index);
        GC.KeepAlive(files);
    }

    /// <summary>
    /// dotnet run -c Release --project bench/PaperLsp.Bench -- related-keystroke: the Stopwatch median of one keystroke's
    /// <see cref="RelatedIndex.Apply"/> (a title edit's delta: the new node's terms read, the old node counted out, the
    /// new one in) and of its inverse, at 1k, 10k and 100k entries, with the ratio to 1k. Ratios only on a noisy machine;
    /// <see cref="RelatedUpdateBenchmarks"/> is the BenchmarkDotNet form.
    /// </summary>
    public static int Keystrokes()
    {
        const int keystrokes = 2000;
        Console.WriteLine("size   entries  apply-median-us  inverse-median-us  apply/1k");
        double? first = null;
        foreach (var size in new[] { "1k", "10k", "100k" })
        {
            var files = RelatedCorpus.Load(RelatedCorpus.Files(size));
            var index = RelatedIndex.Build(files);
            var (open, document) = files[0];
            var (insert, _, _) = Corpus.MiddleTitleEdit(document);
            var apply = new double[keystrokes];
            var inverse = new double[keystrokes];
            for (var i = -100; i < keystrokes; i++)
            {
                // A fresh node every time, as typing makes: its terms are read inside the timed Apply.
                var delta = document.Apply(insert).LastDelta!;
                var t0 = Stopwatch.GetTimestamp();
                index.Apply(open, delta.Removed, delta.Added);
                var t1 = Stopwatch.GetTimestamp();
                index.Apply(open, delta.Added, delta.Removed);
                var t2 = Stopwatch.GetTimestamp();
                if (i < 0) continue;
                apply[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
                inverse[i] = Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds;
            }
            Array.Sort(apply);
            Array.Sort(inverse);
            var median = Percentile(apply, 0.5);
            first ??= median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,-5} {index.EntryCount,8} {median,16:F1} {Percentile(inverse, 0.5),18:F1} {median / first.Value,9:F2}"));
        }
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static long Retained()
    {
        for (var i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>The related index over the first 1, 10 or 100 lists of the generated workspace, built once per size.</summary>
public abstract class RelatedBenchmarksBase
{
    protected (DocumentId Id, PaperDocument Document)[] Files { get; private set; } = [];
    protected RelatedIndex Index { get; private set; } = null!;

    [Params("1k", "10k", "100k")]
    public string Size { get; set; } = "1k";

    [GlobalSetup]
    public void Setup()
    {
        Files = RelatedCorpus.Load(RelatedCorpus.Files(Size));
        Index = RelatedIndex.Build(Files);
        Prepare();
    }

    protected abstract void Prepare();
}

/// <summary>
/// One keystroke in the title of an entry of a 1,000-entry list, in a workspace of 1k, 10k or 100k entries:
/// <see cref="Keystroke"/> reparses and brings the related index along (the new entry node's terms computed, its old
/// node counted out, and back again so the index never drifts); <see cref="ReparseOnly"/> is the reparse alone. Flat
/// across sizes means the index update costs one entry, not the workspace.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Related")]
public class RelatedUpdateBenchmarks : RelatedBenchmarksBase
{
    private TextChange insert = null!;

    protected override void Prepare() => (insert, _, _) = Corpus.MiddleTitleEdit(Files[0].Document);

    [Benchmark(Baseline = true)]
    public PaperDocument ReparseOnly() => Files[0].Document.Apply(insert);

    [Benchmark]
    public PaperDocument Keystroke()
    {
        var (open, document) = Files[0];
        var edited = document.Apply(insert);
        var delta = edited.LastDelta!;
        Index.Apply(open, delta.Removed, delta.Added);
        Index.Apply(open, delta.Added, delta.Removed);
        return edited;
    }
}

/// <summary>Top-10 related papers of entries taken in turn across the workspace (a different entry every call), at
/// 1k, 10k and 100k entries: the mean and median over many entries; the percentiles are in <see cref="RelatedMode"/>.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Related")]
public class RelatedQueryBenchmarks : RelatedBenchmarksBase
{
    private EntryRef[] entries = [];
    private int next;

    protected override void Prepare()
    {
        var random = new Random(5);
        entries = Files.SelectMany(f => f.Document.Entries.Select(e => new EntryRef(f.Id, e.Node))).OrderBy(_ => random.Next()).Take(4096).ToArray();
    }

    [Benchmark]
    public int Query() => Index.Query(entries[next++ & 4095], 10).Count;
}
