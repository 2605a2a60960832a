using PaperLsp.Exchange;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Exchange;

/// <summary>Files as other tools write them, and broken ones: what import makes of each.</summary>
public class ReaderTests
{
    [Test]
    public void BibTeX_as_JabRef_or_Google_Scholar_writes_it()
    {
        const string bib =
            """
            % exported by some tool
            @string{acl = "Association for " # "Computational Linguistics"}
            @comment{ignored {entirely}}
            @Article{Lester2021,
              Title     = "The Power of Scale for {Parameter-Efficient} Prompt Tuning",
              Author    = {Brian Lester and Rami Al-Rfou and Noah Constant},
              Year      = 2021,
              Month     = sep,
              Publisher = acl,
              Abstract  = {In this work, we explore
                           ``prompt tuning''.},
              Keywords  = {cs.CL, prompts},
            }
            @inproceedings{vaswani,
              title = {Attention Is All You Need},
              author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and others},
              date = {2017-06-12},
              eprintclass = {cs.CL},
            }
            """;
        var result = BibTexReader.Read(bib);
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Records, Has.Count.EqualTo(2));
        var lester = result.Records[0];
        Assert.That(lester.Title, Is.EqualTo("The Power of Scale for Parameter-Efficient Prompt Tuning"));
        Assert.That(lester.Authors.Select(a => a.Display), Is.EqualTo(new[] { "Brian Lester", "Rami Al-Rfou", "Noah Constant" }));
        Assert.That(lester.Abstract, Is.EqualTo("In this work, we explore “prompt tuning”."));
        Assert.That(lester.Date, Is.EqualTo(new PartialDate(2021, 9)));
        Assert.That(lester.Category, Is.EqualTo("cs.CL"));
        Assert.That(lester.Line, Is.EqualTo(4));

