using PaperLsp.Exchange;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Duplicates.Evaluation;

public enum PairLabel { Exact, Same, Possible, Different }

/// <summary>Two entries and what a person says they are; <see cref="Line"/> is the 1-based line of the pair's comment.</summary>
public sealed record LabelledPair(PairLabel Label, string Note, int Line, EntrySyntax A, EntrySyntax B)
{
    /// <summary>Copies must be flagged, different papers must not; possible ones are reported apart.</summary>
    public bool IsCopy => Label is PairLabel.Exact or PairLabel.Same;

    public BibRecord RecordA => PaperRecords.FromEntry(A);
    public BibRecord RecordB => PaperRecords.FromEntry(B);

    public override string ToString() => $"line {Line} ({Label.ToString().ToLowerInvariant()}): {A.Node.Title} / {B.Node.Title}";
}

/// <summary>
/// Reads Fixtures/duplicates/pairs.papers: a valid list in which each pair is announced by a comment
/// <c>// pair &lt;label&gt;: &lt;why&gt;</c> and followed by exactly two entries.
/// </summary>
public static class LabelledPairs
{
    private const string Marker = "// pair ";

    public static string FixturePath => Path.Combine(TestPaths.Fixtures, "duplicates", "pairs.papers");

    public static PaperDocument ReadDocument() => PaperDocument.Parse(File.ReadAllText(FixturePath));

    public static IReadOnlyList<LabelledPair> Read() => Read(ReadDocument());

    public static IReadOnlyList<LabelledPair> Read(PaperDocument document)
    {
        var pairs = new List<LabelledPair>();
        (PairLabel Label, string Note, int Line)? open = null;
        var entries = new List<EntrySyntax>();
        foreach (var item in document.Items)
        {
            if (item.Node is CommentNode && document.GetLineText(item.StartLine).TrimStart() is var text && text.StartsWith(Marker, StringComparison.Ordinal))
            {
                Close();
                var colon = text.IndexOf(':', Marker.Length);
                if (colon < 0) throw new FormatException($"line {item.StartLine + 1}: a pair comment needs `label: note`");
                open = (ParseLabel(text[Marker.Length..colon].Trim(), item.StartLine + 1), text[(colon + 1)..].Trim(), item.StartLine + 1);
            }
            else if (item.Node is EntryNode entry && open is not null)
            {
                entries.Add(new EntrySyntax(entry, item.StartLine));
            }
        }
        Close();
        return pairs;

        void Close()
        {
            if (open is not { } pair) return;
            if (entries.Count != 2) throw new FormatException($"line {pair.Line}: a pair needs exactly two entries, found {entries.Count}");
            pairs.Add(new LabelledPair(pair.Label, pair.Note, pair.Line, entries[0], entries[1]));
            entries.Clear();
            open = null;
        }
    }

    private static PairLabel ParseLabel(string label, int line) => label switch
    {
        "exact" => PairLabel.Exact,
        "same" => PairLabel.Same,
        "possible" => PairLabel.Possible,
        "different" => PairLabel.Different,
        _ => throw new FormatException($"line {line}: unknown label `{label}`"),
    };
}
