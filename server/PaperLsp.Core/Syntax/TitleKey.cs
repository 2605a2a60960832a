using System.Text;
using PaperLsp.Text;

namespace PaperLsp.Syntax;

/// <summary>Titles that differ only in case, punctuation, spacing or accents name the same paper.</summary>
public static class TitleKey
{
    public static string Normalize(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (c < '\u00C0')
            {
                if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
                continue;
            }
            // Café and Cafe, Łódź and Lodz: folded by our own table, since InvariantGlobalization leaves Normalize a no-op.
            if (TextFolding.Fold(c) is { } folded)
            {
                foreach (var f in folded) builder.Append(char.ToLowerInvariant(f));
            }
            else if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