        var text = PapersWriter.Write(result.Records);
        Assert.That(text, Is.EqualTo(
            "The Power of Scale for Parameter-Efficient Prompt TuningBrian Lester, Rami Al-Rfou, Noah Constant\n" +
            "In this work, we explore “prompt tuning”.\n" +
            "0.0CLJun 12, 2017\n" +
            "Attention Is All You NeedAshish Vaswani, Noam Shazeer, Niki Parmar et al.\n\n"));
        Assert.That(PapersWriter.Write(result.Records, allAuthors: true), Does.Contain("Niki Parmar, Jakob Uszkoreit et al."));
    }

    [Test]
    public void A_broken_bib_reports_each_bad_record_with_its_line_and_keeps_the_good_ones()
    {
        const string bib =
            "@misc{good1, title = {First Good}, author = {Doe, Jane}}\n" +     // line 1
            "@misc{nocomma title = {Broken}}\n" +                               // line 2
            "@misc{unclosed, title = {Never closed,\n" +                        // line 3
            "  author = {Roe, Rick}\n" +
            "@misc{good2, title = {Second Good}, author = {Poe, Edgar Allan}}\n" + // line 5
            "@misc{notitle, author = {Nobody, Ann}}\n" +                         // line 6
            "@misc{macro, title = undefinedmacro}\n" +                           // line 7
            "@misc{good3, title = \"Third {Good}\"}\n";                          // line 8
        var result = BibTexReader.Read(bib);
        Assert.That(result.Records.Select(r => r.Title), Is.EqualTo(new[] { "First Good", "Second Good", "Third Good" }));
        Assert.That(result.Problems.Select(p => p.Line), Is.EqualTo(new[] { 2, 3, 6, 7 }));
        Assert.That(result.Problems[0].Message, Does.Contain("expected ','").And.Contain("'nocomma'"));
        Assert.That(result.Problems[1].Message, Does.Contain("unbalanced braces"));
        Assert.That(result.Problems[2].Message, Is.EqualTo("entry 'notitle' has no title"));
        Assert.That(result.Problems[3].Message, Does.Contain("undefined macro 'undefinedmacro'"));
    }

    [Test]
    public void CSL_JSON_as_Zotero_writes_it()
    {
        const string json =
            """
            [
              {"id": "x", "type": "article-journal", "title": "Deep  Learning",
               "author": [{"family": "LeCun", "given": "Yann"}, {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
                          {"literal": "The Team"}, {"literal": "others"}],
               "issued": {"date-parts": [["2015", "5", "28"]]}, "keyword": "deep learning, cs.LG"}
            ]
            """;
        var result = CslJsonReader.Read(json);
        Assert.That(result.Problems, Is.Empty);
        var record = result.Records.Single();
        Assert.That(record.Title, Is.EqualTo("Deep Learning"));
        Assert.That(record.Authors.Select(a => a.Display), Is.EqualTo(new[] { "Yann LeCun", "Ludwig van Beethoven", "The Team" }));
        Assert.That(record.EtAl, Is.True, "a literal \"others\" is read as et al. too");
        Assert.That(record.Date, Is.EqualTo(new PartialDate(2015, 5, 28)));
        Assert.That(record.Category, Is.EqualTo("cs.LG"));
        Assert.That(PapersWriter.MetadataLine(record), Is.EqualTo("0.0LGMay 28, 2015"));
    }

    [Test]
    public void CSL_JSON_that_is_not_an_array_is_one_problem_at_line_1()
    {
        var result = CslJsonReader.Read("{\"title\": \"x\"}");
        Assert.That(result.Records, Is.Empty);
        Assert.That(result.Problems.Single().Line, Is.EqualTo(1));
        Assert.That(result.Problems.Single().Message, Does.Contain("must be an array").And.Contain("an object"));
    }

    [Test]
    public void CSL_JSON_bad_items_are_reported_with_their_lines()
    {
        const string json = "[\n  {\"title\": \"Good One\"},\n  {\"author\": []},\n  42,\n  {\"title\": \"Bad Authors\", \"author\": \"Jane\"},\n  {\"title\": \"Good Two\"}\n]";
        var result = CslJsonReader.Read(json);
        Assert.That(result.Records.Select(r => r.Title), Is.EqualTo(new[] { "Good One", "Good Two" }));
        Assert.That(result.Problems.Select(p => p.Line), Is.EqualTo(new[] { 3, 4, 5 }));
        Assert.That(result.Problems[0].Message, Is.EqualTo("item 2: has no \"title\" string"));
    }

    [Test]
    public void CSL_JSON_with_a_syntax_error_names_its_line()
    {
        var result = CslJsonReader.Read("[\n  {\"title\": \"a\"},\n  {\"title\": }\n]");
        Assert.That(result.Problems.Single().Line, Is.EqualTo(3));
        Assert.That(result.Problems.Single().Message, Does.StartWith("not valid JSON"));
    }

    [Test]
    public void RIS_as_EndNote_writes_it()
    {
        const string ris = "TY  - JOUR\nT1  - A Journal Paper\nA1  - Doe, Jane\nAU  - von Neumann, John\nAU  - Daumé, Hal, III\nY1  - 2020/03/04/\nN2  - The abstract.\nKW  - cs.AI\nER  - \n";
        var record = RisReader.Read(ris).Records.Single();
        Assert.That(record.Title, Is.EqualTo("A Journal Paper"));
        Assert.That(record.Authors, Is.EqualTo(new[] { new PersonName("Jane", "", "Doe", ""), new PersonName("John", "von", "Neumann", ""), new PersonName("Hal", "", "Daumé", "III") }));
        Assert.That(record.Date, Is.EqualTo(new PartialDate(2020, 3, 4)));
        Assert.That(record.Abstract, Is.EqualTo("The abstract."));
        Assert.That(record.Category, Is.EqualTo("cs.AI"));
    }

    [Test]
    public void RIS_records_without_ER_or_title_and_stray_text_are_reported_and_skipped_and_wrapped_lines_continue()
    {
        const string ris =
            "TY  - GEN\nTI  - Good One\nER  - \n" +        // 1-3
            "stray text\n" +                                  // 4
            "TY  - GEN\nTI  - Missing End\n" +              // 5-6
            "TY  - GEN\nTI  - A wrapped\n  long title\nER  - \n" + // 7-10
            "TY  - GEN\nAU  - Doe, Jane\nER  - \n" +        // 11-13: no title
            "TY  - GEN\nTI  - Good Two\nER  - \n" +         // 14-16
            "TY  - GEN\nTI  - Cut off at the end\n";         // 17-18
        var result = RisReader.Read(ris);
        Assert.That(result.Records.Select(r => r.Title), Is.EqualTo(new[] { "Good One", "A wrapped long title", "Good Two" }));
        Assert.That(result.Problems.Select(p => p.Line), Is.EqualTo(new[] { 4, 5, 11, 17 }));
        Assert.That(result.Problems[0].Message, Does.Contain("'stray text' is outside a record"));
        Assert.That(result.Problems[1].Message, Does.Contain("the record starting at line 5 has no 'ER  - ' line before the next 'TY  - ' at line 7"));
        Assert.That(result.Problems[2].Message, Does.Contain("has no title (TI)"));
        Assert.That(result.Problems[3].Message, Does.Contain("before the end of the file"));
    }

    [Test]
    public void A_header_that_would_not_read_back_glued_gets_the_explicit_separator()
    {
        // Glued, "Notes on" + "MariaJose Garcia" reads as the title "Notes onMaria" (a CamelCase word glued to a name);
        // " | " settles it.
        var record = new BibRecord { Title = "Notes on", Authors = [PersonNames.Split("MariaJose Garcia"), PersonNames.Split("Wei ZHANG")] };
        var header = PapersWriter.Header(record);
        Assert.That(header, Is.EqualTo("Notes on | MariaJose Garcia, Wei ZHANG"));
        var entry = PaperDocument.Parse(header + "\nx").Entries.Single();
        Assert.That(entry.Title, Is.EqualTo(record.Title));
        Assert.That(entry.Node.Authors, Is.EqualTo(new[] { "MariaJose Garcia", "Wei ZHANG" }));
    }
}
