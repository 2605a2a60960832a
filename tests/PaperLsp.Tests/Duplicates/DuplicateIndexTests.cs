using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Analysis;
using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Tests.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;
using Edit = PaperLsp.Tests.Syntax.IncrementalParseTests.Edit;

namespace PaperLsp.Tests.Duplicates;

/// <summary>The index follows edits across files; it and its findings must always equal those of a workspace read fresh.</summary>
public class DuplicateIndexTests
{
    public sealed record Step(int File, Edit Edit)
    {
        public override string ToString() => $"{File}: {Edit}";
    }

    private static readonly string[] BaseNames = ["seed", "synthetic", "mixed"];

    private static Arbitrary<(int Files, Step[] Steps)> ScriptArbitrary()
    {
        var step = from file in Gen.Choose(0, 2)
                   from edit in IncrementalParseTests.EditGen()
                   select new Step(file, edit);
        return MultiFileScripts.Of(step, 8, (s, files) => s with { File = s.File % files });
    }

    [Test]
    public void Index_and_findings_after_random_edits_across_files_equal_those_built_fresh()
    {
        MultiFileScripts.Hold(ScriptArbitrary(), 100, 20261202UL, Replay);
    }

    private static string? Replay(int fileCount, Step[] steps)
    {
        var ids = Enumerable.Range(0, fileCount).Select(i => new DocumentId($"/w/list{i}.papers")).ToArray();
        var texts = ids.Select((_, i) => IncrementalParseTests.Bases[BaseNames[i]]).ToArray();
        var documents = texts.Select(PaperDocument.Parse).ToArray();
        var index = DuplicateIndex.Build(ids.Zip(documents));
        // Findings are asked after every step, so the cached ones are reused and must stay right.
        Findings(index, ids, documents);
        for (var n = 0; n < steps.Length; n++)
        {
            var step = steps[n];
            var (change, text) = IncrementalParseTests.Resolve(step.Edit, texts[step.File], documents[step.File]);
            var edited = documents[step.File].Apply(change);
            var before = ids.ToDictionary(id => id, id => Findings(index, ids, documents, id));
            var affected = new HashSet<DocumentId>();
            foreach (var delta in edited.Deltas) index.Apply(ids[step.File], delta, affected);
            documents[step.File] = edited;
            texts[step.File] = text;

            var freshDocuments = documents.Select(d => PaperDocument.Parse(d.GetText())).ToArray();
            var freshIndex = DuplicateIndex.Build(ids.Zip(freshDocuments));
            if (index.Describe() != freshIndex.Describe())
                return $"step {n} ({step}): index differs\n--- incremental\n{index.Describe()}\n--- fresh\n{freshIndex.Describe()}";
            for (var i = 0; i < ids.Length; i++)
            {
                var incremental = Findings(index, ids, documents, ids[i]);
                var expected = Findings(freshIndex, ids, freshDocuments, ids[i]);
                if (incremental != expected) return $"step {n} ({step}): findings of {ids[i]} differ\n--- incremental\n{incremental}\n--- fresh\n{expected}";
                // A document whose findings changed must have been reported as affected.
                if (!affected.Contains(ids[i]) && before[ids[i]] != incremental && i != step.File)
                    return $"step {n} ({step}): {ids[i]} changed but was not reported affected";
            }
        }
        return null;
    }

    private static void Findings(DuplicateIndex index, DocumentId[] ids, PaperDocument[] documents)
    {
        foreach (var id in ids) Findings(index, ids, documents, id);
    }

    private static string Findings(DuplicateIndex index, DocumentId[] ids, PaperDocument[] documents, DocumentId id)
    {
        var document = documents[Array.IndexOf(ids, id)];
        var findings = DuplicateFindings.For(id, document, index, other => documents[Array.IndexOf(ids, other)], other => other.Key, CancellationToken.None);
        return string.Join("\n", findings.Select(f => $"{f.Range} {f.Code} {f.Message} [{string.Join(", ", f.Related.Select(r => $"{r.Document}:{r.Range}"))}]"));
    }

