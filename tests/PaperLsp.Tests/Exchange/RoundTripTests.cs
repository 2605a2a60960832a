using PaperLsp.Exchange;
using PaperLsp.Generator;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Exchange;

/// <summary>Export then import gives the same list, entry for entry, in every format.</summary>
public class RoundTripTests
{
    private static readonly ExchangeFormat[] Formats = [ExchangeFormat.BibTeX, ExchangeFormat.BibLaTeX, ExchangeFormat.CslJson, ExchangeFormat.Ris];

    /// <summary>The generated list the consumer tests (tests/consumers) also read; hard shapes on half the names and titles.</summary>
    internal static string GeneratedList() => SyntheticList.Generate(300, 12, new SyntheticOptions(BlankLineRate: 0.1, DuplicateRate: 0.05, HardCaseRate: 0.5));

    private static ImportFormat ImportFormatOf(ExchangeFormat format) => format switch
    {
        ExchangeFormat.BibTeX or ExchangeFormat.BibLaTeX => ImportFormat.BibTeX,
        ExchangeFormat.CslJson => ImportFormat.CslJson,
        _ => ImportFormat.Ris,
    };

    /// <summary>What a list says about one entry, in the terms of the format (the header reading and the metadata).</summary>
    internal static string Describe(EntrySyntax entry)
    {
        var metadata = entry.Metadata;
        return string.Join(" | ",
            entry.Title, string.Join(", ", entry.Node.Authors), entry.Node.EtAl ? "et al." : "-", string.Join(", ", entry.Node.Affiliations),
            metadata?.ScoreValue?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            metadata?.CategoryText is { } category ? Categories.Expand(category) : "-",
            metadata?.DateValue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            metadata?.HasCode == true ? "Code" : "-", entry.Abstract);
    }

    private static void AssertRoundTrip(string list, ExchangeFormat format, ExportOptions? options = null)
    {
        var original = PaperDocument.Parse(list);
        var exported = Exporter.Export(original, format, options);
        var imported = Importer.Read(exported, ImportFormatOf(format));
        Assert.That(imported.Problems, Is.Empty, string.Join("\n", imported.Problems));
        var back = PaperDocument.Parse(PapersWriter.Write(imported.Records, allAuthors: true));
        var expected = original.Entries.Select(Describe).ToList();
        var actual = back.Entries.Select(Describe).ToList();
        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Count; i++) Assert.That(actual[i], Is.EqualTo(expected[i]), $"entry {i}");
        });
    }

    [TestCaseSource(nameof(Formats))]
    public void The_example_list_comes_back_entry_for_entry(ExchangeFormat format) =>
        AssertRoundTrip(File.ReadAllText(TestPaths.SeedPapers), format);

    [TestCaseSource(nameof(Formats))]
    public void A_generated_list_with_hard_names_and_titles_comes_back_entry_for_entry(ExchangeFormat format) =>
        AssertRoundTrip(GeneratedList(), format);

    [Test]
    public void Classic_bibtex_with_ascii_escapes_comes_back_entry_for_entry()
    {
        var text = GeneratedList();
        AssertRoundTrip(text, ExchangeFormat.BibTeX, new ExportOptions(Ascii: true));
        var exported = Exporter.Export(PaperDocument.Parse(text), ExchangeFormat.BibTeX, new ExportOptions(Ascii: true));
        var latinLeft = exported.Where(c => c > 127 && AsciiFold.Fold(c.ToString()).Any(char.IsAsciiLetter)).Distinct();
        Assert.That(latinLeft, Is.Empty, "every letter with an ASCII base is spelled with a TeX accent");
        Assert.That(exported, Does.Contain("{\\"), "the generated list has accented names, so some accents were written");
    }

    [Test]
    public void The_imported_example_is_the_example_text_itself()
    {
        // The sample's headers are all glued at a certain boundary or read one way only, so import writes them as they were.
        var seed = File.ReadAllText(TestPaths.SeedPapers);
        var bib = Exporter.Export(PaperDocument.Parse(seed), ExchangeFormat.BibTeX);
        var back = PapersWriter.Write(Importer.Read(bib, ImportFormat.BibTeX).Records);
        var originalLines = seed.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
        Assert.That(back.Split('\n').Where(l => l.Length > 0), Is.EqualTo(originalLines));
    }
}
