using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Tests.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;
using Edit = PaperLsp.Tests.Syntax.IncrementalParseTests.Edit;

namespace PaperLsp.Tests.Index;

/// <summary>
/// The workspace index follows edits delta by delta; it must always equal an index built fresh from what the workspace
/// shows. Proven over random scripts across several files (single and multi-change edits, open and close), as the
/// parser's incremental reparse is.
/// </summary>
public class WorkspaceIndexTests
{
    /// <summary>One step: edit file <see cref="File"/> with one or two changes at once, or close and reopen it.</summary>
    public sealed record Step(int File, Edit First, Edit? Second, bool Reopen)
    {
        public override string ToString() => Reopen ? $"reopen {File}" : $"{File}: {First}{(Second is null ? "" : " + " + Second)}";
    }

    private static readonly string[] BaseNames = ["seed-head", "synthetic", "mixed", "seed", "empty"];

    private static Arbitrary<(int Files, Step[] Steps)> ScriptArbitrary()
    {
        var edit = IncrementalParseTests.EditGen();
        var step = from file in Gen.Choose(0, 2)
                   from first in edit
                   from two in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                   from second in edit
                   from reopen in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
                   select new Step(file, first, two ? second : null, reopen);
        return MultiFileScripts.Of(step, 10, (s, files) => s with { File = s.File % files });
    }

    [Test]
    public void Index_after_random_edits_across_files_equals_the_index_built_fresh()
    {
        MultiFileScripts.Hold(ScriptArbitrary(), 400, 20261201UL, (files, steps) => Replay(files, steps, deferOpens: false));
    }

    /// <summary>
    /// A large list opened defers its index to the first read, and changes on top of a deferred index are deferred too:
    /// read only now and then, the index must still be what a fresh build gives.
    /// </summary>
    [Test]
    public void A_deferred_index_read_now_and_then_equals_the_index_built_fresh()
    {
        MultiFileScripts.Hold(ScriptArbitrary(), 200, 20261203UL, (files, steps) => Replay(files, steps, deferOpens: true));
    }

    [Test]
    public void A_deferred_index_is_computed_on_its_first_read_or_after_the_most_changes_it_may_hold()
    {
        var id = new DocumentId("/w/large.papers");
        var text = IncrementalParseTests.Bases["synthetic"];
        var snapshot = WorkspaceSnapshot.Empty.Opened(id, "file:///w/large.papers", PaperDocument.Parse(text), 1, deferIndex: true);
        Assert.That(snapshot.IsIndexed, Is.False, "opening defers the index");
        var document = snapshot.Get(id)!.Document;
        // The open is the first deferred change.
        for (var n = 0; n < WorkspaceSnapshot.MaxDeferredChanges - 1; n++)
        {
            document = document.Apply(new TextChange(new TextRange(new(0, 0), new(0, 0)), n % 2 == 0 ? "x" : ""));
            snapshot = snapshot.Changed(id, document, n + 2);
            Assert.That(snapshot.IsIndexed, Is.False, $"change {n} on a deferred index is deferred");
        }
        snapshot = snapshot.Changed(id, document.Apply(new TextChange(new TextRange(new(0, 0), new(0, 0)), "y")), 1000);
        Assert.That(snapshot.IsIndexed, Is.True, "past the most deferred changes the next change computes them");
        Assert.That(snapshot.Index.Describe(), Is.EqualTo(snapshot.BuildIndexFresh().Describe()));
    }

    private static string? Replay(int fileCount, Step[] steps, bool deferOpens)
    {
        var ids = Enumerable.Range(0, fileCount).Select(i => new DocumentId($"/w/list{i}.papers")).ToArray();
        var texts = ids.Select((_, i) => IncrementalParseTests.Bases[BaseNames[i]]).ToArray();
        var snapshot = WorkspaceSnapshot.Empty;
        // File 0 is open over its disk text, the others are on disk; edits open a file first.
        for (var i = 0; i < fileCount; i++) snapshot = snapshot.WithDiskFile(ids[i], "file://" + ids[i].Key, PaperDocument.Parse(texts[i]));
        var diskTexts = texts.ToArray();
        for (var n = 0; n < steps.Length; n++)
        {
            var step = steps[n];
            var id = ids[step.File];
            if (step.Reopen)
            {
                snapshot = snapshot.Closed(id);
                texts[step.File] = diskTexts[step.File];
            }
            else
            {
                if (snapshot.Get(id) is not { IsOpen: true }) snapshot = snapshot.Opened(id, "file://" + id.Key, PaperDocument.Parse(texts[step.File]), 1, deferIndex: deferOpens);
                var document = snapshot.Get(id)!.Document;
                var (first, afterFirst) = IncrementalParseTests.Resolve(step.First, texts[step.File], document);
                var changes = new List<TextChange> { first };
                var text = afterFirst;
                if (step.Second is { } second)
                {
                    var (change, afterSecond) = IncrementalParseTests.Resolve(second, afterFirst, document.Apply(first));
                    changes.Add(change);
                    text = afterSecond;
                }
                var edited = document.Apply(changes);
                if (edited.Deltas.Count != changes.Count) return $"step {n}: {edited.Deltas.Count} deltas for {changes.Count} changes";
                snapshot = snapshot.Changed(id, edited, n + 2);
                texts[step.File] = text;
            }
            if (deferOpens && n % 3 != 2 && n != steps.Length - 1) continue;
            var incremental = snapshot.Index.Describe();
            var fresh = snapshot.BuildIndexFresh().Describe();
            if (incremental != fresh) return $"step {n} ({step}): index differs\n--- incremental\n{incremental}\n--- fresh\n{fresh}";
        }
        return null;
    }

