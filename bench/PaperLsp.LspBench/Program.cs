using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PaperLsp.Bench;
using PaperLsp.LspBench;
using PaperLsp.Syntax;
using PaperLsp.Text;

// Usage (after `dotnet build server/PaperLsp -c Release`):
//   dotnet run -c Release --project bench/PaperLsp.LspBench -- [--kind default|unique] [--sizes 1k,10k,100k] [--edits 200] [--burst 50]
//       [--requests 20] [--warmup 20] [--debounce-ms N] [--server path/to/paperlsp.dll] [--json results.json]
//       [--no-pull] [--check targets.json] [--jsonls bench/jsonls/node_modules/vscode-langservers-extracted/bin/vscode-json-language-server] [--jsonls-edits 20]
//         (pull mode: PullScenario.cs; --check: RegressionCheck.cs, exit 3 on a regression)
//       [--open-only [--settle-ms 5000]]   (first diagnostics and memory only: no edits, no requests)
//       [--transport]   (in process: the server's reading of the didOpen body, old path against the streaming one)
//       [--phases]      (in process: parse, title index, workspace index and analysis of an opened document)
//       [--tokens]      (in process: a whole document's semantic tokens from the kept pieces, warm, 40 rounds)
if (args is ["--writers", .. var writerArgs])
{
    // In-process ratio of the JSON writers against the serialiser path: --writers [sizes] [rounds]
    WriterRatio.Run(writerArgs.Length > 0 ? writerArgs[0].Split(',') : ["1k", "10k", "100k"], "default",
        writerArgs.Length > 1 ? int.Parse(writerArgs[1], CultureInfo.InvariantCulture) : 15);
    return 0;
}
var options = BenchOptions.Parse(args);
Console.WriteLine($"server: {options.Server}");
Console.WriteLine($"corpus: {options.Kind} (see bench/PaperLsp.Bench/Corpus.cs), edits {options.Edits} after {options.Warmup} warm-up, burst {options.Burst}, requests {options.Requests}");
Console.WriteLine($"debounce: {(options.DebounceMs is { } ms ? $"{ms} ms requested (initializationOptions.diagnosticsDelayMs, env PAPERLSP_DIAGNOSTICS_DELAY_MS)" : "server default")}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
if (!File.Exists(options.Server))
{
    Console.Error.WriteLine($"server not found: {options.Server} (run `dotnet build server/PaperLsp -c Release`)");
    return 2;
}

if (options.Transport) return TransportBench.Run(options);
if (options.Phases) return OpenPhasesBench.Run(options);
if (options.Tokens) return TokensBench.Run(options);

var results = new List<SizeResult>();
foreach (var size in options.Sizes)
{
    var result = await Scenario.RunAsync(size, options);
    results.Add(result);
    result.Print();
}

Console.WriteLine();
Console.WriteLine("| size | entries | MB | first diagnostics | edit p50 | edit p99 | edit max | burst: last edit -> diagnostics | burst versions published | documentSymbol p50 / p99 | semanticTokens/full p50 / p99 | VmHWM |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results) Console.WriteLine(r.MarkdownRow());
var pulls = new List<PullResult>();
if (options.Pull)
{
    foreach (var size in options.Sizes)
    {
        var pull = await PullScenario.RunAsync(size, options.Kind, options.Server, options.Edits, options.Warmup, options.DebounceMs);
        pulls.Add(pull);
        pull.Print();
    }
    Console.WriteLine();
    Console.WriteLine(PullResult.MarkdownHeader);
    foreach (var r in pulls) Console.WriteLine(r.MarkdownRow());
}
if (options.OpenOnly)
{
    Console.WriteLine();
    Console.WriteLine("| size | MB | first diagnostics | server CPU until then | VmHWM at first diagnostics | VmHWM / UTF-8 | VmRSS after settling | VmRSS / UTF-8 |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var r in results) Console.WriteLine(r.MemoryRow());
}
var jsonls = new List<JsonLsResult>();
if (options.JsonServer is { } jsonServer)
{
    foreach (var size in options.Sizes) jsonls.Add(await JsonLsScenario.RunAsync(size, options.Kind, options.Server, jsonServer, options.JsonServerEdits, Math.Min(options.Requests, 5)));
    Console.WriteLine();
    Console.WriteLine(JsonLsScenario.MarkdownHeader);
    foreach (var size in options.Sizes)
    {
        if (results.FirstOrDefault(r => r.Size == size) is { } paper) Console.WriteLine(JsonLsScenario.PaperLspRow(paper));
        if (jsonls.FirstOrDefault(r => r.Size == size) is { } other) Console.WriteLine(JsonLsScenario.Row(other));
    }
}
if (options.JsonPath is { } path)
{
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { push = results, pull = pulls, jsonls }, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"wrote {path}");
}
var failed = results.Any(r => r.Error is not null) || pulls.Any(r => r.Error is not null);
if (options.TargetsPath is { } targets && !RegressionCheck.Passes(targets, results, pulls)) return 3;
return failed ? 1 : 0;

sealed record BenchOptions(string Server, string Kind, string[] Sizes, int Edits, int Burst, int Requests, int Warmup, int? DebounceMs, string? JsonPath,
    bool Pull = true, string? TargetsPath = null, bool OpenOnly = false, int SettleMs = 5000, bool Transport = false, bool Phases = false,
    string? JsonServer = null, int JsonServerEdits = 20)
{
    public bool Tokens { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        string? server = null, json = null, targets = null;
        var pull = true;
        string? jsonServer = null;
        var jsonServerEdits = 20;
        var kind = "default";
        string[] sizes = ["1k", "10k", "100k"];
        int edits = 200, burst = 50, requests = 20, warmup = 20;
        int? debounce = null;
        var openOnly = false;
        var transport = false;
        var phases = false;
        var tokens = false;
        var settle = 5000;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--server": server = Path.GetFullPath(Next()); break;
                case "--kind": kind = Next(); break;
                case "--sizes": sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--edits": edits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--burst": burst = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--debounce-ms": debounce = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--json": json = Path.GetFullPath(Next()); break;
                case "--no-pull": pull = false; break;
                case "--check": targets = Path.GetFullPath(Next()); break;
                case "--open-only": openOnly = true; break;
                case "--transport": transport = true; break;
                case "--phases": phases = true; break;
                case "--tokens": tokens = true; break;
                case "--settle-ms": settle = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--jsonls": jsonServer = Path.GetFullPath(Next()); break;
                case "--jsonls-edits": jsonServerEdits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        server ??= Path.Combine(RepositoryRoot(), "server", "PaperLsp", "bin", "Release", "net10.0", "paperlsp.dll");
        return new BenchOptions(server, kind, sizes, edits, burst, requests, warmup, debounce, json, pull, targets, openOnly, settle, transport, phases, jsonServer, jsonServerEdits) { Tokens = tokens };
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PaperLsp.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

sealed class SizeResult
{
    public string Size { get; init; } = "";
    public string Kind { get; init; } = "default";
    public int Entries { get; set; }
    public long Utf8Bytes { get; set; }
    public int? DebounceMs { get; set; }
    public double OpenSendMs { get; set; }
    public double FirstDiagnosticsMs { get; set; }
    public int FirstDiagnosticsCount { get; set; }
    public double[] EditMs { get; set; } = [];
    public double FirstEditMs { get; set; }
    /// <summary>The server's CPU time (every thread, from /proc) over the timed edits, per edit: steadier than wall time on a shared machine.</summary>
    public double EditCpuMs { get; set; }
    public double DuplicatesReadyMs { get; set; }
    public int DuplicatesCount { get; set; }
    public int BurstEdits { get; set; }
    public double BurstSendMs { get; set; }
    public double BurstLastToDiagnosticsMs { get; set; }
    public int[] BurstVersionsPublished { get; set; } = [];
    public bool BurstOnlyLatest { get; set; }
    public double[] DocumentSymbolMs { get; set; } = [];
    public int DocumentSymbolBytes { get; set; }
    public double DocumentSymbolCpuMs { get; set; }
    public double[] QuietEditMs { get; set; } = [];
    public int QuietEditsPublished { get; set; }
    public double[] SemanticTokensMs { get; set; } = [];
    public int SemanticTokensBytes { get; set; }
    public double SemanticTokensCpuMs { get; set; }
    public long PeakKiB { get; set; }
    public long RssKiB { get; set; }
    public long PeakAtFirstDiagnosticsKiB { get; set; }
    public long RssSettledKiB { get; set; }
    public double FirstDiagnosticsCpuMs { get; set; }
    public string? Error { get; set; }

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1; // nearest rank
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"== {Kind}/{Size}: {Entries} entries, {Utf8Bytes / 1e6:F1} MB UTF-8"));
        if (Error is not null) Console.WriteLine($"   ERROR: {Error}");
        Console.WriteLine(string.Create(c, $"   didOpen -> first publishDiagnostics(v1): {FirstDiagnosticsMs:F1} ms ({FirstDiagnosticsCount} diagnostics; writing the didOpen message took {OpenSendMs:F1} ms; server CPU {FirstDiagnosticsCpuMs:F0} ms)"));
        Console.WriteLine(string.Create(c, $"   the first didChange right after them -> a pull behind it answered: {FirstEditMs:F1} ms"));
        if (DuplicatesCount > 0)
            Console.WriteLine(string.Create(c, $"   didOpen -> the publication with the duplicates (relations built apart): {DuplicatesReadyMs:F0} ms ({DuplicatesCount} diagnostics)"));
        Console.WriteLine(string.Create(c, $"   one-char didChange -> publishDiagnostics(that version), n={EditMs.Length}: p50 {Percentile(EditMs, 50):F2} ms, p90 {Percentile(EditMs, 90):F2} ms, p99 {Percentile(EditMs, 99):F2} ms, max {EditMs.DefaultIfEmpty(double.NaN).Max():F2} ms; server CPU {EditCpuMs:F2} ms per edit"));
        // Where the slow ones fall tells a pause that follows the open (the first edits) from one that recurs.
        if (EditMs.Length > 0)
            Console.WriteLine("   slowest edits (edit number: ms): " + string.Join(", ", EditMs.Select((ms, i) => (ms, i)).OrderByDescending(e => e.ms).Take(6)
                .Select(e => string.Create(c, $"#{e.i + 1}: {e.ms:F0}"))));
        Console.WriteLine(string.Create(c, $"   quiet didChange (findings kept) -> a pull behind it answered, n={QuietEditMs.Length}: p50 {Percentile(QuietEditMs, 50):F2} ms, p99 {Percentile(QuietEditMs, 99):F2} ms; publishDiagnostics sent meanwhile: {QuietEditsPublished}"));
        Console.WriteLine(string.Create(c, $"   burst of {BurstEdits} edits (sent in {BurstSendMs:F1} ms): last edit -> its diagnostics {BurstLastToDiagnosticsMs:F1} ms; versions published: [{string.Join(",", BurstVersionsPublished)}]; only the latest: {BurstOnlyLatest}"));
        Console.WriteLine(string.Create(c, $"   documentSymbol n={DocumentSymbolMs.Length}: p50 {Percentile(DocumentSymbolMs, 50):F1} ms, p99 {Percentile(DocumentSymbolMs, 99):F1} ms, max {DocumentSymbolMs.DefaultIfEmpty(double.NaN).Max():F1} ms, response {DocumentSymbolBytes / 1e6:F2} MB, server CPU {DocumentSymbolCpuMs:F0} ms per request"));
        Console.WriteLine(string.Create(c, $"   semanticTokens/full n={SemanticTokensMs.Length}: p50 {Percentile(SemanticTokensMs, 50):F1} ms, p99 {Percentile(SemanticTokensMs, 99):F1} ms, max {SemanticTokensMs.DefaultIfEmpty(double.NaN).Max():F1} ms, response {SemanticTokensBytes / 1e6:F2} MB, server CPU {SemanticTokensCpuMs:F0} ms per request"));
        Console.WriteLine(string.Create(c, $"   server memory: VmHWM {PeakKiB / 1024.0:F0} MiB, VmRSS at end {RssKiB / 1024.0:F0} MiB"));
    }

    public string MemoryRow()
    {
        var c = CultureInfo.InvariantCulture;
        const double KiB = 1024;
        return string.Create(c,
            $"| {Kind}/{Size} | {Utf8Bytes / 1e6:F1} | {FirstDiagnosticsMs:F0} ms | {FirstDiagnosticsCpuMs:F0} ms | {PeakAtFirstDiagnosticsKiB / KiB:F0} MiB | {PeakAtFirstDiagnosticsKiB * KiB / Utf8Bytes:F2} | {RssSettledKiB / KiB:F0} MiB | {RssSettledKiB * KiB / Utf8Bytes:F2} |");
    }

    public string MarkdownRow()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c,
            $"| {Kind}/{Size} | {Entries} | {Utf8Bytes / 1e6:F1} | {FirstDiagnosticsMs:F0} ms | {Percentile(EditMs, 50):F1} ms | {Percentile(EditMs, 99):F1} ms | {EditMs.DefaultIfEmpty(double.NaN).Max():F1} ms | {BurstLastToDiagnosticsMs:F1} ms | {(BurstOnlyLatest ? "only the last" : string.Join(",", BurstVersionsPublished))} | {Percentile(DocumentSymbolMs, 50):F1} / {Percentile(DocumentSymbolMs, 99):F1} ms | {Percentile(SemanticTokensMs, 50):F1} / {Percentile(SemanticTokensMs, 99):F1} ms | {PeakKiB / 1024.0:F0} MiB |");
    }
}

