using PaperLsp.Duplicates;

namespace PaperLsp.Tests.Duplicates;

public class PaperTextTests
{
    private static string Key(string title) => PaperText.Key(PaperText.Words(title));

    [TestCase("Café Society", "Cafe Society")]
    [TestCase("Łódź Dataset", "Lodz dataset")]
    [TestCase("Søndergaard Straße", "Sondergaard Strasse")]
    [TestCase("Self\u2013Supervised Learning", "Self-Supervised Learning")]
    [TestCase("\u201CWhy\u201D Models Don\u2019t Learn", "\"Why\" models don't learn")]
    [TestCase("Cafe\u0301 Society", "Café Society")]
    public void Variants_in_case_accents_and_punctuation_share_a_key(string a, string b) =>
        Assert.That(Key(a), Is.EqualTo(Key(b)));

    [TestCase("X", "X++")]
    [TestCase("Learning in C", "Learning in C#")]
    [TestCase("Part I: Foundations", "Part II: Foundations")]
    [TestCase("GPT-3 Evaluation", "GPT-4 Evaluation")]
    [TestCase("大规模语言模型", "小规模语言模型")]
    [TestCase("Модели языка", "Модели зрения")]
    public void What_tells_papers_apart_stays_in_the_key(string a, string b) =>
        Assert.That(Key(a), Is.Not.EqualTo(Key(b)));

    [Test]
    public void Ideographs_are_words_of_their_own_and_other_scripts_are_kept()
    {
        Assert.That(PaperText.Words("语言模型 Survey"), Is.EqualTo(new[] { "语", "言", "模", "型", "survey" }));
        Assert.That(PaperText.Words("Модели языка"), Is.EqualTo(new[] { "модели", "языка" }));
        Assert.That(PaperText.Words("C++ and C# for X++"), Is.EqualTo(new[] { "c++", "and", "c#", "for", "x++" }));
    }

    [Test]
    public void A_shortened_abstract_is_contained_in_the_full_one()
    {
        const string full = "We introduce a toolkit for neural machine translation that prioritizes efficiency, modularity and extensibility.";
        var shortened = PaperText.Shingles("We introduce a toolkit for neural machine translation that priori…");
        var whole = PaperText.Shingles(full);
        Assert.That(PaperText.IsShortened("A text that stops..."), Is.True);
        Assert.That(PaperText.Containment(shortened, whole), Is.EqualTo(1.0));
        Assert.That(PaperText.Containment(PaperText.Shingles("An unrelated abstract about protein folding in cells."), whole), Is.EqualTo(0.0));
    }

    [Test]
    public void Stable_hashes_do_not_depend_on_the_process() =>
        Assert.That(PaperText.StableHash("neural", "machine", "translation"), Is.EqualTo(PaperText.StableHash("neural", "machine", "translation"))
            .And.Not.EqualTo(PaperText.StableHash("neural", "machinetranslation")));
}
