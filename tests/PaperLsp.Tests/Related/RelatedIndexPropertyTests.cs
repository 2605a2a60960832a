using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Related;
using PaperLsp.Syntax;
using PaperLsp.Tests.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;
using Edit = PaperLsp.Tests.Syntax.IncrementalParseTests.Edit;

namespace PaperLsp.Tests.Related;

/// <summary>
/// The related index follows edits delta by delta (the way the server feeds it); after any script of edits, file
/// closes and reopens across two or three documents it must equal an index built fresh over what the documents show:
/// the same dump, and the same answers, score for score.
/// </summary>
public class RelatedIndexPropertyTests
{
    /// <summary>One step: a didChange of one or two changes to a file, or the file replaced by its original text (a reload).</summary>
    public sealed record Step(int File, Edit[] Changes, bool Reload)
    {
        public override string ToString() => Reload ? $"reload {File}" : $"{File}: {string.Join(" + ", Changes.Select(c => c.ToString()))}";
    }

    private static readonly string[] BaseNames = ["seed-head", "synthetic", "mixed"];

    private static Arbitrary<(int Files, Step[] Steps)> ScriptArbitrary()
    {
        var changes = from count in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Constant(2)))
                      from edits in IncrementalParseTests.EditGen().ArrayOf(count)
                      select edits;
        var gen = from files in Gen.Choose(2, 3)
                  from count in Gen.Choose(1, 10)
                  from steps in (from file in Gen.Choose(0, files - 1)
                                 from edits in changes
                                 from reload in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
                                 select new Step(file, edits, reload)).ArrayOf(count)
                  select (Files: files, Steps: steps);
        // Shrinks by dropping one step at a time.
        return Arb.From(gen, script => Enumerable.Range(0, script.Steps.Length > 1 ? script.Steps.Length : 0)
            .Select(i => (script.Files, script.Steps.Where((_, j) => j != i).ToArray())));
    }

    [Test]
    public void Index_after_random_edits_across_files_equals_the_index_built_fresh()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20261202UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(ScriptArbitrary(), (Action<(int Files, Step[] Steps)>)(script =>
            Assert.That(Replay(script.Files, script.Steps), Is.Null, () => "script: " + string.Join(" ; ", script.Steps.Select(s => s.ToString()))))));
    }

    private static string? Replay(int fileCount, Step[] steps)
    {
        var ids = Enumerable.Range(0, fileCount).Select(i => new DocumentId($"/w/list{i}.papers")).ToArray();
        var originals = ids.Select((_, i) => IncrementalParseTests.Bases[BaseNames[i]]).ToArray();
        var texts = originals.ToArray();
        var documents = originals.Select(PaperDocument.Parse).ToArray();
        var index = RelatedIndex.Build(ids.Zip(documents));
        for (var n = 0; n < steps.Length; n++)
        {
            var step = steps[n];
            var file = step.File;
            if (step.Reload)
            {
                index.RemoveDocument(ids[file], documents[file]);
                documents[file] = PaperDocument.Parse(originals[file]);
                texts[file] = originals[file];
                index.AddDocument(ids[file], documents[file]);
            }
            else
            {
                var document = documents[file];
                // Each change is positioned against the text the previous one left, as LSP orders one didChange's changes.
                var resolved = new List<TextChange>();
                var (text, current) = (texts[file], document);
                foreach (var edit in step.Changes)
                {
                    (var change, text) = IncrementalParseTests.Resolve(edit, text, current);
                    resolved.Add(change);
                    current = current.Apply(change);
                }
                var edited = document.Apply(resolved);
                foreach (var delta in edited.Deltas) index.Apply(ids[file], delta.Removed, delta.Added);
                documents[file] = edited;
                texts[file] = text;
            }
            var fresh = RelatedIndex.Build(ids.Zip(documents));
            if (index.Describe() != fresh.Describe())
                return $"step {n} ({step}): index differs\n--- incremental\n{index.Describe()}\n--- fresh\n{fresh.Describe()}";
            if (index.EntryCount != fresh.EntryCount) return $"step {n}: {index.EntryCount} entries, fresh {fresh.EntryCount}";
            foreach (var query in ids.Zip(documents).SelectMany(d => d.Second.Entries.Take(6).Select(e => new EntryRef(d.First, e.Node))))
            {
                var incremental = Answer(index.Query(query, 5));
                var expected = Answer(fresh.Query(query, 5));
                if (incremental != expected) return $"step {n} ({step}): answers for '{query.Node.Title}' differ\n--- incremental\n{incremental}\n--- fresh\n{expected}";
            }
        }
        return null;
    }

    /// <summary>The answer by content (file, title, exact score, reasons): entries of equal text are interchangeable.</summary>
    private static string Answer(IReadOnlyList<RelatedPaper> related) => string.Join("\n", related.Select(r =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Entry.Document} {r.Entry.Node.Title} {r.Score:R} {string.Join(" ; ", r.Reasons)}")));
}
