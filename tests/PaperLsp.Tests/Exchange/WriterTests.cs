using PaperLsp.Exchange;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Exchange;

/// <summary>Each writer's exact output for one entry that exercises every field.</summary>
public class WriterTests
{
    private const string List =
        "31.5CLMay 25, 2022Code\n" +
        "GPT-4 and LLaMA: 50% of the CostMihaela van der Schaar, Hal Daumé III, Prajwal et al. · mit, allen-ai\n" +
        "An abstract with & and $ and a_b.\n";

    private static string Export(ExchangeFormat format, ExportOptions? options = null) => Exporter.Export(PaperDocument.Parse(List), format, options);

    [Test]
    public void BibTeX()
    {
        Assert.That(Export(ExchangeFormat.BibTeX), Is.EqualTo(
            """
            @misc{schaar2022gpt,
              title = {{GPT}-4 and {LLaMA}: 50\% of the Cost},
              author = {van der Schaar, Mihaela and Daumé, III, Hal and Prajwal and others},
              year = {2022},
              month = may,
              day = {25},
              abstract = {An abstract with \& and \$ and a\_b.},
              primaryClass = {cs.CL},
              keywords = {cs.CL},
              affiliation = {mit and allen-ai},
              paperlsp-code = {true},
              paperlsp-score = {31.5}
            }

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Classic_BibTeX_with_ASCII_escapes() =>
        Assert.That(Export(ExchangeFormat.BibTeX, new ExportOptions(Ascii: true)), Does.Contain("author = {van der Schaar, Mihaela and Daum{\\'e}, III, Hal and Prajwal and others},"));

    [Test]
    public void BibLaTeX_keeps_UTF8_and_the_full_date()
    {
        var text = Export(ExchangeFormat.BibLaTeX);
        Assert.That(text, Does.Contain("  date = {2022-05-25},\n"));
        Assert.That(text, Does.Contain("Daumé, III, Hal"));
        Assert.That(text, Does.Contain("  eprintclass = {cs.CL},\n"));
        Assert.That(text, Does.Not.Contain("year = "));
        Assert.That(text, Does.StartWith("@misc{schaar2022gpt,\n  title = {{GPT}-4 and {LLaMA}: 50\\% of the Cost},\n"));
    }

    [Test]
    public void CSL_JSON()
    {
        Assert.That(Export(ExchangeFormat.CslJson), Is.EqualTo(
            """
            [
              {
                "id": "schaar2022gpt",
                "type": "article",
                "title": "GPT-4 and LLaMA: 50% of the Cost",
                "author": [
                  {
                    "family": "Schaar",
                    "given": "Mihaela",
                    "non-dropping-particle": "van der"
                  },
                  {
                    "family": "Daumé",
                    "given": "Hal",
                    "suffix": "III"
                  },
                  {
                    "literal": "Prajwal"
                  }
                ],
                "issued": {
                  "date-parts": [
                    [
                      2022,
                      5,
                      25
                    ]
                  ]
                },
                "abstract": "An abstract with & and $ and a_b.",
                "keyword": "cs.CL",
                "custom": {
                  "paperlsp-et-al": true,
                  "paperlsp-affiliations": [
                    "mit",
                    "allen-ai"
                  ],
                  "paperlsp-code": true,
                  "paperlsp-score": 31.5
                }
              }
            ]

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void RIS()
    {
        Assert.That(Export(ExchangeFormat.Ris), Is.EqualTo(
            "TY  - UNPB\r\nTI  - GPT-4 and LLaMA: 50% of the Cost\r\n" +
            "AU  - van der Schaar, Mihaela\r\nAU  - Daumé, Hal, III\r\nAU  - Prajwal\r\nC2  - et al.\r\n" +
            "AD  - mit\r\nAD  - allen-ai\r\nAB  - An abstract with & and $ and a_b.\r\n" +
            "PY  - 2022\r\nDA  - 2022/05/25/\r\nKW  - cs.CL\r\nC3  - Code\r\nC1  - 31.5\r\nER  - \r\n"));
    }

    [Test]
    public void An_entry_without_authors_or_metadata_exports_what_it_has()
    {
        var document = PaperDocument.Parse("just a title with no authors at all\nAn abstract.\n");
        var bib = Exporter.Export(document, ExchangeFormat.BibTeX);
        Assert.That(bib, Is.EqualTo("@misc{anonjust,\n  title = {just a title with no authors at all},\n  abstract = {An abstract.}\n}\n"));
        Assert.That(Exporter.Export(document, ExchangeFormat.Ris), Does.Not.Contain("AU  -"));
    }

    [Test]
    public void A_range_exports_the_entries_it_touches()
    {
        var text = File.ReadAllText(TestPaths.SeedPapers);
        var document = PaperDocument.Parse(text);
        var third = document.Entries.ElementAt(2);
        var fourth = document.Entries.ElementAt(3);
        // From inside the third entry's abstract to the fourth entry's header: both entries, whole.
        var bib = Exporter.Export(document, ExchangeFormat.BibTeX, firstLine: third.AbstractLine!.Value, lastLine: fourth.HeaderLine);
        Assert.That(bib.Split('\n').Count(l => l.StartsWith('@')), Is.EqualTo(2));
        Assert.That(bib, Does.StartWith("@misc{agrawal2022large,"));
        Assert.That(bib, Does.Contain("title = {Reasoning or Reciting?"));
    }
}
