using System.Globalization;

namespace PaperLsp.Related;

/// <summary>
/// How related a candidate is to one query entry, from the index's current counts. The score adds, with the weights
/// below: the TF-IDF cosine of title and abstract terms (sublinear tf, smooth idf, L2), the shared authors (each
/// weighted by its inverse frequency, combined as a noisy-or, so one rare co-author outweighs a prolific one), the same
/// category, and dates under two years apart (linearly less the further apart).
/// </summary>
internal sealed class RelatedScoring
{
    public const double TopicWeight = 1.0;
    public const double AuthorWeight = 0.6;
    public const double CategoryWeight = 0.05;
    public const double DateWeight = 0.05;
    /// <summary>Dates this many months apart or more add nothing.</summary>
    public const int DateWindowMonths = 24;
    /// <summary>Under this an entry is not related (one shared common word, a category alone).</summary>
    public const double MinimumScore = 0.08;

    /// <summary>Only the query's rarest terms find candidates: rare terms carry the similarity, common ones the cost.</summary>
    public const int CandidateTermCount = 25;
    /// <summary>Postings read per query at most; a term whose whole posting would pass it is not read.</summary>
    public const int PostingBudget = 25_000;
    /// <summary>An author on more entries than this finds no candidates alone (still counted when a candidate shares them).</summary>
    public const int AuthorPostingBudget = 5_000;
    /// <summary>Candidates scored exactly after the estimate.</summary>
    public const int ShortlistSize = 60;

    private readonly RelatedIndex index;
    private readonly int entryCount;
    private readonly Dictionary<string, float> queryWeights = new(StringComparer.Ordinal);
    private readonly double queryNorm;
    /// <summary>Scales a candidate's idf-free norm to its idf-weighted one, roughly: only used to shortlist.</summary>
    private readonly double typicalIdf;

    public RelatedScoring(RelatedIndex index, RelatedFacts query)
    {
        this.index = index;
        Query = query;
        entryCount = Math.Max(1, index.EntryCount);
        var sum = 0.0;
        for (var i = 0; i < query.Terms.Length; i++)
        {
            var weight = (float)(query.TermFrequency(i) * Idf(index.TermFrequency(query.Terms[i])));
            queryWeights[query.Terms[i]] = weight;
            sum += weight * weight;
        }
        queryNorm = Math.Sqrt(sum);
        typicalIdf = Math.Log(1 + entryCount) / 2 + 1;
    }

    public RelatedFacts Query { get; }

    private double Idf(int documentFrequency) => Math.Log((1.0 + entryCount) / (1.0 + documentFrequency)) + 1;

    /// <summary>Copies are duplicates, not related papers.</summary>
    public bool IsCopy(RelatedFacts candidate) => Query.TitleKey.Length > 0 && candidate.TitleKey == Query.TitleKey;

    /// <summary>The query's indexed terms rarest first (ties in ordinal order), each with its weight times its idf: a
    /// posting's term frequency times this is the term's share of the dot product.</summary>
    public IEnumerable<(string Term, float Weight)> CandidateTerms() => Query.Terms
        .Select(term => (Term: term, Frequency: index.TermFrequency(term)))
        .Where(pair => pair.Frequency > 0)
        .OrderBy(pair => pair.Frequency).ThenBy(pair => pair.Term, StringComparer.Ordinal)
        .Take(CandidateTermCount)
        .Select(pair => (pair.Term, (float)(queryWeights[pair.Term] * Idf(pair.Frequency))));

    /// <summary>A cheap estimate of <see cref="Score"/>, to shortlist: the dot product over the rarest terms
    /// only, over a norm without idf, and the exact author part.</summary>
    public double Estimate(float partialDot, RelatedFacts candidate, bool mayShareAuthors)
    {
        var topic = queryNorm > 0 && candidate.TermNorm > 0 ? partialDot / (queryNorm * candidate.TermNorm * typicalIdf) : 0;
        return TopicWeight * topic + (mayShareAuthors ? AuthorWeight * AuthorScore(candidate, out _) : 0);
    }

