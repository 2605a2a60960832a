using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using PaperLsp.Bench;

namespace PaperLsp.LspBench;

/// <summary>
/// <c>--transport</c>: reads the body of the didOpen message this bench sends, in process, with the built server's
/// message check (<c>IncomingMessage.Classify</c>), once the old way (Newtonsoft reads everything,
/// <c>largeStringBytes: int.MaxValue</c>) and once the new way (large strings bypass it). Allocated bytes are exact
/// whatever the machine's load; times are medians. The server assembly is loaded from <c>--server</c> by reflection:
/// the method is internal, and this is a measuring tool, not a client.
/// </summary>
static class TransportBench
{
    public static int Run(BenchOptions options, int iterations = 5)
    {
        var server = Assembly.LoadFrom(options.Server);
        // Classify(body, largeStringBytes, pending): without pending every large string is decoded into the message; with
        // it (the server's own path) a didOpen's text stays UTF-8, unescaped inside the body, so each read gets a copy.
        var classify = server.GetType("PaperLsp.Lsp.Transport.IncomingMessage")?.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(method => method.Name == "Classify" && method.GetParameters().Length == 3);
        var pendingType = server.GetType("PaperLsp.Lsp.Transport.PendingTexts");
        if (classify is null || pendingType is null)
        {
            Console.Error.WriteLine($"{options.Server} has no IncomingMessage.Classify(byte[], int, PendingTexts): built before the UTF-8 didOpen text?");
            return 2;
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| size | body MB | Newtonsoft reads all: median | allocated | large strings bypass it: median | allocated | time ratio | text kept as UTF-8 (the server's path): median | allocated |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var size in options.Sizes)
        {
            var text = Corpus.Text(size, options.Kind);
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                jsonrpc = "2.0",
                method = "textDocument/didOpen",
                @params = new { textDocument = new { uri = $"file:///tmp/paperlsp-bench/{size}.papers", languageId = "papers", version = 1, text } },
            });
            Corpus.Drop(size, options.Kind);
            text = null;
            var old = Measure(() => classify.Invoke(null, [body, int.MaxValue, null]), iterations);
            var streaming = Measure(() => classify.Invoke(null, [body, 64 * 1024, null]), iterations);
            var copy = new byte[body.Length];
            var kept = Measure(() => classify.Invoke(null, [copy, 64 * 1024, Activator.CreateInstance(pendingType)]), iterations,
                prepare: () => body.CopyTo(copy, 0));
            Console.WriteLine(string.Create(c,
                $"| {options.Kind}/{size} | {body.Length / 1e6:F1} | {old.MedianMs:F0} ms | {old.AllocatedBytes / 1e6:F0} MB | {streaming.MedianMs:F0} ms | {streaming.AllocatedBytes / 1e6:F0} MB | {streaming.MedianMs / old.MedianMs:F2} | {kept.MedianMs:F0} ms | {kept.AllocatedBytes / 1e6:F0} MB |"));
        }
        return 0;
    }

    private static (double MedianMs, long AllocatedBytes) Measure(Func<object?> read, int iterations, Action? prepare = null)
    {
        prepare?.Invoke();
        read(); // JIT
        var times = new double[iterations];
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            prepare?.Invoke();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(read());
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return (times.Order().ElementAt(iterations / 2), allocated);
    }
}
