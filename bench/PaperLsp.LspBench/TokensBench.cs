using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using PaperLsp.Analysis;
using PaperLsp.Bench;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Features;
using PaperLsp.Syntax;

namespace PaperLsp.LspBench;

/// <summary>
/// <c>--tokens</c>: a whole document's semantic tokens, in process, as the server makes them for
/// <c>textDocument/semanticTokens/full</c> (<see cref="SemanticTokenPieces.Encode"/> from the pieces kept by the
/// last answer, then the JSON of the integers), warm, without the transport: median and minimum of the rounds. The
/// document is the server's (read from UTF-8, abstracts made compact) with its snapshot's frozen duplicated keys.
/// </summary>
static class TokensBench
{
    public static int Run(BenchOptions options, int rounds = 40)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| size | tokens JSON MB | first answer ms | warm median ms | warm min ms |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var size in options.Sizes)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Corpus.Text(size, options.Kind));
            Corpus.Drop(size, options.Kind);
            var document = PaperDocument.Parse(new PaperLsp.Text.Utf8Text(bytes, 0, bytes.Length));
            document.CompactLines();
            var duplicated = TitleIndex.Build(document).DuplicatedKeys.ToImmutableHashSet(StringComparer.Ordinal);
            var converter = new ProtocolConverter(PositionEncoding.Utf16);
            var kept = new SemanticTokenPieces.Pieces();
            var times = new List<double>();
            long jsonBytes = 0;
            for (var round = 0; round <= rounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                var tokens = SemanticTokenPieces.Encode(document, duplicated, converter, kept);
                using var json = new Utf8JsonBuffer();
                tokens.WriteJson(json);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                jsonBytes = json.Length;
            }
            var first = times[0];
            var warm = times.Skip(1).Order().ToList();
            Console.WriteLine(string.Create(c, $"| {options.Kind}/{size} | {jsonBytes / 1e6:F2} | {first:F0} | {warm[warm.Count / 2]:F1} | {warm[0]:F1} |"));
        }
        return 0;
    }
}