    public sealed record Evidence(RelatedFacts Candidate, double Total, double Topic, double Authors,
        IReadOnlyList<string> SharedAuthorNames, string? SameCategory, int? MonthsApart);

    /// <summary>Under this cosine the shared words are not worth naming.</summary>
    private const double NamedTopic = 0.05;

    public Evidence Score(RelatedFacts candidate)
    {
        var dot = 0.0;
        var norm = 0.0;
        for (var i = 0; i < candidate.Terms.Length; i++)
        {
            var weight = candidate.TermFrequency(i) * Idf(index.TermFrequency(candidate.Terms[i]));
            norm += weight * weight;
            if (queryWeights.TryGetValue(candidate.Terms[i], out var queryWeight)) dot += weight * queryWeight;
        }
        var topic = dot > 0 ? dot / (queryNorm * Math.Sqrt(norm)) : 0;
        var authors = AuthorScore(candidate, out var sharedNames);
        var category = Query.Category is { } code && code == candidate.Category ? code : null;
        int? months = Query.Date is { } a && candidate.Date is { } b ? Math.Abs((a.Year - b.Year) * 12 + a.Month - b.Month) : null;
        var dateCloseness = months is { } m && m < DateWindowMonths ? 1 - m / (double)DateWindowMonths : 0;
        var total = TopicWeight * topic + AuthorWeight * authors + (category is null ? 0 : CategoryWeight) + DateWeight * dateCloseness;
        return new Evidence(candidate, total, topic, authors, sharedNames, category, dateCloseness > 0 ? months : null);
    }

    /// <summary>The three shared terms that add most to the cosine, for the reason; computed for the answers only.</summary>
    private IReadOnlyList<string> SharedTerms(RelatedFacts candidate)
    {
        var contributions = new List<(double Share, string Term)>();
        for (var i = 0; i < candidate.Terms.Length; i++)
            if (queryWeights.TryGetValue(candidate.Terms[i], out var queryWeight))
                contributions.Add((candidate.TermFrequency(i) * Idf(index.TermFrequency(candidate.Terms[i])) * queryWeight, candidate.Terms[i]));
        return contributions.OrderByDescending(c => c.Share).ThenBy(c => c.Term, StringComparer.Ordinal).Take(3).Select(c => c.Term).ToArray();
    }

    /// <summary>1 − Π(1 − sᵢ) over the shared authors, sᵢ the author's idf over the largest possible idf.</summary>
    private double AuthorScore(RelatedFacts candidate, out IReadOnlyList<string> sharedNames)
    {
        List<string>? names = null;
        var missing = 1.0;
        var largest = Idf(0);
        for (var i = 0; i < Query.AuthorKeys.Length; i++)
        {
            if (Array.IndexOf(candidate.AuthorKeys, Query.AuthorKeys[i]) < 0) continue;
            (names ??= []).Add(Query.AuthorNames[i]);
            missing *= 1 - Idf(index.AuthorFrequency(Query.AuthorKeys[i])) / largest;
        }
        sharedNames = names ?? (IReadOnlyList<string>)[];
        return 1 - missing;
    }

    public IReadOnlyList<string> Reasons(Evidence evidence)
    {
        var reasons = new List<string>(4);
        if (evidence.SharedAuthorNames.Count > 0) reasons.Add(AuthorsReason(evidence.SharedAuthorNames));
        if (evidence.Topic >= NamedTopic) reasons.Add("similar topic: " + string.Join(", ", SharedTerms(evidence.Candidate)));
        if (evidence.SameCategory is { } category) reasons.Add("same category " + category);
        if (evidence.MonthsApart is { } months)
            reasons.Add(months switch { 0 => "same month", 1 => "1 month apart", _ => string.Create(CultureInfo.InvariantCulture, $"{months} months apart") });
        return reasons;
    }

    private static string AuthorsReason(IReadOnlyList<string> names)
    {
        const int shown = 3;
        var list = string.Join(", ", names.Take(shown)) + (names.Count > shown ? $" and {names.Count - shown} more" : "");
        return names.Count == 1 ? "shared author: " + list : string.Create(CultureInfo.InvariantCulture, $"{names.Count} shared authors: {list}");
    }
}
