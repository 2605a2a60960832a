using System.Text;
using static PaperLsp.Generator.Vocabulary;

namespace PaperLsp.Generator;

/// <summary>Builds realistic ML/NLP paper titles, plain or in one of the hard shapes.</summary>
internal static class Titles
{
    public const int MinLength = 30;
    public const int MaxLength = 150;

    private static readonly string[] PlainTemplates =
    {
        "{M}: {A} {N} for {T}",
        "{M}: {G} {N} with {A} {N}",
        "{M}: {A} {T} via {A} {N}",
        "{M}: A {R} for {A} {T}",
        "{A} {N} with {A} {N}",
        "{A} {N} for {T}",
        "{A} {N} for {A} {N}",
        "Learning to {V} {N} with {N}",
        "Learning to {V} {A} {N}",
        "Towards {A} {T}",
        "Towards {A} {N} for {T}",
        "On the {P} of {N} in {N}",
        "The {P} of {A} {N} for {T}",
        "{G} {N} in {A} {N}",
        "{G} {A} {N} for {T}",
        "{G} {N} with {A} {N}",
        "{N} as {N}: A {R}",
        "{A} {N}: A {R} of {T}",
        "{N} and {N}: {A} {N} for {T}",
        "{V}-then-{V}: {A} {N} for {T}",
        "{A} {S} Do Not Understand {N}",
        "{G} and {G} {N} in {N}",
        "{A} and {A} {N} for {T}",
        "When Do {S} Help {T}",
        "{S} Are {A} Learners",
    };

