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
        "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "do", "du", "la", "le",
        "ter", "ten", "zu", "bin", "binti", "ibn", "al", "el", "y", "e", "af", "av", "op", "het", "'t", "st.",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "2nd", "3rd",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    internal enum TokenShape { Invalid, Word, InnerCapitalWord, AllCaps, Initial, Particle, Suffix }

    /// <summary>Longest name we look for; bounds the work on pathological lines.</summary>
    internal const int MaxNameLength = 120;

    internal const int MaxTokens = 7;

    /// <summary>
    /// Whether <paramref name="text"/> is a plausible full name. A single token (a mononym) only counts when
    /// <paramref name="allowSingleToken"/>, because a lone capitalised word is as likely a title word.
    /// </summary>
    internal static bool IsPlausibleName(ReadOnlySpan<char> text, bool allowSingleToken) =>
        Inspect(text, allowSingleToken, out _, out _);

    /// <summary>Like <see cref="IsPlausibleName"/>, also telling the token count and whether the first token has an inner capital (SouYoung).</summary>
    internal static bool Inspect(ReadOnlySpan<char> text, bool allowSingleToken, out int tokenCount, out bool firstTokenHasInnerCapital)
    {
        tokenCount = 0;
        firstTokenHasInnerCapital = false;
        if (text.Length == 0 || text.Length > MaxNameLength || text[0] == ' ' || text[^1] == ' ') return false;

        var sawWord = false;
        TokenShape previous = TokenShape.Invalid;
        var rest = text;
        while (rest.Length > 0)
        {
            var space = rest.IndexOf(' ');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? ReadOnlySpan<char>.Empty : rest[(space + 1)..];
            if (token.Length == 0) return false; // double space: not how names are written
            if (++tokenCount > MaxTokens) return false;

            var shape = Classify(token);
            var isFirst = tokenCount == 1;
            var isLast = rest.Length == 0;
            switch (shape)
            {
                case TokenShape.Invalid:
                    return false;
                case TokenShape.Word:
                    sawWord = true;
                    break;
                case TokenShape.InnerCapitalWord:
                    sawWord = true;
                    if (isFirst) firstTokenHasInnerCapital = true;
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

    internal static TokenShape Classify(ReadOnlySpan<char> token)
    {
        if (token.Length == 0) return TokenShape.Invalid;
        if (token.Length <= 5)
        {
            if (ParticleLookup.Contains(token)) return TokenShape.Particle;
            if (SuffixLookup.Contains(token)) return TokenShape.Suffix;
        }

        if (IsInitials(token)) return TokenShape.Initial;

        var first = token[0];
        if (!IsNameStart(first)) return TokenShape.Invalid;

        var allUpper = char.IsUpper(first);
        var innerCapitals = 0;
        var innerCapitalIndex = -1;
        for (var i = 1; i < token.Length; i++)
        {
            var c = token[i];
            if (c is '-' or '\'' or '\u2019')
            {
                // Jean-Luc, Cheng-I, O'Brien: the next part starts afresh, and must exist.
                if (i == token.Length - 1) return TokenShape.Invalid;
                var next = token[i + 1];
                if (!char.IsLetter(next)) return TokenShape.Invalid;
                if (c == '-' && !IsNameStart(next)) return TokenShape.Invalid;
                allUpper &= !char.IsLower(next);
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
        return innerCapitals == 1 && innerCapitalIndex <= 3 && followedByLower && !char.IsUpper(token[innerCapitalIndex - 1])
            ? TokenShape.InnerCapitalWord
            : TokenShape.Invalid;
    }

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
