using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// A large didOpen is read from its UTF-8 bytes (<see cref="PaperDocument.Parse(Utf8Text)"/>), keeping long ASCII lines
/// as slices of those bytes. The document must be the one <see cref="PaperDocument.Parse(string)"/> reads from the
/// decoded text, item for item, whatever the text, the chunks and the bytes around it in the buffer; and nothing that
/// reads or edits it may tell how its lines are kept.
/// </summary>
public class Utf8ParseTests
{
    // The abstracts of every kind a line can be kept as, and their entries, as the compact-line tests write them.
    private const string Ascii = CompactLineTests.Ascii;
    private const string Latin1 = CompactLineTests.Latin1;
    private const string Astral = CompactLineTests.Astral;

    private static string Entry(string title, string abstractText) => CompactLineTests.Entry(title, abstractText);

    /// <summary>The text in the middle of a larger buffer, as in a message body: bytes before it, and after it bytes a
    /// careless reader would take for the text's (a line feed right after a final CR, more lines).</summary>
    private static Utf8Text InBuffer(string text, string before = "{\"text\":\"", string after = "\nnot the text\r\n")
    {
        var bytes = Encoding.UTF8.GetBytes(before + text + after);
        var start = Encoding.UTF8.GetByteCount(before);
        return new Utf8Text(bytes, start, Encoding.UTF8.GetByteCount(text));
    }

    /// <summary>What a string reads as through UTF-8: a lone surrogate becomes U+FFFD, as the transport makes it.</summary>
    private static string ThroughUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    [Test]
    public void A_UTF8_read_equals_the_read_of_the_decoded_text_for_random_texts_and_cuts()
    {
        var cases = from text in ChunkedParseTests.TextGen()
                    from count in Gen.Frequency((3, Gen.Choose(0, 4)), (1, Gen.Choose(5, 40)))
                    from cuts in Gen.Choose(0, Math.Max(0, Encoding.UTF8.GetByteCount(text) + 1)).ArrayOf(count)
                    select new ChunkedParseTests.Case(text, cuts.Order().ToArray());
        var config = Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(Arb.From(cases), test =>
        {
            var decoded = ThroughUtf8(test.Text);
            var expected = ChunkedParseTests.Dump(PaperDocument.ParseSequential(decoded));
            var utf8 = InBuffer(test.Text);
            Assert.That(ChunkedParseTests.Dump(PaperDocument.ParseSequential(utf8)), Is.EqualTo(expected), "sequential");
            Assert.That(ChunkedParseTests.Dump(PaperDocument.ParseInChunks(utf8, test.Cuts, parallel: true)), Is.EqualTo(expected), "in chunks");
            Assert.That(PaperDocument.Parse(utf8).GetText(), Is.EqualTo(decoded));
            return true;
        }));
    }

    [Test]
    public void A_large_UTF8_text_read_by_Parse_in_chunks_equals_the_string_read()
    {
        var text = PaperLsp.Generator.SyntheticList.Generate(3000, 13, new PaperLsp.Generator.SyntheticOptions(BlankLineRate: 0.05, DuplicateRate: 0.02, HardCaseRate: 0.4))
            + Entry("Ünïcödé Títle Here", Latin1) + Entry("Astral 𝔼 Title", Astral);
        Assert.That(Encoding.UTF8.GetByteCount(text), Is.GreaterThan(2 << 20), "large enough to be read in chunks");
        Assert.That(ChunkedParseTests.Dump(PaperDocument.Parse(InBuffer(text))), Is.EqualTo(ChunkedParseTests.Dump(PaperDocument.Parse(text))));
    }

    [Test]
    public void Long_ASCII_abstracts_are_slices_of_the_bytes_and_the_others_are_read_as_before()
    {
        var text = Entry("One Paper", Ascii) + Entry("Two Papers", Latin1) + Entry("Three Papers", Astral) + Entry("Four Papers", "Short.");
        var document = PaperDocument.ParseSequential(InBuffer(text));
        var entries = document.Entries.ToArray();
        // The ASCII one is compact without a copy; Latin-1 is made compact from its string, as in a string read; the
        // astral and the short ones stay strings.
        Assert.That(entries.Select(e => e.Node.IsCompact(e.Node.AbstractLine)), Is.EqualTo(new[] { true, true, false, false }));
        Assert.That(entries.Select(e => e.Abstract), Is.EqualTo(new[] { Ascii, Latin1, Astral, "Short." }));
        var fromString = PaperDocument.Parse(text).Entries.Select(e => e.Node).ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            var node = entries[i].Node;
            Assert.That(node.TextHash, Is.EqualTo(fromString[i].TextHash), $"entry {i}: the hash does not depend on how lines are kept");
            Assert.That(node.HasSameText(fromString[i]), Is.True, $"entry {i}");
            Assert.That(node.LineSlice(node.AbstractLine, 2, 3), Is.EqualTo(entries[i].Abstract.Substring(2, 3)));
            Assert.That(node.LineLength(node.AbstractLine), Is.EqualTo(entries[i].Abstract.Length));
        }
        Assert.That(document.GetText(), Is.EqualTo(text));
        Assert.That(document.CompactLines(), Is.Zero, "nothing left to make compact");
    }

    [Test]
    public void Edits_inside_and_around_a_sliced_abstract_equal_a_fresh_read()
    {
        var text = Entry("One Paper", Ascii) + Entry("Two Papers", Ascii);
        var document = PaperDocument.ParseSequential(InBuffer(text));
        var entry = document.Entries.First();
        var line = entry.StartLine + entry.Node.AbstractLine;
        Assert.That(entry.Node.IsCompact(entry.Node.AbstractLine), Is.True);
        var edits = new[]
        {
            new TextChange(new TextRange(new TextPosition(line, 10), new TextPosition(line, 10)), "€ 𝔼 x"),
            new TextChange(new TextRange(new TextPosition(line, 0), new TextPosition(line, 30)), ""),
            new TextChange(new TextRange(new TextPosition(line, 5), new TextPosition(line + 3, 4)), "\n"),
            new TextChange(new TextRange(new TextPosition(line, Ascii.Length), new TextPosition(line, Ascii.Length)), "\r\nA stray line of prose without authors."),
        };
        foreach (var edit in edits)
        {
            var edited = document.Apply(edit);
            var expected = PaperDocument.Parse(edited.GetText());
            Assert.That(ChunkedParseTests.Dump(edited), Is.EqualTo(ChunkedParseTests.Dump(expected)), edit.ToString());
            // The entry the edit did not touch keeps its slice, and reads the same.
            Assert.That(edited.Entries.Last().Abstract, Is.EqualTo(Ascii));
        }
    }

    [Test]
    public void Bytes_that_are_not_UTF8_are_refused_and_the_range_must_lie_in_the_buffer()
    {
        Assert.Throws<ArgumentException>(() => _ = new Utf8Text([0x41, 0xFF, 0x42], 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Utf8Text([0x41, 0x42], 1, 2));
        Assert.That(new Utf8Text([0x41, 0xFF, 0x42], 0, 1).ToString(), Is.EqualTo("A"), "only the range is checked");
    }
}
