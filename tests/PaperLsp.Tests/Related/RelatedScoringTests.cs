using PaperLsp.Related;
using PaperLsp.Syntax;
using PaperLsp.Workspace;
using static PaperLsp.Tests.Related.RelatedWorkspace;

namespace PaperLsp.Tests.Related;

public class RelatedScoringTests
{
    private const string Unrelated = "We survey irrigation schedules for vineyards on volcanic soil.";

    [Test]
    public void A_shared_rare_author_outweighs_a_shared_prolific_one()
    {
        var text = EntryText("Query Paper", "Rita Rare, Pat Prolific", "Glaciers calving under tidal stress.")
            + EntryText("Shares The Rare Author", "Rita Rare, Someone Else", "Medieval tax ledgers of Flanders.")
            + EntryText("Shares The Prolific Author", "Pat Prolific, Another One", "Coral bleaching in warm reefs.")
            + string.Concat(Enumerable.Range(0, 12).Select(i => EntryText($"Busy Paper {(char)('A' + i)}", $"Pat Prolific, Coauthor {(char)('A' + i)}", Unrelated)));
        var workspace = new RelatedWorkspace(("/a.papers", text));

        var related = workspace.Related("Query Paper", 20);

        Assert.That(related[0].Entry.Node.Title, Is.EqualTo("Shares The Rare Author"));
        Assert.That(related[0].Reasons, Does.Contain("shared author: Rita Rare"));
        var prolific = related.Single(r => r.Entry.Node.Title == "Shares The Prolific Author");
        Assert.That(prolific.Reasons, Does.Contain("shared author: Pat Prolific"));
        Assert.That(related[0].Score, Is.GreaterThan(prolific.Score * 1.2));
    }

    [Test]
    public void A_shared_topic_relates_and_no_evidence_does_not()
    {
        var text = EntryText("Contrastive Learning of Sentence Embeddings", "Ann Alpha", "We learn sentence embeddings with a contrastive objective over augmented sentence pairs.")
            + EntryText("Sentence Embeddings from Contrastive Pairs", "Bob Beta", "Contrastive training of sentence embeddings improves semantic similarity.")
            + EntryText("Irrigation of Vineyards", "Cid Gamma", Unrelated);
        var workspace = new RelatedWorkspace(("/a.papers", text));

        var related = workspace.Related("Contrastive Learning of Sentence Embeddings");

        Assert.That(Titles(related), Is.EqualTo(new[] { "Sentence Embeddings from Contrastive Pairs" }));
        var topic = related[0].Reasons.Single(r => r.StartsWith("similar topic: ", StringComparison.Ordinal));
        Assert.That(topic["similar topic: ".Length..].Split(", "), Is.SubsetOf(new[] { "contrastive", "sentence", "embedding", "pair", "similarity" }).And.Not.Empty);
    }

    [Test]
    public void The_same_category_and_a_near_date_add_to_equal_topics()
    {
        const string abstractText = "Decoding strategies that reduce hallucination in large language models.";
        var text = EntryText("Decoding Against Hallucination", "Ann Alpha", abstractText, "29.4CLMay 25, 2022")
            // Same words, other order: the same topic, different title keys (not copies).
            + EntryText("Hallucination Against Decoding", "Bob Beta", abstractText, "12.0CLAug 3, 2022")
            + EntryText("Against Decoding Hallucination", "Cid Gamma", abstractText, "12.0CVAug 3, 2019")
            + EntryText("Decoding Hallucination Against", "Dee Delta", abstractText);
        var workspace = new RelatedWorkspace(("/a.papers", text));

        var related = workspace.Related("Decoding Against Hallucination");

        Assert.That(Titles(related), Is.EqualTo(new[] { "Hallucination Against Decoding", "Against Decoding Hallucination", "Decoding Hallucination Against" })
            .Or.EqualTo(new[] { "Hallucination Against Decoding", "Decoding Hallucination Against", "Against Decoding Hallucination" }));
        Assert.That(related[0].Reasons, Does.Contain("same category cs.CL").And.Contain("3 months apart"));
        Assert.That(related[1].Reasons.Concat(related[2].Reasons), Has.None.StartsWith("same category").And.None.EndsWith("apart"));
        Assert.That(related[0].Score, Is.GreaterThan(related[1].Score));
        Assert.That(related[1].Score, Is.EqualTo(related[2].Score).Within(1e-9), "a date years apart adds nothing");
    }

