using System.Text;

namespace PaperLsp.Generator;

/// <summary>What was planted: a copy of an entry (to be flagged) or a look-alike of it (a different paper).</summary>
public enum PlantKind
{
    // Copies: the same paper pasted again, changed the way second pastes are.
    ExactCopy, Casing, Punctuation, EnDash, CurlyQuotes, Diacritics, ShortenedAbstract, RevisedAbstract,
    LeadingWord, Subtitle, EtAlAgainstFullList, SwappedBeyondThird,

    // Look-alikes: different papers that share what copies share.
    Sequel, PartTwo, OneLetterApart, Comment, Erratum, SharedPrefix,
}

/// <summary>An entry of a generated workspace: its file (index into the files) and its 0-based header line.</summary>
public readonly record struct PlantedEntry(int File, int HeaderLine);

public sealed record PlantedPair(PlantKind Kind, PlantedEntry Original, PlantedEntry Planted, string OriginalTitle, string PlantedTitle)
{
    public bool IsCopy => Kind < PlantKind.Sequel;
}

public sealed record PlantedWorkspace(IReadOnlyList<string> FileNames, IReadOnlyList<string> FileTexts, IReadOnlyList<PlantedPair> Pairs);

/// <summary>
/// A workspace of several <c>.papers</c> files from <see cref="SyntheticList"/> (no hard shapes, no repeated titles)
/// with planted pairs: for every fiftieth entry a copy of an earlier entry of one of the copy kinds, for every
/// hundredth a different paper made to look like one (a sequel, a part two, a title one letter apart, a comment, an
/// erratum, a long shared prefix by the same first author). Plants go to a random place of a random file, so most
/// pairs cross files. Deterministic for a given (entryCount, fileCount, seed).
/// </summary>
public static class PlantedDuplicates
{
    private static readonly PlantKind[] CopyKinds = Enum.GetValues<PlantKind>().Where(k => k < PlantKind.Sequel).ToArray();
    private static readonly PlantKind[] LookAlikeKinds = Enum.GetValues<PlantKind>().Where(k => k >= PlantKind.Sequel).ToArray();

    /// <summary>Plain shapes only: a misread header would measure the splitter, not duplicate detection.</summary>
    public static readonly SyntheticOptions Options = new(HardCaseRate: 0, DuplicateRate: 0);

    public static PlantedWorkspace Generate(int entryCount, int fileCount, int seed)
    {
        if (fileCount < 1) throw new ArgumentOutOfRangeException(nameof(fileCount));
        var r = new Rng(seed ^ 0x0D0B1E5);
        var copies = entryCount / 50;
        var lookAlikes = entryCount / 100;
        var baseEntries = SyntheticList.GenerateEntries(entryCount - copies - lookAlikes, seed, Options);

        var files = Enumerable.Range(0, fileCount).Select(_ => new List<Slot>()).ToArray();
        var slots = baseEntries.Select(e => new Slot(e)).ToArray();
        foreach (var slot in slots) files[r.Next(fileCount)].Add(slot);

        // Each base entry is planted against at most once, so a pair's truth is never muddled by a third entry.
        var order = Enumerable.Range(0, slots.Length).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var used = new bool[slots.Length];
        var plants = new List<(PlantKind Kind, Slot Original, Slot Planted)>();
        for (var i = 0; i < copies + lookAlikes; i++)
        {
            var kind = i < copies ? CopyKinds[i % CopyKinds.Length] : LookAlikeKinds[(i - copies) % LookAlikeKinds.Length];
            var pick = Array.FindIndex(order, o => !used[o] && Fits(kind, slots[o].Entry));
            if (pick < 0) continue;
            used[order[pick]] = true;
            var original = slots[order[pick]];
            var planted = new Slot(Plant(r, kind, original));
            var file = files[r.Next(fileCount)];
            file.Insert(r.Next(file.Count + 1), planted);
            plants.Add((kind, original, planted));
        }

        var names = Enumerable.Range(0, fileCount).Select(i => $"list-{i + 1:000}.papers").ToArray();
        var texts = new string[fileCount];
        for (var f = 0; f < fileCount; f++)
        {
            var line = 0;
            foreach (var slot in files[f])
            {
                slot.Location = new PlantedEntry(f, line + (slot.Entry.HasMetadata ? 1 : 0));
                line += slot.Entry.HasMetadata ? 3 : 2;
            }
            texts[f] = SyntheticList.Render(files[f].Select(s => s.Entry).ToArray(), Options);
        }
        var pairs = plants.Select(p => new PlantedPair(p.Kind, p.Original.Location, p.Planted.Location, p.Original.Entry.Title, p.Planted.Entry.Title)).ToArray();
        return new PlantedWorkspace(names, texts, pairs);
    }

