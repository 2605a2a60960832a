using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PaperLsp.Analysis;
using PaperLsp.Bench;
using PaperLsp.Syntax;

// dotnet run -c Release --project bench/PaperLsp.Bench -- --filter '*'          all BenchmarkDotNet benchmarks
// dotnet run -c Release --project bench/PaperLsp.Bench -- memory                retained memory per entry
// dotnet run -c Release --project bench/PaperLsp.Bench -- memory-workspace [1k,10k,100k]  what each structure kept for an open list retains
// dotnet run -c Release --project bench/PaperLsp.Bench -- breakdown             where a keystroke's time goes (Stopwatch)
// dotnet run -c Release --project bench/PaperLsp.Bench -- corpus                sizes and diagnostic counts of the inputs
// dotnet run -c Release --project bench/PaperLsp.Bench -- write-corpus SIZE FILE   one input as a UTF-8 file
// dotnet run -c Release --project bench/PaperLsp.Bench -- first-parse FILE [sequential|utf8]   one full read in this (fresh) process: wall, CPU, GC (utf8: from the file's bytes, as the server reads a large didOpen)
// dotnet run -c Release --project bench/PaperLsp.Bench -- workspace             100-file workspace: index time, memory, request percentiles
// dotnet run -c Release --project bench/PaperLsp.Bench -- related               related-papers index: build, memory, query percentiles at 1k/10k/100k
// dotnet run -c Release --project bench/PaperLsp.Bench -- --filter '*DuplicateEdit*'  duplicates kept current after a keystroke, 1k/10k/100k
// dotnet run -c Release --project bench/PaperLsp.Bench -- --filter '*KeystrokeFindingsBenchmarks*'  a keystroke's findings as the server makes them, on LspBench's list
// dotnet run -c Release --project bench/PaperLsp.Bench -- planted N DIR         N entries with planted near duplicates as .papers files in DIR
// dotnet run -c Release --project bench/PaperLsp.Bench -- related-keystroke     related-papers index: one keystroke's Apply at 1k/10k/100k (Stopwatch medians)
switch (args.FirstOrDefault())
{
    case "workspace": return WorkspaceMode.Run();
    case "related": return RelatedMode.Run();
    case "related-keystroke": return RelatedMode.Keystrokes();
    case "workspace-index": return WorkspaceMode.IndexOnly(int.Parse(args.ElementAtOrDefault(1) ?? "100", CultureInfo.InvariantCulture));
    case "memory": return Modes.Memory();
    case "memory-workspace": return WorkspaceMemoryMode.Run(args.Length > 1 ? args[1].Split(',') : ["1k", "10k", "100k"]);
    case "breakdown": return Modes.Breakdown();
    case "corpus": return Modes.CorpusInfo();
    case "write-corpus":
        File.WriteAllText(args[2], Corpus.Text(args[1]), new System.Text.UTF8Encoding(false));
        return 0;
    case "first-parse": return Modes.FirstParse(args[1], args.ElementAtOrDefault(2) ?? "parse");
    case "planted": return PlantedWorkspaceMode.Write(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
}

var config = ManualConfig.Create(DefaultConfig.Instance)
    // A shared 2-core machine: one launch, a few warm-ups, 9 measured iterations; quote the median.
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(9).WithId("Noisy2Core"))
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95, new ThroughputColumn())
    .HideColumns(Column.Error, Column.StdDev)
    .WithArtifactsPath(Path.Combine(BenchPaths.ProjectDirectory(), "BenchmarkDotNet.Artifacts"));

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args, config);
foreach (var summary in summaries)
foreach (var report in summary.Reports)
{
    if (report.ResultStatistics is not { } stats) continue;
    var size = (string)report.BenchmarkCase.Parameters["Size"];
    var kind = report.BenchmarkCase.Parameters.Items.Any(p => p.Name == "Kind") ? $" Kind={report.BenchmarkCase.Parameters["Kind"]}" : "";
    var line = $"RESULT {report.BenchmarkCase.Descriptor.Type.Name}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name} Size={size}{kind} median={Format(stats.Median)}";
    if (report.BenchmarkCase.Descriptor.Type == typeof(FullReadBenchmarks))
        line += $" throughput={ThroughputColumn.MegabytesPerSecond(size, stats.Median).ToString("F1", CultureInfo.InvariantCulture)} MB/s";
    if (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } allocated)
        line += $" allocated={allocated / 1024.0:F1} KiB/op";
    Console.WriteLine(line);
}
return 0;