    /// <summary>A name made of letters only, different for each <paramref name="n"/>.</summary>
    private static string Word(int n)
    {
        var letters = "";
        for (var k = n + 26; k > 0; k /= 26) letters = (char)('a' + k % 26) + letters;
        return char.ToUpperInvariant(letters[0]) + letters[1..];
    }

    /// <summary>
    /// One author with more co-authors than a <see cref="CountMap{TKey}"/> keeps in an array: edits that move the count
    /// across that limit (a block of entries deleted and pasted back) and edits inside the tree form must still equal
    /// a fresh build.
    /// </summary>
    [Test]
    public void A_prolific_author_across_the_compact_form_limit_follows_edits_as_a_fresh_build()
    {
        var count = CountMap<string>.ArrayLimit + 40;
        static string Header(int i) => $"Study of {Word(i)} methodsAda Lovelace, Jon {Word(i)}";
        var text = string.Concat(Enumerable.Range(0, count).Select(i => $"{Header(i)}\nAbstract {i}.\n\n"));
        var id = new DocumentId("/w/prolific.papers");
        var snapshot = WorkspaceSnapshot.Empty.Opened(id, "file:///w/prolific.papers", PaperDocument.Parse(text), 1);
        var ada = snapshot.Index.Author("ada lovelace")!;
        Assert.That(ada.Coauthors.Count, Is.EqualTo(count));
        Assert.That(ada.Coauthors.IsTree, "past the limit the co-authors are a tree");
        Assert.That(ada.Coauthors["jon " + Word(7).ToLowerInvariant()], Is.EqualTo(1));

        // Delete 60 entries at once (below the limit), edit a co-author in the array form, paste them back, edit in the tree form.
        var document = snapshot.Get(id)!.Document;
        var block = text[..text.IndexOf(Header(60), StringComparison.Ordinal)];
        var deleteBlock = new TextChange(new TextRange(new(0, 0), new(60 * 3, 0)), "");
        var steps = new List<Func<PaperDocument, PaperDocument>>
        {
            d => d.Apply(deleteBlock),
            // The end of a header is the end of the co-author's name: "Jon Di" becomes "Jon Dix".
            d => d.Apply(new TextChange(TextRange.OnLine(0, Header(60).Length, 0), "x")),
            d => d.Apply(new TextChange(new TextRange(new(0, 0), new(0, 0)), block)),
            d => d.Apply(new TextChange(TextRange.OnLine(3 * 100, Header(100).Length, 0), "y")),
        };
        var version = 2;
        var sizes = new List<int>();
        foreach (var step in steps)
        {
            document = step(document);
            snapshot = snapshot.Changed(id, document, version++);
            Assert.That(snapshot.Index.Describe(), Is.EqualTo(snapshot.BuildIndexFresh().Describe()), $"after step {version - 2}");
            var coauthors = snapshot.Index.Author("ada lovelace")!.Coauthors;
            Assert.That(coauthors.IsTree, Is.EqualTo(coauthors.Count > CountMap<string>.ArrayLimit));
            sizes.Add(coauthors.Count);
        }
        Assert.That(sizes, Is.EqualTo(new[] { count - 60, count - 60, count, count }), "the steps cross the limit down and up");
        var last = snapshot.Index.Author("ada lovelace")!.Coauthors;
        Assert.That(last.ContainsKey($"jon {Word(60).ToLowerInvariant()}x") && last.ContainsKey($"jon {Word(100).ToLowerInvariant()}y"), "both renames reached the index");
        Assert.That(last.ContainsKey($"jon {Word(60).ToLowerInvariant()}"), Is.False);
    }

