using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Analysis;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>Parsing never fails and never loses text, whatever the input.</summary>
public class NeverFailsTests
{
    private static readonly string[] Pieces =
    [
        "\n", "\r\n", "\r", "\t", " ", ",", ", ", "·", " · ", " | ", "|", " et al.", "//", "# ", "\uFEFF", "\0", "😀", "\uD800", "\uDC00",
        "29.4CLMay 25, 2022", "12.0", "CL", "Feb 30, 2024", "Code", "A", "Z", "z", "Akyürek", "O'", "-", "Jean-Luc", "McD", "GPT",
        "Title", "Models", "Yung-Sung Chuang", "J. R.", "van der", "III", "(AMR)", "?", "\"", "”", "128K", "LoRA", "SouYoung",
    ];

    [Test]
    public void Parse_and_analyze_never_throw_and_keep_every_character()
    {
        var text = Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts));
        var arbitrary = Arb.From(Gen.OneOf(text, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)));
        var config = Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(42, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(arbitrary, input =>
        {
            var document = PaperDocument.Parse(input);
            DocumentAnalyzer.Analyze(document);
            return document.GetText() == input;
        }));
    }
}