static class Scenario
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<SizeResult> RunAsync(string size, BenchOptions options)
    {
        var text = Corpus.Text(size, options.Kind);
        var local = PaperDocument.Parse(text);
        // Push edits change a finding: a keystroke that keeps the findings publishes nothing (timed below with a pull as barrier).
        var (insert, delete) = BenchEdits.FindingEdit(local) ?? throw new InvalidOperationException("no finding on a title to type into");
        var quiet = new BenchEdits.Alternating(BenchEdits.QuietEdit(local));
        var result = new SizeResult { Size = size, Kind = options.Kind, Entries = local.EntryCount, Utf8Bytes = Corpus.Utf8Bytes(size, options.Kind), DebounceMs = options.DebounceMs };
        local = null;

        var client = BenchServer.Start(options.Server, options.DebounceMs);
        var uri = $"file:///tmp/paperlsp-bench/{size}.papers";
        var version = 1;
        var inserted = false;
        try
        {
            await BenchServer.InitializeAsync(client, push: true, options.DebounceMs);

            // didOpen -> the first publishDiagnostics of version 1.
            var cpuBeforeOpen = client.CpuMs();
            var openStart = await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "papers", version, text } });
            result.OpenSendMs = Stopwatch.GetElapsedTime(openStart).TotalMilliseconds;
            text = "";
            Corpus.Drop(size, options.Kind);
            var first = WaitFor(client, version);
            result.FirstDiagnosticsMs = Stopwatch.GetElapsedTime(openStart, first.Timestamp).TotalMilliseconds;
            result.FirstDiagnosticsCount = first.Count;
            result.PeakAtFirstDiagnosticsKiB = client.Memory().PeakKiB;
            result.FirstDiagnosticsCpuMs = client.CpuMs() - cpuBeforeOpen;
            if (options.OpenOnly)
            {
                // What the open document keeps, once the server has had time to collect the garbage of reading it.
                await Task.Delay(options.SettleMs);
                (result.PeakKiB, result.RssSettledKiB) = client.Memory();
                result.RssKiB = result.RssSettledKiB;
                return result;
            }

            async Task<(long Sent, Published Diagnostics)> EditAsync()
            {
                var change = inserted ? delete : insert;
                inserted = !inserted;
                version++;
                var sent = await SendChangeAsync(client, uri, version, change);
                return (sent, WaitFor(client, version));
            }

            // The first keystroke right after the first diagnostics: a large list's relations are still being taken in
            // then, and typing must not wait for them. Counted apart (it is the first, not yet warm), and timed to a pull
            // queued behind it: its list may be the one already published (the duplicates come later), and then
            // nothing is pushed for it.
            {
                var change = inserted ? delete : insert;
                inserted = !inserted;
                version++;
                var sent = await SendChangeAsync(client, uri, version, change);
                result.FirstEditMs = (await BenchServer.PullAsync(client, uri, null, sent)).Ms;
            }

            // A large list's duplicates come in a second publication, once the relations have taken it in (off the queue;
            // the keystroke above did not wait for them). The edits below are timed with them in place.
            if (result.Entries >= BenchServer.DeferRelationsFrom)
            {
                var ready = WaitForMore(client, first.Count);
                result.DuplicatesReadyMs = Stopwatch.GetElapsedTime(openStart, ready.Timestamp).TotalMilliseconds;
                result.DuplicatesCount = ready.Count;
            }

            // Warm-up (JIT, caches), not counted.
            for (var i = 0; i < options.Warmup; i++) await EditAsync();

            // Sequential: each edit waits for the diagnostics of its own version.
            var edits = new double[options.Edits];
            var lastPublishedCount = first.Count;
            var cpuBeforeEdits = client.CpuMs();
            for (var i = 0; i < edits.Length; i++)
            {
                var (sent, published) = await EditAsync();
                edits[i] = Stopwatch.GetElapsedTime(sent, published.Timestamp).TotalMilliseconds;
                lastPublishedCount = published.Count;
            }
            result.EditMs = edits;
            result.EditCpuMs = (client.CpuMs() - cpuBeforeEdits) / Math.Max(1, edits.Length);
            (result.QuietEditMs, result.QuietEditsPublished) = await PullScenario.QuietPushAsync(client, uri, quiet, options.Edits, () => ++version);

            // Burst: edits back to back; which versions get diagnostics, and how long after the last edit.
            while (client.Diagnostics.TryTake(out _)) { }
            var burstStart = Stopwatch.GetTimestamp();
            long lastSent = 0;
            for (var i = 0; i < options.Burst; i++)
            {
                var change = inserted ? delete : insert;
                inserted = !inserted;
                version++;
                lastSent = await SendChangeAsync(client, uri, version, change);
            }
            result.BurstEdits = options.Burst;
            result.BurstSendMs = Stopwatch.GetElapsedTime(burstStart, lastSent).TotalMilliseconds;
            // A pull behind the burst answers after the last version's analysis: the last version publishes nothing
            // when its list is the one the client already has (the edits alternate between two lists).
            var barrier = await BenchServer.PullAsync(client, uri, null, lastSent);
            var published_ = new List<Published>();
            // Anything else (a stale version arriving late) within a second?
            while (client.Diagnostics.TryTake(out var late, TimeSpan.FromSeconds(1))) published_.Add(late);
            result.BurstLastToDiagnosticsMs = published_.LastOrDefault(p => p.Version == version) is { Timestamp: > 0 } last
                ? Stopwatch.GetElapsedTime(lastSent, last.Timestamp).TotalMilliseconds
                : barrier.Ms;
            var clientCount = published_.Count > 0 ? published_[^1].Count : lastPublishedCount;
            if (clientCount != barrier.Items)
                throw new InvalidOperationException($"after the burst the client's list has {clientCount} items, the server's {barrier.Items}");
            result.BurstVersionsPublished = published_.Select(p => p.Version ?? -1).ToArray();
            result.BurstOnlyLatest = published_.All(p => p.Version == version);

            // Requests on the settled document.
            var textDocument = new { textDocument = new { uri } };
            // The server's CPU per request: its whole process (GC included), between the first request sent and the last received.
            async Task<(double[] Ms, int Bytes, double CpuMs)> TimeRequests(string method)
            {
                var times = new double[options.Requests];
                var size = 0;
                var cpuBefore = client.CpuMs();
                for (var i = 0; i < times.Length; i++)
                {
                    var (sent, received, _, bytes) = await client.RequestAsync(method, textDocument, Timeout);
                    times[i] = Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds;
                    size = bytes;
                }
                return (times, size, (client.CpuMs() - cpuBefore) / Math.Max(1, times.Length));
            }
            (result.DocumentSymbolMs, result.DocumentSymbolBytes, result.DocumentSymbolCpuMs) = await TimeRequests("textDocument/documentSymbol");
            (result.SemanticTokensMs, result.SemanticTokensBytes, result.SemanticTokensCpuMs) = await TimeRequests("textDocument/semanticTokens/full");

            (result.PeakKiB, result.RssKiB) = client.Memory();
        }
        catch (Exception exception)
        {
            result.Error = exception.Message;
            lock (client.ServerLog)
            {
                var log = client.ServerLog.ToString();
                Console.Error.WriteLine($"[{size}] {exception}\n--- server stderr (last 3000 chars) ---\n{log[Math.Max(0, log.Length - 3000)..]}");
            }
            try { (result.PeakKiB, result.RssKiB) = client.Memory(); } catch { }
        }
        finally
        {
            await client.DisposeAsync();
        }
        return result;
    }

    private static Task<long> SendChangeAsync(LspClient client, string uri, int version, TextChange change) =>
        BenchServer.ChangeAsync(client, uri, version, change);

    /// <summary>The first publishDiagnostics for <paramref name="version"/>; older versions are skipped.</summary>
    /// <summary>The next publication with more findings than <paramref name="count"/> (of whatever version).</summary>
    private static Published WaitForMore(LspClient client, int count)
    {
        while (true)
        {
            if (!client.Diagnostics.TryTake(out var published, Timeout))
                throw new TimeoutException($"no publishDiagnostics with more than {count} findings within {Timeout}");
            if (published.Count > count) return published;
        }
    }

    private static Published WaitFor(LspClient client, int version)
    {
        while (true)
        {
            if (!client.Diagnostics.TryTake(out var published, Timeout))
                throw new TimeoutException($"no publishDiagnostics for version {version} within {Timeout}");
            if (published.Version == version) return published;
            if (published.Version > version) throw new InvalidOperationException($"diagnostics for version {published.Version} while waiting for {version}");
        }
    }
}