    [Test]
    public void Findings_asked_after_each_edit_follow_copies_removed_and_restored_and_directives_written()
    {
        // The findings of a document are reused whole while nothing they read has changed; each step here changes one
        // thing they read, one way or the other, and the findings must be those of a workspace read fresh.
        const string paper = "Deep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang\nDeeper neural networks are more difficult to train.\n";
        const string other = "An Unrelated Paper About ProteinsAda Lovelace\nProteins fold.\n";
        var ids = new[] { new DocumentId("/w/a.papers"), new DocumentId("/w/b.papers") };
        // Two pairs of copies, the second copy of the first pair last: removing it moves no other entry with findings
        // (a move would change the findings' lines, and so be seen anyway).
        var documents = new[]
        {
            PaperDocument.Parse("// notes\n" + paper + "\n" + other + "\n" + other + "\n" + paper),
            PaperDocument.Parse("A Study of ThingsJane Doe\nAbstract about things.\n"),
        };
        var index = DuplicateIndex.Build(ids.Zip(documents));
        TextChange At(int line, int character, int endLine, int endCharacter, string text) =>
            new(new TextRange(new TextPosition(line, character), new TextPosition(endLine, endCharacter)), text);
        var steps = new (string What, int File, TextChange Change, int FindingsInA)[]
        {
            ("the last copy deleted", 0, At(10, 0, 12, 0, ""), 2),
            ("the copy pasted back at the end", 0, At(10, 0, 10, 0, paper), 4),
            ("a character typed in the other list", 1, At(1, 3, 1, 3, "x"), 4),
            ("the comment rewritten in place into a directive", 0, At(0, 3, 0, 8, "paperlsp-ignore-file PL0302"), 0),
            ("the directive rewritten back", 0, At(0, 3, 0, 30, "notes"), 4),
            ("a third copy pasted into the other list", 1, At(2, 0, 2, 0, "\n" + paper), 4),
            ("that copy's title changed beyond recognition", 1, At(3, 0, 3, 4, "Shallow"), 4),
            ("the other list's entries silenced there", 1, At(0, 0, 0, 0, "// paperlsp-ignore-file PL0301\n"), 4),
        };
        Assert.That(Findings(index, ids, documents, ids[0]).Split('\n'), Has.Length.EqualTo(4));
        foreach (var (what, file, change, findingsInA) in steps)
        {
            var edited = documents[file].Apply([change]);
            var affected = new HashSet<DocumentId>();
            foreach (var delta in edited.Deltas) index.Apply(ids[file], delta, affected);
            documents[file] = edited;
            var fresh = documents.Select(d => PaperDocument.Parse(d.GetText())).ToArray();
            var freshIndex = DuplicateIndex.Build(ids.Zip(fresh));
            foreach (var id in ids)
                Assert.That(Findings(index, ids, documents, id), Is.EqualTo(Findings(freshIndex, ids, fresh, id)), $"{what}: {id}");
            var inA = Findings(index, ids, documents, ids[0]);
            Assert.That(inA.Length == 0 ? 0 : inA.Split('\n').Length, Is.EqualTo(findingsInA), $"{what}:\n{inA}");
        }
    }

