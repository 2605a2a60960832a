using PaperLsp.Ide;
using PaperLsp.Text;

namespace PaperLsp.Tests.Ide;

public class CompletionTests
{
    private const string Others = """
        //- /people.papers
        First PaperYoon Kim, Yejin Choi
        Abstract.
        Second PaperYoon Kim, Yejin Choi, Alexander Rush
        Abstract.
        Third PaperYoon Kim
        Abstract.
        Fourth PaperYoungjae Yu, Ekin Akyürek
        Abstract.
        Fifth PaperŁukasz Kaiser, Jørgen Ødegaard
        Abstract.
        Sixth PaperKimberly Stachenfeld, Ekin Akyürek
        Abstract.
        Seventh PaperJohn Kimball
        Abstract.
        """;

    private static (CompletionResult Result, Fixture Fixture) Complete(string line)
    {
        var f = Fixture.Parse(Others + "\n//- /new.papers\n" + line);
        return (CompletionService.Complete(f.Workspace, f.CursorDocument, f.Cursor), f);
    }

    private static string[] Labels(string line) => Complete(line).Result.Items.Select(i => i.Label).ToArray();

    [TestCase("A New TitleJane Doe, y kim$0\nAbstract.", "Yoon Kim")]
    [TestCase("A New TitleJane Doe, Kim$0\nAbstract.", "Yoon Kim")]
    [TestCase("A New TitleJane Doe, Akyurek$0\nAbstract.", "Ekin Akyürek")]
    [TestCase("A New TitleJane Doe, akyü$0\nAbstract.", "Ekin Akyürek")]
    [TestCase("A New TitleJane Doe, Lukasz$0\nAbstract.", "Łukasz Kaiser")]
    [TestCase("A New TitleJane Doe, Odegaard$0\nAbstract.", "Jørgen Ødegaard")]
    [TestCase("A New TitleJane Doe, Oedegaard$0\nAbstract.", "Jørgen Ødegaard")]
    [TestCase("A New Title | Ek$0\nAbstract.", "Ekin Akyürek")]
    // Typed before the affiliations, with the metadata line above (what the real-VS-Code suite types).
    [TestCase("12.0CLMay 25, 2022\nA Fresh Look at Reading Lists in the EditorAda Lovelace, Grace Hopper, Yoon K$0 · mit\nAbstract.", "Yoon Kim")]
    public void Matches_any_name_part_initials_and_folded_letters(string line, string expected) =>
        Assert.That(Labels(line), Does.Contain(expected));

    [Test]
    public void Frequent_authors_come_first_and_co_authors_of_the_line_before_them()
    {
        Assert.That(Labels("A New TitleJane Doe, Y$0\nAbstract.")[0], Is.EqualTo("Yoon Kim"), "three papers");
        var withCoauthor = Complete("A New TitleEkin Akyürek, Y$0\nAbstract.").Result.Items;
        Assert.That(withCoauthor[0].Label, Is.EqualTo("Youngjae Yu"), "a co-author of Ekin Akyürek, who is on the line");
        Assert.That(withCoauthor[0].Detail, Is.EqualTo("1 paper · with Ekin Akyürek"));
        Assert.That(withCoauthor.Select(i => i.SortText), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void The_edit_replaces_exactly_the_typed_prefix_and_the_list_is_incomplete()
    {
        var (result, _) = Complete("A New TitleJane Doe, y ki$0\nAbstract.");
        var item = result.Items.Single(i => i.Label == "Yoon Kim");
        var start = "A New TitleJane Doe, ".Length;
        Assert.That(item.Replace, Is.EqualTo(TextRange.OnLine(0, start, 4)));
        Assert.That(item.NewText, Is.EqualTo("Yoon Kim"));
        Assert.That(item.FilterText, Is.EqualTo("y ki"));
        Assert.That(item.ResolveKey, Is.EqualTo("yoon kim"));
        Assert.That(result.IsIncomplete, Is.True);
        Assert.That(result.Items.Select(i => i.Label), Does.Not.Contain("Jane Doe"), "not the authors already on the line");
    }

    [Test]
    public void After_a_comma_every_author_is_offered_capped()
    {
        var f = Fixture.Parse(Others + "\n//- /new.papers\nA New TitleJane Doe,$0\nAbstract.");
        var result = CompletionService.Complete(f.Workspace, f.CursorDocument, f.Cursor, limit: 3);
        Assert.That(result.Items, Has.Count.EqualTo(3));
        Assert.That(result.IsIncomplete, Is.True);
    }

    [Test]
    public void No_authors_in_a_title_an_abstract_or_a_comment()
    {
        Assert.That(Labels("A New Ti$0tleJane Doe\nAbstract."), Is.Empty);
        Assert.That(Labels("A New TitleJane Doe\nAn abstract, y$0"), Is.Empty);
        Assert.That(Labels("// a comment, y$0\nA New TitleJane Doe\nAbstract."), Is.Empty);
    }

    [Test]
    public void Categories_after_the_score_and_months_after_the_category()
    {
        var categories = Complete("29.4C$0\nA New TitleJane Doe\nAbstract.").Result.Items;
        Assert.That(categories.Select(i => i.Label), Does.Contain("CL").And.Contain("CV"));
        Assert.That(categories.Single(i => i.Label == "CL").Detail, Is.EqualTo("cs.CL — Computation and Language"));
        Assert.That(categories.Single(i => i.Label == "CL").Replace, Is.EqualTo(TextRange.OnLine(0, 4, 1)));
        var months = Complete("29.4CLMa$0\nA New TitleJane Doe\nAbstract.").Result.Items;
        Assert.That(months.Select(i => i.Label), Is.EqualTo(new[] { "Mar", "May" }));
        Assert.That(months[0].Detail, Is.EqualTo("March"));
        Assert.That(months[0].Replace, Is.EqualTo(TextRange.OnLine(0, 6, 2)));
    }

    [Test]
    public void Affiliation_slugs_after_the_middle_dot()
    {
        var f = Fixture.Parse("//- /a.papers\nOne PaperJane Doe · google-research, mit\nAbstract.\nTwo PaperJane Doe · google-deepmind\nAbstract.\n//- /b.papers\nThree PaperJohn Roe · goo$0\nAbstract.");
        var items = CompletionService.Complete(f.Workspace, f.CursorDocument, f.Cursor).Items;
        Assert.That(items.Select(i => i.Label), Is.EquivalentTo(new[] { "google-research", "google-deepmind" }));
        Assert.That(items[0].Replace.Start.Character, Is.EqualTo("Three PaperJohn Roe · ".Length));
    }
}
