using System.Globalization;
using System.Text;

namespace PaperLsp.Exchange;

/// <summary>Folds text to ASCII the way citation keys need it: <c>Daumé</c> → <c>Daume</c>, <c>Łukasz</c> → <c>Lukasz</c>.</summary>
public static class AsciiFold
{
    /// <summary>Letters that do not decompose into a base letter and marks.</summary>
    internal static readonly Dictionary<char, string> Specials = new()
    {
        ['ł'] = "l", ['Ł'] = "L", ['ø'] = "o", ['Ø'] = "O", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE",
        ['ß'] = "ss", ['đ'] = "d", ['Đ'] = "D", ['ð'] = "d", ['Ð'] = "D", ['þ'] = "th", ['Þ'] = "Th", ['ı'] = "i",
        ['ħ'] = "h", ['Ħ'] = "H", ['ŀ'] = "l", ['Ŀ'] = "L", ['ŋ'] = "ng", ['Ŋ'] = "NG", ['ĸ'] = "k",
        ['\u2019'] = "'", ['\u2018'] = "'", ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u2013'] = "-", ['\u2014'] = "-",
    };

    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in LatinDecomposition.Decompose(text))
        {
            if (c < 128) builder.Append(c);
            else if (Specials.TryGetValue(c, out var replacement)) builder.Append(replacement);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark) continue;
            // Anything else (CJK, emoji) has no ASCII spelling and is dropped.
        }
        return builder.ToString();
    }
}
