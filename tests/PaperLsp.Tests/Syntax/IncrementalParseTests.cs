using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Analysis;
using PaperLsp.Generator;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// Incremental reparse must equal a fresh parse of the new text, whatever the edits: proven over thousands of random
/// edit sequences (FsCheck), and over every sequence that ever failed, kept in Fixtures/incremental.
/// </summary>
public class IncrementalParseTests
{
    /// <summary>One abstract edit; positions are fractions of the current text, resolved when applied.</summary>
    public sealed record Edit(string Kind, double At, double Span, string Text)
    {
        public override string ToString() => $"{Kind}@{At:0.###}+{Span:0.###}:{Escape(Text)}";
    }

    public sealed record Script(string BaseName, Edit[] Edits)
    {
        public override string ToString() => $"{BaseName}: {string.Join(" ; ", Edits.Select(e => e.ToString()))}";
    }

    private static readonly string SeedText = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "examples", "seed.papers"));

    internal static readonly Dictionary<string, string> Bases = new()
    {
        ["seed"] = SeedText,
        ["seed-head"] = string.Join("\n", SeedText.Split('\n').Take(24)),
        ["synthetic"] = SyntheticList.Generate(25, 5, new SyntheticOptions(BlankLineRate: 0.3, DuplicateRate: 0.1, HardCaseRate: 0.5)),
        ["synthetic-crlf"] = SyntheticList.Generate(20, 6, new SyntheticOptions(CrLf: true, TrailingNewline: true, BlankLineRate: 0.2)),
        ["mixed"] = "// paperlsp-ignore-file PL0502\n# Section\n\n29.4CLMay 25, 2022\nA Tiny Study of ThingsJane Doe, John Smith et al. · mit\nAn abstract. It has sentences.\nA stray second paragraph of the abstract.\n30.5LGMar 2, 2023\n\n// paperlsp-ignore PL0301\nA Tiny Study of ThingsJane Doe\nSame title, different paper.\n## Sub\nHeader Without AuthorsSomething\n",
        ["empty"] = "",
        ["cr-only"] = "29.4CLMay 25, 2022\rA Study of ThingsJane Doe, John Smith\rAn abstract.\r\rAnother StudyAda Lovelace\rMore text.",
    };

    private static readonly string[] Snippets =
    [
        "a", "Z", " ", "\n", "\r\n", "\r", "\t", ",", ", ", " · mit", " et al.", "·", " | ", "é", "😀", "𝔸", "//", "# ", "Code",
        "29.4CLMay 25, 2022\n", "4.9CLJun 15, 2023Code", "Feb 30, 2024", "\n\n",
        "Attention Is All You NeedAshish Vaswani, Noam Shazeer et al. · google\nThe dominant sequence transduction models are based on complex recurrent networks.\n",
        "12.0CVJan 1, 2020\nDeep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang\nDeeper neural networks are more difficult to train.\n",
        "// paperlsp-ignore PL0301\n", "# Heading\n", "A stray line of prose without authors.\n",
        "// paperlsp-ignore PL0201\n", "// a plain comment\n",
    ];

    internal static Gen<Edit> EditGen()
    {
        var kinds = Gen.Elements("insert", "delete", "replace", "split", "join", "paste-entry", "delete-lines", "at-start", "at-end");
        var fraction = Gen.Choose(0, 10_000).Select(i => i / 10_000.0);
        var span = Gen.Frequency((6, Gen.Choose(0, 40).Select(i => i / 10_000.0)), (2, Gen.Choose(0, 2_000).Select(i => i / 10_000.0)), (1, fraction));
        return from kind in kinds
               from at in fraction
               from length in span
               from text in Gen.Elements(Snippets)
               select new Edit(kind, at, length, text);
    }

    private static Arbitrary<Script> ScriptArbitrary()
    {
        var gen = from name in Gen.Elements(Bases.Keys.ToArray())
                  from count in Gen.Choose(1, 12)
                  from edits in EditGen().ArrayOf(count)
                  select new Script(name, edits);
        // Shrink by dropping edits, so a failure comes back as the shortest sequence that still fails.
        static IEnumerable<Script> Shrink(Script script) =>
            Enumerable.Range(0, script.Edits.Length).Where(_ => script.Edits.Length > 1)
                .Select(i => script with { Edits = script.Edits.Where((_, j) => j != i).ToArray() });
        return Arb.From(gen, Shrink);
    }

    [Test]
    public void Incremental_reparse_equals_fresh_parse_for_random_edit_sequences()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("PAPERLSP_FUZZ_SEED"), out var s) ? s : 20261128UL;
        var tests = int.TryParse(Environment.GetEnvironmentVariable("PAPERLSP_FUZZ_TESTS"), out var t) ? t : 3000;
        var config = Config.QuickThrowOnFailure.WithMaxTest(tests).WithReplay(seed, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(ScriptArbitrary(), script =>
        {
            // A failure prints the (shrunk) script as a fixture: save it in Fixtures/incremental/NNN-what.edits.
            if (Replay(script) is { } difference) throw new AssertionException($"{difference}\n--- fixture ---\n{ToFixture(script)}");
            return true;
        }));
    }

    private static string ToFixture(Script script) =>
        script.BaseName + "\n" + string.Join("\n", script.Edits.Select(e =>
            string.Create(CultureInfo.InvariantCulture, $"{e.Kind}\t{e.At}\t{e.Span}\t{Escape(e.Text)}")));

    public static IEnumerable<TestCaseData> RegressionFixtures() =>
        Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "incremental"), "*.edits")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName("Incremental_regression_" + Path.GetFileNameWithoutExtension(path)));

    /// <summary>Each file: first line is the base name, then one edit per line as kind, at, span, escaped text (tab-separated).</summary>
    [TestCaseSource(nameof(RegressionFixtures))]
    public void Incremental_regression(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var edits = lines.Skip(1).Select(line => line.Split('\t')).Select(p =>
            new Edit(p[0], double.Parse(p[1], CultureInfo.InvariantCulture), double.Parse(p[2], CultureInfo.InvariantCulture), Unescape(p[3]))).ToArray();
        Assert.That(Replay(new Script(lines[0], edits)), Is.Null);
    }

    [Test]
    public void Deleting_everything_then_typing_gives_the_fresh_parse()
    {
        var document = PaperDocument.Parse(SeedText);
        var end = new TextPosition(document.LineCount - 1, document.GetLineText(document.LineCount - 1).Length);
        document = document.Apply(new TextChange(new TextRange(new TextPosition(0, 0), end), ""));
        Assert.That(document.GetText(), Is.Empty);
        document = document.Apply(new TextChange(new TextRange(new TextPosition(0, 0), new TextPosition(0, 0)), "Title HereJane Doe, John Smith\nAbstract."));
        Assert.That(Dump(document), Is.EqualTo(Dump(PaperDocument.Parse("Title HereJane Doe, John Smith\nAbstract."))));
        Assert.That(document.Entries.Single().Title, Is.EqualTo("Title Here"));
    }

    [Test]
    public void An_edit_reuses_the_items_it_does_not_touch()
    {
        var document = PaperDocument.Parse(SeedText);
        var before = document.Items.Select(i => i.Node).ToList();
        // Type one character into the title of the entry at line 26 (0-based 25).
        var edited = document.Apply(new TextChange(new TextRange(new TextPosition(25, 3), new TextPosition(25, 3)), "x"));
        var after = edited.Items.Select(i => i.Node).ToList();
        var changed = after.Where(node => !before.Contains(node)).ToList();
        Assert.That(after, Has.Count.EqualTo(before.Count));
        Assert.That(changed, Has.Count.LessThanOrEqualTo(3), "only the entries around the edit are re-read");
        Assert.That(edited.LastDelta!.Added, Has.Count.EqualTo(edited.LastDelta.Removed.Count));
    }

    /// <summary>Applies the script; returns null when every step equals a fresh parse, else a description of the first difference.</summary>
    private static string? Replay(Script script)
    {
        var text = Bases[script.BaseName];
        var document = PaperDocument.Parse(text);
        var titles = TitleIndex.Build(document);
        for (var step = 0; step < script.Edits.Length; step++)
        {
            var (change, expectedText) = Resolve(script.Edits[step], text, document);
            document = document.Apply(change);
            titles = TitleIndex.Update(titles, document);
            text = expectedText;
            var fresh = PaperDocument.Parse(text);
            var actualText = document.GetText();
            if (actualText != text) return $"step {step}: text differs:\n{Escape(actualText)}\nexpected\n{Escape(text)}";
            if ((SummaryProblem(document) ?? SummaryProblem(fresh)) is { } wrong) return $"step {step} ({script.Edits[step]}): {wrong}";
            var incrementalDump = Dump(document);
            var freshDump = Dump(fresh);
            if (incrementalDump != freshDump) return $"step {step} ({script.Edits[step]}): parse differs\n--- incremental\n{incrementalDump}\n--- fresh\n{freshDump}";
            var incrementalDiagnostics = string.Join("\n", DocumentAnalyzer.Analyze(document, titles).Select(d => $"{d.Code} {d.Range} {d.Message}"));
            var freshDiagnostics = string.Join("\n", DocumentAnalyzer.Analyze(fresh).Select(d => $"{d.Code} {d.Range} {d.Message}"));
            if (incrementalDiagnostics != freshDiagnostics) return $"step {step}: diagnostics differ\n{incrementalDiagnostics}\n---\n{freshDiagnostics}";
            // The workspace's path: the parser's findings of a version whose edits left every flagged item as it was come
            // from the version before (PaperDocument.FlaggedBox), and must still be exactly a fresh document's.
            var workspaceDiagnostics = string.Join("\n", DocumentAnalyzer.Analyze(document, []).Select(d => $"{d.Code} {d.Range} {d.Message}"));
            var freshWorkspaceDiagnostics = string.Join("\n", DocumentAnalyzer.Analyze(fresh, []).Select(d => $"{d.Code} {d.Range} {d.Message}"));
            if (workspaceDiagnostics != freshWorkspaceDiagnostics)
                return $"step {step}: parser findings differ\n{workspaceDiagnostics}\n---\n{freshWorkspaceDiagnostics}";
        }
        return null;
    }

    /// <summary>Turns an abstract edit into an LSP change on the current text, and the text it should produce.</summary>
    internal static (TextChange Change, string NewText) Resolve(Edit edit, string text, PaperDocument document)
    {
        int Offset(double fraction) => SnapOutOfCrLf(text, (int)Math.Round(fraction * text.Length));
        var at = Offset(edit.At);
        var end = Math.Min(text.Length, SnapOutOfCrLf(text, at + (int)Math.Round(edit.Span * text.Length)));
        string insert;
        switch (edit.Kind)
        {
            case "insert": end = at; insert = edit.Text; break;
            case "delete": insert = ""; if (end == at && at < text.Length) end = SnapOutOfCrLf(text, at + 1); break;
            case "replace": insert = edit.Text; break;
            case "split": end = at; insert = "\n"; break;
            case "join":
            {
                var lineEnd = text.IndexOfAny(['\r', '\n'], at);
                if (lineEnd < 0) { end = at; insert = ""; break; }
                at = lineEnd;
                end = text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
                insert = "";
                break;
            }
            case "paste-entry":
            {
                at = LineStart(text, at);
                end = at;
                insert = Snippets[Snippets.Length - 5 + (int)(edit.Span * 1000) % 2];
                break;
            }
            case "delete-lines":
            {
                at = LineStart(text, at);
                end = at;
                for (var n = 0; n < 1 + (int)(edit.Span * 1000) % 4 && end < text.Length; n++)
                {
                    var next = text.IndexOf('\n', end);
                    end = next < 0 ? text.Length : next + 1;
                }
                insert = "";
                break;
            }
            case "at-start": at = 0; end = Math.Min(text.Length, SnapOutOfCrLf(text, (int)(edit.Span * 20))); insert = edit.Text; break;
            default: at = text.Length; end = text.Length; insert = edit.Text; break;
        }
        var change = new TextChange(new TextRange(PositionOf(text, at), PositionOf(text, end)), insert);
        return (change, text[..at] + insert + text[end..]);
    }

    private static int SnapOutOfCrLf(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        // LSP positions cannot point between the CR and LF of one line break.
        if (offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n') offset--;
        return offset;
    }

    private static int LineStart(string text, int offset)
    {
        while (offset > 0 && text[offset - 1] is not ('\n' or '\r')) offset--;
        return offset;
    }

    private static TextPosition PositionOf(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; line++; lineStart = i + 1; }
            else if (text[i] is '\r' or '\n') { line++; lineStart = i + 1; }
        }
        return new TextPosition(line, offset - lineStart);
    }

    /// <summary>Everything the parser decided, item by item, as text that two parses can be compared by.</summary>
    internal static string Dump(PaperDocument document)
    {
        var builder = new StringBuilder();
        foreach (var item in document.Items)
        {
            builder.Append(item.StartLine).Append(' ').Append(item.Kind).Append(' ').Append(item.Node.LineCount).Append(' ')
                .Append(Escape(item.Node.GetText()));
            foreach (var problem in item.Node.Problems) builder.Append(" [").Append(problem.Descriptor.Code).Append(' ').Append(problem.Span).Append(']');
            if (item.AsEntry is { } entry)
            {
                builder.Append(" title=").Append(entry.Title).Append(" authors=").Append(string.Join("|", entry.Authors.Select(a => a.Name)))
                    .Append(" etal=").Append(entry.Node.EtAl).Append(" aff=").Append(string.Join("|", entry.Affiliations.Select(a => a.Name)))
                    .Append(" meta=").Append(entry.Metadata?.ScoreValue).Append(entry.Metadata?.CategoryText).Append(entry.Metadata?.DateValue)
                    .Append(" abstract=").Append(entry.AbstractLine).Append(' ').Append(entry.Node.Confidence);
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>
    /// The tree's summaries, which let walks skip subtrees (flagged items, directive comments), against a plain filter
    /// of the items: a count left wrong in a rebuilt or rotated node skips an item or finds one twice.
    /// </summary>
    internal static string? SummaryProblem(PaperDocument document)
    {
        static string Lines(IEnumerable<ItemSyntax> items) => string.Join(',', items.Select(item => item.StartLine));
        var flagged = Lines(document.FlaggedItems);
        var expectedFlagged = Lines(document.Items.Where(item => !item.Node.Problems.IsEmpty || item.Node is CommentNode { Directive: not null }));
        if (flagged != expectedFlagged) return $"flagged items at {flagged}, expected {expectedFlagged}";
        var directives = Lines(document.DirectiveItems);
        var expectedDirectives = Lines(document.Items.Where(item => item.Node is CommentNode { Directive: not null }));
        return directives == expectedDirectives ? null : $"directive comments at {directives}, expected {expectedDirectives}";
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    private static string Unescape(string text) =>
        text.Replace("\\\\", "\u0001").Replace("\\r", "\r").Replace("\\n", "\n").Replace("\\t", "\t").Replace("\u0001", "\\");
}
