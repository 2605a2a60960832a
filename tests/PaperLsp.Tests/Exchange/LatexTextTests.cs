using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Exchange;

namespace PaperLsp.Tests.Exchange;

public class LatexTextTests
{
    [TestCase("LLaMA", "{LLaMA}")]
    [TestCase("GPT-4 Technical Report", "{GPT}-4 Technical Report")]
    [TestCase("Aging with GRACE: Lifelong Model Editing", "Aging with {GRACE}: Lifelong Model Editing")]
    [TestCase("(LiGO) and Seq2Seq", "({LiGO}) and {Seq2Seq}")]
    [TestCase("A Study of Large Language Models", "A Study of Large Language Models")]
    [TestCase("ÜberNet for AI", "{ÜberNet} for {AI}")]
    public void Capitals_that_must_stay_capitals_are_braced(string title, string expected) =>
        Assert.That(LatexText.Escape(title, ascii: false, protectCapitals: true), Is.EqualTo(expected));

    [Test]
    public void Every_special_character_of_TeX_is_escaped() =>
        Assert.That(LatexText.Escape("a & b % c $ d # e _ f { g } h ~ i ^ j \\ k -- l", ascii: false, protectCapitals: false),
            Is.EqualTo("a \\& b \\% c \\$ d \\# e \\_ f \\textbraceleft{} g \\textbraceright{} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k -{}- l"));

    [TestCase("Daumé", "Daum{\\'e}")]
    [TestCase("Akyürek", "Aky{\\\"u}rek")]
    [TestCase("Łukasz Søgaard", "{\\L}ukasz S{\\o}gaard")]
    [TestCase("Nguyễn Văn", "Nguy{\\~{\\^e}}n V{\\u{a}}n")]
    [TestCase("Çağlar Gülçehre", "{\\c{C}}a{\\u{g}}lar G{\\\"u}l{\\c{c}}ehre")]
    [TestCase("naïve “quotes” – ok", "na{\\\"i}ve \\textquotedblleft{}quotes\\textquotedblright{} \\textendash{} ok")]
    [TestCase("李明", "李明")]
    public void Ascii_escapes_spell_accents_as_TeX_commands(string text, string expected) =>
        Assert.That(LatexText.Escape(text, ascii: true, protectCapitals: false), Is.EqualTo(expected));

    [TestCase("{\\'e}t{\\'e}", "été")]
    [TestCase("\\'{e}", "é")]
    [TestCase("\\\"u", "ü")]
    [TestCase("{\\ss} and \\ss{} and {\\o}", "ß and ß and ø")]
    [TestCase("\\emph{Deep} {Learning}", "Deep Learning")]
    [TestCase("a  \n  b", "a b")]
    [TestCase("pages 1--2 and---so", "pages 1–2 and—so")]
    public void Decoding_reads_what_other_tools_write(string tex, string text) =>
        Assert.That(LatexText.Decode(tex), Is.EqualTo(text));

    /// <summary>Any text, escaped either way and protected or not, decodes back to itself (spacing aside).</summary>
    [Test]
    public void Escaping_then_decoding_gives_the_text_back()
    {
        var characters = Gen.Elements("aZ &%$#_{}~^\\<>|-–—“”‘’'`é ü Łø ß ễ GPT LLaMA 李 ·…".ToCharArray());
        var property = Prop.ForAll(Gen.ArrayOf(characters).Select(chars => new string(chars)).ToArbitrary(), text =>
        {
            var expected = LatexText.CollapseWhitespace(text);
            Assert.That(LatexText.Decode(LatexText.Escape(text, ascii: true, protectCapitals: true)), Is.EqualTo(expected), "ascii, protected");
            Assert.That(LatexText.Decode(LatexText.Escape(text, ascii: false, protectCapitals: true)), Is.EqualTo(expected), "utf-8, protected");
            Assert.That(LatexText.Decode(LatexText.Escape(text, ascii: false, protectCapitals: false)), Is.EqualTo(expected), "utf-8");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }
}
