namespace PaperLsp.Exchange;

/// <summary>Splits a name as a listing writes it (<c>Mihaela van der Schaar</c>, <c>Hal Daumé III</c>) into its parts.</summary>
public static class PersonNames
{
    /// <summary>Lower-case words that start a family name rather than end the given names.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "degli", "dei", "di", "da", "das", "dos", "do", "du", "la", "le", "les", "los", "las",
        "ter", "ten", "zu", "zum", "zur", "bin", "binti", "ibn", "al", "el", "af", "av", "op", "het", "'t", "st.", "y",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", "2nd", "3rd", "4th",
    };

    public static bool IsParticle(string word) => Particles.Contains(word);
    public static bool IsSuffix(string word) => Suffixes.Contains(word);

    public static PersonName Split(string name)
    {
        var tokens = name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return new PersonName("", "", "", "");
        if (tokens.Length == 1) return new PersonName("", "", tokens[0], "");

        var suffix = "";
        var end = tokens.Length;
        if (IsSuffix(tokens[^1]) && tokens.Length >= 2)
        {
            suffix = tokens[^1];
            end--;
        }
        if (end == 1) return new PersonName("", "", tokens[0], suffix);

        // The particle run starts at the first particle after the first given name and ends before the last word:
        // "Ludwig van Beethoven", "Mihaela van der Schaar", "Juan de los Santos".
        var particleStart = -1;
        for (var i = 1; i < end - 1; i++)
        {
            if (IsParticle(tokens[i]))
            {
                particleStart = i;
                break;
            }
        }
        if (particleStart < 0)
            return new PersonName(string.Join(' ', tokens[..(end - 1)]), "", tokens[end - 1], suffix);

        var familyStart = particleStart;
        while (familyStart < end - 1 && IsParticle(tokens[familyStart])) familyStart++;
        return new PersonName(
            string.Join(' ', tokens[..particleStart]),
            string.Join(' ', tokens[particleStart..familyStart]),
            string.Join(' ', tokens[familyStart..end]),
            suffix);
    }
}
