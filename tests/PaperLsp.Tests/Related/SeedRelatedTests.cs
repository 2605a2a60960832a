namespace PaperLsp.Tests.Related;

/// <summary>The real example list: neighbours a reader would name must rank high.</summary>
public class SeedRelatedTests
{
    private static RelatedWorkspace Seed() => new(("/seed.papers", File.ReadAllText(TestPaths.SeedPapers)));

    [Test]
    public void OpenNMT_relates_first_to_its_other_versions_then_to_other_Yoon_Kim_papers()
    {
        var workspace = Seed();
        const string title = "OpenNMT: Neural Machine Translation Toolkit";

        var all = workspace.Related(title);
        // Lines 68 and 70 are other versions of the paper (possible duplicates): the caller excludes them as copies.
        Assert.That(RelatedWorkspace.Titles(all.Take(2)), Is.EquivalentTo(new[]
        {
            "OpenNMT: Open-source Toolkit for Neural Machine Translation", "OpenNMT: Open-Source Toolkit for Neural Machine Translation",
        }));
        Assert.That(all[0].Reasons[0], Is.EqualTo("3 shared authors: Guillaume Klein, Yoon Kim, Yuntian Deng"));

        var others = workspace.Related(title, 8, exclude: entry => entry.Node.Title.StartsWith("OpenNMT", StringComparison.Ordinal));
        Assert.That(others, Has.Count.EqualTo(8));
        Assert.That(others.Select(r => r.Reasons[0]), Has.All.EqualTo("shared author: Yoon Kim"));
        Assert.That(others.Select(r => r.Entry.Node.Authors), Has.All.Contain("Yoon Kim"));
    }

    [Test]
    public void DiffCSE_relates_to_the_papers_of_its_authors_before_papers_sharing_only_words()
    {
        var workspace = Seed();

        var related = workspace.Related("DiffCSE: Difference-based Contrastive Learning for Sentence Embeddings");

        Assert.That(related[0].Entry.Node.Title, Does.StartWith("DoLa: Decoding by Contrasting Layers"));
        Assert.That(related[0].Reasons[0], Is.EqualTo("2 shared authors: Yung-Sung Chuang, Hongyin Luo"));
        Assert.That(related.Take(3).Select(r => r.Reasons[0]), Has.All.Contain("Yung-Sung Chuang").Or.Contain("Hongyin Luo"));
        var byTopicOnly = related.Where(r => !r.Reasons[0].Contains("shared author")).ToList();
        Assert.That(byTopicOnly, Is.Not.Empty);
        Assert.That(byTopicOnly.Select(r => r.Reasons[0]), Has.All.StartWith("similar topic: "));
        Assert.That(byTopicOnly.Max(r => r.Score), Is.LessThan(related[2].Score));
    }

    [Test]
    public void Every_seed_entry_is_answered_best_first_without_itself_or_its_title_copies()
    {
        var workspace = Seed();
        foreach (var (id, document) in workspace.Documents)
        foreach (var entry in document.Entries)
        {
            var related = workspace.Index.Query(new Workspace.EntryRef(id, entry.Node), 10);
            Assert.That(related.Select(r => r.Score), Is.Ordered.Descending);
            Assert.That(related.Select(r => r.Entry.Node.TitleKey), Has.None.EqualTo(entry.Node.TitleKey));
            Assert.That(related.Select(r => r.Reasons.Count), Has.All.GreaterThan(0));
        }
    }
}
