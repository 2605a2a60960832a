using System.Text;
using PaperLsp.Index;

namespace PaperLsp.Related;

/// <summary>
/// The words a title or abstract is about: letters and digits folded (case, accents, <c>ł ø ß</c>) through
/// <see cref="AuthorNameFolding"/>, English stop words and bare numbers dropped, a light plural stem (models → model, LLMs → llm),
/// and overlapping character pairs for runs of Chinese and Japanese script, which are written without spaces (every
/// other script is kept as words, never dropped).
/// </summary>
public static class TopicTerms
{
    /// <summary>Appends each term of <paramref name="text"/> to <paramref name="sink"/>, in text order, repeats included.</summary>
    public static void Collect(string text, Action<string> sink)
    {
        var word = new StringBuilder(24);
        var upper = 0; // upper-case letters of the word so far: "LLMs" is the plural of "LLM"
        var cjkStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (IsCjk(c))
            {
                Flush(word, ref upper, sink);
                if (cjkStart < 0) cjkStart = i;
                continue;
            }
            if (cjkStart >= 0)
            {
                EmitCjk(text, cjkStart, i, sink);
                cjkStart = -1;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c)) upper++;
                AuthorNameFolding.Append(word, c);
            }
            else if (char.IsSurrogate(c)) word.Append(c); // letters beyond the BMP: kept, never split
            else if (!Text.TextFolding.IsCombiningMark(c)) Flush(word, ref upper, sink);
        }
    }

    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        Collect(text, terms.Add);
        return terms;
    }

    private static void Flush(StringBuilder word, ref int upper, Action<string> sink)
    {
        if (word.Length == 0) return;
        var acronymPlural = upper >= 2 && upper == word.Length - 1 && word[^1] == 's';
        var term = Stem(word, acronymPlural);
        word.Clear();
        upper = 0;
        if (term is not null) sink(term);
    }

    /// <summary>The term of a folded word, or null for a stop word, a single letter or a bare number.</summary>
    private static string? Stem(StringBuilder word, bool acronymPlural)
    {
        if (word.Length < 2) return null;
        var digits = true;
        var ascii = true;
        for (var k = 0; k < word.Length; k++)
        {
            if (!char.IsAsciiDigit(word[k])) digits = false;
            if (word[k] >= 0x80) ascii = false;
        }
        if (digits) return null;
        var text = word.ToString();
        if (StopWords.Contains(text)) return null;
        if (acronymPlural) return text[..^1];
        if (!ascii || text.Length <= 4) return text;
        // Plurals only (a full stemmer merges too much: "university" and "universe"); the same rule for every entry.
        if (text.EndsWith("ies", StringComparison.Ordinal) && text.Length > 4) return text[..^3] + "y";
        if (text[^1] == 's' && text[^2] is not ('s' or 'u' or 'i')) return text[..^1];
        return text;
    }

    private static void EmitCjk(string text, int start, int end, Action<string> sink)
    {
        if (end - start == 1)
        {
            sink(text.Substring(start, 1));
            return;
        }
        for (var k = start; k + 1 < end; k++) sink(text.Substring(k, 2));
    }

    /// <summary>Han ideographs, kana: scripts written without spaces, where a "word" would be a whole sentence.</summary>
    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "also", "although", "always",
        "am", "among", "an", "and", "another", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "due", "during", "each",
        "either", "et", "etc", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "however", "i", "ie", "eg", "if", "in", "into", "is", "it", "its", "itself",
        "just", "less", "like", "made", "make", "makes", "many", "may", "more", "most", "much", "must", "my", "near", "neither",
        "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other", "others", "our",
        "ours", "out", "over", "own", "per", "rather", "same", "several", "she", "should", "show", "shows", "shown", "since",
        "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
        "those", "though", "through", "thus", "to", "too", "two", "under", "until", "up", "upon", "us", "use", "used", "uses",
        "using", "very", "via", "was", "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who",
        "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
        // Words every abstract uses to talk about itself, not about its subject.
        "paper", "propose", "proposed", "proposes", "present", "presents", "introduce", "introduces", "approach", "method",
        "methods", "result", "results", "work", "new", "based", "demonstrate", "demonstrates", "existing", "first",
        "significantly", "state", "art", "experiment", "experiments", "finally", "furthermore", "moreover", "novel",
        "obtain", "obtained", "absolute", "different", "various", "type", "types", "original", "practice", "consistently",
        "given", "able", "allow", "allows", "achieve", "achieves", "achieved", "find", "found", "study", "studies", "task",
        "tasks", "performance", "improve", "improves", "improved", "improving", "large", "recent", "key",
    };
}
