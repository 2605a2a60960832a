using System.Runtime.CompilerServices;
using PaperLsp.Ide;
using PaperLsp.Index;
using PaperLsp.Syntax;

namespace PaperLsp.Related;

/// <summary>
/// What relatedness reads from one entry, computed once per entry node (nodes are shared between document versions, so
/// a keystroke recomputes only the entry it re-read): the distinct topic terms with their sublinear term frequency, the
/// author keys, the category's full code and the date.
/// </summary>
internal sealed class RelatedFacts
{
    /// <summary>A title word says more about the subject than an abstract word: it counts as this many occurrences.</summary>
    private const int TitleWeight = 2;

    private static readonly ConditionalWeakTable<EntryNode, RelatedFacts> Cache = new();

    private RelatedFacts(EntryNode entry)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        TopicTerms.Collect(entry.Title, term => counts[term] = counts.GetValueOrDefault(term) + TitleWeight);
        TopicTerms.Collect(entry.Abstract, term => counts[term] = counts.GetValueOrDefault(term) + 1);
        Terms = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        TermFrequencies = Terms.Select(term => (float)(1 + Math.Log(counts[term]))).ToArray();
        TermNorm = Math.Sqrt(TermFrequencies.Sum(f => (double)f * f));
        var facts = EntryFacts.Of(entry);
        AuthorKeys = facts.AuthorKeys;
        AuthorNames = facts.AuthorNames;
        Category = facts.Category is { } written ? ArxivCategoryNames.FullCode(written) ?? written : null;
        Date = entry.Metadata?.DateValue;
        TitleKey = entry.TitleKey;
    }

    public static RelatedFacts Of(EntryNode entry) => Cache.GetValue(entry, static e => new RelatedFacts(e));

    /// <summary>Distinct terms, ordinal order.</summary>
    public string[] Terms { get; }
    /// <summary>1 + ln(tf) of each of <see cref="Terms"/>.</summary>
    public float[] TermFrequencies { get; }
    /// <summary>The L2 norm of <see cref="TermFrequencies"/> (no idf: a property of the entry alone).</summary>
    public double TermNorm { get; }
    public string[] AuthorKeys { get; }
    public string[] AuthorNames { get; }
    /// <summary>The category's full code (<c>CL</c> is <c>cs.CL</c>), so the two spellings match.</summary>
    public string? Category { get; }
    public DateOnly? Date { get; }
    public string TitleKey { get; }
}
