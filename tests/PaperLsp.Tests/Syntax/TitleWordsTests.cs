using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary><see cref="TitleWords.HasTitleSuffix"/> picks the endings to compare by the last letter; it must say what comparing them all says.</summary>
public class TitleWordsTests
{
    private static bool AllEndings(ReadOnlySpan<char> word) =>
        (word.Length >= 6 && (word.EndsWith("tion") || word.EndsWith("sion") || word.EndsWith("ity") || word.EndsWith("ics") || word.EndsWith("ism")))
        || (word.Length >= 8 && (word.EndsWith("ment") || word.EndsWith("ness") || word.EndsWith("ive")))
        || (word.Length >= 7 && (word.EndsWith("ized") || word.EndsWith("ised") || word.EndsWith("able") || word.EndsWith("ible")))
        || (word.Length >= 9 && word.EndsWith("ing"));

    private static readonly string[] Endings = ["tion", "sion", "ity", "ics", "ism", "ment", "ness", "ive", "ized", "ised", "able", "ible", "ing", "TION", "ion", "ng", "s", "e", ""];

    [Test]
    public void Title_suffixes_are_the_endings_compared_one_by_one()
    {
        var word = from stem in Gen.Elements("", "a", "ab", "Rob", "Segmenta", "Explicitiza", "Ro", "Kobayashi", "Mo", "Hyun")
                   from ending in Gen.Elements(Endings)
                   select stem + ending;
        var config = Config.QuickThrowOnFailure.WithMaxTest(3000).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(Arb.From(word), text =>
        {
            Assert.That(TitleWords.HasTitleSuffix(text), Is.EqualTo(AllEndings(text)), text);
            return true;
        }));
    }
}
