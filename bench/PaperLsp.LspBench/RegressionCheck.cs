using System.Globalization;
using System.Text.Json;

namespace PaperLsp.LspBench;

/// <summary>
/// Compares a run with recorded targets (bench/lspbench-targets.json): a figure above its target times the file's
/// margin is a regression. Run by hand before a performance change lands; never a unit test (the machine is noisy).
/// </summary>
internal static class RegressionCheck
{
    /// <summary>The figures a target file may name, per input ("default/10k").</summary>
    private static readonly Dictionary<string, Func<SizeResult?, PullResult?, double>> Figures = new()
    {
        ["firstDiagnosticsMs"] = (push, _) => push?.FirstDiagnosticsMs ?? double.NaN,
        ["firstEditMs"] = (push, _) => push?.FirstEditMs ?? double.NaN,
        ["pushEditP99Ms"] = (push, _) => push is null ? double.NaN : Stats.P(push.EditMs, 99),
        ["pushQuietEditsPublished"] = (push, _) => push?.QuietEditsPublished ?? double.NaN,
        ["pullQuietP99Ms"] = (_, pull) => pull is null ? double.NaN : Stats.P(pull.QuietMs, 99),
        ["pullFindingP99Ms"] = (_, pull) => pull is null ? double.NaN : Stats.P(pull.FindingMs, 99),
        ["documentSymbolP50Ms"] = (push, _) => push is null ? double.NaN : Stats.P(push.DocumentSymbolMs, 50),
        ["documentSymbolP99Ms"] = (push, _) => push is null ? double.NaN : Stats.P(push.DocumentSymbolMs, 99),
        ["semanticTokensP50Ms"] = (push, _) => push is null ? double.NaN : Stats.P(push.SemanticTokensMs, 50),
        ["semanticTokensP99Ms"] = (push, _) => push is null ? double.NaN : Stats.P(push.SemanticTokensMs, 99),
    };

    public static bool Passes(string targetsPath, IReadOnlyList<SizeResult> pushes, IReadOnlyList<PullResult> pulls)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(targetsPath));
        var margin = file.RootElement.GetProperty("margin").GetDouble();
        var passes = true;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"regression check against {targetsPath} (margin {margin}x):"));
        foreach (var input in file.RootElement.GetProperty("targets").EnumerateObject())
        {
            var push = pushes.FirstOrDefault(r => $"{r.Kind}/{r.Size}" == input.Name);
            var pull = pulls.FirstOrDefault(r => $"{r.Kind}/{r.Size}" == input.Name);
            if (push is null && pull is null) continue;
            foreach (var target in input.Value.EnumerateObject())
            {
                if (!Figures.TryGetValue(target.Name, out var figure)) throw new InvalidDataException($"unknown figure {target.Name} in {targetsPath}");
                var measured = figure(push, pull);
                var limit = target.Value.GetDouble() * margin;
                var ok = !double.IsNaN(measured) && measured <= limit;
                passes &= ok;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {(ok ? "ok  " : "FAIL")} {input.Name} {target.Name}: {measured:F2} (target {target.Value.GetDouble():F2}, limit {limit:F2})"));
            }
        }
        return passes;
    }
}
