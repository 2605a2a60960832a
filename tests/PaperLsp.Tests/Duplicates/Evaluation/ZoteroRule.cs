using System.Text;
using PaperLsp.Exchange;
using PaperLsp.Text;

namespace PaperLsp.Tests.Duplicates.Evaluation;

/// <summary>
/// Zotero's duplicate detection, re-implemented from its source (zotero/zotero,
/// chrome/content/zotero/xpcom/duplicates.js, <c>_findDuplicates</c>): two items match when their normalised titles
/// are exactly equal (diacritics removed, runs of ASCII punctuation and spaces made one space, trimmed, lower case);
/// then, with no DOI or ISBN to compare here, years more than one apart are not duplicates, and at least one creator
/// must agree on normalised last name and first initial (two items without creators match).
/// <c>Zotero.Utilities.removeDiacritics</c> is stood in for by the project's Latin folding table; Unicode punctuation
/// (en dash, curly quotes, full-width colon) is not ASCII punctuation and stays, as in Zotero.
/// </summary>
public static class ZoteroRule
{
    public static bool IsDuplicate(BibRecord one, BibRecord two)
    {
        var titleOne = Normalize(one.Title);
        var titleTwo = Normalize(two.Title);
        if (titleOne.Length == 0 || titleTwo.Length == 0 || titleOne != titleTwo) return false;
        if (one.Date is { } a && two.Date is { } b && Math.Abs(a.Year - b.Year) > 1) return false;
        if (one.Authors.Count == 0 && two.Authors.Count == 0) return true;
        if (one.Authors.Count == 0 || two.Authors.Count == 0) return false;
        var creatorsTwo = two.Authors.Select(Creator).ToHashSet();
        return one.Authors.Select(Creator).Any(creatorsTwo.Contains);
    }

    /// <summary>Last name and first initial; a one-field name (a mononym) has no initial, as Zotero's fieldMode 1.</summary>
    private static (string LastName, string FirstInitial) Creator(PersonName name) =>
        name.IsMononym ? (Normalize(name.Family), "") : (Normalize(name.FullFamily), Normalize(name.Given) is { Length: > 0 } given ? given[..1] : "");

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inRun = false;
        foreach (var c in TextFolding.FoldAccents(text))
        {
            if (IsAsciiPunctuationOrSpace(c))
            {
                if (!inRun) builder.Append(' ');
                inRun = true;
                continue;
            }
            inRun = false;
            builder.Append(c);
        }
        return builder.ToString().Trim().ToLowerInvariant();
    }

    /// <summary>The class <c>[ !-/:-@[-`{-~]</c> of duplicates.js.</summary>
    private static bool IsAsciiPunctuationOrSpace(char c) => c is >= ' ' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';
}
