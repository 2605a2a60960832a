using System.Text;

namespace PaperLsp.Exchange;

/// <summary>
/// Citation keys in the style Better BibTeX users know: first author's family name, year, first meaningful title word,
/// lower case and folded to ASCII (<c>agrawal2022large</c>). Keys are made unique across one export by suffixes
/// <c>a</c>, <c>b</c>, … on the second and later uses, in export order, so the same list always gets the same keys.
/// </summary>
public static class CitationKeys
{
    /// <summary>Function words that never make a key (after Better BibTeX's list, English and the common Romance and German ones).</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "ab", "about", "above", "across", "after", "against", "along", "amid", "among", "an", "and", "are", "around", "as", "at",
        "be", "before", "behind", "below", "beneath", "beside", "between", "beyond", "but", "by", "can", "das", "de", "del", "della",
        "der", "des", "die", "do", "does", "down", "du", "during", "ein", "eine", "el", "en", "et", "except", "for", "from", "how",
        "il", "in", "inside", "into", "is", "it", "its", "la", "las", "le", "les", "like", "lo", "los", "near", "nor", "of", "off",
        "on", "onto", "or", "over", "past", "per", "plus", "since", "so", "some", "than", "that", "the", "their", "this", "through",
        "to", "toward", "towards", "un", "una", "une", "under", "unlike", "until", "up", "upon", "versus", "via", "vs", "we", "what",
        "when", "where", "which", "while", "who", "why", "with", "within", "without", "yet", "zu",
    };

    public static string BaseKey(BibRecord record)
    {
        var author = record.Authors.Count > 0 ? KeyPart(record.Authors[0].Family) : "";
        if (author.Length == 0 && record.Authors.Count > 0) author = KeyPart(record.Authors[0].Display);
        if (author.Length == 0) author = "anon";
        var year = record.Date is { } date ? date.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) : "";
        return author + year + TitleWord(record.Title);
    }

    /// <summary>One key per record, in order, unique within the list.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<BibRecord> records)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>(records.Count);
        foreach (var record in records)
        {
            var key = BaseKey(record);
            var candidate = key;
            for (var n = 0; !used.Add(candidate); n++) candidate = key + Suffix(n);
            keys.Add(candidate);
        }
        return keys;
    }

    /// <summary>a … z, then aa, ab, … as Better BibTeX continues.</summary>
    private static string Suffix(int n)
    {
        var builder = new StringBuilder();
        n++;
        while (n > 0)
        {
            n--;
            builder.Insert(0, (char)('a' + n % 26));
            n /= 26;
        }
        return builder.ToString();
    }

    private static string TitleWord(string title)
    {
        foreach (var word in title.Split([' ', '-', '\u2010', '\u2013', '\u2014', ':', ';', ',', '/', '(', ')', '[', ']', '"', '\u201C', '\u201D', '?', '!', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var part = KeyPart(word);
            if (part.Length == 0 || StopWords.Contains(part) || part.All(char.IsAsciiDigit)) continue;
            return part;
        }
        return "";
    }

    private static string KeyPart(string text)
    {
        var folded = AsciiFold.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}
