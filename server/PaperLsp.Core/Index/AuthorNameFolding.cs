using System.Text;

namespace PaperLsp.Index;

/// <summary>
/// Case- and accent-blind folding of names for matching, without <c>string.Normalize</c>: the build sets
/// <c>InvariantGlobalization</c>, under which FormD decomposition does nothing. A table covers Latin-1 and Latin
/// Extended-A, including the letters decomposition would not fold anyway (ł, ø, đ, ß, æ, œ, þ); combining marks are
/// dropped, so text that arrives decomposed folds the same. Other scripts are lower-cased only.
/// (Another branch adds Text/TextFolding.cs for titles; the two can merge into one table.)
/// </summary>
public static class AuthorNameFolding
{
    // U+00C0..U+00FF and U+0100..U+017F, one base letter each; '\0' marks the letters that fold to two.
    private const string Latin1 = "aaaaaa\0ceeeeiiiidnooooo×ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo÷ouuuuy\0y";
    private const string ExtendedA = "aaaaaacccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "\0\0" + "jj" + "kkk" +
        "llllllllll" + "nnnnnnn" + "nn" + "oooooo" + "\0\0" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s";

    private static string? Double(char c) => c switch
    {
        'Æ' or 'æ' => "ae",
        'Þ' or 'þ' => "th",
        'ß' => "ss",
        'Ĳ' or 'ĳ' => "ij",
        'Œ' or 'œ' => "oe",
        _ => null,
    };

    /// <summary>Folds one character into <paramref name="builder"/>: lower case, accents dropped.</summary>
    public static void Append(StringBuilder builder, char c)
    {
        if (c < 0x80)
        {
            builder.Append(char.ToLowerInvariant(c));
            return;
        }
        if (c is >= '\u0300' and <= '\u036F') return; // combining marks
        if (c is >= '\u00C0' and <= '\u017F')
        {
            var folded = c < '\u0100' ? Latin1[c - 0xC0] : ExtendedA[c - 0x100];
            if (folded == '\0') builder.Append(Double(c));
            else builder.Append(folded);
            return;
        }
        builder.Append(c switch
        {
            'Ș' or 'ș' or 'Ş' or 'ş' => 's',
            'Ț' or 'ț' => 't',
            'ǎ' or 'Ǎ' => 'a',
            'ǐ' or 'Ǐ' => 'i',
            'ǒ' or 'Ǒ' => 'o',
            'ǔ' or 'Ǔ' => 'u',
            _ => char.ToLowerInvariant(c),
        });
    }

    public static string Fold(string text)
    {
        var ascii = true;
        foreach (var c in text)
            if (c >= 0x80 || char.IsAsciiLetterUpper(c)) { ascii = false; break; }
        if (ascii) return text;
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text) Append(builder, c);
        return builder.ToString();
    }

    /// <summary>
    /// The German and Scandinavian transliteration, where it differs from <see cref="Fold"/>: ä ö ü → ae oe ue,
    /// ø → oe, å → aa, so "Oedegaard" finds Ødegaard as "Odegaard" does. Null when the text has none of these letters.
    /// </summary>
    public static string? Transliterate(string text)
    {
        if (text.AsSpan().IndexOfAny("ÄÖÜäöüØøÅå") < 0) return null;
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            switch (c)
            {
                case 'Ä' or 'ä': builder.Append("ae"); break;
                case 'Ö' or 'ö' or 'Ø' or 'ø': builder.Append("oe"); break;
                case 'Ü' or 'ü': builder.Append("ue"); break;
                case 'Å' or 'å': builder.Append("aa"); break;
                default: Append(builder, c); break;
            }
        }
        return builder.ToString();
    }
}

/// <summary>
/// The identity of an author across lists: the name folded (case, accents), periods dropped and spacing collapsed.
/// "Ekin Akyürek" and "ekin akyurek" are one author; "Maria J. Garcia" and "Maria Garcia" stay two (a code action
/// offers to unify them).
/// </summary>
public static class AuthorKey
{
    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name)
        {
            // "Y. Kim", "Y Kim" and "Y.Kim" are one spelling.
            if (c == '.' || char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) { builder.Append(' '); space = false; }
            AuthorNameFolding.Append(builder, c);
        }
        return builder.ToString();
    }
}
