using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Duplicates;

/// <summary>
/// <see cref="PaperText.Words"/> and <see cref="PaperText.Shingles"/> fold words into one shared buffer instead of a
/// string per word. The duplicate index stores what they return, so they must equal, word for word and hash for hash,
/// the string-per-word reading they replaced (kept here as the oracle).
/// </summary>
public class PaperTextFoldingTests
{
    private static readonly string[] Pieces =
    [
        "model", "Models", "LLMs", "C++", "C#", "X++", "don\u2019t", "Hoeffding's", "Café", "Cafe\u0301", "Łódź", "Straße",
        "Søren", "中文标题", "日本語", "한국어", "\U00020000\U00020001", "\U0001D400", "GPT-4", "3.5", "++", "#", "'", "—", "–",
        "\u201Cquoted\u201D", "(paren)", "end.", "end!", "…", "...", ",", ";", ":", " ", "  ", "\t", "\n", "Ω", "ǅ", "ﬁ",
        "\uD800", "\uDC00", "e\u0301\u0301", "Ⅷ", "xⅡ",
    ];

    private static Arbitrary<string> TextArbitrary() =>
        Arb.From(Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)));

    [Test]
    public void Words_and_shingles_equal_the_string_per_word_reading_for_random_texts()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(TextArbitrary(), (Action<string>)(text =>
        {
            Assert.That(PaperText.Words(text), Is.EqualTo(ReferenceWords(text)), text);
            Assert.That(PaperText.Shingles(text), Is.EqualTo(ReferenceShingles(text)), text);
        })));
    }

    [Test]
    public void Words_and_shingles_equal_the_string_per_word_reading_on_real_arxiv_entries()
    {
        var checkedEntries = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "arxiv"), "*.papers"))
        foreach (var entry in PaperDocument.Parse(File.ReadAllText(file)).Entries)
        {
            var node = entry.Node;
            Assert.That(PaperText.Words(node.Title), Is.EqualTo(ReferenceWords(node.Title)), node.Title);
            Assert.That(PaperText.Shingles(node.Abstract), Is.EqualTo(ReferenceShingles(node.Abstract)), node.Title);
            checkedEntries++;
        }
        Assert.That(checkedEntries, Is.GreaterThan(2000));
    }

    // ----- the reading before: a string per word -----

    private static string[] ReferenceWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Flush();
                if (char.IsLetter(text, i)) words.Add(text.Substring(i, 2));
                i++;
                continue;
            }
            if (IsIdeograph(c))
            {
                Flush();
                words.Add(c.ToString());
                continue;
            }
            if (c is '+' or '#')
            {
                if (word.Length > 0) word.Append(c);
                continue;
            }
            if (c is '\'' or '\u2019' or '\u02BC' or '\u2018') continue;
            if (TextFolding.IsCombiningMark(c)) continue;
            if (TextFolding.Fold(c) is { } folded)
            {
                foreach (var f in folded) word.Append(char.ToLowerInvariant(f));
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length > 0 && word[^1] is '+' or '#') Flush();
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return [.. words];
    }

    private static int[] ReferenceShingles(string text)
    {
        var words = ReferenceWords(text);
        var count = words.Length;
        var trimmed = text.AsSpan().TrimEnd();
        var sentenceEnd = trimmed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(trimmed[^1])
            is UnicodeCategory.OtherPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation;
        if (count > 0 && (PaperText.IsShortened(text) || (trimmed.Length > 0 && !sentenceEnd))) count--;
        if (count < 3) return [];
        var hashes = new SortedSet<int>();
        for (var i = 0; i + 2 < count; i++) hashes.Add(PaperText.StableHash(words[i], words[i + 1], words[i + 2]));
        return [.. hashes];
    }

    private static bool IsIdeograph(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F'
        && char.IsLetter(c);
}
