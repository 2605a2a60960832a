using System.Globalization;
using System.Text;
using static PaperLsp.Generator.Vocabulary;

namespace PaperLsp.Generator;

/// <summary>
/// Deterministic generator of realistic <c>.papers</c> reading lists.
/// The same (entryCount, seed, options) always yields the same text, byte for byte, on every
/// runtime: randomness comes from a private SplitMix64, never from <see cref="System.Random"/>.
/// </summary>
public static class SyntheticList
{
    /// <summary>The full file text: <c>Render(GenerateEntries(entryCount, seed, options), options)</c>.</summary>
    public static string Generate(int entryCount, int seed, SyntheticOptions? options = null)
    {
        options ??= SyntheticOptions.Default;
        return Render(GenerateEntries(entryCount, seed, options), options);
    }

    /// <summary>The structured truth of each generated entry, in file order.</summary>
    public static IReadOnlyList<GeneratedEntry> GenerateEntries(int entryCount, int seed, SyntheticOptions? options = null)
    {
        if (entryCount < 0) throw new ArgumentOutOfRangeException(nameof(entryCount));
        var factory = new EntryFactory(seed, options ?? SyntheticOptions.Default);
        var list = new List<GeneratedEntry>(entryCount);
        for (int i = 0; i < entryCount; i++) list.Add(factory.Next());
        return list;
    }

    /// <summary>
    /// A file of at least <paramref name="approxBytes"/> UTF-8 bytes with default options
    /// (its entries are a prefix-extension of <c>GenerateEntries(n, seed)</c>).
    /// </summary>
    public static string GenerateLarge(int approxBytes, int seed)
    {
        var options = SyntheticOptions.Default;
        var factory = new EntryFactory(seed, options);
        var list = new List<GeneratedEntry>();
        long bytes = 0; // every line counted with its '\n'; the rendered file has one '\n' fewer
        while (bytes - 1 < approxBytes || list.Count == 0)
        {
            var e = factory.Next();
            list.Add(e);
            bytes += Encoding.UTF8.GetByteCount(RenderHeader(e)) + 1 + Encoding.UTF8.GetByteCount(e.Abstract) + 1;
            if (e.HasMetadata) bytes += Encoding.UTF8.GetByteCount(RenderMetadataLine(e)!) + 1;
        }
        return Render(list, options);
    }

    /// <summary>Renders entries as file text. Blank-line placement (if enabled) is derived deterministically from the entries.</summary>
    public static string Render(IReadOnlyList<GeneratedEntry> entries, SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        string nl = options.CrLf ? "\r\n" : "\n";
        var rng = new Rng(0x5EED_B1A4_C0FF_EE00UL ^ (entries.Count > 0 ? Rng.Hash(entries[0].Title) : 0UL) ^ (ulong)entries.Count);
        long estimate = 0;
        foreach (var e in entries) estimate += e.Abstract.Length + e.Title.Length + 120;
        var sb = new StringBuilder((int)Math.Min(int.MaxValue / 2, estimate + 16));
        bool first = true;
        foreach (var e in entries)
        {
            if (!first)
            {
                sb.Append(nl);
                if (rng.Chance(options.BlankLineRate))
                {
                    sb.Append(nl);
                    if (rng.Chance(0.2)) sb.Append(nl);
                }
            }
            first = false;
            string? meta = RenderMetadataLine(e);
            if (meta is not null) sb.Append(meta).Append(nl);
            sb.Append(RenderHeader(e)).Append(nl);
            sb.Append(e.Abstract);
        }
        if (options.TrailingNewline && entries.Count > 0) sb.Append(nl);
        return sb.ToString();
    }

    /// <summary>The header line: title, authors, optional " et al.", optional " · " affiliations.</summary>
    public static string RenderHeader(GeneratedEntry e)
    {
        var sb = new StringBuilder(e.Title.Length + 80);
        sb.Append(e.Title);
        sb.AppendJoin(", ", e.Authors);
        if (e.EtAl) sb.Append(" et al.");
        if (e.Affiliations.Count > 0) sb.Append(" \u00B7 ").AppendJoin(", ", e.Affiliations);
        return sb.ToString();
    }

    /// <summary>The metadata line (<c>29.4CLMay 25, 2022</c>, optionally ending in <c>Code</c>), or null.</summary>
    public static string? RenderMetadataLine(GeneratedEntry e)
    {
        if (e.Score is not double score || e.Category is null || e.Date is not DateOnly d) return null;
        return score.ToString("0.0", CultureInfo.InvariantCulture) + e.Category + FormatDate(d) + (e.Code ? "Code" : "");
    }

