using System.Runtime.CompilerServices;
using PaperLsp.Text;

namespace PaperLsp.Syntax;

/// <summary>Titles that differ only in case, punctuation, spacing or accents name the same paper.</summary>
public static class TitleKey
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string title)
    {
        // A character folds to at most two letters (æ → ae), so twice the length always fits.
        var buffer = title.Length <= 256 ? stackalloc char[2 * title.Length] : new char[2 * title.Length];
        var length = 0;
        foreach (var c in title)
        {
            if (c < '\u00C0')
            {
                if (char.IsLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
                continue;
            }
            // Café and Cafe, Łódź and Lodz: folded by our own table, since InvariantGlobalization leaves Normalize a no-op.
            if (TextFolding.Fold(c) is { } folded)
            {
                foreach (var f in folded) buffer[length++] = char.ToLowerInvariant(f);
            }
            else if (char.IsLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }
}
