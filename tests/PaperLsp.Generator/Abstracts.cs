using System.Text;
using static PaperLsp.Generator.Vocabulary;

namespace PaperLsp.Generator;

/// <summary>Builds one-line abstracts (600–1900 chars) from sentence templates and word pools.</summary>
internal static class Abstracts
{
    public const int MinLength = 600;
    public const int MaxLength = 1900;

    private static readonly string[] Openers =
    {
        "Despite their impressive capabilities, {n} are limited because {p}.",
        "{N} have achieved strong results on {t}, but {p}.",
        "Recent work has shown that {n} can perform {t} with few or no examples.",
        "A long-running goal of the {t} community is the extraction of {k} from raw text.",
        "This paper studies the relationship between {k} and the behavior of {n} on {t}.",
        "We propose {M}, a {a} framework for {t} that leverages {k}.",
        "{N} are increasingly used for {t}, yet {p}.",
        "Understanding how {n} represent {k} is a central question for {t}.",
        "This work explores whether {n} encode meaningfully grounded representations of {k}.",
        "Do {n} infer {k} from co-occurrence patterns in their training data?",
    };

    private static readonly string[] Body =
    {
        "However, {p}.",
        "Prior work has emphasized {k} but relied on heuristics such as {k}.",
        "In this work, we propose {M}, a {a} approach to {t} that does not require additional fine-tuning.",
        "Our approach obtains {k} by contrasting {k} with {k}.",
        "We show that {M} is an instance of {a} {t} ({cite}), which generalizes earlier methods.",
        "We find that {f}.",
        "Experiments on {b} and {b} show that {M} {v} strong baselines by {num} absolute points.",
        "{M} consistently {v} {m} on {b}, demonstrating its potential for {t}.",
        "On {t}, our method {v} prior work while using {cnt}x fewer parameters.",
        "We further analyze {k} and find that {f}.",
        "Through extensive experiments across {cnt} languages, we demonstrate that {f}.",
        "Finally, we release {M}-{cnt}K, a dataset of {cnt},000 annotated examples for {t}.",
        "Our analysis reveals that the quality of {k} is a strong predictor of downstream performance on {t}.",
        "Compared with {m}, {M} reduces inference latency by {pct}% on {b}.",
        "Whereas {t} has already been studied extensively, here we additionally study {t} with {n}.",
        "We learn a linear probe that retrieves {k} given {k}.",
        "To address this, we introduce a {a} method that conditions {n} on {k}.",
        "Empirically, {M} yields {pct}% relative improvements on {b} and transfers to {t} without modification.",
        "As {n} are increasingly deployed, it becomes ever more important to understand {k}.",
        "We evaluate {cnt} open and closed models, including {m} and {m}, on {b}.",
        "{sur} et al. ({year}) argue that, in theory, {k} should reflect {k}, but it is unclear whether this holds in practice.",
        "Our method is {a}, requires no labeled data, and can be combined with {a} {n}.",
        "In particular, we observe that {f}, which helps explain the gains of {M}.",
        "These results hold for models ranging from {cnt}M to {cnt}B parameters.",
    };

    public static string Make(Rng r, string method)
    {
        var sb = new StringBuilder(2048);
        int target = r.Range(MinLength, 1800);
        sb.Append(Fill(r, r.Pick(Openers), method));
        int last = -1;
        while (sb.Length < target)
        {
            int i;
            do i = r.Next(Body.Length); while (i == last);
            last = i;
            int before = sb.Length;
            sb.Append(' ').Append(Fill(r, Body[i], method));
            if (sb.Length > MaxLength) { sb.Length = before; break; }
        }
        if (r.Chance(0.5))
        {
            string closer = r.Pick(Closers);
            if (sb.Length + 1 + closer.Length <= MaxLength) sb.Append(' ').Append(closer);
        }
        // If the break above left us short, top up with short sentences.
        while (sb.Length < MinLength) sb.Append(' ').Append(Fill(r, "We find that {f}.", method));
        return sb.ToString();
    }

    private static string Fill(Rng r, string template, string method)
    {
        var sb = new StringBuilder(template.Length * 3);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c != '{') { sb.Append(c); continue; }
            int close = template.IndexOf('}', i);
            string key = template.Substring(i + 1, close - i - 1);
            i = close;
            sb.Append(key switch
            {
                "n" => r.Pick(AbstractNouns),
                "N" => Capitalize(r.Pick(AbstractNouns)),
                "k" => r.Pick(AbstractThings),
                "t" => r.Pick(AbstractTasks),
                "a" => r.Pick(AbstractAdjectives),
                "p" => r.Pick(AbstractProblems),
                "b" => r.Pick(Benchmarks),
                "m" => r.Pick(Models),
                "v" => r.Pick(Verbs),
                "f" => r.Pick(Findings),
                "M" => method,
                "sur" => r.Pick(Surnames),
                "num" => (r.Range(5, 150) / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                "pct" => r.Range(3, 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "cnt" => r.Range(2, 12).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "year" => r.Range(2015, 2024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "cite" => r.Pick(Surnames) + " et al., " + r.Range(2015, 2024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException("bad template key " + key),
            });
        }
        return Capitalize(FixArticles(sb.ToString()));
    }

    /// <summary>"a efficient" -> "an efficient" (but "a unified", "a universal" stay).</summary>
    private static string FixArticles(string s)
    {
        if (s.IndexOf("a ", StringComparison.Ordinal) < 0) return s;
        var words = s.Split(' ');
        bool changed = false;
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] != "a" && words[i] != "A") continue;
            string next = words[i + 1];
            if (next.Length == 0) continue;
            if ("aeioAEIO".IndexOf(next[0]) >= 0 ||
                (next.StartsWith("un", StringComparison.OrdinalIgnoreCase) && !next.StartsWith("uni", StringComparison.OrdinalIgnoreCase)))
            {
                words[i] += "n";
                changed = true;
            }
        }
        return changed ? string.Join(' ', words) : s;
    }

    private static string Capitalize(string s) =>
        s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
}