    /// <summary><c>MMM d, yyyy</c> with English month abbreviations, independent of culture.</summary>
    public static string FormatDate(DateOnly d) =>
        MonthAbbreviations[d.Month - 1] + " " + d.Day.ToString(CultureInfo.InvariantCulture) + ", " + d.Year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>Stateful entry source: GenerateEntries and GenerateLarge draw from the same sequence.</summary>
    private sealed class EntryFactory
    {
        private static readonly DateOnly FirstDate = new(2015, 1, 1);
        private static readonly int DateSpan = new DateOnly(2025, 12, 31).DayNumber - FirstDate.DayNumber;

        private readonly Rng _r;
        private readonly SyntheticOptions _o;
        private readonly List<GeneratedEntry> _emitted = new();
        // Real lists repeat a title only when someone pasted a paper twice; template titles collide by chance at scale,
        // so a fresh title that equals an earlier one up to case and punctuation is drawn again.
        private readonly HashSet<string> _titleKeys = new(StringComparer.Ordinal);

        public EntryFactory(int seed, SyntheticOptions options)
        {
            _r = new Rng(seed);
            _o = options;
        }

        public GeneratedEntry Next()
        {
            var r = _r;
            GeneratedEntry e = _emitted.Count > 0 && r.Chance(_o.DuplicateRate) ? Duplicate() : Fresh();
            _emitted.Add(e);
            _titleKeys.Add(TitleKey(e.Title));
            return e;
        }

        private GeneratedEntry Fresh()
        {
            var r = _r;
            string title = Titles.Make(r, r.Chance(_o.HardCaseRate), out string? method);
            for (var retry = 0; retry < 50 && _titleKeys.Contains(TitleKey(title)); retry++)
                title = Titles.Make(r, r.Chance(_o.HardCaseRate), out method);
            bool etAl = r.Chance(_o.EtAlRate);
            int count = etAl
                ? (r.Chance(0.9) ? 3 : r.Range(1, 2))
                : r.Weighted(new[] { 0, 25, 35, 35, 3, 1, 1 });
            bool titleEndsLower = char.IsLower(title[^1]);
            var authors = new List<string>(count);
            while (authors.Count < count)
            {
                string name = Names.Make(r, r.Chance(_o.HardCaseRate), authors.Count > 0 || titleEndsLower);
                if (!authors.Contains(name)) authors.Add(name);
            }
            var affs = MakeAffiliations();
            var (score, cat, date, code) = MakeMetadata();
            string abs = Abstracts.Make(r, method ?? Titles.InventMethod(r));
            return new GeneratedEntry(title, authors, etAl, affs, score, cat, date, code, abs);
        }

        private GeneratedEntry Duplicate()
        {
            var r = _r;
            var orig = _emitted[r.Next(_emitted.Count)];
            string title = Titles.Variant(r, orig.Title);
            // Keep the boundary as obvious as in the original (the first author may have a tricky start).
            if (char.IsLower(title[^1]) != char.IsLower(orig.Title[^1])) title = orig.Title;
            var affs = r.Chance(0.7) ? orig.Affiliations : MakeAffiliations();
            var (score, cat, date, code) = MakeMetadata();
            string abs = r.Chance(0.5) ? orig.Abstract : Abstracts.Make(r, Titles.InventMethod(r));
            return new GeneratedEntry(title, orig.Authors, orig.EtAl, affs, score, cat, date, code, abs);
        }

        private static string TitleKey(string title) =>
            string.Concat(title.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

        private IReadOnlyList<string> MakeAffiliations()
        {
            var r = _r;
            if (!r.Chance(_o.AffiliationRate)) return Array.Empty<string>();
            int n = r.Weighted(new[] { 0, 60, 30, 10 });
            var set = new SortedSet<string>(StringComparer.Ordinal);
            while (set.Count < n) set.Add(r.Pick(Affiliations));
            return set.ToArray();
        }

        private (double?, string?, DateOnly?, bool) MakeMetadata()
        {
            var r = _r;
            if (!r.Chance(_o.MetadataRate)) return (null, null, null, false);
            double score = r.Range(1, 499) / 10.0;
            string cat = Categories[r.Weighted(CategoryWeights)];
            DateOnly date = DateOnly.FromDayNumber(FirstDate.DayNumber + r.Range(0, DateSpan));
            bool code = r.Chance(_o.CodeFlagRate);
            return (score, cat, date, code);
        }
    }
}
