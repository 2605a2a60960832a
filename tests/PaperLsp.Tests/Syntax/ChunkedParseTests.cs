using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Generator;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// A large text is read in chunks on several threads (<see cref="PaperDocument.ParseInChunks"/>); the result must be
/// the sequential reading exactly, wherever the chunks are cut: every item, line, line end, finding, header reading,
/// metadata field and directive.
/// </summary>
public class ChunkedParseTests
{
    private static readonly string SeedText = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "examples", "seed.papers"));

    /// <summary>Whole lines of every kind, so that random texts have items of every kind next to each other.</summary>
    private static readonly string[] Lines =
    [
        "", " ", "\t", "// a comment", "// paperlsp-ignore PL0301", "// paperlsp-ignore-file PL0502", "// paperlsp-not-duplicate \"Other\" Doe 2020",
        "// paperlsp-bogus", "# Heading", "## Sub heading ", "#NotAHeading", "29.4CLMay 25, 2022", "4.9CLJun 15, 2023Code", "12.0CVFeb 30, 2024",
        "LGJun 10, 2025", "29.4CLMa", "7.1 cs.LG Mar 3 2021",
        "Attention Is All You NeedAshish Vaswani, Noam Shazeer et al. · google",
        "A Tiny Study of ThingsJane Doe, John Smith", "Title | Jane Doe, Jane Doe, John Smith", "Header Without AuthorsSomething",
        "Deep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang ", "LLMsPriya Raman, Müller, Muller", ", , et al.",
        "The dominant sequence transduction models are based on complex recurrent networks.",
        "Deeper neural networks are more difficult to train. We present a residual learning framework.",
        "A stray line of prose without authors.", "and a second paragraph.", "\uFEFFTitle Of PaperAda Lovelace",
        string.Concat(Enumerable.Repeat("Long abstract sentence goes on. ", 12)),
    ];

    private static readonly string[] Endings = ["\n", "\n", "\n", "\r\n", "\r"];

    internal static Gen<string> TextGen()
    {
        var line = from text in Gen.Elements(Lines)
                   from ending in Gen.Elements(Endings)
                   select text + ending;
        var lines = line.ListOf().Select(parts => string.Concat(parts));
        var bases = Gen.Elements(IncrementalParseTests.Bases.Values.Append(SeedText).ToArray());
        var slice = from text in bases
                    from a in Gen.Choose(0, 1000)
                    from b in Gen.Choose(0, 1000)
                    select text[(int)((long)text.Length * Math.Min(a, b) / 1000)..(int)((long)text.Length * Math.Max(a, b) / 1000)];
        return Gen.Frequency((4, lines), (3, slice), (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)));
    }

    public sealed record Case(string Text, int[] Cuts)
    {
        public override string ToString() => $"cuts [{string.Join(", ", Cuts)}] of {Text.Length}: {Text.Replace("\r", "\\r").Replace("\n", "\\n")}";
    }

    [Test]
    public void Chunked_read_equals_sequential_read_for_random_texts_and_cuts()
    {
        var cases = from text in TextGen()
                    from count in Gen.Frequency((3, Gen.Choose(1, 4)), (1, Gen.Choose(5, 40)))
                    from cuts in Gen.Choose(0, Math.Max(0, text.Length + 1)).ArrayOf(count)
                    select new Case(text, cuts.Order().ToArray());
        var config = Config.QuickThrowOnFailure.WithMaxTest(3000).WithReplay(20261202UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(Arb.From(cases), test =>
        {
            var expected = Dump(PaperDocument.ParseSequential(test.Text));
            Assert.That(Dump(PaperDocument.ParseInChunks(test.Text, test.Cuts, parallel: false)), Is.EqualTo(expected), "one thread");
            Assert.That(Dump(PaperDocument.ParseInChunks(test.Text, test.Cuts, parallel: true)), Is.EqualTo(expected), "several threads");
            return true;
        }));
    }

    [Test]
    public void Chunked_read_equals_sequential_read_with_one_cut_at_every_offset()
    {
        var text = string.Join("\n", SeedText.Split('\n').Take(60)) + "\r\nA stray line of prose without authors.\r29.4CLMay 25, 2022\r\n\r\n# End";
        var expected = Dump(PaperDocument.ParseSequential(text));
        for (var cut = 0; cut <= text.Length; cut++)
            Assert.That(Dump(PaperDocument.ParseInChunks(text, [cut], parallel: false)), Is.EqualTo(expected), $"cut at {cut}");
    }

    [Test]
    public void Chunked_read_equals_sequential_read_with_a_cut_at_every_offset_at_once()
    {
        foreach (var text in IncrementalParseTests.Bases.Values.Append(SeedText))
        {
            var cuts = Enumerable.Range(0, text.Length + 1).ToArray();
            Assert.That(Dump(PaperDocument.ParseInChunks(text, cuts, parallel: true)), Is.EqualTo(Dump(PaperDocument.ParseSequential(text))));
        }
    }

    [Test]
    public void A_large_text_read_by_Parse_equals_the_sequential_read()
    {
        // Large enough for Parse to cut it into chunks on a machine with more than one core.
        var text = SyntheticList.Generate(3000, 11, new SyntheticOptions(BlankLineRate: 0.05, DuplicateRate: 0.02, HardCaseRate: 0.4));
        Assert.That(text.Length, Is.GreaterThan(2 << 20));
        Assert.That(Dump(PaperDocument.Parse(text)), Is.EqualTo(Dump(PaperDocument.ParseSequential(text))));
        var withoutBlankLines = SyntheticList.Generate(3000, 12);
        Assert.That(Dump(PaperDocument.Parse(withoutBlankLines)), Is.EqualTo(Dump(PaperDocument.ParseSequential(withoutBlankLines))));
    }

    /// <summary>Everything a document holds, written out, so that two readings compare as strings.</summary>
    internal static string Dump(PaperDocument document)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"lines={document.LineCount} items={document.ItemCount} entries={document.EntryCount}\n");
        builder.Append("flagged=").AppendJoin(',', document.FlaggedItems.Select(item => item.StartLine)).Append('\n');
        foreach (var item in document.Items)
        {
            var node = item.Node;
            builder.Append(CultureInfo.InvariantCulture, $"@{item.StartLine} {node.GetType().Name} {node.Kind} lines={node.LineCount}\n");
            for (var i = 0; i < node.LineCount; i++) builder.Append("  |").Append(Escape(node.LineText(i))).Append('|').Append(node.LineEndingOf(i)).Append('\n');
            foreach (var problem in node.Problems) builder.Append("  ! ").Append(problem.Descriptor.Code).Append(' ').Append(problem.Span).Append(' ').Append(problem.Message).Append('\n');
            switch (node)
            {
                case EntryNode entry:
                    builder.Append(CultureInfo.InvariantCulture,
                        $"  entry header={entry.HeaderLine} abstract={entry.AbstractLine} {entry.AbstractSpan} title={entry.Title} key={entry.TitleKey} keyHash={entry.TitleKeyHash == string.GetHashCode(entry.TitleKey, StringComparison.Ordinal)}\n");
                    Append(builder, entry.Metadata);
                    var header = entry.Header;
                    builder.Append(CultureInfo.InvariantCulture,
                        $"  reading title={header.Title} authors=[{string.Join(",", header.Authors)}] empty=[{string.Join(",", header.EmptyAuthors)}] etal={header.EtAl} bar={header.Separator} marker={header.AffiliationMarker} affiliations=[{string.Join(",", header.Affiliations)}] {header.Confidence} alternative={header.AlternativeBoundary} header={header.LooksLikeHeader} prose={header.LooksLikeProse}\n");
                    break;
                case OrphanMetadataNode orphan:
                    Append(builder, orphan.Metadata);
                    break;
                case HeadingNode heading:
                    builder.Append(CultureInfo.InvariantCulture, $"  heading {heading.Level} {heading.TitleSpan}\n");
                    break;
                case CommentNode comment:
                    builder.Append(CultureInfo.InvariantCulture, $"  comment {comment.CommentSpan}");
                    if (comment.Directive is { } directive)
                        builder.Append(CultureInfo.InvariantCulture,
                            $" directive {directive.Scope} [{string.Join(",", directive.Codes)}] {directive.KeywordSpan} [{string.Join(",", directive.CodeSpans)}] {directive.NotDuplicateOf}");
                    builder.Append('\n');
                    break;
            }
        }
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, MetadataNode? metadata)
    {
        if (metadata is null) return;
        builder.Append(CultureInfo.InvariantCulture,
            $"  metadata {metadata.Whole} score={metadata.Score}:{metadata.ScoreValue} category={metadata.Category}:{metadata.CategoryText} date={metadata.Date}:{metadata.DateValue} code={metadata.Code}:{metadata.HasCode} readable={metadata.IsReadable}\n");
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
