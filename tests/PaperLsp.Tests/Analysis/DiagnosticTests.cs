using PaperLsp.Analysis;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Analysis;

/// <summary>
/// One test per bad input: the text marks the expected range with «», and exactly that finding must be reported there
/// (rust-analyzer style data-driven tests).
/// </summary>
public class DiagnosticTests
{
    private const string Abstract = "An abstract that is one line of prose.";

    public static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string code, string marked) => new TestCaseData(code, marked).SetName(name);

        yield return Case("Unreadable_metadata", "PL0101", $"«29.4CLMay 25, 20222»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Metadata_without_score", "PL0106", $"«LGJun 10, 2025»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Metadata_without_date", "PL0106", $"«12.0CV»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Metadata_without_the_comma", "PL0107", $"«29.4CLMay 25 2022»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Metadata_in_lower_case_and_spaced", "PL0107", $"«29.4 cl may 25, 2022»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Metadata_category_in_lower_case", "PL0107", $"4.2«lg»Jun 10, 2025\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Impossible_date", "PL0103", $"12.0CL«Feb 30, 2024»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Impossible_date_in_a_non_leap_year", "PL0103", $"12.0CL«Feb 29, 2023»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Unknown_month", "PL0102", $"12.0CL«Sept» 3, 2024\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Unknown_category", "PL0104", $"12.0«XYZ»May 1, 2024\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Metadata_with_no_entry_after_it", "PL0105", $"A Study of ThingsJane Doe\n{Abstract}\n«3.3LGJan 5, 2024»");
        yield return Case("Metadata_followed_by_a_blank_line", "PL0105", $"«3.3LGJan 5, 2024»\n\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Authors_not_found", "PL0201", $"«a header with no authors at all»\n{Abstract}");
        yield return Case("Ambiguous_boundary_with_a_space", "PL0202", $"«A Study of Things Jane Doe»\n{Abstract}");
        yield return Case("Empty_title", "PL0203", $"«| Jane Doe, John Smith»\n{Abstract}");
        yield return Case("Empty_author_between_commas", "PL0204", $"A Study of ThingsJane Doe, «,» John Smith\n{Abstract}");
        yield return Case("Empty_author_trailing_comma", "PL0204", $"A Study of ThingsJane Doe, John Smith«,»\n{Abstract}");
        yield return Case("Repeated_author", "PL0205", $"A Study of ThingsJane Doe, John Smith, «Jane Doe»\n{Abstract}");
        yield return Case("Repeated_author_written_with_a_doubled_space", "PL0205", $"A Study of ThingsJane Doe, John Smith, «Jane  Doe»\n{Abstract}");
        yield return Case("Missing_abstract_at_end_of_file", "PL0206", "«A Study of ThingsJane Doe, John Smith»");
        yield return Case("Missing_abstract_before_next_header", "PL0206", $"«A Study of ThingsJane Doe, John Smith»\nAnother Study of ThingsAda Lovelace et al. · mit\n{Abstract}");
        yield return Case("Missing_abstract_before_blank_line", "PL0206", "«A Study of ThingsJane Doe, John Smith»\n\n");
        yield return Case("Duplicate_exact_copy", "PL0301", $"«A Study of Things»Jane Doe\n{Abstract}\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Duplicate_title_up_to_case_and_punctuation", "PL0301", $"A Study of ThingsJane Doe\n{Abstract}\n«A study of things!»Ada Lovelace\nOther.");
        yield return Case("Stray_line", "PL0401", $"A Study of ThingsJane Doe\n{Abstract}\n«a second paragraph of the abstract.»");
        yield return Case("Unknown_directive", "PL0402", $"// «paperlsp-ignor» PL0301\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Unknown_code_in_directive", "PL0402", $"// paperlsp-ignore «PL9999»\nA Study of ThingsJane Doe\n{Abstract}");
        yield return Case("Tab_in_title", "PL0501", $"A Study«\t»of ThingsJane Doe\n{Abstract}");
        yield return Case("Tab_in_abstract", "PL0501", $"A Study of ThingsJane Doe\nAn abstract«\t»with a tab.");
        yield return Case("Trailing_spaces", "PL0502", $"A Study of ThingsJane Doe«  »\n{Abstract}");
        yield return Case("Trailing_tab_on_metadata", "PL0502", $"12.0CLMay 1, 2024«\t»\nA Study of ThingsJane Doe\n{Abstract}");
    }

    [TestCaseSource(nameof(Cases))]
    public void Reports_the_finding_exactly_there(string code, string marked)
    {
        var (text, expected) = Unmark(marked);
        var diagnostics = DocumentAnalyzer.Analyze(PaperDocument.Parse(text));
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.That(matching.Select(d => d.Range), Does.Contain(expected),
            $"expected {code} at {expected}; got:\n{string.Join("\n", diagnostics.Select(d => $"{d.Code} {d.Range} {d.Message}"))}");
        var finding = matching.First(d => d.Range == expected);
        Assert.That(finding.Message, Does.Match(@"\. [A-Z].*\.$|Remove|Write|Use|Insert|Delete|Replace|Join|Put|Move|Correct"),
            "the message says how to fix it");
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticCatalog.Find(code)!.Severity));
    }

    [Test]
    public void Duplicate_message_names_the_other_lines_and_related_information_points_at_them()
    {
        var text = $"A Study of ThingsJane Doe\n{Abstract}\nUnrelatedAda Lovelace\n{Abstract}\nA STUDY OF THINGSJane Doe\nOther.\na study of things.Ada Lovelace\nThird.";
        var duplicates = DocumentAnalyzer.Analyze(PaperDocument.Parse(text)).Where(d => d.Code == "PL0301").ToList();
        Assert.That(duplicates, Has.Count.EqualTo(3));
        Assert.That(duplicates[0].Message, Does.Contain("lines 5, 7"));
        Assert.That(duplicates[0].Related.Select(r => r.Range.Start.Line), Is.EqualTo(new[] { 4, 6 }));
        Assert.That(duplicates[1].Message, Does.Contain("lines 1, 7"));
    }

    [Test]
    public void A_title_pasted_thousands_of_times_gives_bounded_messages_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat($"A Study of ThingsJane Doe\n{Abstract}\n", 3000));
        var duplicates = DocumentAnalyzer.Analyze(PaperDocument.Parse(text)).Where(d => d.Code == "PL0301").ToList();
        Assert.That(duplicates, Has.Count.EqualTo(3000));
        // A large group gets the copy before and the one after as related locations, so its total stays linear.
        Assert.That(duplicates.Max(d => d.Related.Count), Is.EqualTo(2));
        Assert.That(duplicates[1500].Message, Does.Contain("and 2994 more (an exact copy)"));
        Assert.That(duplicates.Max(d => d.Message.Length), Is.LessThan(400));
        // The copies nearest to an entry are the ones named.
        Assert.That(duplicates[1500].Related.Select(r => r.Range.Start.Line), Does.Contain(2 * 1499).And.Contain(2 * 1501));
    }

    [TestCase(3, 2)]
    [TestCase(30, 20)]
    [TestCase(100, 10)]
    [TestCase(5000, 2)]
    public void Related_locations_per_copy_shrink_as_a_group_grows(int copies, int expected)
    {
        var text = string.Concat(Enumerable.Repeat($"A Study of ThingsJane Doe\n{Abstract}\n", copies));
        var duplicates = DocumentAnalyzer.Analyze(PaperDocument.Parse(text)).Where(d => d.Code == "PL0301").ToList();
        Assert.That(duplicates, Has.Count.EqualTo(copies));
        Assert.That(duplicates.Max(d => d.Related.Count), Is.EqualTo(expected));
        Assert.That(duplicates.Sum(d => d.Related.Count), Is.LessThanOrEqualTo(Math.Max(1000 + 20 * 20, 2 * copies)));
    }

    [Test]
    public void Names_with_letters_outside_the_basic_plane_are_names()
    {
        var entry = PaperDocument.Parse("A Study of 🚀 RocketsEkin Akyürek-𝔅, 𠀋 Zhang\nAbstract.").Entries.Single();
        Assert.That(entry.Title, Is.EqualTo("A Study of 🚀 Rockets"));
        Assert.That(entry.Authors.Select(a => a.Name), Is.EqualTo(new[] { "Ekin Akyürek-𝔅", "𠀋 Zhang" }));
    }

    [Test]
    public void An_abstract_that_contains_a_bar_stays_an_abstract()
    {
        var text = "A Study of ThingsJane Doe, John Smith\nWe report results on GLUE | SuperGLUE benchmarks.\nAnother StudyAda Lovelace\nMore.";
        var entries = PaperDocument.Parse(text).Entries.ToList();
        Assert.That(entries.Select(e => e.Title), Is.EqualTo(new[] { "A Study of Things", "Another Study" }));
        Assert.That(entries[0].Abstract, Is.EqualTo("We report results on GLUE | SuperGLUE benchmarks."));
    }

    [Test]
    public void The_explicit_separator_names_the_boundary_even_where_inference_would_not()
    {
        var entry = PaperDocument.Parse("Ask MarcoPolo | Zhang Wei, Ian Reed et al. · mit\nAbstract.").Entries.Single();
        Assert.That(entry.Title, Is.EqualTo("Ask MarcoPolo"));
        Assert.That(entry.Authors.Select(a => a.Name), Is.EqualTo(new[] { "Zhang Wei", "Ian Reed" }));
        Assert.That(entry.Node.EtAl, Is.True);
        Assert.That(entry.Node.Confidence, Is.EqualTo(BoundaryConfidence.Certain));
    }

    [Test]
    public void Ignore_comment_silences_one_code_on_the_next_entry_only()
    {
        var text = $"// paperlsp-ignore PL0206\nA Study of ThingsJane Doe\n\nAnother StudyAda Lovelace\n";
        var codes = DocumentAnalyzer.Analyze(PaperDocument.Parse(text)).Select(d => (d.Code, d.Range.Start.Line)).ToList();
        Assert.That(codes, Does.Not.Contain(("PL0206", 1)));
        Assert.That(codes, Does.Contain(("PL0206", 3)));
    }

    [Test]
    public void Not_a_duplicate_comment_on_one_copy_silences_the_pair()
    {
        var text = $"A Study of ThingsJane Doe\n{Abstract}\n// paperlsp-ignore PL0301 -- the 2024 follow-up, not the same paper\nA Study of ThingsJane Doe\nA different abstract.";
        var diagnostics = DocumentAnalyzer.Analyze(PaperDocument.Parse(text));
        Assert.That(diagnostics.Where(d => d.Code == "PL0301"), Is.Empty);
    }

    [Test]
    public void Ignore_file_comment_silences_a_code_everywhere_and_leaves_others()
    {
        var text = $"A Study of ThingsJane Doe  \n{Abstract}  \n// paperlsp-ignore-file PL0502\nA Study of ThingsJane Doe\n{Abstract}";
        var codes = DocumentAnalyzer.Analyze(PaperDocument.Parse(text)).Select(d => d.Code).ToList();
        Assert.That(codes, Does.Not.Contain("PL0502"));
        Assert.That(codes, Does.Contain("PL0301"));
    }

    [Test]
    public void Ignore_comment_without_codes_silences_every_code_on_the_next_entry()
    {
        var text = $"// paperlsp-ignore\n29.4CLSept 25, 2022\nA Study of ThingsJane Doe, , Jane Doe";
        Assert.That(DocumentAnalyzer.Analyze(PaperDocument.Parse(text)), Is.Empty);
    }

    [Test]
    public void The_seed_has_only_the_two_OpenNMT_duplicates()
    {
        var diagnostics = DocumentAnalyzer.Analyze(PaperDocument.Parse(File.ReadAllText(TestPaths.SeedPapers)));
        Assert.That(diagnostics.Select(d => (d.Code, Line: d.Range.Start.Line + 1)), Is.EqualTo(new[] { ("PL0301", 68), ("PL0301", 70) }));
        Assert.That(diagnostics[0].Message, Does.Contain("line 70"));
        Assert.That(diagnostics[1].Message, Does.Contain("line 68"));
    }

    [Test]
    public void Positions_are_utf16_code_units_with_astral_characters_and_diacritics()
    {
        // 𝔸 is two UTF-16 code units; the tab after it must be reported at column 15, not 14.
        var text = "𝔸 Study of Akyürek\tThingsEkin Akyürek, Łukasz Kaiser\nAn abstract.";
        var entry = PaperDocument.Parse(text).Entries.Single();
        Assert.That(entry.Authors.Select(a => a.Name), Is.EqualTo(new[] { "Ekin Akyürek", "Łukasz Kaiser" }));
        Assert.That(entry.Authors[0].Range.Start.Character, Is.EqualTo(text.IndexOf("Ekin", StringComparison.Ordinal)));
        var tab = DocumentAnalyzer.Analyze(PaperDocument.Parse(text)).Single(d => d.Code == "PL0501");
        Assert.That(tab.Range.Start, Is.EqualTo(new TextPosition(0, 19)));
    }

    private static (string Text, TextRange Range) Unmark(string marked)
    {
        var start = marked.IndexOf('«');
        var end = marked.IndexOf('»') - 1;
        var text = marked.Remove(start, 1).Remove(end, 1);
        return (text, new TextRange(PositionOf(text, start), PositionOf(text, end)));
    }

    private static TextPosition PositionOf(string text, int offset)
    {
        var line = text[..offset].Count(c => c == '\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0) lineStart = 0;
        return new TextPosition(line, offset - lineStart);
    }
}