static string Format(double nanoseconds) => nanoseconds switch
{
    >= 1e6 => (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
    >= 1e3 => (nanoseconds / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " us",
    _ => nanoseconds.ToString("F0", CultureInfo.InvariantCulture) + " ns",
};

/// <summary>MB/s (10^6 UTF-8 bytes per second) of a full-read benchmark: the input's byte size over the median.</summary>
sealed class ThroughputColumn : IColumn
{
    public string Id => "MBps";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "UTF-8 megabytes (10^6 bytes) read per second, from the median";

    public static double MegabytesPerSecond(string size, double medianNanoseconds) =>
        Corpus.Utf8Bytes(size) / 1e6 / (medianNanoseconds / 1e9);

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(FullReadBenchmarks)) return "-";
        if (summary[benchmarkCase]?.ResultStatistics is not { } stats) return "?";
        var size = (string)benchmarkCase.Parameters["Size"];
        return MegabytesPerSecond(size, stats.Median).ToString("F1", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

static class BenchPaths
{
    /// <summary>bench/PaperLsp.Bench, found from the build output, so artifacts stay under bench/ whatever the working directory.</summary>
    public static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PaperLsp.Bench.csproj"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

static class Modes
{
    /// <summary>Retained managed memory of a parsed document (and of its title index), per entry.</summary>
    public static int Memory()
    {
        Console.WriteLine("size   entries  utf8-bytes  document-bytes  bytes/entry  doc/utf8  +index-bytes/entry");
        foreach (var size in new[] { "1k", "10k", "100k", "50MB" })
        {
            MeasureOne(size);
            Corpus.Drop(size);
        }
        Console.WriteLine("document-bytes: GC.GetTotalMemory(true) after Parse minus before, with the source string already allocated (not counted).");
        return 0;

        // Separate and not inlined, so no stack slot keeps the previous size's document alive.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        static void MeasureOne(string size)
        {
            var text = Corpus.Text(size);
            var utf8 = Corpus.Utf8Bytes(size);
            var before = Retained();
            var document = PaperDocument.Parse(text);
            var afterDocument = Retained();
            var titles = TitleIndex.Build(document);
            var afterIndex = Retained();
            var entries = document.EntryCount;
            var documentBytes = afterDocument - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,-5} {entries,8} {utf8,11} {documentBytes,15} {documentBytes / (double)entries,12:F0} {documentBytes / (double)utf8,8:F2} {(afterIndex - afterDocument) / (double)entries,19:F0}"));
            GC.KeepAlive(document);
            GC.KeepAlive(titles);
            GC.KeepAlive(text);
        }

        static long Retained()
        {
            for (var i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }

    /// <summary>Splits a keystroke (Apply / TitleIndex.Update / Analyze) with a Stopwatch, to see what dominates. Ratios only.</summary>
    public static int Breakdown()
    {
        const int keystrokes = 300;
        Console.WriteLine($"Stopwatch split of {keystrokes} keystrokes per size (medians; indicative only on a noisy machine, see BenchmarkDotNet for figures)");
        var lastDocuments = new Dictionary<string, (PaperDocument Document, TitleIndex Titles)>();
        Console.WriteLine("kind/size      items  flagged  diagnostics  apply-us  index-us  analyze-us  analyze-share");
        foreach (var kind in new[] { "default", "unique" })
        foreach (var size in new[] { "1k", "10k", "100k" })
        {
            var pipeline = new KeystrokePipeline(Corpus.Text(size, kind));
            Corpus.Drop(size, kind);
            var apply = new double[keystrokes];
            var index = new double[keystrokes];
            var analyze = new double[keystrokes];
            var diagnostics = 0;
            for (var warm = 0; warm < 30; warm++) pipeline.Keystroke();
            for (var i = 0; i < keystrokes; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var document = pipeline.Document.Apply(pipeline.NextChange());
                var t1 = Stopwatch.GetTimestamp();
                var titles = TitleIndex.Update(pipeline.Titles, document);
                var t2 = Stopwatch.GetTimestamp();
                diagnostics = DocumentAnalyzer.Analyze(document, titles).Count;
                var t3 = Stopwatch.GetTimestamp();
                pipeline.Document = document;
                pipeline.Titles = titles;
                apply[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
                index[i] = Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds;
                analyze[i] = Stopwatch.GetElapsedTime(t2, t3).TotalMicroseconds;
            }
            var total = Median(apply) + Median(index) + Median(analyze);
            lastDocuments[kind + "/" + size] = (pipeline.Document, pipeline.Titles);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind + "/" + size,-12} {pipeline.Document.ItemCount,7} {pipeline.Document.FlaggedItems.Count(),8} {diagnostics,12} {Median(apply),9:F1} {Median(index),9:F1} {Median(analyze),11:F1} {Median(analyze) / total,13:P0}"));
        }

        // The Core part of documentSymbol and semanticTokens/full (the server adds LSP conversion and JSON on top).
        Console.WriteLine();
        Console.WriteLine("kind/size     outline-ms  outline-nodes  classify-ms  spans   (medians of 10, Core only)");
        foreach (var (key, (document, titles)) in lastDocuments)
        {
            var outline = new double[10];
            var classify = new double[10];
            int nodes = 0, spans = 0;
            for (var i = 0; i < 10; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                nodes = PaperLsp.Classification.DocumentOutline.Build(document).Count;
                var t1 = Stopwatch.GetTimestamp();
                spans = PaperLsp.Classification.SemanticClassifier.Classify(document, titles.DuplicatedKeys).Count();
                var t2 = Stopwatch.GetTimestamp();
                outline[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                classify[i] = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-12} {Median(outline),11:F2} {nodes,14} {Median(classify),12:F2} {spans,7}"));
        }
        return 0;

        static double Median(double[] values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
    }

    /// <summary>
    /// The first full read of a file in a process that has not read one yet, as a server meets a large didOpen: the
    /// code is not yet compiled and the heap is empty. Run it in several fresh processes and take the median.
    /// </summary>
    public static int FirstParse(string path, string mode)
    {
        if (mode is not ("parse" or "sequential" or "utf8")) throw new ArgumentException($"first-parse: unknown mode {mode} (parse, sequential or utf8)");
        var bytes = mode == "utf8" ? File.ReadAllBytes(path) : [];
        var text = mode == "utf8" ? "" : File.ReadAllText(path);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var document = mode switch
        {
            "sequential" => PaperDocument.ParseSequential(text),
            "utf8" => PaperDocument.Parse(new PaperLsp.Text.Utf8Text(bytes, 0, bytes.Length)),
            _ => PaperDocument.Parse(text),
        };
        var wall = Stopwatch.GetElapsedTime(start);
        // The title index is built next when a server opens a list, on one core, before the first diagnostics.
        var titlesStart = Stopwatch.GetTimestamp();
        GC.KeepAlive(TitleIndex.Build(document));
        var titlesWall = Stopwatch.GetElapsedTime(titlesStart);
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first-parse {mode} wall-ms {wall.TotalMilliseconds:F0} cpu-ms {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} gc-pause-ms {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} gcs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} allocated-mb {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} items {document.ItemCount} title-index-ms {titlesWall.TotalMilliseconds:F0}"));
        return 0;
    }

    /// <summary>What the inputs are: byte sizes, items, entries, flagged items and diagnostics per size.</summary>
    public static int CorpusInfo()
    {
        Console.WriteLine("kind/size     utf8-bytes    lines    items  entries  flagged  diagnostics  duplicate-diagnostics");
        foreach (var (kind, size) in new[] { ("default", "1k"), ("default", "10k"), ("default", "100k"), ("default", "50MB"), ("unique", "1k"), ("unique", "10k"), ("unique", "100k") })
        {
            var document = PaperDocument.Parse(Corpus.Text(size, kind));
            var diagnostics = DocumentAnalyzer.Analyze(document, TitleIndex.Build(document));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind + "/" + size,-12} {Corpus.Utf8Bytes(size, kind),11} {document.LineCount,8} {document.ItemCount,8} {document.EntryCount,8} {document.FlaggedItems.Count(),8} {diagnostics.Count,12} {diagnostics.Count(d => d.Descriptor.Code == PaperLsp.Diagnostics.DiagnosticCatalog.DuplicateEntry.Code),22}"));
            foreach (var group in diagnostics.GroupBy(d => d.Descriptor.Code).OrderByDescending(g => g.Count()))
                Console.WriteLine($"        {group.Key}: {group.Count()}");
            Corpus.Drop(size, kind);
        }
        return 0;
    }
}
