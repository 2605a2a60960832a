using System.Globalization;
using PaperLsp.Bench;
using PaperLsp.Syntax;

namespace PaperLsp.LspBench;

/// <summary>Pull diagnostics after each keystroke, as VS Code asks for them, on a server that pushes nothing.</summary>
public sealed class PullResult
{
    public string Size { get; init; } = "";
    public string Kind { get; init; } = "default";
    public int Entries { get; init; }
    public int Findings { get; set; }
    /// <summary>Keystrokes that keep the findings: didChange sent → the pull's answer arrived.</summary>
    public double[] QuietMs { get; set; } = [];
    public int QuietUnchanged { get; set; }
    /// <summary>Keystrokes that change a finding: the pull answers with the whole list.</summary>
    public double[] FindingMs { get; set; } = [];
    public int FindingFull { get; set; }
    public string? Error { get; set; }

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"== pull {Kind}/{Size}: {Findings} findings"));
        if (Error is not null) Console.WriteLine($"   ERROR: {Error}");
        Console.WriteLine(string.Create(c, $"   quiet edit -> pull answered, n={QuietMs.Length}: p50 {Stats.P(QuietMs, 50):F2} ms, p99 {Stats.P(QuietMs, 99):F2} ms, max {Stats.Max(QuietMs):F2} ms; answered unchanged: {QuietUnchanged}/{QuietMs.Length}"));
        Console.WriteLine(string.Create(c, $"   finding edit -> pull answered, n={FindingMs.Length}: p50 {Stats.P(FindingMs, 50):F2} ms, p99 {Stats.P(FindingMs, 99):F2} ms, max {Stats.Max(FindingMs):F2} ms; full reports: {FindingFull}/{FindingMs.Length}"));
    }

    public string MarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Kind}/{Size} | {Findings} | {Stats.P(QuietMs, 50):F2} ms | {Stats.P(QuietMs, 99):F2} ms | {QuietUnchanged}/{QuietMs.Length} | {Stats.P(FindingMs, 50):F2} ms | {Stats.P(FindingMs, 99):F2} ms | {FindingFull}/{FindingMs.Length} |");

    public const string MarkdownHeader =
        "| size | findings | quiet edit -> pull p50 | p99 | unchanged | finding edit -> pull p50 | p99 | full |\n|---|---|---|---|---|---|---|---|";
}

public static class Stats
{
    /// <summary>Nearest-rank percentile.</summary>
    public static double P(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Max(double[] values) => values.Length == 0 ? double.NaN : values.Max();
}

public static class PullScenario
{
    public static async Task<PullResult> RunAsync(string size, string kind, string serverDll, int edits, int warmup, int? debounceMs)
    {
        var text = Corpus.Text(size, kind);
        var local = PaperDocument.Parse(text);
        var quiet = new BenchEdits.Alternating(BenchEdits.QuietEdit(local));
        var finding = BenchEdits.FindingEdit(local) is { } edit ? new BenchEdits.Alternating(edit) : null;
        var result = new PullResult { Size = size, Kind = kind, Entries = local.EntryCount };
        local = null;

        var client = BenchServer.Start(serverDll, debounceMs);
        var uri = $"file:///tmp/paperlsp-bench/pull-{size}.papers";
        var version = 1;
        try
        {
            await BenchServer.InitializeAsync(client, push: false, debounceMs);
            var opened = await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "papers", version, text } });
            text = "";
            var first = await BenchServer.PullAsync(client, uri, null, opened);
            result.Findings = first.Items;
            var resultId = first.ResultId;
            if (result.Entries >= BenchServer.DeferRelationsFrom)
            {
                // Its duplicates come once the relations have taken it in (off the queue): time the edits with them.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (waited.Elapsed < TimeSpan.FromSeconds(120))
                {
                    var again = await BenchServer.PullAsync(client, uri, resultId, System.Diagnostics.Stopwatch.GetTimestamp());
                    if (again.Kind == "full")
                    {
                        (result.Findings, resultId) = (again.Items, again.ResultId);
                        break;
                    }
                    await Task.Delay(50);
                }
            }

            async Task<(double[] Ms, int Matching)> TypeAsync(BenchEdits.Alternating typing, int count, string expected)
            {
                var times = new double[count];
                var matching = 0;
                for (var i = 0; i < count; i++)
                {
                    var sent = await BenchServer.ChangeAsync(client, uri, ++version, typing.Next());
                    var (ms, answer, id, _) = await BenchServer.PullAsync(client, uri, resultId, sent);
                    times[i] = ms;
                    if (answer == expected) matching++;
                    resultId = id ?? resultId;
                }
                return (times, matching);
            }

            await TypeAsync(quiet, warmup, "unchanged");
            (result.QuietMs, result.QuietUnchanged) = await TypeAsync(quiet, edits, "unchanged");
            if (finding is not null)
            {
                await TypeAsync(finding, warmup, "full");
                (result.FindingMs, result.FindingFull) = await TypeAsync(finding, edits, "full");
            }
        }
        catch (Exception exception)
        {
            result.Error = exception.Message;
        }
        finally
        {
            await client.DisposeAsync();
        }
        return result;
    }

    /// <summary>
    /// On a pushing server: keystrokes that keep the findings, each followed by a pull as a barrier (an exclusive request
    /// queued behind that version's analysis). Counts the publishDiagnostics that arrive meanwhile: none is right.
    /// </summary>
    public static async Task<(double[] Ms, int Published)> QuietPushAsync(LspClient client, string uri, BenchEdits.Alternating quiet, int count, Func<int> nextVersion)
    {
        var resultId = (await BenchServer.PullAsync(client, uri, null, System.Diagnostics.Stopwatch.GetTimestamp())).ResultId;
        while (client.Diagnostics.TryTake(out _)) { }
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var sent = await BenchServer.ChangeAsync(client, uri, nextVersion(), quiet.Next());
            times[i] = (await BenchServer.PullAsync(client, uri, resultId, sent)).Ms;
        }
        var published = 0;
        while (client.Diagnostics.TryTake(out _, TimeSpan.FromMilliseconds(500))) published++;
        return (times, published);
    }
}
