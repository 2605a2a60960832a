using System.Globalization;
using System.Text;

namespace PaperLsp.Syntax;

/// <summary>Titles that differ only in case, punctuation, spacing or accents name the same paper.</summary>
public static class TitleKey
{
    public static string Normalize(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        // Fold accents only when there are any: ASCII titles are the common case.
        if (!IsAscii(builder))
        {
            var decomposed = builder.ToString().Normalize(NormalizationForm.FormD);
            builder.Clear();
            foreach (var c in decomposed)
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsAscii(StringBuilder builder)
    {
        foreach (var chunk in builder.GetChunks())
            if (!Ascii.IsValid(chunk.Span)) return false;
        return true;
    }
}
