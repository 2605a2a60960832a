using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Syntax;

/// <summary>Long abstracts whose characters all fit in a byte are kept a byte per character; nothing that reads them may tell.</summary>
public class CompactLineTests
{
    internal const string Ascii = "We study how large language models extract clinical information from notes, and find they do well.";
    internal const string Latin1 = "Über die Straße: café, naïve Bayes, and a señor's façade are all read in one Latin-1 byte each, ±5%.";
    private const string EnDash = "A long abstract with an en dash – which needs two bytes in UTF-8 and more than one Latin-1 byte can hold.";
    internal const string Astral = "A long abstract with an astral character 𝔼 (mathematical E) that UTF-16 writes as a surrogate pair, twice 𝔼.";
    private const string Short = "Too short to bother.";

    private static readonly string[] Abstracts = [Ascii, Latin1, EnDash, Astral, Short];

    private static string ListOf(params string[] abstracts) =>
        string.Concat(abstracts.Select((text, i) => Entry($"Paper Number {i} On Things", text)));

    internal static string Entry(string title, string abstractText) => $"29.4CLMay 25, 2022\n{title}Ada Lovelace, Alan Turing\n{abstractText}\n\n";

    [Test]
    public void Long_Latin1_abstracts_are_compact_and_read_back_exactly()
    {
        var text = ListOf(Abstracts);
        var document = PaperDocument.Parse(text);
        var entries = document.Entries.ToArray();
        Assert.That(entries, Has.Length.EqualTo(Abstracts.Length));
        Assert.That(entries.Select(e => e.Node.IsCompact(e.Node.AbstractLine)), Is.EqualTo(new[] { true, true, false, false, false }));
        Assert.That(document.GetText(), Is.EqualTo(text));
        for (var i = 0; i < entries.Length; i++)
        {
            var line = entries[i].StartLine + entries[i].Node.AbstractLine;
            Assert.That(document.GetLineText(line), Is.EqualTo(Abstracts[i]));
            Assert.That(document.GetLineLength(line), Is.EqualTo(Abstracts[i].Length));
            Assert.That(entries[i].Abstract, Is.EqualTo(Abstracts[i]));
            Assert.That(entries[i].Node.LineSlice(entries[i].Node.AbstractLine, 3, 10), Is.EqualTo(Abstracts[i].Substring(3, 10)));
            Assert.That(entries[i].Node.GetText(), Does.EndWith(Abstracts[i] + "\n"));
            Assert.That(document.Clamp(new TextPosition(line, 10_000)), Is.EqualTo(new TextPosition(line, Abstracts[i].Length)));
            Assert.That(entries[i].Range.End, Is.EqualTo(new TextPosition(line, Abstracts[i].Length)));
        }
    }

    [Test]
    public void Copies_are_found_whichever_way_their_lines_are_kept()
    {
        var document = PaperDocument.Parse(Entry("One Paper", Ascii) + Entry("One Paper", Ascii) + Entry("Two Papers", Latin1)
            + Entry("Two Papers", Latin1 + "!") + Entry("Three Papers", EnDash) + Entry("Three Papers", EnDash));
        var nodes = document.Entries.Select(e => e.Node).ToArray();
        Assert.That(nodes[0].HasSameText(nodes[1]), Is.True, "compact copies");
        Assert.That(nodes[4].HasSameText(nodes[5]), Is.True, "string copies");
        Assert.That(nodes[2].HasSameText(nodes[3]), Is.False, "one character apart");
        Assert.That(nodes[0].TextHash, Is.EqualTo(nodes[1].TextHash));
        // The hash of a compact line is its string's, so it never depends on how the line is kept.
        var line = nodes[2].AbstractLine;
        Assert.That(nodes[2].LineHash(line), Is.EqualTo(string.GetHashCode(Latin1.AsSpan())));
    }

    [Test]
    public void An_edit_inside_a_compact_abstract_equals_a_fresh_read()
    {
        var text = ListOf(Abstracts);
        var document = PaperDocument.Parse(text);
        var entry = document.Entries.ElementAt(1);
        var line = entry.StartLine + entry.Node.AbstractLine;
        foreach (var insert in new[] { "x", "€", "𝔼", "" })
        {
            var change = new TextChange(new TextRange(new TextPosition(line, 20), new TextPosition(line, insert.Length == 0 ? 25 : 20)), insert);
            var edited = document.Apply(change);
            var expected = Latin1[..20] + insert + Latin1[(insert.Length == 0 ? 25 : 20)..];
            Assert.That(edited.GetLineText(line), Is.EqualTo(expected), insert);
            Assert.That(edited.GetText(), Is.EqualTo(PaperDocument.Parse(edited.GetText()).GetText()));
            var reread = edited.Entries.ElementAt(1).Node;
            Assert.That(reread.IsCompact(reread.AbstractLine), Is.EqualTo(!expected.Any(c => c > '\u00FF')), insert);
            Assert.That(edited.GetText(), Is.EqualTo(text.Replace(Latin1, expected)), insert);
        }
    }

    [Test]
    public void A_read_in_chunks_leaves_compaction_to_CompactLines_and_reads_the_same_before_and_after()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => Entry($"Paper Number {i} On Things", Abstracts[i % Abstracts.Length])));
        var document = PaperDocument.ParseInChunks(text, [text.Length / 3, 2 * text.Length / 3], parallel: true);
        var entries = document.Entries.ToArray();
        Assert.That(entries.Count(e => e.Node.IsCompact(e.Node.AbstractLine)), Is.Zero, "the chunked read makes nothing compact");
        var before = entries.Select(e => (e.Abstract, e.Range, e.Node.TextHash)).ToArray();

        // Readers on another thread while the lines change form must see the same text throughout.
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                for (var i = 0; i < entries.Length; i += 7)
                    if (entries[i].Abstract != Abstracts[i % Abstracts.Length]) return $"entry {i} read differently";
                reads++;
            }
            return null;
        });
        var compacted = document.CompactLines();
        stop.Cancel();
        Assert.That(reader.Result, Is.Null);

        Assert.That(compacted, Is.EqualTo(entries.Count(e => e.Abstract.Length >= 64 && e.Abstract.All(c => c <= '\u00FF'))));
        Assert.That(compacted, Is.EqualTo(80), "Ascii and Latin1, 40 of each");
        Assert.That(document.CompactLines(), Is.Zero, "a second pass finds nothing left");
        Assert.That(entries.Select(e => (e.Abstract, e.Range, e.Node.TextHash)), Is.EqualTo(before));
        Assert.That(document.GetText(), Is.EqualTo(text));
    }
}