    [Test]
    public void An_entry_pasted_35000_times_is_one_group_and_each_copy_names_only_its_neighbours()
    {
        const string entry = "Attention Is All You NeedAshish Vaswani, Noam Shazeer et al. · google\nThe dominant sequence transduction models are based on complex recurrent networks.\n";
        var id = new DocumentId("/w/pasted.papers");
        var document = PaperDocument.Parse(string.Concat(Enumerable.Repeat(entry, 35_000)));
        var index = DuplicateIndex.Build([(id, document)]);
        var findings = DuplicateFindings.For(id, document, index, _ => document, other => other.Key, CancellationToken.None);
        Assert.That(findings, Has.Count.EqualTo(35_000));
        Assert.That(findings.All(f => f.Code == "PL0302"), Is.True);
        Assert.That(findings.Sum(f => f.Related.Count), Is.LessThanOrEqualTo(2 * 35_000));
        Assert.That(findings[100].Message, Does.Contain("line 199").And.Contain("line 203").And.Contain("more"));
        Assert.That(index.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_paper_in_two_lists_is_reported_in_both_with_the_other_file_and_line()
    {
        var a = new DocumentId("/w/a.papers");
        var b = new DocumentId("/w/b.papers");
        var docA = PaperDocument.Parse("# Reading\nDeep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang\nDeeper neural networks are more difficult to train.\n");
        var docB = PaperDocument.Parse("12.0CVJan 1, 2016\nDeep residual learning for image recognitionKaiming He, Xiangyu Zhang, Shaoqing Ren\nDeeper neural networks are more difficult to train. We present a residual learning framework.\n");
        var index = DuplicateIndex.Build([(a, docA), (b, docB)]);
        PaperDocument Of(DocumentId id) => id == a ? docA : docB;
        var inA = DuplicateFindings.For(a, docA, index, Of, id => id.Key, CancellationToken.None).Single();
        var inB = DuplicateFindings.For(b, docB, index, Of, id => id.Key, CancellationToken.None).Single();
        Assert.That(inA.Code, Is.EqualTo("PL0301"));
        Assert.That(inA.Message, Does.Contain("/w/b.papers:2"));
        Assert.That(inA.Related.Single().Document, Is.EqualTo(b));
        Assert.That(inA.Related.Single().Range.Start.Line, Is.EqualTo(1));
        Assert.That(inB.Message, Does.Contain("/w/a.papers:2"));
        Assert.That(index.MatchesOf(new EntryRef(a, docA.Entries.Single().Node)).Single().Other.Document, Is.EqualTo(b));

        // Removing one list takes the finding away from the other, and says so.
        var affected = new HashSet<DocumentId>();
        index.RemoveDocument(b, docB, affected);
        Assert.That(affected, Is.EquivalentTo(new[] { a, b }));
        Assert.That(DuplicateFindings.For(a, docA, index, Of, id => id.Key, CancellationToken.None), Is.Empty);
    }

    [Test]
    public void Blocks_shared_by_too_many_papers_are_not_used_but_titles_still_meet()
    {
        // 150 different papers share "language models" and their first author: those keys are capped, yet the one
        // real copy still meets its original through the title key.
        var lines = Enumerable.Range(0, 150).Select(i => $"Language Models Topic{i} StudyAda Lovelace\nAbstract number {i} about one thing.\n");
        var text = string.Concat(lines) + "language models topic7 studyAda Lovelace\nAbstract number 7 about one thing.\n";
        var id = new DocumentId("/w/many.papers");
        var document = PaperDocument.Parse(text);
        var index = DuplicateIndex.Build([(id, document)]);
        var findings = DuplicateFindings.For(id, document, index, _ => document, other => other.Key, CancellationToken.None);
        Assert.That(findings.Select(f => f.Range.Start.Line), Is.EqualTo(new[] { 14, 300 }));
    }

    [Test]
    public void Blocks_that_grow_past_their_small_form_and_their_cap_and_shrink_back_equal_a_fresh_index()
    {
        // Up to 60 papers share "language models" and their first author, so those blocks pass 16 groups (an array
        // becomes a set) and 32 (the cap: pairs that met through them part) and come back down, one entry at a time.
        // Every second paper has a look-alike that shares its word pairs but not its title.
        var pool = Enumerable.Range(0, 60).Select(i =>
            $"Language Models Topic{i / 2} {(i % 2 == 0 ? "Study" : "Survey")}Ada Lovelace, Alan Turing\nWe study topic {i / 2} of language models with care and report results.\n").ToArray();
        var random = new Random(20261202);
        var present = new List<int>();
        var id = new DocumentId("/w/blocks.papers");
        var document = PaperDocument.Parse("");
        var index = DuplicateIndex.Build([(id, document)]);
        var sawMatch = false;
        var crossings = 0;
        for (var step = 0; step < 400; step++)
        {
            // Grow towards the whole pool for a while, then shrink, so each threshold is crossed both ways.
            var growing = step / 100 % 2 == 0;
            var absent = Enumerable.Range(0, pool.Length).Except(present).ToList();
            var add = absent.Count > 0 && (present.Count == 0 || random.NextDouble() < (growing ? 0.85 : 0.15));
            TextChange change;
            if (add)
            {
                var paper = absent[random.Next(absent.Count)];
                var at = random.Next(present.Count + 1);
                present.Insert(at, paper);
                change = new TextChange(new TextRange(new TextPosition(2 * at, 0), new TextPosition(2 * at, 0)), pool[paper]);
            }
            else
            {
                var at = random.Next(present.Count);
                present.RemoveAt(at);
                change = new TextChange(new TextRange(new TextPosition(2 * at, 0), new TextPosition(2 * at + 2, 0)), "");
            }
            var before = present.Count + (add ? -1 : 1);
            if ((before <= 16) != (present.Count <= 16) || (before <= 32) != (present.Count <= 32)) crossings++;
            var edited = document.Apply(change);
            foreach (var delta in edited.Deltas) index.Apply(id, delta, new HashSet<DocumentId>());
            document = edited;
            Assert.That(document.GetText(), Is.EqualTo(string.Concat(present.Select(p => pool[p]))), $"step {step}: the test's own text");
            var fresh = PaperDocument.Parse(document.GetText());
            var freshIndex = DuplicateIndex.Build([(id, fresh)]);
            Assert.That(index.Describe(), Is.EqualTo(freshIndex.Describe()), $"step {step}, {present.Count} papers");
            Assert.That(Findings(index, [id], [document], id), Is.EqualTo(Findings(freshIndex, [id], [fresh], id)), $"step {step}, {present.Count} papers");
            sawMatch |= System.Text.RegularExpressions.Regex.IsMatch(index.Describe(), @"-> \S");
        }
        Assert.That(sawMatch, Is.True, "the look-alikes were matched at some point");
        Assert.That(crossings, Is.GreaterThanOrEqualTo(4), "the block passed 16 and 32 groups up and down");
    }
}
