using PaperLsp.Classification;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Lsp.Classification;

public class SemanticClassifierTests
{
    private static List<ClassifiedSpan> Classify(string text) => SemanticClassifier.Classify(PaperDocument.Parse(text)).ToList();

    [Test]
    public void Seed_spans_are_exactly_the_parsers_spans()
    {
        var document = PaperDocument.Parse(TestDocuments.Seed);
        var spans = SemanticClassifier.Classify(document).ToList();
        var expected = new List<(TextRange, SpanKind)>();
        foreach (var entry in document.Entries)
        {
            if (entry.Metadata is { } m)
            {
                if (entry.Locate(m.Score) is { } score) expected.Add((score, SpanKind.Score));
                if (entry.Locate(m.Category) is { } category) expected.Add((category, SpanKind.Category));
                if (entry.Locate(m.Date) is { } date) expected.Add((date, SpanKind.Date));
                if (entry.Locate(m.Code) is { } code) expected.Add((code, SpanKind.CodeFlag));
            }
            expected.Add((entry.TitleRange, SpanKind.Title));
            expected.AddRange(entry.Authors.Select(a => (a.Range, SpanKind.Author)));
            if (entry.EtAlRange is { } etAl) expected.Add((etAl, SpanKind.EtAl));
            expected.AddRange(entry.Affiliations.Select(a => (a.Range, SpanKind.Affiliation)));
        }
        Assert.That(spans.Select(s => (s.Range, s.Kind)), Is.EqualTo(expected));
    }

    [Test]
    public void Spans_are_ordered_disjoint_single_line_and_non_empty()
    {
        foreach (var text in new[] { TestDocuments.Seed, TestDocuments.Sections, TestDocuments.Unicode })
        {
            var spans = Classify(text);
            Assert.That(spans, Is.Not.Empty);
            for (var i = 0; i < spans.Count; i++)
            {
                Assert.That(spans[i].Length, Is.GreaterThan(0));
                if (i == 0) continue;
                var (a, b) = (spans[i - 1], spans[i]);
                Assert.That(b.Line > a.Line || (b.Line == a.Line && b.Start >= a.End), $"{a} then {b}");
            }
        }
    }

    [Test]
    public void Seed_duplicates_carry_the_duplicate_modifier_on_every_token_of_their_entries()
    {
        var document = PaperDocument.Parse(TestDocuments.Seed);
        var duplicateTitleLines = SemanticClassifier.Classify(document)
            .Where(s => s.Kind == SpanKind.Title && s.Modifiers.HasFlag(SpanModifiers.Duplicate))
            .Select(s => s.Line + 1)
            .ToList();
        Assert.That(duplicateTitleLines, Is.EqualTo(new[] { 68, 70 }));
        Assert.That(SemanticClassifier.Classify(document).Where(s => s.Line == 67).Select(s => s.Modifiers), Is.All.EqualTo(SpanModifiers.Duplicate));
    }

    [Test]
    public void Comments_headings_and_directives()
    {
        var spans = Classify(TestDocuments.Sections);
        var document = PaperDocument.Parse(TestDocuments.Sections);
        string Text(ClassifiedSpan s) => document.GetLineText(s.Line).Substring(s.Start, s.Length);

        var line0 = spans.Where(s => s.Line == 0).Select(s => (s.Kind, Text(s))).ToList();
        Assert.That(line0, Is.EqualTo(new[]
        {
            (SpanKind.Comment, "// "), (SpanKind.Directive, "paperlsp-ignore-file"), (SpanKind.Comment, " "),
            (SpanKind.DiagnosticCode, "PL0206"), (SpanKind.Comment, " -- a reason"),
        }));
        Assert.That(spans.Where(s => s.Line == 1).Select(s => (s.Kind, Text(s))), Is.EqualTo(new[] { (SpanKind.Comment, "// second comment line") }));
        Assert.That(spans.Where(s => s.Kind == SpanKind.Heading).Select(Text), Is.EqualTo(new[] { "# Reading", "## Later", "# Done" }));
        // The two "Attention Is All You Need" entries are duplicates; the ignore-file directive silences PL0206 only.
        Assert.That(spans.Where(s => s.Kind == SpanKind.Title && s.Modifiers.HasFlag(SpanModifiers.Duplicate)).Select(s => s.Line), Is.EqualTo(new[] { 3, 11 }));
        Assert.That(spans.Where(s => s.Modifiers.HasFlag(SpanModifiers.Malformed)), Is.Empty);
    }

    [Test]
    public void Malformed_entries_are_marked_unless_silenced()
    {
        const string text = "Only A Title Without Authors Here\nSome abstract.\n\n// paperlsp-ignore\nSilenced Title Without Authors\nAbstract.\n";
        var spans = Classify(text);
        Assert.That(spans.Where(s => s.Kind == SpanKind.Title).Select(s => (s.Line, s.Modifiers)),
            Is.EqualTo(new[] { (0, SpanModifiers.Malformed), (4, SpanModifiers.None) }));
    }

    [Test]
    public void Range_restricts_to_lines()
    {
        var document = PaperDocument.Parse(TestDocuments.Seed);
        var all = SemanticClassifier.Classify(document).ToList();
        var some = SemanticClassifier.Classify(document, null, 5, 9).ToList();
        Assert.That(some, Is.EqualTo(all.Where(s => s.Line is >= 5 and <= 9)));
    }

    [Test]
    public void Outline_nests_sections_by_level()
    {
        var outline = DocumentOutline.Build(PaperDocument.Parse(TestDocuments.Sections));
        Assert.That(outline, Has.Count.EqualTo(2));
        var reading = (OutlineSection)outline[0];
        Assert.That(reading.Title, Is.EqualTo("Reading"));
        Assert.That(reading.Range, Is.EqualTo(new TextRange(new TextPosition(2, 0), new TextPosition(8, 41))));
        Assert.That(reading.Children.Select(c => c.GetType().Name), Is.EqualTo(new[] { "OutlineEntry", "OutlineSection" }));
        var later = (OutlineSection)reading.Children[1];
        Assert.That(later.Children.Cast<OutlineEntry>().Single().Entry.Title, Is.EqualTo("Deep Residual Learning"));
        Assert.That(((OutlineSection)outline[1]).Range.End.Line, Is.EqualTo(12));
    }

    [Test]
    public void Folds_never_start_at_or_after_their_end()
    {
        var folds = DocumentOutline.Folds(PaperDocument.Parse(TestDocuments.Sections));
        Assert.That(folds, Is.EqualTo(new[]
        {
            new FoldRegion(0, 1, FoldKind.Comment),
            new FoldRegion(2, 8, FoldKind.Section),
            new FoldRegion(3, 4, FoldKind.Entry),
            new FoldRegion(5, 8, FoldKind.Section),
            // The entry with a metadata line (6) folds from its header (7), so the folded line is its title.
            new FoldRegion(7, 8, FoldKind.Entry),
            new FoldRegion(10, 12, FoldKind.Section),
            new FoldRegion(11, 12, FoldKind.Entry),
        }));
    }
}
