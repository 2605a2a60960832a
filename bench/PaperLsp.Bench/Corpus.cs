using System.Collections.Concurrent;
using System.Text;
using PaperLsp.Analysis;
using PaperLsp.Generator;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Bench;

/// <summary>
/// The inputs every benchmark uses, generated deterministically (seed 42) by <see cref="SyntheticList"/> with its default
/// options (the sample's proportions, 15% hard-shaped titles and names, LF).
/// Sizes are named: "1k", "10k", "100k" entries, or "50MB" (<see cref="SyntheticList.GenerateLarge"/>, at least 50,000,000 UTF-8 bytes).
/// Two kinds: "default" has one entry in a hundred pasted a second time (the copy's title sometimes differs in case or
/// punctuation), as curated lists do; "unique" has no repeated titles at all, so it has almost no findings.
/// </summary>
public static class Corpus
{
    public const int Seed = 42;

    private static readonly ConcurrentDictionary<string, string> texts = new();

    public static int EntryCount(string size) => size switch
    {
        "1k" => 1_000,
        "10k" => 10_000,
        "100k" => 100_000,
        _ => throw new ArgumentException($"not an entry count: {size}"),
    };

    public static string Text(string size, string kind = "default") => texts.GetOrAdd($"{kind}/{size}", _ => (kind, size) switch
    {
        ("default", "50MB") => SyntheticList.GenerateLarge(50_000_000, Seed),
        ("default", _) => SyntheticList.Generate(EntryCount(size), Seed, Realistic),
        ("unique", _) => SyntheticList.Generate(EntryCount(size), Seed),
        _ => throw new ArgumentException($"unknown corpus {kind}/{size}"),
    });

    /// <summary>One entry in a hundred is an earlier paper pasted again.</summary>
    public static readonly SyntheticOptions Realistic = new(DuplicateRate: 0.01);

    public static long Utf8Bytes(string size, string kind = "default") => Encoding.UTF8.GetByteCount(Text(size, kind));

    /// <summary>Forget a text once it is no longer needed (the 100k one is 280 MB of UTF-16).</summary>
    public static void Drop(string size, string kind = "default") => texts.TryRemove($"{kind}/{size}", out _);

    /// <summary>
    /// A one-character edit pair inside the title of the entry in the middle of the document: insert "x" after the
    /// title's fifth character, and the inverse (delete it again).
    /// </summary>
    public static (TextChange Insert, TextChange Delete, int Line) MiddleTitleEdit(PaperDocument document)
    {
        var middle = document.Entries.ElementAt(document.EntryCount / 2);
        var start = middle.TitleRange.Start;
        var at = new TextPosition(start.Line, start.Character + Math.Min(5, middle.Title.Length));
        var after = at with { Character = at.Character + 1 };
        return (new TextChange(new TextRange(at, at), "x"), new TextChange(new TextRange(at, after), ""), at.Line);
    }

    /// <summary>
    /// An <c>x</c> typed into the title of the flagged entry nearest the middle, and its deletion: the finding on that
    /// title changes (a duplicate title stops being one, or its range grows by one). LspBench's push and pull modes
    /// and <see cref="KeystrokeFindingsBenchmarks"/> type it. Null when the list has no finding on a title long enough.
    /// </summary>
    public static (TextChange Insert, TextChange Delete)? FindingEdit(PaperDocument document)
    {
        var middle = document.LineCount / 2;
        var target = DocumentAnalyzer.Analyze(document)
            .Where(finding => finding.Range.Start.Line == finding.Range.End.Line && finding.Range.End.Character - finding.Range.Start.Character > 5)
            .MinBy(finding => Math.Abs(finding.Range.Start.Line - middle));
        if (target is null) return null;
        return TypeX(target.Range.Start);
    }

    /// <summary>An <c>x</c> typed after the fifth character from <paramref name="start"/>, and its deletion.</summary>
    public static (TextChange Insert, TextChange Delete) TypeX(TextPosition start)
    {
        var at = start with { Character = start.Character + 5 };
        return (new TextChange(new TextRange(at, at), "x"), new TextChange(new TextRange(at, at with { Character = at.Character + 1 }), ""));
    }
}

/// <summary>The per-keystroke work of the server, in-process: apply the edit, bring the title index along, collect all diagnostics.</summary>
public sealed class KeystrokePipeline
{
    private readonly TextChange insert;
    private readonly TextChange delete;
    private bool inserted;

    public KeystrokePipeline(string text)
    {
        Document = PaperDocument.Parse(text);
        Titles = TitleIndex.Build(Document);
        (insert, delete, _) = Corpus.MiddleTitleEdit(Document);
    }

    public PaperDocument Document { get; set; }
    public TitleIndex Titles { get; set; }

    /// <summary>The next edit: insert and delete alternate, so the document never drifts.</summary>
    public TextChange NextChange()
    {
        var change = inserted ? delete : insert;
        inserted = !inserted;
        return change;
    }

    public IReadOnlyList<PaperDiagnostic> Keystroke()
    {
        Document = Document.Apply(NextChange());
        Titles = TitleIndex.Update(Titles, Document);
        return DocumentAnalyzer.Analyze(Document, Titles);
    }
}
