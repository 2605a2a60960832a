using System.Text;
namespace PaperLsp.Syntax;

/// <summary>
/// What a personal name looks like, in any of the shapes paper listings use: given names and surnames
/// with diacritics, hyphens and apostrophes, initials, particles (van der, de) and suffixes (III, Jr.).
/// This is a shape check, not a dictionary, so it holds for names nobody here has seen.
/// </summary>
internal static class Names
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "degli", "dei", "di", "da", "das", "dos", "do", "du", "la", "le", "les", "los", "las",
        "ter", "ten", "zu", "bin", "binti", "ibn", "al", "el", "y", "e", "af", "av", "op", "het", "'t", "st.",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "2nd", "3rd",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Italian elisions before a capital: Dell'Orletta, Dall'Acqua, Sant'Anna.</summary>
    private static readonly HashSet<string> ElidedPrefixes = new(StringComparer.Ordinal) { "Dell", "Dall", "Nell", "Sull", "Sant", "Dell" };

    internal enum TokenShape { Invalid, Word, InnerCapitalWord, AllCaps, Initial, Particle, Suffix }

    /// <summary>Longest name we look for; bounds the work on pathological lines.</summary>
    internal const int MaxNameLength = 120;

    internal const int MaxTokens = 7;

    /// <summary>
    /// Whether <paramref name="text"/> is a plausible full name. A single token (a mononym) only counts when
    /// <paramref name="allowSingleToken"/>, because a lone capitalised word is as likely a title word.
    /// </summary>
    internal static bool IsPlausibleName(ReadOnlySpan<char> text, bool allowSingleToken, bool gluedToTitle = false) =>
        Inspect(text, allowSingleToken, out _, gluedToTitle);

    /// <summary>Like <see cref="IsPlausibleName"/>, also telling the token count.</summary>
    /// <remarks>
    /// With <paramref name="gluedToTitle"/>, the first token is the one the title ran into, and an inner capital there
    /// (or in any token but the surname) needs a short or syllable-like prefix (Sou|Young, Hyeon|Jung), since a long
    /// word before it (Attention|John, Context|Yao) is the title's own CamelCase word.
    /// </remarks>
    internal static bool Inspect(ReadOnlySpan<char> text, bool allowSingleToken, out int tokenCount, bool gluedToTitle = false)
    {
        tokenCount = 0;
        if (text.Length == 0 || text.Length > MaxNameLength || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;

        var sawWord = false;
        TokenShape previous = TokenShape.Invalid;
        var rest = text;
        while (rest.Length > 0)
        {
            // Tabs and doubled spaces are whitespace slips (reported as hints), not a different name.
            var space = rest.IndexOfAny(' ', '\t');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? ReadOnlySpan<char>.Empty : rest[(space + 1)..].TrimStart(" \t");
            if (++tokenCount > MaxTokens) return false;

            var isFirst = tokenCount == 1;
            var isLast = rest.Length == 0;
            // Only a surname may carry a long prefix before an inner capital (FitzGerald) in a name glued to a title.
            var shape = Classify(token, strictInnerCapital: gluedToTitle && !isLast);
            switch (shape)
            {
                case TokenShape.Invalid:
                    return false;
                case TokenShape.Word:
                    sawWord = true;
                    break;
                case TokenShape.InnerCapitalWord:
                    sawWord = true;
                    break;
                case TokenShape.AllCaps:
                    // "Wei ZHANG" writes a surname in capitals; a leading all-caps token is an acronym.
                    if (isFirst) return false;
                    break;
                case TokenShape.Initial:
                    if (isLast) return false;
                    break;
                case TokenShape.Particle:
                    if (isFirst || isLast) return false;
                    break;
                case TokenShape.Suffix:
                    if (isFirst || !isLast) return false;
                    break;
            }
            previous = shape;
        }

        if (!sawWord) return false;
        if (tokenCount == 1 && !allowSingleToken) return false;
        return previous is TokenShape.Word or TokenShape.InnerCapitalWord or TokenShape.AllCaps or TokenShape.Suffix;
    }

    internal static TokenShape Classify(ReadOnlySpan<char> token, bool strictInnerCapital = false)
    {
        if (token.Length == 0) return TokenShape.Invalid;
        if (token.Length <= 5)
        {
            if (ParticleLookup.Contains(token)) return TokenShape.Particle;
            if (SuffixLookup.Contains(token)) return TokenShape.Suffix;
        }

        if (IsInitials(token)) return TokenShape.Initial;

        // al-Rashid, el-Amin: a lower-case Arabic article joined to the surname.
        var dash = token.IndexOf('-');
        if (dash is >= 2 and <= 3 && dash + 1 < token.Length && char.IsUpper(token[dash + 1]) && token[..dash].ToString() is "al" or "el" or "ad" or "ud" or "as" or "an")
            return Classify(token[(dash + 1)..], strictInnerCapital);

        var first = token[0];
        if (char.IsHighSurrogate(first) ? !IsLetterAt(token, 0) : !IsNameStart(first)) return TokenShape.Invalid;

        var allUpper = char.IsUpper(first);
        var innerCapitals = 0;
        var innerCapitalIndex = -1;
        for (var i = char.IsHighSurrogate(first) ? 2 : 1; i < token.Length; i++)
        {
            var c = token[i];
            if (c is '-' or '\'' or '\u2019')
            {
                // Jean-Luc, Cheng-I, O'Brien: the next part starts afresh, and must exist.
                if (i == token.Length - 1) return TokenShape.Invalid;
                var next = token[i + 1];
                // O'Brien, D'Angelo, N'Diaye: a capital after an apostrophe follows a one- or two-letter prefix;
                // "Help'Ludwig" is a quoted title running into a name.
                if (c != '-' && char.IsUpper(next) && i > 2 && !ElidedPrefixes.Contains(token[..i].ToString())) return TokenShape.Invalid;
                // Ji-ho and Young-soo write the second part in lower case; Jean-Luc and Cheng-I do not.
                if (!IsLetterAt(token, i + 1)) return TokenShape.Invalid;
                if (char.IsHighSurrogate(next)) i++;
                allUpper &= !char.IsLower(next);
                i++;
                continue;
            }
            if (char.IsHighSurrogate(c))
            {
                // A letter outside the Basic Multilingual Plane (𝔅, 𠀋): a letter like any other, never an inner capital.
                if (!IsLetterAt(token, i)) return TokenShape.Invalid;
                i++;
                continue;
            }
            if (!char.IsLetter(c) && !IsCombiningMark(c)) return TokenShape.Invalid;
            if (char.IsUpper(c))
            {
                innerCapitals++;
                innerCapitalIndex = i;
            }
            else if (char.IsLower(c))
            {
                allUpper = false;
            }
        }

        if (allUpper) return char.IsUpper(first) ? TokenShape.AllCaps : TokenShape.Word; // uncased scripts (CJK, ...) read as words
        if (innerCapitals == 0) return TokenShape.Word;
        // Only a short prefix before one inner capital reads as a name: Mc|Donald, De|Vries, Sou|Young, Jo|Ann.
        // A long one (Attention|John) or an acronym run (GPT|John) is a title word glued to a name.
        var followedByLower = innerCapitalIndex + 1 < token.Length && char.IsLower(token[innerCapitalIndex + 1]);
        if (innerCapitals != 1 || !followedByLower || char.IsUpper(token[innerCapitalIndex - 1]))
            return TokenShape.Invalid;
        if (!strictInnerCapital) return TokenShape.InnerCapitalWord; // FitzGerald, VanderPlas, MacAvaney, HyeonJung
        var prefix = token[..innerCapitalIndex];
        return prefix.Length <= 3 || IsRomanizedSyllable(prefix) ? TokenShape.InnerCapitalWord : TokenShape.Invalid;
    }

    private const string Vowels = "aeiouy";

    /// <summary>
    /// One syllable of romanized Korean or Chinese (Hyeon, Seung, Jae, Xiao, Zhuang): consonants, one vowel group, then at
    /// most n, ng, m, l, k, p, t or r. English compound parts such as Torch, Bench, Flow or Mind do not fit.
    /// </summary>
    internal static bool IsRomanizedSyllable(ReadOnlySpan<char> text)
    {
        if (text.Length is < 2 or > 6) return false;
        var lower = text.Length <= 8 ? stackalloc char[text.Length] : new char[text.Length];
        text.ToLowerInvariant(lower);
        var i = 0;
        while (i < lower.Length && !Vowels.Contains(lower[i])) i++;
        if (i > 3 || i == lower.Length) return false;
        var vowelStart = i;
        while (i < lower.Length && Vowels.Contains(lower[i])) i++;
        if (i - vowelStart > 3) return false;
        var coda = lower[i..];
        return coda.Length == 0 || coda is "n" or "ng" or "m" or "l" or "k" or "p" or "t" or "r";
    }

    /// <summary>
    /// Short words that end CamelCase title words (ImageNet, GitHub, AlphaGo, AutoGen). When a header could end its
    /// title with such a fragment or start a name with it (ImageNet|Oliver vs Image|NetOliver), the word wins; a fragment
    /// that is no word (Queries|SouYoung, QLoRA|DeShawn) starts a name with an inner capital.
    /// </summary>
    private static readonly HashSet<string> ShortTitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "i", "ad", "ai", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
        "of", "ok", "on", "or", "so", "to", "up", "us", "we", "act", "add", "age", "aid", "aim", "air", "all", "any", "app",
        "arc", "are", "arm", "art", "ask", "bag", "bar", "bed", "bee", "big", "bin", "bio", "bit", "bot", "box", "bug", "bus",
        "buy", "cab", "cam", "can", "cap", "car", "cat", "cut", "day", "den", "det", "dev", "dex", "dim", "dna", "doc", "dog",
        "dot", "dry", "due", "ear", "eco", "egg", "end", "era", "eval", "eye", "fab", "fan", "far", "fed", "few", "fig", "fin",
        "fit", "fix", "flo", "fly", "for", "fox", "fun", "gan", "gap", "gas", "gen", "geo", "get", "gpt", "gym", "hat", "hit",
        "hop", "hot", "how", "hub", "ice", "ink", "ion", "jet", "job", "joy", "key", "kid", "kit", "lab", "law", "lay", "led",
        "leg", "let", "lib", "lid", "lip", "lit", "log", "lot", "low", "man", "map", "mat", "max", "med", "mem", "mix", "mob",
        "mod", "mol", "net", "new", "nav", "not", "now", "nut", "oak", "odd", "off", "oil", "old", "one", "ops", "opt", "our",
        "out", "own", "pad", "pal", "pay", "pen", "per", "pet", "pie", "pin", "pix", "pod", "pop", "pro", "put", "ray", "rec",
        "red", "ref", "rel", "rep", "res", "rid", "rl", "rod", "row", "run", "sat", "saw", "say", "sci", "sea", "see", "seg",
        "set", "sim", "sky", "spy", "sum", "sun", "tab", "tag", "tan", "tap", "tax", "tea", "ten", "the", "tie", "tip", "toe",
        "tok", "ton", "too", "top", "toy", "try", "two", "use", "val", "via", "vid", "vit", "viz", "war", "way", "web", "wet",
        "who", "why", "win", "wit", "yes", "zip", "zoo",
    };

    internal static bool IsShortTitleWord(ReadOnlySpan<char> fragment) =>
        ShortTitleWordLookup.Contains(fragment.Trim("'\u2019-"));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortTitleWordLookup = ShortTitleWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a letter starts at <paramref name="index"/>, reading a surrogate pair as one character.</summary>
    private static bool IsLetterAt(ReadOnlySpan<char> token, int index) =>
        Rune.DecodeFromUtf16(token[index..], out var rune, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetter(rune);

    private static bool IsNameStart(char c) =>
        char.IsUpper(c) || (char.IsLetter(c) && !char.IsLower(c));

    private static bool IsCombiningMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>"J.", "J", "J.R.", "J.-P.", but not "JR" (an acronym or an all-caps name).</summary>
    private static bool IsInitials(ReadOnlySpan<char> token)
    {
        if (token.Length == 1) return char.IsUpper(token[0]);
        if (token.Length > 8 || !char.IsUpper(token[0]) || token[^1] != '.') return false;
        var expectLetter = true;
        foreach (var c in token)
        {
            if (expectLetter)
            {
                if (c == '-') continue; // J.-P.
                if (!char.IsUpper(c)) return false;
                expectLetter = false;
            }
            else if (c == '.') expectLetter = true;
            else return false;
        }
        return true;
    }
}
