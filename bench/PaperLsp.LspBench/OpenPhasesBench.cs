using System.Diagnostics;
using System.Globalization;
using PaperLsp.Analysis;
using PaperLsp.Bench;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.LspBench;

/// <summary>
/// <c>--phases</c>: what a didOpen costs after its message is read, phase by phase, in process: the parse, the title
/// index, the workspace index taking the document in (<see cref="WorkspaceSnapshot.Opened"/>, which the server runs
/// inside didOpen, before the diagnostics), and the analysis. CPU time of this process (all threads) as well as wall
/// time: on a loaded machine the CPU split is the one to read. Medians over the rounds.
/// </summary>
static class OpenPhasesBench
{
    public static int Run(BenchOptions options, int rounds = 3)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| size | Parse | TitleIndex.Build | WorkspaceSnapshot.Opened | DocumentAnalyzer.Analyze | (CPU ms, wall ms in brackets) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }
        foreach (var size in options.Sizes)
        {
            var text = Corpus.Text(size, options.Kind);
            var samples = new List<(double Cpu, double Wall)[]>();
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                var phases = new (double, double)[4];
                var cpu = Cpu();
                var wall = Stopwatch.GetTimestamp();
                void Done(int phase)
                {
                    var now = Cpu();
                    phases[phase] = (now - cpu, Stopwatch.GetElapsedTime(wall).TotalMilliseconds);
                    cpu = now;
                    wall = Stopwatch.GetTimestamp();
                }
                var document = PaperDocument.Parse(text);
                Done(0);
                var titles = TitleIndex.Build(document);
                Done(1);
                var workspace = WorkspaceSnapshot.Empty.Opened(new DocumentId($"/tmp/paperlsp-bench/{size}.papers"), $"file:///tmp/paperlsp-bench/{size}.papers", document, 1);
                Done(2);
                GC.KeepAlive(DocumentAnalyzer.Analyze(document, titles));
                Done(3);
                GC.KeepAlive(workspace);
                samples.Add(phases);
            }
            string Cell(int phase)
            {
                var cpu = samples.Select(s => s[phase].Cpu).Order().ElementAt(rounds / 2);
                var wall = samples.Select(s => s[phase].Wall).Order().ElementAt(rounds / 2);
                return string.Create(c, $"{cpu:F0} ({wall:F0})");
            }
            Console.WriteLine($"| {options.Kind}/{size} | {Cell(0)} | {Cell(1)} | {Cell(2)} | {Cell(3)} | |");
            Corpus.Drop(size, options.Kind);
        }
        return 0;
    }
}
