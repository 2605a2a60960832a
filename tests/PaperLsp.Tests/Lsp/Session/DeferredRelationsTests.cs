using PaperLsp.Duplicates;
using PaperLsp.Files;
using PaperLsp.Generator;
using PaperLsp.Lsp.Session;
using PaperLsp.Lsp.Workspace;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Lsp.Session;

/// <summary>
/// The workspace session's relations for large opens, step by step on one thread (the end-to-end tests show the same
/// over stdio, where the timing decides which path runs): a second large list opened before the first one's relations
/// were built makes them be built again, with both lists; edits made meanwhile are replayed.
/// </summary>
public class DeferredRelationsTests
{
    private const string Copy = "OpenNMT: Open-Source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim, Yuntian Deng\n" +
        "We describe an open-source toolkit for neural machine translation that supports research and production.\n\n";

    private static string Large(int seed) =>
        SyntheticList.Generate(WorkspaceSession.DeferRelationsFrom + 10, seed, new SyntheticOptions(DuplicateRate: 0, HardCaseRate: 0)).TrimEnd('\n') + "\n\n" + Copy;

    private static IEnumerable<string> ExactCopies(WorkspaceSession session, string uri)
    {
        var id = DocumentUris.IdOf(uri);
        var workspace = session.Current;
        return DuplicateFindings.For(id, workspace.Get(id)!.Document, session.RelationsAsTheyAre.Duplicates, other => workspace.Get(other)?.Document,
            other => other.Key, CancellationToken.None).Where(f => f.Code == "PL0302").Select(f => f.Message);
    }

    [Test]
    public void A_second_large_open_before_the_build_makes_it_again_with_both_lists_and_the_edits_meanwhile()
    {
        var session = new WorkspaceSession(new DocumentStore());
        const string a = "file:///w/a.papers", b = "file:///w/b.papers";
        var first = Large(1);
        session.Store.Open(a, 1, first);
        Assert.That(session.HasDeferredRelations, Is.True, "a large open is taken in apart");
        session.BuildDeferred().Wait();
        session.Store.Open(b, 1, Large(2));
        Assert.That(session.DeferredRelationsBuilt, Is.False, "built without the second list: not to be put in place");
        // An edit in the first list meanwhile: its last entry is no longer a copy of the second list's.
        var lastLine = first.Split('\n').ToList().FindLastIndex(line => line.StartsWith("OpenNMT:", StringComparison.Ordinal));
        session.Store.Change(a, 2, [_ => new PaperLsp.Text.TextChange(new PaperLsp.Text.TextRange(new(lastLine, 0), new(lastLine, 0)), "Revisited ")]);
        Assert.That(ExactCopies(session, b), Is.Empty, "the current relations lack both large lists");

        session.BuildDeferred().Wait();
        Assert.That(session.DeferredRelationsBuilt, Is.True);
        session.CatchUp();
        Assert.That(session.HasDeferredRelations, Is.False);
        Assert.That(ExactCopies(session, b), Is.Empty, "the edit made meanwhile was replayed");

        // Undo the edit: the copies meet, through the relations now in place.
        session.Store.Change(a, 3, [_ => new PaperLsp.Text.TextChange(new PaperLsp.Text.TextRange(new(lastLine, 0), new(lastLine, 10)), "")]);
        Assert.That(ExactCopies(session, b).Single(), Does.Contain("/w/a.papers"));
    }
}
