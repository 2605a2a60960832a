using PaperLsp.Ide;

namespace PaperLsp.Tests.Ide;

public class HoverTests
{
    private static HoverCard Hover(string fixture)
    {
        var f = Fixture.Parse(fixture);
        return HoverService.Hover(f.Workspace, f.CursorDocument, f.Cursor) ?? throw new AssertionException("no hover");
    }

    private const string Workspace = """
        //- /a.papers
        29.4CLMay 25, 2022
        Large Language Models are Few-Shot Clinical $0Information ExtractorsMonica Agrawal, Stefan Hegselmann, Hunter Lang et al. · mit
        A long-running goal of the clinical NLP community is the extraction of important variables trapped in clinical notes.
        Second PaperMonica Agrawal, David Sontag
        Another abstract.
        //- /b.papers
        30.5LGMar 2, 2023Code
        Large language models are few-shot clinical information extractorsMonica Agrawal, Hunter Lang
        The same paper, listed again.
        """;

    [Test]
    public void A_title_card_has_authors_with_counts_metadata_abstract_and_the_other_copies()
    {
        var card = Hover(Workspace);
        Assert.That(card.Markdown, Does.StartWith("**Large Language Models are Few\\-Shot Clinical Information Extractors**").Or.StartWith("**Large Language Models are Few-Shot Clinical Information Extractors**"));
        Assert.That(card.PlainText, Does.Contain("Monica Agrawal (3 papers), Stefan Hegselmann (1 paper), Hunter Lang (2 papers) et al."));
        Assert.That(card.PlainText, Does.Contain("cs.CL — Computation and Language · May 25, 2022 · score 29.4"));
        Assert.That(card.Markdown, Does.Contain("Affiliations: `mit`"));
        Assert.That(card.PlainText, Does.Contain("A long-running goal of the clinical NLP community"));
        Assert.That(card.Markdown, Does.Contain("[b.papers:2](file:///ws/b.papers#L2)"));
        Assert.That(card.Range, Is.EqualTo(PaperLsp.Text.TextRange.OnLine(1, 0, "Large Language Models are Few-Shot Clinical Information Extractors".Length)));
    }

    [Test]
    public void An_author_card_counts_entries_names_coauthors_and_lists_papers_across_files()
    {
        var card = Hover(Workspace.Replace("$0", "").Replace("ExtractorsMonica", "Extractors$0Monica"));
        Assert.That(card.PlainText, Does.StartWith("Monica Agrawal\n\n3 papers in the workspace, in 2 lists."));
        Assert.That(card.PlainText, Does.Contain("Often with: Hunter Lang (2), David Sontag (1), Stefan Hegselmann (1)"));
        Assert.That(card.PlainText, Does.Contain("• Second Paper — a.papers:4"));
        Assert.That(card.PlainText, Does.Contain("— b.papers:2"));
        Assert.That(card.Range.Start.Character, Is.EqualTo("Large Language Models are Few-Shot Clinical Information Extractors".Length));
    }

    [Test]
    public void A_prolific_authors_papers_are_capped()
    {
        var lines = string.Join("\n", Enumerable.Range(1, 14).Select(i => $"Paper Number {i}Jane Doe\nAbstract {i}."));
        var card = Hover("//- /a.papers\n" + lines.Replace("Paper Number 3Jane", "Paper Number 3$0Jane"));
        Assert.That(card.PlainText, Does.Contain("14 papers in the workspace."));
        Assert.That(card.PlainText.Split('\n').Count(l => l.StartsWith("• ")), Is.EqualTo(HoverService.MaxPapers));
        Assert.That(card.PlainText, Does.Contain("and 4 more"));
    }

    [TestCase("29.4$0CLMay 25, 2022", "cs.CL — Computation and Language")]
    [TestCase("2$09.4CLMay 25, 2022", "Score 29.4")]
    [TestCase("29.4CLMa$0y 25, 2022", "May 25, 2022")]
    [TestCase("29.4CLMay 25, 2022Co$0de", "Code")]
    [TestCase("1.0stat.M$0LJan 3, 2021", "stat.ML — Machine Learning")]
    public void Metadata_parts_are_explained(string metadata, string heading)
    {
        var card = Hover($"{metadata}\nSome TitleJane Doe\nAbstract.\n");
        Assert.That(card.PlainText, Does.StartWith(heading));
    }

    [Test]
    public void Et_al_affiliations_and_directives_are_explained()
    {
        Assert.That(Hover("Some TitleJane Doe et a$0l. · mit\nAbstract.").PlainText, Does.StartWith("et al.").And.Contain("more wrote it"));
        Assert.That(Hover("Some TitleJane Doe et al. · m$0it\nAbstract.").PlainText, Does.StartWith("mit").And.Contain("1 paper in the workspace"));
        var directive = Hover("// paperlsp-ign$0ore PL0301\nSome TitleJane Doe\nAbstract.").PlainText;
        Assert.That(directive, Does.Contain("Silences PL0301 (duplicate-entry) on the entry below."));
    }

    [Test]
    public void Markdown_in_titles_is_escaped_and_plain_text_is_not()
    {
        var card = Hover("Learning *Fast* with $\\infty$ <Ranks> | $0x_1 Jane Doe\nAbstract.".Replace("| $0x_1 Jane Doe", "| Jane Doe").Replace("Learning", "Lear$0ning"));
        Assert.That(card.Markdown, Does.StartWith(@"**Learning \*Fast\* with \$\\infty\$ \<Ranks\>**"));
        Assert.That(card.PlainText, Does.StartWith("Learning *Fast* with $\\infty$ <Ranks>"));
    }

    [Test]
    public void Nothing_to_say_on_the_abstract()
    {
        var f = Fixture.Parse("Some TitleJane Doe\nAn ab$0stract.");
        Assert.That(HoverService.Hover(f.Workspace, f.CursorDocument, f.Cursor), Is.Null);
    }

    [Test]
    public void Every_known_category_has_a_name()
    {
        foreach (var (code, _) in ArxivCategoryNames.Names) Assert.That(PaperLsp.Syntax.ArxivCategories.IsKnown(code), code);
        foreach (var listing in new[] { "CL", "LG", "CV", "AI", "ML", "quant-ph", "math.PR" })
            Assert.That(ArxivCategoryNames.Describe(listing), Is.Not.Null, listing);
        Assert.That(ArxivCategoryNames.Describe("ML"), Is.EqualTo("stat.ML — Machine Learning"));
    }
}
