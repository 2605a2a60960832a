using PaperLsp.Duplicates;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Duplicates;

/// <summary>Pairs a reader would judge, many from the literature: copies must be found, near misses must not be.</summary>
public class DuplicateScorerTests
{
    private const string OpenNmtAbstract = "We describe an open-source toolkit for neural machine translation (NMT). The toolkit prioritizes efficiency, modularity, and extensibility with the goal of supporting NMT research into model architectures, feature representations, and source modalities.";

    private static EntryNode Entry(string header, string abstractText = "") =>
        PaperDocument.Parse(abstractText.Length == 0 ? header : header + "\n" + abstractText).Entries.Single().Node;

    private static DuplicateKind Kind(string a, string b, string abstractA = "", string abstractB = "") =>
        DuplicateScorer.Compare(Entry(a, abstractA), Entry(b, abstractB)).Kind;

    [Test]
    public void The_same_entry_text_is_an_exact_copy()
    {
        var verdict = DuplicateScorer.Compare(Entry("Attention Is All You NeedAshish Vaswani, Noam Shazeer", "An abstract."), Entry("Attention Is All You NeedAshish Vaswani, Noam Shazeer", "An abstract."));
        Assert.That(verdict.Kind, Is.EqualTo(DuplicateKind.ExactCopy));
        Assert.That(verdict.Reasons, Is.Not.Empty);
    }

    [TestCase("OpenNMT: Open-source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim, Yuntian Deng et al.", "OpenNMT: Open-Source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim, Yuntian Deng et al.", TestName = "Casing of one word")]
    [TestCase("Self\u2013Attention with Relative Position RepresentationsPeter Shaw, Jakob Uszkoreit, Ashish Vaswani", "Self-Attention with Relative Position RepresentationsPeter Shaw, Jakob Uszkoreit, Ashish Vaswani", TestName = "En dash for a hyphen")]
    [TestCase("\u201CWhy Should I Trust You?\u201D Explaining the Predictions of Any ClassifierMarco Tulio Ribeiro, Sameer Singh, Carlos Guestrin", "\"Why Should I Trust You?\": Explaining the Predictions of Any ClassifierMarco Tulio Ribeiro, Sameer Singh, Carlos Guestrin", TestName = "Curly quotes")]
    [TestCase("The Lottery Ticket Hypothesis for Sparse NetworksJonathan Frankle, Michael Carbin", "Lottery Ticket Hypothesis for Sparse NetworksJonathan Frankle, Michael Carbin", TestName = "A dropped leading word")]
    [TestCase("BERT: Pre-training of Deep Bidirectional Transformers for Language UnderstandingJacob Devlin, Ming-Wei Chang, Kenton Lee et al.", "BERTJacob Devlin, Ming-Wei Chang", TestName = "A dropped subtitle, authors cut shorter")]
    [TestCase("Deep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang, Shaoqing Ren et al.", "Deep Residual Learning for Image RecognitionK. He, X. Zhang, S. Ren et al.", TestName = "Initials for given names")]
    [TestCase("Łukasz Kaiser on Sparse ModelsŁukasz Kaiser", "Lukasz Kaiser on Sparse ModelsLukasz Kaiser", TestName = "Folded Polish letters")]
    public void Copies_are_the_same_paper(string a, string b) => Assert.That(Kind(a, b), Is.EqualTo(DuplicateKind.SamePaper));

    [Test]
    public void A_shortened_and_a_revised_abstract_still_make_the_same_paper()
    {
        const string header = "OpenNMT: Open-Source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim";
        Assert.That(Kind(header, "The " + header, OpenNmtAbstract[..120] + "…", OpenNmtAbstract + " We also report new results."), Is.EqualTo(DuplicateKind.SamePaper));
    }

    [TestCase("Deep Learning Part IYann LeCun", "Deep Learning Part IIYann LeCun", TestName = "Part I and Part II")]
    [TestCase("StarCoder: May the Source Be with YouRaymond Li, Loubna Ben Allal", "StarCoder 2: May the Source Be with YouRaymond Li, Loubna Ben Allal", TestName = "A numbered sequel")]
    [TestCase("UNet: A Nested ArchitectureZongwei Zhou, Nima Tajbakhsh", "UNet++: A Nested ArchitectureZongwei Zhou, Nima Tajbakhsh", TestName = "X and X++")]
    [TestCase("Comment on Deep Residual Learning for Image RecognitionJane Doe", "Deep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang", TestName = "A comment quoting the title")]
    [TestCase("Erratum: Scaling Laws for Neural Language ModelsJared Kaplan, Sam McCandlish", "Scaling Laws for Neural Language ModelsJared Kaplan, Sam McCandlish", TestName = "An erratum")]
    [TestCase("The Art of Computer Programming, Volume 1Donald Knuth", "The Art of Computer Programming, Volume 2Donald Knuth", TestName = "Volumes of one book")]
    [TestCase("MMLU: Measuring Massive Multitask Language UnderstandingDan Hendrycks, Collin Burns", "MMMU: Measuring Massive Multidiscipline Multimodal UnderstandingXiang Yue, Yuansheng Ni", TestName = "Benchmarks one letter apart")]
    [TestCase("Language Models are Few-Shot LearnersTom Brown, Benjamin Mann", "Language Models are Unsupervised Multitask LearnersAlec Radford, Jeffrey Wu", TestName = "A long shared prefix, other authors")]
    [TestCase("大规模语言模型的评估张伟", "大规模语言模型的训练张伟", TestName = "Chinese titles one character apart")]
    public void Near_misses_are_not_duplicates(string a, string b) => Assert.That(Kind(a, b), Is.EqualTo(DuplicateKind.None));

    [Test]
    public void Same_authors_and_a_long_shared_title_prefix_with_different_abstracts_are_different_papers() =>
        Assert.That(Kind("Scaling Instruction-Finetuned Language ModelsHyung Won Chung, Le Hou",
            "Scaling Instruction-Finetuned Language Models for Code GenerationHyung Won Chung, Le Hou",
            "We study instruction finetuning with a focus on scaling the number of tasks and the model size.",
            "Code generation benefits from a curriculum of programming problems that we collect from contests."), Is.EqualTo(DuplicateKind.None));

    [Test]
    public void A_new_version_under_another_subtitle_is_at_most_a_possible_duplicate() =>
        Assert.That(Kind("OpenNMT: Neural Machine Translation ToolkitGuillaume Klein, Yoon Kim, Yuntian Deng et al.",
            "OpenNMT: Open-Source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim, Yuntian Deng et al.",
            OpenNmtAbstract, OpenNmtAbstract), Is.EqualTo(DuplicateKind.Possible));

    [Test]
    public void The_same_title_by_other_authors_is_only_possible() =>
        Assert.That(Kind("A Survey of Large Language ModelsWayne Xin Zhao, Kun Zhou", "A Survey of Large Language ModelsHumza Naveed, Asad Ullah Khan"),
            Is.EqualTo(DuplicateKind.Possible));

    [Test]
    public void Displayed_authors_beyond_a_cut_list_say_nothing()
    {
        // One listing shows three authors and et al., the other the first two only: no conflict.
        Assert.That(Kind("Gated Linear AttentionSonglin Yang, Bailin Wang, Yikang Shen et al.", "The Gated Linear AttentionSonglin Yang, Bailin Wang"), Is.EqualTo(DuplicateKind.SamePaper));
        Assert.That(Kind("Gated Linear AttentionSonglin Yang, Bailin Wang", "The Gated Linear AttentionAda Lovelace, Alan Turing"), Is.EqualTo(DuplicateKind.None));
    }
}
