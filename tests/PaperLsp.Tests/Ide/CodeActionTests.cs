using PaperLsp.Ide;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Ide;

public class CodeActionTests
{
    private static IReadOnlyList<CodeActionResult> Actions(Fixture f, int line) =>
        CodeActionService.Actions(f.Workspace, f.CursorDocument, new TextRange(new TextPosition(line, 0), new TextPosition(line, 0)));

    [Test]
    public void An_unsure_boundary_gets_one_separator_action_per_reading_the_parsers_preferred()
    {
        // A name-shaped end of the title before a space: "Anna" may end the title or start the author.
        var f = Fixture.Parse("//- /a.papers open\nInterviews with Anna Maria Rossi\nAbstract.\n");
        var document = f.Workspace.Get(f.CursorDocument)!.Document;
        var entry = document.Entries.Single();
        Assert.That(entry.Node.Confidence, Is.Not.EqualTo(BoundaryConfidence.Certain), "this header must be ambiguous for the test to mean anything: pick one the parser is unsure of");
        var fixes = Actions(f, 0).Where(a => a.Kind == ActionKind.QuickFix).ToList();
        Assert.That(fixes, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(fixes.Count(a => a.IsPreferred), Is.EqualTo(1));
        var applied = fixes.Select(a => Fixture.Apply(document, a.Change.Files.Single().Changes)).ToList();
        Assert.That(applied, Has.All.Contains(" | "));
        foreach (var text in applied) Assert.That(PaperDocument.Parse(text).Entries.Single().Node.Confidence, Is.EqualTo(BoundaryConfidence.Certain));
        Assert.That(fixes[0].FixesCodes, Is.EqualTo(new[] { "PL0202" }));
    }

    [Test]
    public void Sorting_keeps_metadata_and_directives_with_their_entry()
    {
        var text = """
            // paperlsp-ignore-file PL0502
            12.0CVJan 1, 2020
            Old PaperJane Doe
            Old abstract.
            // paperlsp-ignore PL0301
            30.5LGMar 2, 2023
            New PaperJohn Roe
            New abstract.
            Undated PaperAda Lovelace
            Undated abstract.
            """;
        var f = Fixture.Parse("//- /a.papers open\n" + text);
        var document = f.Workspace.Get(f.CursorDocument)!.Document;
        var byDate = Actions(f, 2).Single(a => a.Title == "Sort the list by date, newest first");
        Assert.That(Fixture.Apply(document, byDate.Change.Files.Single().Changes), Is.EqualTo("""
            // paperlsp-ignore-file PL0502
            // paperlsp-ignore PL0301
            30.5LGMar 2, 2023
            New PaperJohn Roe
            New abstract.
            12.0CVJan 1, 2020
            Old PaperJane Doe
            Old abstract.
            Undated PaperAda Lovelace
            Undated abstract.

            """));
        var byTitle = Actions(f, 2).Single(a => a.Title == "Sort the list by title, A to Z");
        var sorted = PaperDocument.Parse(Fixture.Apply(document, byTitle.Change.Files.Single().Changes));
        Assert.That(sorted.Entries.Select(e => e.Title), Is.EqualTo(new[] { "New Paper", "Old Paper", "Undated Paper" }));
        Assert.That(sorted.Entries.Sum(e => e.Node.LineCount), Is.EqualTo(document.Entries.Sum(e => e.Node.LineCount)), "no line lost");
    }

    [Test]
    public void Sections_sort_on_their_own()
    {
        var f = Fixture.Parse("//- /a.papers open\n# Reading\nB PaperJane Doe\nAbstract b.\nA PaperJane Doe\nAbstract a.\n# Done\nD PaperJohn Roe\nAbstract d.\nC PaperJohn Roe\nAbstract c.\n");
        var document = f.Workspace.Get(f.CursorDocument)!.Document;
        var section = Actions(f, 1).Single(a => a.Title == "Sort this section by title, A to Z");
        Assert.That(Fixture.Apply(document, section.Change.Files.Single().Changes),
            Is.EqualTo("# Reading\nA PaperJane Doe\nAbstract a.\nB PaperJane Doe\nAbstract b.\n# Done\nD PaperJohn Roe\nAbstract d.\nC PaperJohn Roe\nAbstract c.\n"));
        var all = Actions(f, 1).Single(a => a.Title == "Sort the list by title, A to Z");
        Assert.That(Fixture.Apply(document, all.Change.Files.Single().Changes),
            Is.EqualTo("# Reading\nA PaperJane Doe\nAbstract a.\nB PaperJane Doe\nAbstract b.\n# Done\nC PaperJohn Roe\nAbstract c.\nD PaperJohn Roe\nAbstract d.\n"));
    }
}

public class NameVariantTests
{
    [Test]
    public void Variants_of_one_persons_name_with_shared_co_authors_are_offered_for_unification()
    {
        var f = Fixture.Parse("""
            //- /a.papers
            One PaperMaria J. Garcia, Wei Zhang
            Abstract.
            Two PaperMaria J. Garcia, Wei Zhang, Ana Lopez
            Abstract.
            //- /b.papers
            Three PaperMaria $0Garcia, Wei Zhang
            Abstract.
            Four PaperMarta Garcia, Wei Zhang
            Abstract.
            Five PaperMaria Garcia-Lopez, Wei Zhang
            Abstract.
            //- /c.papers
            Six PaperM. Garcia, Wei Zhang
            Abstract.
            Seven PaperMaria K. Garcia, Tom Hanks
            Abstract.
            """);
        var actions = CodeActionService.Actions(f.Workspace, f.CursorDocument, new PaperLsp.Text.TextRange(f.Cursor, f.Cursor))
            .Where(a => a.Kind == ActionKind.Refactor).ToList();
        Assert.That(actions.Select(a => a.Title), Is.EquivalentTo(new[]
        {
            "Write 'Maria J. Garcia' (2 papers, also with Wei Zhang) as 'Maria Garcia' everywhere",
            "Write 'M. Garcia' (1 paper, also with Wei Zhang) as 'Maria Garcia' everywhere",
        }), "not Marta (another first name), not Garcia-Lopez (another surname), not Maria K. Garcia (no shared co-author)");
        Assert.That(actions.All(a => !a.IsPreferred));
        var unify = actions.Single(a => a.Title.StartsWith("Write 'Maria J. Garcia'"));
        var edit = unify.Change.Files.Single();
        Assert.That(Fixture.Apply(edit.File.Document, edit.Changes), Does.StartWith("One PaperMaria Garcia, Wei Zhang\nAbstract.\nTwo PaperMaria Garcia, Wei Zhang, Ana Lopez\n"));
    }
}
