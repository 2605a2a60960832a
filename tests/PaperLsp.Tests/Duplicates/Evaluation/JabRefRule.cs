using PaperLsp.Exchange;

namespace PaperLsp.Tests.Duplicates.Evaluation;

/// <summary>
/// JabRef's duplicate check, re-implemented from its source (JabRef/jabref,
/// src/main/java/org/jabref/logic/database/DuplicateCheck.java): fields are compared one by one and weighted (title 3,
/// author 2.5, others 1); a field is equal when <c>correlateByWords</c> exceeds 0.8, which pairs the words of both
/// strings <em>by position</em> and counts a miss for each pair whose edit-distance similarity is under 0.75. The
/// weighted share of equal required fields must reach 0.75; within 0.05 of it, the optional fields are weighed in too.
/// An exported list entry is a biblatex <c>@misc</c>, whose required fields are author, title and date (the year
/// here); of its optional fields only the category (<c>eprintclass</c>) is filled.
/// A field missing on both sides drops out; missing on one side it counts as unequal, as in JabRef.
/// </summary>
public static class JabRefRule
{
    private const double DuplicateThreshold = 0.75;
    private const double DoubtRange = 0.05;
    private const double RequiredWeight = 3;

    public static bool IsDuplicate(BibRecord one, BibRecord two)
    {
        var required = CompareFieldSet(
        [
            (3.0, Compare(one.Title, two.Title, CompareText)),
            (2.5, Compare(AuthorField(one), AuthorField(two), CompareAuthors)),
            (1.0, Compare(one.Date?.Year.ToString(), two.Date?.Year.ToString(), CompareText)),
        ]);
        if (Math.Abs(required.Score - DuplicateThreshold) > DoubtRange) return required.Score >= DuplicateThreshold;

        var optional = CompareFieldSet([(1.0, Compare(one.Category, two.Category, CompareText))]);
        var total = (RequiredWeight * required.Score * required.Weight + optional.Score * optional.Weight) / (required.Weight * RequiredWeight + optional.Weight);
        return total >= DuplicateThreshold;
    }

    private enum FieldResult { NotEqual, Equal, EmptyInOne, EmptyInBoth }

    private static FieldResult Compare(string? one, string? two, Func<string, string, bool> equal)
    {
        var hasOne = !string.IsNullOrEmpty(one);
        var hasTwo = !string.IsNullOrEmpty(two);
        if (!hasOne && !hasTwo) return FieldResult.EmptyInBoth;
        if (!hasOne || !hasTwo) return FieldResult.EmptyInOne;
        return equal(one!, two!) ? FieldResult.Equal : FieldResult.NotEqual;
    }

    private static (double Score, double Weight) CompareFieldSet(IEnumerable<(double Weight, FieldResult Result)> fields)
    {
        double score = 0, weights = 0;
        foreach (var (weight, result) in fields)
        {
            if (result == FieldResult.EmptyInBoth) continue;
            weights += weight;
            if (result == FieldResult.Equal) score += weight;
        }
        return weights > 0 ? (score / weights, weights) : (0.5, 0.0);
    }

    private static bool CompareText(string one, string two) =>
        CorrelateByWords(one.ToLowerInvariant().Trim(), two.ToLowerInvariant().Trim()) > 0.8;

    private static bool CompareAuthors(string one, string two) =>
        CorrelateByWords(one.Replace(" and ", " ").ToLowerInvariant(), two.Replace(" and ", " ").ToLowerInvariant()) > 0.8;

    /// <summary>
    /// What <c>AuthorList.fixAuthorLastNameOnlyCommas(field, false)</c> makes of the exported author field: family
    /// names, commas between them and " and " before the last; <c>and others</c> (et al.) reads as one more name.
    /// </summary>
    private static string? AuthorField(BibRecord record)
    {
        var names = record.Authors.Select(a => a.FullFamily).ToList();
        if (record.EtAl) names.Add("others");
        return names.Count switch
        {
            0 => null,
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
        };
    }

    /// <summary>Word-by-word positional correlation, as JabRef's <c>correlateByWords</c>: 1 − misses / min(word counts).</summary>
    public static double CorrelateByWords(string one, string two)
    {
        var w1 = JavaSplitOnWhitespace(one);
        var w2 = JavaSplitOnWhitespace(two);
        var n = Math.Min(w1.Length, w2.Length);
        var misses = 0;
        for (var i = 0; i < n; i++)
            if (Similarity(w1[i], w2[i]) < 0.75) misses++;
        return 1 - misses / (double)n;
    }

    /// <summary>Java's <c>split("\\s")</c>: every single whitespace character separates, trailing empty strings dropped.</summary>
    private static string[] JavaSplitOnWhitespace(string text)
    {
        var parts = text.Split([' ', '\t', '\n', '\r', '\f', '\v']).ToList();
        while (parts.Count > 1 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts.ToArray();
    }

    private static double Similarity(string first, string second)
    {
        var longer = first.Length >= second.Length ? first : second;
        var shorter = ReferenceEquals(longer, first) ? second : first;
        if (longer.Length == 0) return 1.0;
        return (longer.Length - Levenshtein(longer.ToLowerInvariant(), shorter.ToLowerInvariant())) / (double)longer.Length;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
