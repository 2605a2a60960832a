using System.Runtime.CompilerServices;
using System.Text;
using PaperLsp.Text;

namespace PaperLsp.Syntax;

/// <summary>
/// How name-like a piece of text is, as a score. Real author lists carry every shape: diacritics, hyphens, apostrophes,
/// dotted and undotted initials (<c>Arun K S</c>, <c>Priya R. M.</c>, <c>J. -P.</c>), abbreviations (<c>Md.</c>,
/// <c>Wm.</c>, a given name with a stray dot), CamelCase given names (<c>HyunWoo</c>, <c>AbdulRahman</c>), particles
/// (<c>van der</c>, Catalan <c>i</c>, <c>ul</c>, <c>d'Alembert</c>), lower-case parts, quoted nicknames, suffixes and
/// mononyms. Each token adds evidence for or against being a name; a token no name has (digits, a long CamelCase word
/// such as <c>SystemsKun</c>) rules the text out. This is shape and a few closed word lists, not a dictionary of names,
/// so it holds for names nobody here has seen.
/// </summary>
internal static class Names
{
    /// <summary>Score of text that cannot be a name.</summary>
    internal const double Impossible = double.NegativeInfinity;

    /// <summary>Longest name we look for; bounds the work on pathological lines.</summary>
    internal const int MaxNameLength = 120;

    internal const int MaxTokens = 7;

    /// <summary>A score at or above this reads as a name when nothing competes (a whole segment of the list).</summary>
    internal const double NameThreshold = 0.5;

    internal static readonly WordSet Particles = new(ignoreCase: false,
    [
        "van", "von", "vom", "zum", "zur", "der", "den", "de", "del", "dela", "della", "degli", "dei", "di", "da", "das", "dos", "do", "du",
        "la", "le", "les", "los", "las", "ter", "ten", "te", "zu", "bin", "binti", "bint", "ibn", "ben", "al", "el", "y", "e", "i", "af", "av", "op",
        "het", "'t", "st.", "ul", "ud", "ur", "un", "uz", "us", "ap", "dal", "dalla", "delle", "lo", "mac", "mc", "ka", "na", "van't",
    ]);

    internal static readonly WordSet Suffixes = new(ignoreCase: false,
    [
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "2nd", "3rd",
    ]);

    /// <summary>Dotted abbreviations of given names: Md. (Mohammad), Mst. (Mosammat), Wm. (William), Mohd., Chas., Thos.</summary>
    internal static readonly WordSet GivenAbbreviations = new(ignoreCase: false,
    [
        "Md", "Mst", "Mohd", "Muhd", "Wm", "Chas", "Thos", "Jas", "Geo", "Jos", "Sk", "Sm", "Kh", "Ch", "Th", "St", "Ma", "Mo",
    ]);

    /// <summary>First halves of CamelCase given names (AbdulRahman, AmirHossein, GodsWill, SayedHassan, MohammadReza).</summary>
    internal static readonly WordSet CamelGivenPrefixes = new(ignoreCase: true,
    [
        "abdul", "abd", "abdel", "abu", "amir", "mohammad", "mohammed", "muhammad", "mohamed", "mohammed", "mohamad", "seyed", "seyyed",
        "sayed", "sayyed", "syed", "mir", "ali", "god", "gods", "jean", "ann", "anne", "mary", "nur", "noor", "ala", "ahmad", "hamid",
        "reza", "hossein", "al", "el", "hassan", "mehdi", "ebrahim", "amin", "zahra", "fatemeh", "sadegh", "javad", "taghi", "naser",
    ]);

    /// <summary>Surname prefixes before an inner capital: McAllister, MacAvaney, FitzGerald, DeVries, VanderPlas, LeCun, DiMaggio.</summary>
    internal static readonly WordSet SurnamePrefixes = new(ignoreCase: false,
    [
        "Mc", "Mac", "Fitz", "De", "Di", "Da", "Le", "La", "Van", "Vander", "Von", "Du", "O", "Del", "Della", "St", "Ten", "Ter", "Des", "Dos",
    ]);

    /// <summary>Italian elisions before a capital: Dell'Orletta, Dall'Acqua, Sant'Anna.</summary>
    internal static readonly WordSet ElidedPrefixes = new(ignoreCase: false, ["Dell", "Dall", "Nell", "Sull", "Sant"]);


    internal enum TokenShape { Invalid, Word, InnerCapitalWord, AllCaps, Initial, HyphenInitial, Abbreviation, Particle, LowerWord, Nickname, Suffix }

