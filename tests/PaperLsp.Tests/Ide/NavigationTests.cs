using PaperLsp.Ide;
using PaperLsp.Text;

namespace PaperLsp.Tests.Ide;

public class NavigationTests
{
    private const string Lists = """
        //- /a.papers
        One PaperEkin Akyürek, Jacob Andreas
        Abstract.
        Two PaperJacob Andreas, Ekin Akyurek et al.
        Abstract.
        //- /b.papers
        Three PaperJane Doe, $0Ekin Akyürek
        Abstract.
        Four PaperJane Doe
        Abstract.
        """;

    [Test]
    public void References_of_an_author_are_every_header_naming_them_in_every_list()
    {
        var f = Fixture.Parse(Lists);
        var references = NavigationService.References(f.Workspace, f.CursorDocument, f.Cursor);
        Assert.That(references.Select(r => (r.File.Uri, r.Range)), Is.EqualTo(new[]
        {
            ("file:///ws/a.papers", TextRange.OnLine(0, 9, 12)),
            ("file:///ws/a.papers", TextRange.OnLine(2, 24, 12)),
            ("file:///ws/b.papers", TextRange.OnLine(0, 21, 12)),
        }));
        var highlights = NavigationService.Highlights(f.Workspace, f.CursorDocument, f.Cursor);
        Assert.That(highlights, Is.EqualTo(new[] { TextRange.OnLine(0, 21, 12) }));
    }

    [Test]
    public void Rename_changes_the_name_in_every_list_and_keeps_versions_of_open_files()
    {
        var f = Fixture.Parse(Lists);
        Assert.That(RenameService.Prepare(f.Workspace, f.CursorDocument, f.Cursor), Is.EqualTo((TextRange.OnLine(0, 21, 12), "Ekin Akyürek")));
        var change = RenameService.Rename(f.Workspace, f.CursorDocument, f.Cursor, "Ekin Akyürek-Smith");
        Assert.That(change.Files.Select(e => (e.File.Uri, e.Version)), Is.EqualTo(new (string, int?)[] { ("file:///ws/a.papers", null), ("file:///ws/b.papers", 7) }));
        var a = change.Files[0];
        Assert.That(Fixture.Apply(a.File.Document, a.Changes), Is.EqualTo("One PaperEkin Akyürek-Smith, Jacob Andreas\nAbstract.\nTwo PaperJacob Andreas, Ekin Akyürek-Smith et al.\nAbstract.\n"));
        var b = change.Files[1];
        Assert.That(Fixture.Apply(b.File.Document, b.Changes), Does.StartWith("Three PaperJane Doe, Ekin Akyürek-Smith\n"));
    }

    [TestCase("", "cannot be empty")]
    [TestCase("  ", "cannot be empty")]
    [TestCase("Ekin, Akyürek", "contains a comma")]
    [TestCase("Ekin · mit", "separate the parts of a header")]
    public void Rename_refuses_names_that_would_break_the_header(string newName, string message)
    {
        var f = Fixture.Parse(Lists);
        Assert.That(() => RenameService.Rename(f.Workspace, f.CursorDocument, f.Cursor, newName),
            Throws.TypeOf<RenameService.RenameRefused>().With.Message.Contains(message));
    }

    [Test]
    public void Rename_elsewhere_is_refused_clearly()
    {
        var f = Fixture.Parse("Some Ti$0tleJane Doe\nAbstract.");
        Assert.That(() => RenameService.Prepare(f.Workspace, f.CursorDocument, f.Cursor),
            Throws.TypeOf<RenameService.RenameRefused>().With.Message.Contains("Only an author's name can be renamed"));
    }

    [Test]
    public void Workspace_symbols_are_fuzzy_accent_blind_and_best_first()
    {
        var f = Fixture.Parse("""
            //- /a.papers
            Attention Is All You NeedAshish Vaswani, Noam Shazeer
            Abstract.
            Attentive Recurrent ModelsJane Doe
            Abstract.
            //- /b.papers
            Deep Residual LearningKaiming He, Ekin Akyürek
            Abstract.
            """);
        var results = WorkspaceSymbolService.Search(f.Workspace, "attn need");
        Assert.That(results[0].Name, Is.EqualTo("Attention Is All You Need"));
        Assert.That(results.Select(r => r.Name), Does.Not.Contain("Deep Residual Learning"));
        var author = WorkspaceSymbolService.Search(f.Workspace, "akyurek");
        Assert.That(author[0].Name, Is.EqualTo("Ekin Akyürek"));
        Assert.That(author[0].Category, Is.EqualTo(SymbolCategory.Author));
        Assert.That(author[0].Target.Range, Is.EqualTo(TextRange.OnLine(0, 34, 12)));
        Assert.That(WorkspaceSymbolService.Search(f.Workspace, "zzz"), Is.Empty);
        Assert.That(WorkspaceSymbolService.Search(f.Workspace, "a", limit: 2), Has.Count.EqualTo(2));
    }
}
