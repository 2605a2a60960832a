using static PaperLsp.Generator.Vocabulary;

namespace PaperLsp.Generator;

/// <summary>Builds author names from a varied international pool.</summary>
internal static class Names
{
    /// <param name="hard">Use one of the hard shapes (particles, suffixes, apostrophes, inner capitals ...).</param>
    /// <param name="allowTrickyStart">
    /// Allow shapes whose first token is unusual at the title boundary (an inner-capital given
    /// name such as SouYoung, or a leading initial such as "R. Thomas McCoy"). Only granted for the
    /// first author when the title ends in a lower-case letter, so the boundary stays obvious.
    /// </param>
    public static string Make(Rng r, bool hard, bool allowTrickyStart)
    {
        if (!hard)
        {
            // Plain: mostly "Given Surname", sometimes with a middle initial like the sample's "Roger P. Levy".
            string given = r.Pick(GivenNames);
            return r.Chance(0.08)
                ? given + " " + r.Pick(MiddleInitials) + " " + r.Pick(Surnames)
                : given + " " + r.Pick(Surnames);
        }

        int kind = r.Next(allowTrickyStart ? 11 : 9);
        if (!allowTrickyStart && kind == 8) kind = 10;
        switch (kind)
        {
            case 0: // diacritics
                return r.Chance(0.5)
                    ? r.Pick(NonAsciiGiven) + " " + r.Pick(Surnames)
                    : r.Pick(GivenNames) + " " + r.Pick(NonAsciiSurnames);
            case 1: // hyphenated given name
                return r.Pick(HyphenatedGiven) + " " + r.Pick(Surnames);
            case 2: // middle initial(s)
                return r.Chance(0.75)
                    ? r.Pick(GivenNames) + " " + r.Pick(MiddleInitials) + " " + r.Pick(Surnames)
                    : r.Pick(GivenNames) + " " + r.Pick(MiddleInitials) + " " + r.Pick(MiddleInitials) + " " + r.Pick(Surnames);
            case 3: // three tokens: Lucas Torroba Hennigen, Cheng-I Jeff Lai, Dong Won Lee
                return (r.Chance(0.25) ? r.Pick(HyphenatedGiven) : r.Pick(GivenNames)) + " " + r.Pick(SecondNames) + " " + r.Pick(Surnames);
            case 4: // particle
                return r.Pick(ParticleGiven) + " " + r.Pick(ParticleSurnames);
            case 5: // suffix
                return r.Pick(SuffixGiven) + " " + (r.Chance(0.3) ? r.Pick(MiddleInitials) + " " : "") + r.Pick(SuffixSurnames) + " " + r.Pick(Suffixes);
            case 6: // apostrophe
                return r.Pick(GivenNames) + " " + r.Pick(ApostropheSurnames);
            case 7: // inner capital in the surname
                return r.Pick(GivenNames) + " " + r.Pick(InnerCapSurnames);
            case 8: // inner capital in the given name
                return r.Pick(InnerCapGiven) + " " + r.Pick(Surnames);
            case 9: // leading initials
                return r.Pick(LeadingInitialNames);
            default: // shapes real arXiv lists carry (the corpus's tags): Md., undotted initials, one-letter surnames, particles, nicknames
                return r.Pick(ArxivShapeNames);
        }
    }
}
