using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// The header reading scores a candidate name from its first token and the scores of the tokens it walked already
/// (<see cref="Names.NameScore(ReadOnlySpan{char}, int, ReadOnlySpan{Names.TokenScore}, bool)"/>). That must be exactly
/// the score of reading the whole text, for any text, glued to a title or not.
/// </summary>
public class NameScoreTests
{
    private static readonly string[] Tokens =
    [
        "Jane", "Doe", "J.", "J", "J.-P.", "-P.", "K.V.", "KV", "ZHANG", "Wei", "van", "der", "de", "'t", "Jr.", "III", "Md.", "Wm.",
        "Shengwu.", "'Bob'", "\u201CBob\u201D", "al-Rashid", "d'Alembert", "Jean-Luc", "Giró-i-Nieto", "Hung-yi", "O'Brien",
        "Dell'Orletta", "McAllister", "DeVries", "HyunWoo", "AbdulRahman", "YIng", "NetShashank", "SystemsKun", "ReportFangjun",
        "e", "Umm", "lowercase", "王芳", "𝔅ob", "Akyürek", "Models", "Learning", "Segmentation", "OpenAI", "DeepMind", "3D", "AI",
        "results.", "E", "S.", "Mac", "Le", "Cun", "Ng", "Seung", "\u00A0", "Ko\u0301", "SynthesisBowen", "MambaJane",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", "  ", "\t"];

    [Test]
    public void A_name_scored_from_walked_tokens_scores_as_the_whole_text()
    {
        var text = from count in Gen.Choose(1, 9)
                   from tokens in Gen.Elements(Tokens).ArrayOf(count)
                   from gaps in Gen.Elements(Gaps).ArrayOf(count)
                   select string.Concat(tokens.Select((token, i) => i == 0 ? token : gaps[i] + token));
        var config = Config.QuickThrowOnFailure.WithMaxTest(5000).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(Arb.From(text), Arb.From(Gen.Elements(true, false)), (name, glued) =>
        {
            var parts = name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var walked = parts.Skip(1).Select(part => Names.InnerTokenScore(part)).ToArray();
            var whole = Names.NameScore(name, glued);
            var fromWalked = Names.NameScore(name, parts[0].Length, walked, glued);
            Assert.That(BitConverter.DoubleToInt64Bits(fromWalked), Is.EqualTo(BitConverter.DoubleToInt64Bits(whole)), $"'{name}' glued {glued}: {fromWalked} vs {whole}");
            return true;
        }));
    }
}
