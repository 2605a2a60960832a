using System.Text;
using PaperLsp.Text;

namespace PaperLsp.Index;

/// <summary>
/// Case- and accent-blind folding of names for matching: <see cref="TextFolding"/>'s table (the build sets
/// <c>InvariantGlobalization</c>, under which FormD decomposition does nothing), then lower case. Letters decomposition
/// would not fold anyway (ł, ø, đ, ß, æ, œ, þ) are in that table; combining marks are dropped, so text that arrives
/// decomposed folds the same. Other scripts are lower-cased only.
/// </summary>
public static class AuthorNameFolding
{
    /// <summary>Folds one character into <paramref name="builder"/>: lower case, accents dropped.</summary>
    public static void Append(StringBuilder builder, char c)
    {
        if (c < 0x80)
        {
            builder.Append(char.ToLowerInvariant(c));
            return;
        }
        var start = builder.Length;
        TextFolding.AppendFolded(builder, c);
        for (var k = start; k < builder.Length; k++) builder[k] = char.ToLowerInvariant(builder[k]);
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