    [Test]
    public void A_change_with_several_edits_carries_every_delta()
    {
        var text = "First PaperJane Doe, John Smith\nAbstract one.\n\nSecond PaperAda Lovelace\nAbstract two.\n\nThird PaperAlan Turing\nAbstract three.\n";
        var document = PaperDocument.Parse(text);
        // Two cursors: one renames Jane Doe in the first entry, one Alan Turing in the last. The second range is
        // positioned against the text the first left, as LSP orders the changes of one didChange.
        var edited = document.Apply(
        [
            new TextChange(TextRange.OnLine(0, 11, 8), "Janet Doe"),
            new TextChange(TextRange.OnLine(6, 11, 11), "Alan M. Turing"),
        ]);
        Assert.That(edited.Deltas, Has.Count.EqualTo(2));
        Assert.That(edited.LastDelta, Is.SameAs(edited.Deltas[^1]));
        Assert.That(edited.Deltas[0].StartLine, Is.EqualTo(0));
        Assert.That(edited.Deltas[1].Removed.OfType<EntryNode>().Single().Authors, Is.EqualTo(new[] { "Alan Turing" }));

        // An index that follows every delta knows both edits; one that followed only the last would still list Jane Doe.
        var id = new DocumentId("/a.papers");
        var snapshot = WorkspaceSnapshot.Empty.Opened(id, "file:///a.papers", document, 1).Changed(id, edited, 2);
        Assert.That(snapshot.Index.Author("jane doe"), Is.Null);
        Assert.That(snapshot.Index.Author("janet doe")!.EntryCount, Is.EqualTo(1));
        Assert.That(snapshot.Index.Author("alan m turing")!.EntryCount, Is.EqualTo(1));
        Assert.That(snapshot.Index.Describe(), Is.EqualTo(snapshot.BuildIndexFresh().Describe()));
        var onlyLast = WorkspaceIndex.Empty.Add(id, document).Apply(id, edited.LastDelta!.Removed, edited.LastDelta.Added);
        Assert.That(onlyLast.Author("jane doe"), Is.Not.Null, "the last delta alone misses the first edit");
    }

    [Test]
    public void Closing_a_document_shows_its_disk_text_again()
    {
        var id = new DocumentId("/a.papers");
        var disk = PaperDocument.Parse("On DiskJane Doe\nAbstract.\n");
        var snapshot = WorkspaceSnapshot.Empty.WithDiskFile(id, "file:///a.papers", disk);
        var opened = snapshot.Opened(id, "file:///a.papers", PaperDocument.Parse("In The EditorAda Lovelace\nAbstract.\n"), 3);
        Assert.That(opened.Index.Author("jane doe"), Is.Null);
        Assert.That(opened.Get(id)!.Version, Is.EqualTo(3));
        Assert.That(opened.Index.Author("ada lovelace")!.Files.Keys, Is.EqualTo(new[] { id }));

        var closed = opened.Closed(id);
        Assert.That(closed.Get(id)!.Document, Is.SameAs(disk));
        Assert.That(closed.Get(id)!.IsOpen, Is.False);
        Assert.That(closed.Index.Author("ada lovelace"), Is.Null);
        Assert.That(closed.Index.Author("jane doe")!.EntryCount, Is.EqualTo(1));
        // A disk change under an open document is kept for later but does not show while it is open.
        var reopened = closed.Opened(id, "file:///a.papers", PaperDocument.Parse("In The EditorAda Lovelace\nAbstract.\n"), 4)
            .WithDiskFile(id, "file:///a.papers", PaperDocument.Parse("ChangedAlan Turing\nAbstract.\n"));
        Assert.That(reopened.Index.Author("alan turing"), Is.Null);
        Assert.That(reopened.Closed(id).Index.Author("alan turing")!.EntryCount, Is.EqualTo(1));
    }

    [Test]
    public void Authors_are_one_person_across_case_accents_and_periods_but_keep_their_spellings()
    {
        var a = new DocumentId("/a.papers");
        var b = new DocumentId("/b.papers");
        var snapshot = WorkspaceSnapshot.Empty
            .WithDiskFile(a, "file:///a.papers", PaperDocument.Parse("One PaperEkin Akyürek, Y. Kim\nAbstract.\n\nTwo PaperEkin Akyürek, Łukasz Kaiser\nAbstract.\n"))
            .WithDiskFile(b, "file:///b.papers", PaperDocument.Parse("Three PaperEkin Akyurek, Y Kim\nAbstract.\n"));
        var ekin = snapshot.Index.Author(AuthorKey.Of("Ekin Akyürek"))!;
        Assert.That(ekin.EntryCount, Is.EqualTo(3));
        Assert.That(ekin.Files[a], Is.EqualTo(2));
        Assert.That(ekin.Files[b], Is.EqualTo(1));
        Assert.That(ekin.DisplayName, Is.EqualTo("Ekin Akyürek"));
        Assert.That(ekin.Coauthors["y kim"], Is.EqualTo(2));
        Assert.That(snapshot.Index.Author("lukasz kaiser")!.DisplayName, Is.EqualTo("Łukasz Kaiser"));
        Assert.That(AuthorKey.Of("Jørgen Ødegaard"), Is.EqualTo("jorgen odegaard"));
        Assert.That(AuthorNameFolding.Transliterate("Ødegaard"), Is.EqualTo("oedegaard"));
        Assert.That(AuthorKey.Of("Straße  Groß"), Is.EqualTo("strasse gross"));
    }
}