    [Test]
    public void Copies_are_not_related_and_exclude_drops_what_the_caller_says()
    {
        const string abstractText = "A toolkit for neural machine translation.";
        var text = EntryText("OpenNMT: Neural Machine Translation Toolkit", "Guillaume Klein, Yoon Kim", abstractText)
            + EntryText("OpenNMT — neural machine translation toolkit", "Guillaume Klein, Yoon Kim", abstractText)
            + EntryText("OpenNMT: Open-Source Toolkit for Neural Machine Translation", "Guillaume Klein, Yoon Kim", abstractText)
            + EntryText("Sequence-Level Knowledge Distillation", "Yoon Kim, Alexander M. Rush", "Distillation for neural machine translation.");
        var workspace = new RelatedWorkspace(("/a.papers", text));

        var related = workspace.Related("OpenNMT: Neural Machine Translation Toolkit");
        Assert.That(Titles(related), Is.EqualTo(new[] { "OpenNMT: Open-Source Toolkit for Neural Machine Translation", "Sequence-Level Knowledge Distillation" }));
        Assert.That(related[0].Reasons[0], Is.EqualTo("2 shared authors: Guillaume Klein, Yoon Kim"));

        var excluded = workspace.Related("OpenNMT: Neural Machine Translation Toolkit", exclude: entry => entry.Node.Title.StartsWith("OpenNMT", StringComparison.Ordinal));
        Assert.That(Titles(excluded), Is.EqualTo(new[] { "Sequence-Level Knowledge Distillation" }));
        Assert.That(workspace.Related("OpenNMT: Neural Machine Translation Toolkit", limit: 1), Has.Count.EqualTo(1));
        Assert.That(workspace.Related("OpenNMT: Neural Machine Translation Toolkit", limit: 0), Is.Empty);
    }

    [Test]
    public void Related_entries_are_found_across_files_and_the_query_entry_never_relates_to_itself()
    {
        var workspace = new RelatedWorkspace(
            ("/a.papers", EntryText("Reward Models for Instruction Tuning", "Yejin Choi, Noah A. Smith, Ann Alpha", "Reward models guide instruction tuning.")),
            ("/b.papers", EntryText("Instruction Tuning with Reward Models", "Noah A. Smith, Yejin Choi", "Instruction tuning guided by a reward model.")));

        var related = workspace.Related("Reward Models for Instruction Tuning");

        Assert.That(related.Select(r => r.Entry.Document.Key), Is.EqualTo(new[] { "/b.papers" }));
        Assert.That(related[0].Reasons[0], Is.EqualTo("2 shared authors: Yejin Choi, Noah A. Smith"));
        Assert.That(related[0].Reasons[1], Does.StartWith("similar topic: ").And.Contain("reward").And.Contain("instruction"));
    }

    [Test]
    public void Non_latin_titles_relate_by_their_own_words_and_never_collide_with_other_scripts()
    {
        var text = EntryText("大型语言模型的幻觉检测", "李 明", "")
            + EntryText("语言模型幻觉的评测基准", "王 芳", "")
            + EntryText("图像分割的新数据集", "张 伟", "")
            + EntryText("Большие языковые модели и галлюцинации", "Иван Петров", "")
            + EntryText("Языковые модели для перевода", "Ольга Смирнова", "");
        var workspace = new RelatedWorkspace(("/a.papers", text));

        Assert.That(Titles(workspace.Related("大型语言模型的幻觉检测")), Is.EqualTo(new[] { "语言模型幻觉的评测基准" }));
        Assert.That(Titles(workspace.Related("Большие языковые модели и галлюцинации")), Is.EqualTo(new[] { "Языковые модели для перевода" }));
    }

    [Test]
    public void Entries_without_an_abstract_or_a_title_are_indexed_and_queried_without_failing()
    {
        var text = EntryText("Sparse Attention Kernels", "Ann Alpha")
            + EntryText("Kernels for Sparse Attention on GPUs", "Bob Beta")
            + "| Nobody\n\n"
            + EntryText("Unrelated Gardening Notes", "Cid Gamma");
        var workspace = new RelatedWorkspace(("/a.papers", text));

        Assert.That(Titles(workspace.Related("Sparse Attention Kernels")), Is.EqualTo(new[] { "Kernels for Sparse Attention on GPUs" }));
        foreach (var (id, document) in workspace.Documents)
        foreach (var entry in document.Entries)
            Assert.That(() => workspace.Index.Query(new EntryRef(id, entry.Node), 10), Throws.Nothing);
    }

    [Test]
    public void An_entry_not_in_the_index_is_answered_from_its_own_terms()
    {
        var workspace = new RelatedWorkspace(("/a.papers", EntryText("Speculative Decoding for Fast Inference", "Ann Alpha", "Draft models speed up decoding.")
            + EntryText("Unrelated Gardening Notes", "Cid Gamma", Unrelated)));
        var outside = PaperDocument.Parse(EntryText("Faster Inference by Speculative Decoding", "Bob Beta", "A draft model proposes tokens."));

        var related = workspace.Index.Query(new EntryRef(new DocumentId("/new.papers"), outside.Entries.Single().Node), 10);

        Assert.That(Titles(related), Is.EqualTo(new[] { "Speculative Decoding for Fast Inference" }));
    }
}
