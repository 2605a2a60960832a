using PaperLsp.Exchange;

namespace PaperLsp.Tests.Duplicates.Evaluation;

/// <summary>
/// bibtex-tidy's <c>--duplicates</c>, re-implemented from its source (FlamingTempura/bibtex-tidy, src/duplicates.ts
/// and src/utils.ts; the same code is in the published bibtex-tidy.js of 1.14.0, <c>checkForDuplicates</c>): an entry
/// is a duplicate of an earlier one with the same <em>citation</em> key, the first author's last name, the title and
/// the number, each reduced by <c>alphaNum</c> (every character outside [0-9A-Za-z] deleted, lower case), or with the
/// same first 100 characters of <c>alphaNum(abstract)</c>. The DOI rule has nothing to compare in a list; the key rule
/// depends on the keys an exporter writes, not on the papers, so it is left to the side-by-side run on exported files.
/// </summary>
public static class BibtexTidyRule
{
    public static bool IsDuplicate(BibRecord one, BibRecord two) =>
        Citation(one) is { } a && a == Citation(two) || AbstractKey(one) is { } x && x == AbstractKey(two);

    private static string? Citation(BibRecord record)
    {
        if (record.Title.Length == 0 || record.Authors.Count == 0) return null;
        return $"{AlphaNum(record.Authors[0].Family)}:{AlphaNum(record.Title)}:0";
    }

    private static string? AbstractKey(BibRecord record)
    {
        var key = AlphaNum(record.Abstract);
        return key.Length == 0 ? null : key[..Math.Min(100, key.Length)];
    }

    public static string AlphaNum(string text) =>
        new string(text.Where(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z').ToArray()).ToLowerInvariant();
}