    /// <summary>Picks a title. <paramref name="method"/> receives the method name used (if any).</summary>
    public static string Make(Rng r, bool hard, out string? method)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            var c = new Ctx(r);
            string t = FixArticles(hard ? MakeHard(c) : c.Fill(r.Pick(PlainTemplates)));
            string? m = c.Method;
            if (t.Length >= MinLength && t.Length <= MaxLength)
            {
                method = m;
                return t;
            }
        }
        method = null;
        return "Efficient Transformers for Machine Translation";
    }

    public static string InventMethod(Rng r)
    {
        // Mostly invented CamelCase names, sometimes a real one or an all-caps acronym.
        int k = r.Weighted(new[] { 70, 15, 15 });
        if (k == 0) return r.Pick(MethodPrefixes) + r.Pick(MethodSuffixes);
        if (k == 1) return r.Pick(CamelWords);
        var sb = new StringBuilder();
        int len = r.Range(3, 5);
        for (int i = 0; i < len; i++) sb.Append((char)('A' + r.Next(26)));
        return sb.ToString();
    }

    private sealed class Ctx
    {
        public readonly Rng R;
        public string? Method;

        public Ctx(Rng r) => R = r;

        public string Fill(string template)
        {
            var sb = new StringBuilder(template.Length * 4);
            for (int i = 0; i < template.Length; i++)
            {
                char c = template[i];
                if (c != '{') { sb.Append(c); continue; }
                int close = template.IndexOf('}', i);
                string key = template.Substring(i + 1, close - i - 1);
                i = close;
                sb.Append(key switch
                {
                    "A" => R.Pick(TitleAdjectives),
                    "N" => R.Pick(TitleNouns),
                    "T" => R.Pick(Tasks),
                    "V" => R.Pick(TitleVerbs),
                    "I" => R.Pick(IntransitiveVerbs),
                    "S" => R.Pick(PluralNouns),
                    "G" => R.Pick(Gerunds),
                    "P" => R.Pick(Properties),
                    "R" => R.Pick(Approaches),
                    "C" => R.Pick(Connectors),
                    "K" => R.Pick(CamelWords),
                    "M" => Method ??= InventMethod(R),
                    _ => throw new InvalidOperationException("bad template key " + key),
                });
            }
            return sb.ToString();
        }
    }

    /// <summary>"A Analysis" -> "An Analysis" (but "A Unified", "A Universal" stay).</summary>
    private static string FixArticles(string t)
    {
        var words = t.Split(' ');
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] != "A" && words[i] != "a") continue;
            string next = words[i + 1];
            if (next.Length == 0) continue;
            bool vowel = "AEIOaeio".IndexOf(next[0]) >= 0 ||
                         (next.StartsWith("Un", StringComparison.Ordinal) && !next.StartsWith("Uni", StringComparison.Ordinal));
            if (vowel) words[i] += "n";
        }
        return string.Join(' ', words);
    }

    private static readonly string[] ShortBases =
    {
        "{A} {N}", "{G} {N}", "{G} {A} {N}", "{M}: {A} {N}", "{A} {N} for {T}", "{N} as {N}",
        "Learning to {V} {N}", "{G} {T}", "{M}: {G} {T}",
    };

    private static readonly string[] QuestionTemplates =
    {
        "Can {S} {V} {N}?", "Do {S} Really {I}?", "What Do {S} Learn About {T}?", "Is {A} {N} All You Need?",
        "How Robust Are {A} {S}?", "Does {T} Help {S}?", "Are {S} {A} Learners?", "Why Do {S} Fail at {T}?",
        "{N} or {N}? {G} {N} in {A} {S}", "Reasoning or Reciting? {G} {S} Through {N}",
        "What Makes {A} {S} Work?", "Do {S} Know What They Don't Know?", "Where Does {T} Happen in {S}?",
        "Can {S} {I} Without Supervision?", "When Do {S} {I}?",
    };

    private static readonly string[] CamelTemplates =
    {
        "{B} with {K}", "{B} on {K}", "{B} in {K}", "Scaling {K} to {A} {N}", "{G} {K} for {T}",
        "{K} Is All You Need for {T}", "Beyond {K}: {A} {N} for {T}", "{K}-Style {N} for {T}", "{B} Using {K}",
    };

    private static readonly string[] NoMethodBases =
    {
        "{A} {N}", "{G} {N}", "{G} {A} {N}", "{A} {N} for {T}", "{N} as {N}", "Learning to {V} {N}", "{G} {T}",
    };

    private static string MakeHard(Ctx c)
    {
        Rng r = c.R;
        string Base() => c.Fill(r.Pick(ShortBases));
        switch (r.Next(8))
        {
            case 0: // ends in an acronym
                return Base() + " " + r.Pick(new[] { "with", "for", "via", "in", "using", "from" }) + " " + r.Pick(EndAcronyms);
            case 1: // ends in a digit
                return r.Chance(0.7)
                    ? Base() + " " + r.Pick(new[] { "with", "for", "in", "beyond", "to", "from" }) + " " + r.Pick(EndDigitTokens)
                    : Base() + " for " + r.Pick(EndDigitPhrases);
            case 2: // question mark (at the end or inside)
                return c.Fill(r.Pick(QuestionTemplates));
            case 3: // closing parenthesis
                if (r.Chance(0.5)) return Base() + " (" + r.Pick(ParenEndings) + ")";
                string head = c.Fill(r.Pick(new[] { "{G} {N} for {T}", "{A} {N} with {A} {N}", "{A} {N} for {T}" }));
                return head + " (" + (c.Method ??= InventMethod(r)) + ")";
            case 4: // quote at the end
            {
                int style = r.Next(5);
                string phrase = style == 4 ? r.Pick(NestedQuotePhrases) : r.Pick(QuotePhrases);
                string quoted = style switch
                {
                    0 => "\"" + phrase + "\"",
                    1 => "\u201C" + phrase + "\u201D",
                    2 => "'" + phrase + "'",
                    3 => "\u2018" + phrase.Replace('\'', '\u2019') + "\u2019",
                    _ => "\"" + phrase + "\"",
                };
                return r.Chance(0.6)
                    ? r.Pick(QuoteLeadIns) + " " + quoted
                    : c.Fill(r.Pick(NoMethodBases)) + ": " + r.Pick(QuoteLeadIns) + " " + quoted;
            }
            case 5: // CamelCase word inside or at the end
            {
                string t = r.Pick(CamelTemplates);
                if (t.Contains("{B}")) t = t.Replace("{B}", r.Pick(NoMethodBases));
                return c.Fill(t);
            }
            case 6: // contains ", "
                return r.Chance(0.7)
                    ? r.Pick(CommaTriples) + ": " + c.Fill(r.Pick(NoMethodBases))
                    : c.Fill(r.Pick(new[] { "{N}, {N}, and {N} in {A} {N}", "{G} {N}, {N}, or Both", "Fast, Accurate, and {A} {T}" }));
            default: // starts with a digit
                return c.Fill(r.Pick(DigitStartTemplates));
        }
    }

    /// <summary>A variant of an existing title with changed case or punctuation (for duplicates).</summary>
    public static string Variant(Rng r, string title)
    {
        switch (r.Next(4))
        {
            case 0:
                return title;
            case 1: // toggle case after a hyphen: Open-source <-> Open-Source
            {
                var idx = new List<int>();
                for (int i = 1; i + 1 < title.Length; i++)
                    if (title[i] == '-' && char.IsLetter(title[i - 1]) && char.IsLetter(title[i + 1]) &&
                        (i + 2 >= title.Length || !char.IsUpper(title[i + 2])))
                        idx.Add(i + 1);
                if (idx.Count == 0) goto case 2;
                int p = idx[r.Next(idx.Count)];
                char ch = title[p];
                char swapped = char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch);
                return title[..p] + swapped + title[(p + 1)..];
            }
            case 2: // lower-case one ordinary capitalised word (not the first)
            {
                var words = title.Split(' ');
                var idx = new List<int>();
                for (int i = 1; i < words.Length; i++)
                {
                    string w = words[i];
                    if (w.Length > 3 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower)) idx.Add(i);
                }
                if (idx.Count == 0) return title;
                int k = idx[r.Next(idx.Count)];
                words[k] = char.ToLowerInvariant(words[k][0]) + words[k][1..];
                return string.Join(' ', words);
            }
            default: // hyphen -> space in one compound (Fine-Tuning -> Fine Tuning)
            {
                var idx = new List<int>();
                for (int i = 1; i + 1 < title.Length; i++)
                    if (title[i] == '-' && char.IsLower(title[i - 1]) && char.IsUpper(title[i + 1])) idx.Add(i);
                if (idx.Count == 0) goto case 2;
                int p = idx[r.Next(idx.Count)];
                return title[..p] + " " + title[(p + 1)..];
            }
        }
    }
}
