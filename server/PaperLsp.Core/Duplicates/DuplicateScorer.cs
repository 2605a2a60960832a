using System.Globalization;
using PaperLsp.Syntax;

namespace PaperLsp.Duplicates;

/// <summary>
/// Decides whether two entries are one paper on the evidence a reader would use: the title (robust to case,
/// punctuation, a leading word or a subtitle, but not to a word that names another paper), the displayed authors by
/// surname and initial (knowing a listing stops at three and says et al.), the abstract's word triples (knowing one copy
/// may be shortened and another revised), and the date (a later one may be a new version).
/// The thresholds and the reasons for them are in docs/duplicates.md.
/// </summary>
public static class DuplicateScorer
{
    /// <summary>Abstracts sharing this share of the shorter one's word triples tell the same paper (copies measured ≥ 0.69, look-alikes ≤ 0.17).</summary>
    internal const double SameAbstract = 0.5;
    /// <summary>Abstracts sharing this much back up a title that is only similar.</summary>
    internal const double RelatedAbstract = 0.3;
    /// <summary>Fewer word triples than this say too little to compare.</summary>
    internal const int MinShingles = 5;

    public static DuplicateVerdict Compare(EntryNode a, EntryNode b) => Compare(PaperFingerprint.Of(a), PaperFingerprint.Of(b));

    public static DuplicateVerdict Compare(PaperFingerprint a, PaperFingerprint b)
    {
        if (ReferenceEquals(a, b) || a.TitleWords.Length == 0 || b.TitleWords.Length == 0) return DuplicateVerdict.None;
        if (a.HasSameText(b)) return new DuplicateVerdict(DuplicateKind.ExactCopy, 1, ["an exact copy"]);

        if (ClearlyDifferent(a, b)) return DuplicateVerdict.None;

        var (title, titleSimilarity, titleReason) = TitleRelation.Of(a, b);
        if (title is TitleMatch.DistinctPaper) return DuplicateVerdict.None;
        var (authors, authorReason) = AuthorOverlap.Of(a, b);
        double? abstracts = a.AbstractShingles.Length >= MinShingles && b.AbstractShingles.Length >= MinShingles
            ? PaperText.Containment(a.AbstractShingles, b.AbstractShingles)
            : null;

        var kind = Decide(title, authors, abstracts);
        if (kind == DuplicateKind.None) return DuplicateVerdict.None;

        var reasons = new List<string> { titleReason };
        if (authorReason is not null) reasons.Add(authorReason);
        if (abstracts is { } shared)
        {
            var shortened = a.AbstractShortened != b.AbstractShortened ? ", one shortened" : "";
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"abstracts share {shared:P0} of their word triples{shortened}"));
        }
        if (a.Date is { } dateA && b.Date is { } dateB && dateA != dateB) reasons.Add("different dates: maybe another version");
        var score = 0.5 * titleSimilarity + 0.2 * AuthorScore(authors) + 0.3 * (abstracts ?? 0.5);
        return new DuplicateVerdict(kind, Math.Round(score, 3), reasons);
    }

    /// <summary>
    /// Most candidate pairs share a phrase and nothing else: titles that are not equal in any reading (whole, main title,
    /// one's main title the other's whole) and share under half their words can only be a new version under a new
    /// title, which needs abstracts this alike. Two merges of sorted hashes answer that without allocating.
    /// </summary>
    private static bool ClearlyDifferent(PaperFingerprint a, PaperFingerprint b)
    {
        if (a.TitleKey == b.TitleKey || a.MainTitleKey == b.MainTitleKey || a.TitleKey == b.MainTitleKey || a.MainTitleKey == b.TitleKey) return false;
        if (PaperText.Jaccard(a.TitleWordHashes, b.TitleWordHashes) >= 0.5) return false;
        return PaperText.Containment(a.AbstractShingles, b.AbstractShingles) < NewTitleAbstract || a.AbstractShingles.Length < MinShingles || b.AbstractShingles.Length < MinShingles;
    }

    /// <summary>Abstracts this alike make a possible duplicate even under different titles (a new version renamed).</summary>
    internal const double NewTitleAbstract = 0.7;

    /// <summary>
    /// The rule. The same paper needs the same title (or the same one with a leading word or subtitle more) and no
    /// author conflict; a title that is only close can at most make a possible duplicate, which then needs the authors
    /// or the abstract to agree: a sequel, a benchmark one letter apart or a reply never passes on its title alone.
    /// </summary>
    internal static DuplicateKind Decide(TitleMatch title, Authors authors, double? abstracts)
    {
        var abstractsAgree = abstracts >= SameAbstract;
        switch (title)
        {
            case TitleMatch.Equal:
                if (authors == Authors.Conflict && !abstractsAgree) return DuplicateKind.Possible;
                return DuplicateKind.SamePaper;
            case TitleMatch.Variant:
                if (authors == Authors.Conflict) return abstracts >= 0.6 ? DuplicateKind.Possible : DuplicateKind.None;
                if (abstracts is null || abstracts >= RelatedAbstract) return DuplicateKind.SamePaper;
                return authors == Authors.Agree ? DuplicateKind.Possible : DuplicateKind.None;
            case TitleMatch.SameMainTitle:
            case TitleMatch.Similar:
                if (authors == Authors.Conflict) return DuplicateKind.None;
                if (authors == Authors.Agree && (abstracts >= RelatedAbstract || (abstracts is null && title == TitleMatch.SameMainTitle)))
                    return DuplicateKind.Possible;
                return abstracts >= 0.8 ? DuplicateKind.Possible : DuplicateKind.None;
            case TitleMatch.Different:
                return authors != Authors.Conflict && abstracts >= NewTitleAbstract ? DuplicateKind.Possible : DuplicateKind.None;
            default:
                return DuplicateKind.None;
        }
    }

    private static double AuthorScore(Authors authors) => authors switch
    {
        Authors.Agree => 1,
        Authors.Unknown => 0.5,
        _ => 0,
    };
}
