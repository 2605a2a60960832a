using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// The word lists of the header reading rule most spans out by their length and ends before asking their frozen set;
/// a span must be in a list exactly when the set, asked with a string, says so, whatever its case or script.
/// </summary>
public class WordSetTests
{
    private static readonly (string Name, WordSet Set)[] Lists =
    [
        ("particles", Names.Particles), ("suffixes", Names.Suffixes), ("abbreviations", Names.GivenAbbreviations),
        ("camel given", Names.CamelGivenPrefixes), ("surname prefixes", Names.SurnamePrefixes), ("elided", Names.ElidedPrefixes),
        ("common", TitleWords.Common), ("short", TitleWords.Short), ("function", TitleWords.Function),
    ];

    // Characters that equal an ASCII letter ignoring case (ı, ſ, K as the Kelvin sign, İ), letters with accents, and
    // the punctuation that ends tokens.
    private static readonly char[] Odd = ['\u0131', '\u017F', '\u212A', '\u0130', 'é', 'Ö', 'ß', '\'', '\u2019', '.', '-', ' ', '1'];

    private static Gen<string> Variant(IReadOnlyList<string> words) =>
        from word in Gen.Elements(words.ToArray())
        from edit in Gen.Choose(0, 6)
        from at in Gen.Choose(0, Math.Max(0, word.Length - 1))
        from odd in Gen.Elements(Odd)
        from upper in Gen.Elements(true, false)
        select edit switch
        {
            0 => word,
            1 => upper ? word.ToUpperInvariant() : char.ToUpperInvariant(word[0]) + word[1..],
            2 => word.Length == 0 ? word : word[..at] + odd + word[(at + 1)..],
            3 => word + odd,
            4 => odd + word,
            5 => word[..at],
            _ => word.Length == 0 ? word : word[..at] + (char.IsUpper(word[at]) ? char.ToLowerInvariant(word[at]) : char.ToUpperInvariant(word[at])) + word[(at + 1)..],
        };

    [Test]
    public void A_span_is_in_a_list_exactly_when_its_frozen_set_holds_the_string()
    {
        foreach (var (name, set) in Lists)
        {
            var words = set.Words.ToList();
            var text = Gen.OneOf(Variant(words), Gen.Elements("", "a", "Z", "Jane", "MODELS", "Learning", "van't", "st.", "ıt", "ſt"));
            var config = Config.QuickThrowOnFailure.WithMaxTest(4000).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL | 1);
            Check.One(config, Prop.ForAll(Arb.From(text), candidate =>
            {
                // A span inside a longer string, as the reading asks it.
                var line = "x" + candidate + "y";
                Assert.That(set.Contains(line.AsSpan(1, candidate.Length)), Is.EqualTo(set.Words.Contains(candidate)), $"{name}: '{candidate}'");
                return true;
            }));
        }
    }

    [Test]
    public void Words_that_end_outside_ASCII_are_found_ignoring_case_too()
    {
        // Ignoring case, ı equals I and ſ equals S: a list with such ends cannot rule spans out by ASCII ends.
        var set = new WordSet(ignoreCase: true, ["\u0131n", "ca\u017F", "plain"]);
        foreach (var candidate in new[] { "IN", "in", "\u0131n", "CAS", "cas", "ca\u017F", "Plain", "PLAIN", "plai", "other" })
            Assert.That(set.Contains(candidate), Is.EqualTo(set.Words.Contains(candidate)), candidate);
    }

    [Test]
    public void Words_outside_ASCII_are_found_as_they_are_written()
    {
        var ordinal = new WordSet(ignoreCase: false, ["Öz", "Łódź", "e\u0301", "Jane", "de"]);
        var folded = new WordSet(ignoreCase: true, ["jane", "de", "models"]);
        foreach (var candidate in new[] { "Öz", "öz", "Łódź", "Lodz", "e\u0301", "é", "Jane", "jane", "JANE", "de", "DE", "d\u0435", "Models", "MODELS", "mod\u0435ls", "" })
        {
            Assert.That(ordinal.Contains(candidate), Is.EqualTo(ordinal.Words.Contains(candidate)), candidate);
            Assert.That(folded.Contains(candidate), Is.EqualTo(folded.Words.Contains(candidate)), candidate);
        }
    }
}