    internal static TokenShape Classify(ReadOnlySpan<char> token) => Score(token, out var shape) == Impossible ? TokenShape.Invalid : shape;

    /// <summary>
    /// Name-likeness of <paramref name="text"/> as one author (higher is more name-like; <see cref="Impossible"/> when no
    /// name has this shape). With <paramref name="gluedToTitle"/> the first token is the one the title ran into, so it must
    /// start with a capital.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double NameScore(ReadOnlySpan<char> text, bool gluedToTitle = false)
    {
        if (text.Length == 0 || text.Length > MaxNameLength || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return Impossible;
        // An organisation listed as an author (OpenAI, DeepMind): one CamelCase word, only as an item of its own.
        if (IsOrganisation(text)) return gluedToTitle ? -0.5 : NameThreshold + 0.2;
        var tally = new NameTally(gluedToTitle);
        var rest = text;
        while (rest.Length > 0)
        {
            // Tabs and doubled spaces are whitespace slips (reported as hints), not a different name.
            var space = rest.IndexOfAny(' ', '\t');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? ReadOnlySpan<char>.Empty : rest[(space + 1)..].TrimStart(" \t");
            var isLast = rest.Length == 0;
            var score = Score(token, out var shape, isGivenPosition: tally.Count == 0 && gluedToTitle && !isLast);
            if (!tally.Add(token, score, shape, isLast)) return Impossible;
        }
        return tally.Total(text);
    }

    /// <summary>
    /// <see cref="NameScore(ReadOnlySpan{char}, bool)"/> of <paramref name="text"/> when all its tokens but the first
    /// (<paramref name="firstLength"/> chars long) were scored already, left to right, by <see cref="InnerTokenScore"/>.
    /// A header reading tries every start of a name within the tokens it has walked, and so scores each of them once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double NameScore(ReadOnlySpan<char> text, int firstLength, ReadOnlySpan<TokenScore> rest, bool gluedToTitle)
    {
        if (text.Length == 0 || text.Length > MaxNameLength || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return Impossible;
        if (IsOrganisation(text)) return gluedToTitle ? -0.5 : NameThreshold + 0.2;
        var tally = new NameTally(gluedToTitle);
        var first = text[..firstLength];
        var score = Score(first, out var shape, isGivenPosition: gluedToTitle && rest.Length > 0);
        if (!tally.Add(first, score, shape, isLast: rest.Length == 0)) return Impossible;
        for (var i = 0; i < rest.Length; i++)
            if (!tally.Add(default, rest[i].Score, rest[i].Shape, isLast: i == rest.Length - 1)) return Impossible;
        return tally.Total(text);
    }

    /// <summary>How one token reads on its own, as a token after a name's first.</summary>
    internal readonly record struct TokenScore(double Score, TokenShape Shape);

    /// <summary>A token's evidence inside or at the end of a name, whatever comes before it (<see cref="Impossible"/> when none could hold it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static TokenScore InnerTokenScore(ReadOnlySpan<char> token)
    {
        var score = Score(token, out var shape);
        return new TokenScore(score, shape);
    }

    /// <summary>The evidence of a name's tokens, added left to right.</summary>
    private struct NameTally(bool gluedToTitle)
    {
        private double total;
        private bool sawWord;
        private TokenShape previous = TokenShape.Invalid;

        public int Count { get; private set; }

        /// <summary>
        /// Adds a token scored by <see cref="Score"/>; false when no name has it here. Only the first token's text is
        /// read: the others are judged by their shape.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Add(ReadOnlySpan<char> token, double score, TokenShape shape, bool isLast)
        {
            if (++Count > MaxTokens) return false;
            var isFirst = Count == 1;
            if (score == Impossible) return false;
            switch (shape)
            {
                case TokenShape.Word or TokenShape.InnerCapitalWord:
                    sawWord = true;
                    break;
                case TokenShape.AllCaps:
                    // "Wei ZHANG" writes a surname in capitals, "KV Aditya" initials without dots; a long leading one is an acronym.
                    if (isFirst && (token.Length > 3 || isLast)) return false;
                    if (isFirst) score -= 0.6;
                    sawWord |= !isFirst;
                    break;
                case TokenShape.Initial:
                    // A trailing initial or one-letter surname (Barat S, Haihong E, Nishanth Venkatesh S.) is real but rarer.
                    if (isLast) score -= 0.6;
                    // An undotted capital right after the title is more often the title's last letter (3D|, AI|) than an initial.
                    if (isFirst && gluedToTitle && token.Length == 1) score -= 1.0;
                    break;
                case TokenShape.HyphenInitial:
                    if (previous is not (TokenShape.Initial or TokenShape.Word)) return false; // J. -P., Jean -P.
                    break;
                case TokenShape.Abbreviation:
                    if (isLast) return false;
                    break;
                case TokenShape.Particle:
                    if (isFirst || isLast) return false;
                    break;
                case TokenShape.LowerWord:
                    if (isFirst && gluedToTitle) return false;
                    sawWord = true;
                    break;
                case TokenShape.Nickname:
                    if (isFirst || isLast) return false;
                    break;
                case TokenShape.Suffix:
                    if (isFirst || !isLast) return false;
                    break;
            }
            if (isFirst && gluedToTitle && !StartsUpper(token)) return false;
            total += score;
            previous = shape;
            return true;
        }

        /// <summary>The name's score once all of <paramref name="text"/>'s tokens are added.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly double Total(ReadOnlySpan<char> text)
        {
            if (!sawWord) return Impossible;
            // Two to four tokens is how names come; one word alone (a mononym, an organisation) is as likely a title word,
            // unless it is in a script written without spaces between the parts of a name (王芳).
            return total + Count switch { 1 => IsUncased(text) ? 0.5 : gluedToTitle ? -1.3 : -0.3, <= 4 => 1.0, 5 => 0.3, _ => -0.5 };
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsOrganisation(ReadOnlySpan<char> text)
    {
        if (text.Length is < 4 or > 24 || !char.IsAsciiLetterUpper(text[0]) || text.IndexOfAny(' ', '\t') >= 0) return false;
        var lower = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c)) lower++;
            else if (char.IsAsciiLetterUpper(c)) upper++;
            else return false;
        }
        return lower >= 2 && upper >= 2 && Score(text, out _) == Impossible && !TitleWords.HasTitleSuffix(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsUncased(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsUpper(c) || char.IsLower(c)) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsUpper(ReadOnlySpan<char> token) =>
        token.Length > 0 && (char.IsUpper(token[0]) || (char.IsLetter(token[0]) && !char.IsLower(token[0])) || char.IsHighSurrogate(token[0]));

    /// <summary>The evidence one token gives, and its shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Score(ReadOnlySpan<char> token, out TokenShape shape, bool isGivenPosition = false)
    {
        shape = TokenShape.Invalid;
        if (token.Length == 0) return Impossible;
        if (token.Length <= 6)
        {
            if (Particles.Contains(token)) { shape = TokenShape.Particle; return 0.2; }
            if (Suffixes.Contains(token)) { shape = TokenShape.Suffix; return 0.5; }
        }
        if (IsInitials(token)) { shape = TokenShape.Initial; return token.Length == 1 ? 0.2 : 0.5; }
        if (token.Length >= 3 && token[0] == '-' && IsInitials(token[1..])) { shape = TokenShape.HyphenInitial; return 0.3; }

        // A quoted nickname: 'Bob', "Bob", “Bob”, ‘Bob’.
        if (token.Length >= 3 && IsQuote(token[0]) && IsQuote(token[^1]))
        {
            var inner = token[1..^1];
            if (inner.Length > 0 && Score(inner, out var innerShape) != Impossible && innerShape is TokenShape.Word or TokenShape.InnerCapitalWord)
            {
                shape = TokenShape.Nickname;
                return 0.2;
            }
            return Impossible;
        }

        // Md., Wm., Shengwu.: an abbreviated or stray-dotted given name.
        if (token.Length >= 3 && token[^1] == '.' && token.Length <= 12)
        {
            var stem = token[..^1];
            var stemScore = Score(stem, out var stemShape);
            if (stemScore == Impossible || stemShape != TokenShape.Word || !char.IsUpper(stem[0])) return Impossible;
            shape = TokenShape.Abbreviation;
            // A weak stem stays weak with a dot (EShengwu. is MoE|Shengwu. read wrongly).
            return (GivenAbbreviations.Contains(stem) ? 0.6 : -0.2) + Math.Min(0, stemScore - 1.0);
        }

        // Where the token is joined (a hyphen or an apostrophe) and where it is hyphenated, found in one pass: tokens are
        // short, and two library searches cost more than the loop.
        var joint = -1;
        var dash = -1;
        for (var i = 0; i < token.Length && dash < 0; i++)
        {
            if (token[i] == '-') dash = i;
            if (joint < 0 && token[i] is '-' or '\'' or '\u2019') joint = i;
        }

        // al-Rashid, el-Amin, d'Alembert, l'Hôpital: a lower-case article joined to the surname.
        if (joint is >= 1 and <= 3 && joint + 1 < token.Length && char.IsUpper(token[joint + 1]) && char.IsLower(token[0]))
        {
            var article = token[..joint];
            if (article is "al" or "el" or "ad" or "ud" or "as" or "an" or "ul" or "ur" or "d" or "l" or "dell" or "de" or "di" or "da" or "van" or "von")
            {
                var restScore = Score(token[(joint + 1)..], out var restShape);
                if (restScore == Impossible || restShape is not (TokenShape.Word or TokenShape.InnerCapitalWord)) return Impossible;
                shape = restShape;
                return restScore;
            }
        }

        // Hyphenated parts (Jean-Luc, Lee-St., AL-Sunni, Wei-Kocsis, Ji-ho): each part on its own, the weakest counts.
        if (dash > 0)
        {
            if (dash == token.Length - 1) return Impossible;
            var worst = double.PositiveInfinity;
            var anyWord = false;
            var anyTitle = false;
            var partCount = 0;
            foreach (var range in token.Split('-'))
            {
                var part = token[range];
                partCount++;
                if (part.Length == 0) return Impossible;
                // Giró-i-Nieto, Inzamam-ul-Haq: a particle between hyphens; Hung-yi, Ji-ho: a second part in lower case.
                if (partCount > 1 && Particles.Contains(part)) continue;
                if (partCount > 1 && char.IsLower(part[0]) && IsLetters(part) && !TitleWords.IsCommon(part))
                {
                    worst = Math.Min(worst, 0.8);
                    continue;
                }
                var partScore = PartScore(part, out var partShape, partCount > 1);
                if (partScore == Impossible) return Impossible;
                anyWord |= partShape is TokenShape.Word or TokenShape.InnerCapitalWord;
                anyTitle |= TitleWords.IsCommon(part);
                worst = Math.Min(worst, partScore);
            }
            if (!anyWord) return Impossible;
            shape = TokenShape.Word;
            return anyTitle ? -1.0 : Math.Min(1.0, worst + 0.2);
        }

        return PartScore(token, out shape, afterHyphen: false, isGivenPosition);
    }

    /// <summary>A token or hyphen part without hyphens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double PartScore(ReadOnlySpan<char> part, out TokenShape shape, bool afterHyphen, bool isGivenPosition = false)
    {
        shape = TokenShape.Invalid;
        if (afterHyphen)
        {
            // Lee-St. John: an abbreviation inside a hyphenated surname; Cheng-I: a one-letter part.
            if (part.Length >= 2 && part[^1] == '.' && char.IsUpper(part[0]) && IsLetters(part[..^1])) { shape = TokenShape.Word; return 0.5; }
            if (part.Length == 1 && char.IsLetter(part[0])) { shape = TokenShape.Word; return 0.5; }
        }
        var first = part[0];
        if (char.IsHighSurrogate(first) ? !IsLetterAt(part, 0) : !char.IsLetter(first)) return Impossible;

        var upper = 0;
        var lower = 0;
        var innerCapitalIndex = -1;
        var innerCapitals = 0;
        var firstWidth = char.IsHighSurrogate(first) ? 2 : 1;
        for (var i = firstWidth; i < part.Length; i++)
        {
            var c = part[i];
            // Most letters of most names: what the checks below conclude for them, without them.
            if (char.IsAsciiLetterLower(c))
            {
                lower++;
                continue;
            }
            if (c is '\'' or '\u2019')
            {
                // O'Brien, D'Angelo, N'Diaye, Dell'Orletta: a capital after an apostrophe follows a one- or two-letter prefix
                // or an elision; "Help'Ludwig" is a quoted title running into a name.
                if (i == part.Length - 1 || !IsLetterAt(part, i + 1)) return Impossible;
                if (char.IsUpper(part[i + 1]) && i > 2 && !ElidedPrefixes.Contains(part[..i])) return Impossible;
                i++;
                if (char.IsLower(part[i])) lower++;
                continue;
            }
            if (char.IsHighSurrogate(c))
            {
                // A letter outside the Basic Multilingual Plane (𝔅, 𠀋): a letter like any other, never an inner capital.
                if (!IsLetterAt(part, i)) return Impossible;
                i++;
                continue;
            }
            if (!char.IsLetter(c) && !IsCombiningMark(c)) return Impossible;
            if (char.IsUpper(c))
            {
                upper++;
                if (innerCapitalIndex < 0 || char.IsLower(part[i - 1])) innerCapitals++;
                if (innerCapitalIndex < 0) innerCapitalIndex = i;
            }
            else if (char.IsLower(c)) lower++;
        }

        var firstUpper = char.IsUpper(first);
        if (!firstUpper && char.IsLower(first))
        {
            // Lower-case name parts exist (Umm e Hani, a surname typed in lower case), but read weakly.
            if (upper > 0) return Impossible;
            shape = TokenShape.LowerWord;
            return TitleWords.IsCommon(part) || part.Length <= 1 ? -2.0 : -0.2;
        }
        if (!firstUpper)
        {
            shape = TokenShape.Word; // uncased scripts (CJK, ...)
            return 1.0;
        }
        if (lower == 0)
        {
            if (part.Length == 1) { shape = TokenShape.Initial; return 0.2; }
            shape = TokenShape.AllCaps;
            return 0.3;
        }
        if (innerCapitalIndex < 0)
        {
            shape = TokenShape.Word;
            if (TitleWords.IsCommon(part)) return -1.2;
            var score = 1.0;
            if (part.Length > 13) score -= 1.0;
            if (TitleWords.HasTitleSuffix(part)) score -= 0.8;
            return score;
        }

        // YIng: a doubled capital is a typing slip that real lists keep, but the same shape arises when an acronym's last
        // letter runs into a name (CoT|Dongzhi read as Co|TDongzhi), so it reads weakly.
        if (innerCapitalIndex == 1 && upper == 1 && part.Length >= 4 && lower == part.Length - 2)
        {
            shape = TokenShape.Word;
            return -1.5;
        }
        if (innerCapitalIndex == 1) return Impossible;

        // One inner capital after a lower-case letter, followed by lower case: Mc|Donald, Hyun|Woo, Abdul|Rahman.
        if (innerCapitals != 1 || upper != 1 || innerCapitalIndex + 1 >= part.Length || !char.IsLower(part[innerCapitalIndex + 1]))
            return Impossible;
        var prefix = part[..innerCapitalIndex];
        var suffix = part[innerCapitalIndex..];
        shape = TokenShape.InnerCapitalWord;
        // McAllister, DeVries: a surname's shape; a given name has it less often (DeShawn, LaToya).
        if (SurnamePrefixes.Contains(prefix)) return isGivenPosition ? 0.5 : 0.9;
        if (CamelGivenPrefixes.Contains(prefix)) return 1.0;
        if (TitleWords.IsShortTitleWord(prefix)) return -1.0; // NetShashank: ImageNet ran into Shashank
        if (TitleWords.IsCommon(prefix) || TitleWords.IsCommon(suffix) || prefix.Length > 8 || TitleWords.HasTitleSuffix(prefix)) return Impossible;
        // RadarsWeiyi: a plural before the capital is a title word that ran into a name.
        if (prefix.Length >= 5 && prefix[^1] == 's') return Impossible;
        if (IsRomanizedSyllable(prefix) && IsRomanizedSyllable(suffix)) return 0.9; // HyunWoo, ManKit, JiaKui
        if (IsRomanizedSyllable(prefix)) return -0.3;
        if (prefix.Length <= 3) return -0.5;
        // A long unknown first half (ReportFangjun, CopilotAzul) is a title word far more often than a given name.
        return -1.5;
    }

    /// <summary>The first half of a CamelCase name: a surname prefix (Mc, Mac, De) or a given-name half (Abdul, Amir).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsNamePrefix(ReadOnlySpan<char> text) => SurnamePrefixes.Contains(text) || CamelGivenPrefixes.Contains(text);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsCamelGivenPrefix(ReadOnlySpan<char> text) => CamelGivenPrefixes.Contains(text);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (!char.IsLetter(c)) return false;
        return text.Length > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsQuote(char c) => c is '\'' or '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '`';

    private const string Vowels = "aeiouy";

    /// <summary>
    /// One syllable of romanized Korean or Chinese (Hyeon, Seung, Jae, Xiao, Zhuang): consonants, one vowel group, then at
    /// most n, ng, m, l, k, p, t or r. English compound parts such as Torch, Bench, Flow or Mind do not fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsRomanizedSyllable(ReadOnlySpan<char> text)
    {
        if (text.Length is < 2 or > 6) return false;
        Span<char> lower = stackalloc char[text.Length];
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

    /// <summary>Whether a letter starts at <paramref name="index"/>, reading a surrogate pair as one character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsLetterAt(ReadOnlySpan<char> token, int index) =>
        index < token.Length && Rune.DecodeFromUtf16(token[index..], out var rune, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetter(rune);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsCombiningMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>"J.", "J", "J.R.", "J.-P.", "K.V.", but not "JR" (an acronym or an all-caps name).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsInitials(ReadOnlySpan<char> token)
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