    /// <summary>Whether a kind changes something of this entry: an en dash needs a hyphen, a sequel a method name before a colon.</summary>
    private static bool Fits(PlantKind kind, GeneratedEntry e) => kind switch
    {
        PlantKind.EnDash => e.Title.Contains('-'),
        PlantKind.CurlyQuotes or PlantKind.Sequel or PlantKind.OneLetterApart => MethodName(e.Title) is not null,
        _ => true,
    };

    /// <summary>The one word before a title's colon (<c>DoLa</c> of <c>DoLa: Decoding by ...</c>), if the title has one.</summary>
    private static string? MethodName(string title) =>
        title.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 && !title[..colon].Contains(' ') ? title[..colon] : null;

    private sealed class Slot(GeneratedEntry entry)
    {
        /// <summary>Mutable because a few kinds change the original too (a Part I, a full author list).</summary>
        public GeneratedEntry Entry { get; set; } = entry;
        public PlantedEntry Location { get; set; }
    }

    private static GeneratedEntry Plant(Rng r, PlantKind kind, Slot original)
    {
        var e = original.Entry;
        switch (kind)
        {
            case PlantKind.ExactCopy: return e;
            case PlantKind.Casing: return e with { Title = r.Chance(0.5) ? e.Title.ToLowerInvariant() : e.Title.ToUpperInvariant() };
            case PlantKind.Punctuation: return e with { Title = e.Title.Contains(": ") ? e.Title.Replace(": ", " - ") : CommaAfterFirstWord(e.Title) };
            case PlantKind.EnDash: return e with { Title = e.Title.Contains('-') ? e.Title.Replace('-', '\u2013') : e.Title.Replace(": ", " \u2013 ") };
            case PlantKind.CurlyQuotes: return e with { Title = Quote(e.Title), Abstract = e.Abstract.Replace("'", "\u2019") };
            case PlantKind.Diacritics: return e with { Authors = e.Authors.Select((a, i) => i == 0 ? Accent(a) : a).ToArray() };
            case PlantKind.ShortenedAbstract: return e with { Abstract = Shorten(e.Abstract), Score = null, Category = null, Date = null, Code = false };
            case PlantKind.RevisedAbstract: return e with { Abstract = Revise(e.Abstract) };
            case PlantKind.LeadingWord: return e with { Title = DropOrAddLeadingWord(e.Title) };
            case PlantKind.Subtitle:
                return e with { Title = e.Title.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? e.Title[..colon] : e.Title + ": An Empirical Study" };
            case PlantKind.EtAlAgainstFullList:
            {
                var full = WithAuthors(r, e, 3 - e.Authors.Count + 2);
                original.Entry = e with { Authors = full.Take(3).ToArray(), EtAl = true };
                return e with { Authors = full, EtAl = false };
            }
            case PlantKind.SwappedBeyondThird:
            {
                var full = WithAuthors(r, e, 3 - e.Authors.Count + 2);
                original.Entry = e with { Authors = full, EtAl = false };
                var swapped = full.ToArray();
                (swapped[3], swapped[4]) = (swapped[4], swapped[3]);
                return e with { Authors = swapped, EtAl = false };
            }
            case PlantKind.Sequel:
            {
                var words = e.Title.Split(' ');
                words[0] = MethodName(e.Title) + "++:";
                words[^1] = r.Pick(Vocabulary.TitleNouns);
                return Different(r, e, string.Join(' ', words), keepAuthors: 2);
            }
            case PlantKind.PartTwo:
                original.Entry = e with { Title = e.Title + ", Part I" };
                return Different(r, e, e.Title + ", Part II", keepAuthors: 3);
            case PlantKind.OneLetterApart: return Different(r, e, ChangeOneLetter(e.Title), keepAuthors: 0);
            case PlantKind.Comment: return Different(r, e, $"Comment on \u201c{e.Title}\u201d", keepAuthors: 0);
            case PlantKind.Erratum:
                return Different(r, e, "Erratum: " + e.Title, keepAuthors: 3) with
                {
                    Abstract = "This erratum corrects an error in the reported results of the original article; the conclusions are unchanged.",
                };
            case PlantKind.SharedPrefix:
            {
                var words = e.Title.Split(' ');
                var keep = Math.Max(2, words.Length * 2 / 3);
                var tail = $"{r.Pick(Vocabulary.Connectors)} {r.Pick(Vocabulary.Tasks)}";
                return Different(r, e, string.Join(' ', words.Take(keep)) + " " + tail, keepAuthors: 1);
            }
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>A different paper under <paramref name="title"/>: its own abstract, the first authors kept, a later date.</summary>
    private static GeneratedEntry Different(Rng r, GeneratedEntry e, string title, int keepAuthors)
    {
        var kept = e.Authors.Take(keepAuthors).ToList();
        while (kept.Count < Math.Max(1, e.Authors.Count)) kept.Add(Names.Make(r, hard: false, allowTrickyStart: false));
        return e with
        {
            Title = title,
            Authors = kept,
            Abstract = Abstracts.Make(r, Titles.InventMethod(r)),
            Date = e.Date?.AddMonths(r.Range(2, 18)),
        };
    }

    private static string[] WithAuthors(Rng r, GeneratedEntry e, int more)
    {
        var names = e.Authors.ToList();
        for (var i = 0; i < more; i++) names.Add(Names.Make(r, hard: false, allowTrickyStart: false));
        return names.ToArray();
    }

    private static string CommaAfterFirstWord(string title) =>
        title.IndexOf(' ') is var space and > 0 ? title[..space] + "," + title[space..] : title + ".";

    private static string Quote(string title) => $"\u201c{MethodName(title)}\u201d{title[title.IndexOf(':')..]}";

    /// <summary>One vowel of the first author's surname gets an accent, as a name typed once with and once without.</summary>
    private static string Accent(string name)
    {
        var space = name.LastIndexOf(' ');
        for (var i = space + 1; i < name.Length; i++)
        {
            var accented = name[i] switch { 'e' => 'é', 'a' => 'á', 'o' => 'ö', 'u' => 'ü', 'i' => 'í', _ => '\0' };
            if (accented != '\0') return name[..i] + accented + name[(i + 1)..];
        }
        return name;
    }

    private static string Shorten(string text)
    {
        var half = text[..(text.Length / 2)];
        var space = half.LastIndexOf(' ');
        return (space > 0 ? half[..space] : half) + "\u2026";
    }

    private static string Revise(string text)
    {
        var builder = new StringBuilder(text.Length + 200);
        var firstStop = text.IndexOf(". ", StringComparison.Ordinal);
        if (firstStop < 0) return text + " We also release our code and an extended evaluation.";
        builder.Append(text, 0, firstStop + 2);
        builder.Append("This revision extends the evaluation to two further settings and corrects minor errors. ");
        builder.Append(text, firstStop + 2, text.Length - firstStop - 2);
        builder.Append(" Code and data are released.");
        return builder.ToString();
    }

    private static string DropOrAddLeadingWord(string title)
    {
        foreach (var word in new[] { "A ", "An ", "The ", "Towards ", "On " })
            if (title.StartsWith(word, StringComparison.Ordinal) && title.Length > word.Length + 1)
                return char.ToUpperInvariant(title[word.Length]) + title[(word.Length + 1)..];
        return "Towards " + title;
    }

    /// <summary>The first word's last letter replaced (GLUE and GLUF): titles a character apart, like benchmark names.</summary>
    private static string ChangeOneLetter(string title)
    {
        var end = 0;
        while (end < title.Length && char.IsLetter(title[end])) end++;
        if (end == 0) return "X" + title;
        var last = title[end - 1];
        var replacement = char.IsUpper(last) ? (last == 'Z' ? 'Y' : (char)(last + 1)) : (last == 'z' ? 'y' : (char)(last + 1));
        return title[..(end - 1)] + replacement + title[end..];
    }
}
