using PaperLsp.Related;

namespace PaperLsp.Tests.Related;

public class TopicTermsTests
{
    [TestCase("Attention Is All You Need", new[] { "attention", "need" })]
    [TestCase("Café Models: Łódź, Straße and Søndergaard", new[] { "cafe", "model", "lodz", "strasse", "sondergaard" })]
    [TestCase("Zero-shot LLMs' Abilities in 2024", new[] { "zero", "shot", "llm", "ability" })]
    [TestCase("Transformer Analysis of Corpus Bias", new[] { "transformer", "analysis", "corpus", "bias" })]
    [TestCase("Большие языковые модели", new[] { "большие", "языковые", "модели" })]
    [TestCase("大型语言模型", new[] { "大型", "型语", "语言", "言模", "模型" })]
    [TestCase("BERT与GPT", new[] { "bert", "与", "gpt" })]
    [TestCase("", new string[0])]
    public void Terms_are_folded_words_without_stop_words_and_cjk_character_pairs(string text, string[] expected) =>
        Assert.That(TopicTerms.Of(text), Is.EqualTo(expected));
}
