using System.Globalization;
using PaperLsp.Analysis;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// No entry lost, none invented, every defect named for what it is: headers whose authors cannot be read still head
/// their abstract, abstracts that end like author lists stay abstracts, and malformed metadata stays metadata.
/// </summary>
public class EntryRecoveryTests
{
    private const string Abstract =
        "We study the reading of paper lists at length, with many words and several clauses. Our method improves results " +
        "across all the benchmarks we tried, by a wide margin, and we release the code and the data for others to build on.";

    private static (List<EntrySyntax> Entries, IReadOnlyList<PaperDiagnostic> Findings) Read(string text)
    {
        var document = PaperDocument.Parse(text);
        return (document.Entries.ToList(), DocumentAnalyzer.Analyze(document));
    }

    [Test]
    public void A_header_without_readable_authors_after_an_abstract_is_still_an_entry()
    {
        var (entries, findings) = Read($"A Study of ThingsJane Doe\n{Abstract}\nuntitled notes by someone\n{Abstract}");
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(2));
            Assert.That(entries[1].HeaderLine, Is.EqualTo(2));
            Assert.That(entries[1].AbstractLine, Is.EqualTo(3));
            Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { "PL0201" }));
        });
    }

    [Test]
    public void A_short_stray_line_before_a_header_is_still_stray()
    {
        var (entries, findings) = Read($"A Study of ThingsJane Doe\n{Abstract}\nand a second paragraph.\nAnother StudyAda Lovelace\n{Abstract}");
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(2));
            Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { "PL0401" }));
        });
    }

    [Test]
    public void An_abstract_ending_like_an_author_list_is_an_abstract()
    {
        var prose = Abstract + " This approach was first shown by Smith et al.";
        var (entries, findings) = Read($"A Study of ThingsJane Doe\n{prose}\nAnother StudyAda Lovelace\n{Abstract}\nsecond paragraph.\n{prose}");
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(2), "no entry invented");
            Assert.That(entries[0].Abstract, Is.EqualTo(prose));
            Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { "PL0401", "PL0401" }));
        });
    }

    [TestCase("LGJun 10, 2025", null, "LG", "2025-06-10", "PL0106", "no score")]
    [TestCase("12.0CV", 12.0, "CV", null, "PL0106", "no date")]
    [TestCase("29.4 cl may 25 2022", 29.4, "CL", "2022-05-25", "PL0107", "'29.4CLMay 25, 2022'")]
    [TestCase("4.2lgJun 10, 2025", 4.2, "LG", "2025-06-10", "PL0107", "not 'LG'")]
    [TestCase("7.7CL Jun 3, 2024 code", 7.7, "CL", "2024-06-03", "PL0107", "'Code' is written 'code'")]
    public void A_malformed_metadata_line_is_read_and_named(string metadata, double? score, string category, string? date, string code, string says)
    {
        var (entries, findings) = Read($"{metadata}\nA Study of ThingsJane Doe\n{Abstract}");
        Assert.That(entries, Has.Count.EqualTo(1));
        var entry = entries[0];
        Assert.Multiple(() =>
        {
            Assert.That(entry.MetadataLine, Is.EqualTo(0), "attached to the entry below");
            Assert.That(entry.Metadata!.ScoreValue, Is.EqualTo(score));
            Assert.That(entry.Metadata.CategoryText, Is.EqualTo(category));
            Assert.That(entry.Metadata.DateValue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo(date));
            Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { code }));
            Assert.That(findings[0].Message, Does.Contain(says));
        });
    }

    [Test]
    public void Accented_and_plain_titles_are_duplicates()
    {
        var (_, findings) = Read($"Café Society: A StudyJane Doe\n{Abstract}\nCafe Society: A StudyJohn Roe\n{Abstract}");
        Assert.That(findings.Select(f => f.Code), Is.EqualTo(new[] { "PL0301", "PL0301" }));
    }

    [Test]
    public void Folding_keeps_case_and_leaves_plain_text_alone()
    {
        Assert.That(TextFolding.FoldAccents("Łódź Café, Ærø"), Is.EqualTo("Lodz Cafe, AEro"));
        const string plain = "Plain ASCII title";
        Assert.That(TextFolding.FoldAccents(plain), Is.SameAs(plain));
        Assert.That(TextFolding.FoldAccents("王芳 Δημήτρης"), Is.EqualTo("王芳 Δημήτρης"), "only Latin letters fold");
    }

    [TestCase("Café", "cafe")]
    [TestCase("Łódź", "lodz")]
    [TestCase("Øresund", "oresund")]
    [TestCase("Straße", "strasse")]
    [TestCase("Æsir", "aesir")]
    [TestCase("Đorđević", "dordevic")]
    [TestCase("Þór", "thor")]
    [TestCase("Iıİi", "iiii")]
    [TestCase("Œuvre", "oeuvre")]
    [TestCase("Nguyễn Văn Đức", "nguyen van duc")]
    [TestCase("Cafe\u0301", "cafe")]
    public void Folding_works_without_ICU(string text, string key)
    {
        Assert.That(TextFolding.Key(text), Is.EqualTo(key));
        Assert.That(TitleKey.Normalize(text), Is.EqualTo(key.Replace(" ", "")));
    }
}
