using System.Globalization;
using System.Text;

namespace PaperLsp.Exchange;

/// <summary>
/// Text to and from (Bib)LaTeX field values. Writing escapes the characters TeX gives a meaning
/// (<c>&amp; % $ # _ { } ~ ^ \</c>), optionally spells non-ASCII letters as TeX accents for classic BibTeX, and can
/// protect the capitals of a title with braces (<c>{LLaMA}</c>, <c>{GPT}-4</c>). Reading undoes all of it.
/// </summary>
public static class LatexText
{
    /// <summary>Combining marks and the TeX accent command that writes them.</summary>
    private static readonly Dictionary<char, string> Accents = new()
    {
        ['\u0300'] = "`", ['\u0301'] = "'", ['\u0302'] = "^", ['\u0303'] = "~", ['\u0304'] = "=", ['\u0306'] = "u",
        ['\u0307'] = ".", ['\u0308'] = "\"", ['\u030A'] = "r", ['\u030B'] = "H", ['\u030C'] = "v", ['\u0323'] = "d",
        ['\u0327'] = "c", ['\u0328'] = "k", ['\u0331'] = "b",
    };

    private static readonly Dictionary<string, char> AccentMarks = Accents.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Letters with a TeX command of their own.</summary>
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['ł'] = "l", ['Ł'] = "L", ['ø'] = "o", ['Ø'] = "O", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE",
        ['ß'] = "ss", ['å'] = "aa", ['Å'] = "AA", ['ı'] = "i", ['ȷ'] = "j", ['đ'] = "dj", ['Đ'] = "DJ",
    };

    /// <summary>Symbols classic BibTeX needs spelled as text commands.</summary>
    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['\u2013'] = "\\textendash{}", ['\u2014'] = "\\textemdash{}", ['\u2018'] = "\\textquoteleft{}", ['\u2019'] = "\\textquoteright{}",
        ['\u201C'] = "\\textquotedblleft{}", ['\u201D'] = "\\textquotedblright{}",
        ['\u00A0'] = "~", ['\u2026'] = "\\ldots{}", ['\u00B7'] = "\\textperiodcentered{}", ['\u00A9'] = "\\textcopyright{}",
        ['\u00AE'] = "\\textregistered{}", ['\u2122'] = "\\texttrademark{}", ['\u00B0'] = "\\textdegree{}", ['\u00D7'] = "\\texttimes{}",
        ['\u00A7'] = "\\S{}", ['\u00B6'] = "\\P{}", ['\u00BF'] = "\\textquestiondown{}", ['\u00A1'] = "\\textexclamdown{}", ['\u00AB'] = "\\guillemotleft{}",
        ['\u00BB'] = "\\guillemotright{}", ['\u00A3'] = "\\pounds{}", ['\u20AC'] = "\\texteuro{}",
    };

    private static readonly Dictionary<string, string> Commands = BuildCommands();

    private static Dictionary<string, string> BuildCommands()
    {
        var commands = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["textasciitilde"] = "~", ["textasciigrave"] = "`", ["textasciicircum"] = "^", ["textbackslash"] = "\\", ["textbraceleft"] = "{",
            ["textbraceright"] = "}", ["textunderscore"] = "_", ["textdollar"] = "$", ["ldots"] = "\u2026", ["dots"] = "\u2026",
            ["textendash"] = "\u2013", ["textemdash"] = "\u2014", ["textquoteright"] = "\u2019", ["textquoteleft"] = "\u2018",
            ["textquotedblleft"] = "\u201C", ["textquotedblright"] = "\u201D", ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">",
        };
        foreach (var (letter, command) in Letters) commands.TryAdd(command, letter.ToString());
        foreach (var (symbol, spelled) in Symbols)
            if (spelled.StartsWith('\\')) commands.TryAdd(spelled[1..^2], symbol.ToString());
        return commands;
    }

    public static string Escape(string text, bool ascii, bool protectCapitals)
    {
        var builder = new StringBuilder(text.Length + 16);
        if (!protectCapitals)
        {
            AppendEscaped(builder, text, ascii);
            return builder.ToString();
        }
        // A word is a run of letters and digits; one with a capital after its first character (LLaMA, GPT, BERTScore,
        // Seq2Seq) is a name or an acronym that a style's sentence-casing must not lower.
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                var start = i;
                while (i < text.Length && !IsWordChar(text, i)) i++;
                AppendEscaped(builder, text[start..i], ascii);
                continue;
            }
            var wordStart = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            var word = text[wordStart..i];
            if (NeedsProtection(word))
            {
                builder.Append('{');
                AppendEscaped(builder, word, ascii);
                builder.Append('}');
            }
            else AppendEscaped(builder, word, ascii);
        }
        return builder.ToString();
    }

    private static bool IsWordChar(string text, int i) =>
        char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    internal static bool NeedsProtection(string word)
    {
        for (var i = 1; i < word.Length; i++)
            if (char.IsUpper(word[i])) return true;
        return false;
    }

    private static void AppendEscaped(StringBuilder builder, string text, bool ascii)
    {
        var source = ascii ? LatinDecomposition.Decompose(text) : text;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '&' or '%' or '$' or '#' or '_': builder.Append('\\').Append(c); continue;
                // \{ would still count in BibTeX's brace balance; the text commands never unbalance a value.
                case '{': builder.Append("\\textbraceleft{}"); continue;
                case '}': builder.Append("\\textbraceright{}"); continue;
                case '~': builder.Append("\\textasciitilde{}"); continue;
                case '^': builder.Append("\\textasciicircum{}"); continue;
                case '\\': builder.Append("\\textbackslash{}"); continue;
                // In TeX's default OT1 font encoding < > | print as ¡ ¿ —, and BibTeX readers follow it.
                case '<': builder.Append("\\textless{}"); continue;
                case '>': builder.Append("\\textgreater{}"); continue;
                case '|': builder.Append("\\textbar{}"); continue;
            }
            if (c is '-' or '\'' && i + 1 < source.Length && source[i + 1] == c)
            {
                // TeX reads -- as an en dash and '' as a closing quote; an empty group keeps them two characters.
                builder.Append(c).Append("{}");
                continue;
            }
            if (c == '`')
            {
                builder.Append("\\textasciigrave{}");
                continue;
            }
            if (!ascii || c < 128)
            {
                builder.Append(c);
                continue;
            }
            if (Letters.TryGetValue(c, out var command)) builder.Append("{\\").Append(command).Append('}');
            else if (Symbols.TryGetValue(c, out var symbol)) builder.Append(symbol);
            else if (Accents.TryGetValue(c, out var accent)) WrapAccent(builder, accent);
            else builder.Append(c); // no ASCII spelling (CJK, emoji): kept as UTF-8
        }
    }

    /// <summary>Turns the base letter just written into an accented one: e + \u0301 → {\'e}.</summary>
    private static void WrapAccent(StringBuilder builder, string accent)
    {
        var baseStart = builder.Length - 1;
        if (baseStart < 0)
        {
            builder.Append("{\\").Append(accent).Append("{}}");
            return;
        }
        // Stacked marks wrap the already wrapped letter: {\~{\^a}}.
        string baseText;
        if (builder[baseStart] == '}' && FindGroupStart(builder, baseStart) is var open and >= 0)
        {
            baseText = builder.ToString(open, baseStart - open + 1);
            baseStart = open;
        }
        else
        {
            // {\'i}, not {\'{\i}}: LaTeX 2e and every BibTeX reader accent a plain i, and a dotless one reads back as ı.
            baseText = builder[baseStart].ToString();
        }
        builder.Length = baseStart;
        var letterAccent = char.IsAsciiLetter(accent[0]);
        builder.Append("{\\").Append(accent);
        if (baseText.StartsWith('{')) builder.Append(baseText);
        else if (letterAccent || baseText.StartsWith('\\')) builder.Append('{').Append(baseText).Append('}');
        else builder.Append(baseText);
        builder.Append('}');
    }

    private static int FindGroupStart(StringBuilder builder, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (builder[i] == '}') depth++;
            else if (builder[i] == '{' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>A field value as plain text: braces dropped, escapes and accents decoded, whitespace collapsed.</summary>
    public static string Decode(string value)
    {
        var builder = new StringBuilder(value.Length);
        Decode(value, 0, value.Length, builder);
        return LatinDecomposition.Compose(CollapseWhitespace(builder.ToString()));
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static void Decode(string s, int start, int end, StringBuilder output)
    {
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (c == '{' || c == '}')
            {
                i++;
                continue;
            }
            if (c == '~')
            {
                output.Append('\u00A0');
                i++;
                continue;
            }
            if (c is '`' or '\'' && i + 1 < end && s[i + 1] == c)
            {
                // TeX's quote ligatures: ``quoted''.
                output.Append(c == '`' ? '\u201C' : '\u201D');
                i += 2;
                continue;
            }
            if (c == '`')
            {
                output.Append('\u2018');
                i++;
                continue;
            }
            if (c == '-' && i + 1 < end && s[i + 1] == '-')
            {
                var triple = i + 2 < end && s[i + 2] == '-';
                output.Append(triple ? '\u2014' : '\u2013');
                i += triple ? 3 : 2;
                continue;
            }
            if (c != '\\' || i + 1 >= end)
            {
                output.Append(c);
                i++;
                continue;
            }
            var next = s[i + 1];
            if (!char.IsAsciiLetter(next))
            {
                var symbol = next.ToString();
                if (AccentMarks.TryGetValue(symbol, out var mark))
                {
                    i = DecodeAccent(s, i + 2, end, mark, output);
                    continue;
                }
                // \& \% \$ \# \_ \{ \} \\ and a control space.
                output.Append(next == ' ' ? ' ' : next);
                i += 2;
                continue;
            }
            var nameEnd = i + 1;
            while (nameEnd < end && char.IsAsciiLetter(s[nameEnd])) nameEnd++;
            var name = s[(i + 1)..nameEnd];
            var after = nameEnd;
            while (after < end && s[after] == ' ') after++; // a command name ends at a space, which TeX swallows
            if (name.Length == 1 && AccentMarks.TryGetValue(name, out var letterMark))
            {
                i = DecodeAccent(s, after, end, letterMark, output);
                continue;
            }
            if (after + 1 < end && s[after] == '{' && s[after + 1] == '}') after += 2; // \ss{}, \textasciitilde{}
            if (Commands.TryGetValue(name, out var text))
            {
                output.Append(text);
                i = after;
                continue;
            }
            if (name is "i") { output.Append('ı'); i = after; continue; }
            if (name is "j") { output.Append('ȷ'); i = after; continue; }
            // An unknown command (\emph, \textit, \mathrm): keep its argument's text, drop the command.
            i = after > nameEnd ? after : nameEnd;
        }
    }

    /// <summary>Reads the accented argument (a letter, <c>{e}</c>, <c>{\i}</c>) and writes it with its mark.</summary>
    private static int DecodeAccent(string s, int i, int end, char mark, StringBuilder output)
    {
        var baseText = new StringBuilder();
        if (i < end && s[i] == '{')
        {
            var depth = 0;
            var start = i;
            for (; i < end; i++)
            {
                if (s[i] == '{') depth++;
                else if (s[i] == '}' && --depth == 0) break;
            }
            Decode(s, start + 1, Math.Min(i, end), baseText);
            i = Math.Min(i + 1, end);
        }
        else if (i < end && s[i] == '\\')
        {
            var nameEnd = i + 1;
            while (nameEnd < end && char.IsAsciiLetter(s[nameEnd])) nameEnd++;
            Decode(s, i, nameEnd, baseText);
            i = nameEnd;
        }
        else if (i < end)
        {
            baseText.Append(s[i]);
            i++;
        }
        var letters = baseText.ToString().Replace('ı', 'i').Replace('ȷ', 'j');
        // The mark goes after the base letter and the marks already on it: {\~{\^e}} is e, circumflex, tilde.
        var baseEnd = letters.Length == 0 ? 0 : 1;
        while (baseEnd < letters.Length && letters[baseEnd] is >= '\u0300' and <= '\u036F') baseEnd++;
        output.Append(letters.Length == 0 ? "" : letters[..baseEnd] + mark + letters[baseEnd..]);
        return i;
    }
}
