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


    private RelatedFacts(EntryNode entry)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        TopicTerms.Collect(entry.Title, term => counts[term] = counts.GetValueOrDefault(term) + TitleWeight);
        TopicTerms.Collect(entry.Abstract, term => counts[term] = counts.GetValueOrDefault(term) + 1);
        Terms = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        Counts = Terms.Select(term => (byte)Math.Min(byte.MaxValue, counts[term])).ToArray();
        TermNorm = Math.Sqrt(Counts.Sum(count => (double)Sublinear[count] * Sublinear[count]));
        var facts = EntryFacts.Of(entry);
        AuthorKeys = facts.AuthorKeys;
        AuthorNames = facts.AuthorNames;
        Category = facts.Category is { } written ? ArxivCategoryNames.FullCode(written) ?? written : null;
        Date = entry.Metadata?.DateValue;
        TitleKey = entry.TitleKey;
    }

    public static RelatedFacts Of(EntryNode entry) => entry.Derived(EntryDerivedSlot.Related, static e => new RelatedFacts(e));

    /// <summary>1 + ln(tf) for each occurrence count a byte holds (more than 255 occurrences count as 255).</summary>
    public static readonly float[] Sublinear = Enumerable.Range(0, 256).Select(n => n == 0 ? 0f : (float)(1 + Math.Log(n))).ToArray();

    /// <summary>Distinct terms, ordinal order. The index swaps each for its own instance of the same text
    /// (<see cref="RelatedIndex"/>), so that 100,000 entries share one string per term.</summary>
    public string[] Terms { get; }
    /// <summary>Occurrences of each of <see cref="Terms"/> (a title occurrence counts <see cref="TitleWeight"/>), at most 255.</summary>
    public byte[] Counts { get; }
    public float TermFrequency(int i) => Sublinear[Counts[i]];
    /// <summary>The L2 norm of the sublinear term frequencies (no idf: a property of the entry alone).</summary>
    public double TermNorm { get; }
    public string[] AuthorKeys { get; }
    public string[] AuthorNames { get; }
    /// <summary>The category's full code (<c>CL</c> is <c>cs.CL</c>), so the two spellings match.</summary>
    public string? Category { get; }
    public DateOnly? Date { get; }
    public string TitleKey { get; }
}
