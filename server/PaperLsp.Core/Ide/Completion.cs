using System.Globalization;
using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

public enum CompletionKind { Author, Category, Month, Affiliation }

/// <summary>One completion: <see cref="Replace"/> (exactly the typed prefix) becomes <see cref="NewText"/>.
/// <see cref="ResolveKey"/> names what completionItem/resolve documents (an author key).</summary>
public sealed record CompletionCandidate(string Label, string? Detail, CompletionKind Kind, TextRange Replace, string NewText,
    string FilterText, string SortText, string? ResolveKey);

public sealed record CompletionResult(IReadOnlyList<CompletionCandidate> Items, bool IsIncomplete);

/// <summary>
/// Completion from the workspace index: authors in the author part of a header (after <c>, </c>, after <c> | </c>, or
/// at the first author), ranked by their number of entries and by co-authorship with the authors already on the line;
/// affiliation slugs after <c> · </c>; arXiv categories and month names on a metadata line.
/// </summary>
public static class CompletionService
{
    public const int DefaultLimit = 50;
    private const int MaxPrefix = 60;

    public static CompletionResult Complete(WorkspaceSnapshot workspace, DocumentId document, TextPosition position, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        if (workspace.Get(document) is not { } file) return new CompletionResult([], false);
        position = file.Document.Clamp(position);
        var line = file.Document.GetLineText(position.Line);
        var before = line[..position.Character];
        var item = file.Document.FindItem(position.Line);
        var entry = item?.AsEntry;

        // A metadata line being typed ("29.4C") does not read as metadata yet: a short line starting with a digit is one.
        var onMetadata = item?.Node is OrphanMetadataNode || (entry is { } e && e.MetadataLine == position.Line)
            || (before.Length > 0 && char.IsAsciiDigit(before[0]) && line.Length <= 48 && !line.Contains(", ", StringComparison.Ordinal)
                && !(entry is { } h && h.HeaderLine == position.Line && h.Node.Header.Authors.Length > 0));
        if (onMetadata) return Metadata(workspace, position, before);
        if (item?.Node is CommentNode or HeadingNode) return new CompletionResult([], false);
        if (entry is { } inEntry && inEntry.HeaderLine != position.Line) return new CompletionResult([], false);

        var dot = before.LastIndexOf(HeaderSplitter.AffiliationMark);
        if (dot >= 0) return Affiliations(workspace, position, line, before, dot, limit);
        return Authors(workspace, entry, position, line, before, limit, cancellationToken);
    }

    // ---- authors ----

    private static CompletionResult Authors(WorkspaceSnapshot workspace, EntrySyntax? entry, TextPosition position, string line, string before, int limit, CancellationToken cancellationToken)
    {
        var start = AuthorPrefixStart(entry, position, before);
        if (start < 0) return new CompletionResult([], false);
        var prefix = before[start..];
        if (prefix.Length > MaxPrefix || prefix.Contains(',') || prefix.EndsWith("et al", StringComparison.Ordinal)) return new CompletionResult([], false);

        var query = Query.Parse(prefix);
        // The authors already on the line (but the one being typed) pull their co-authors up.
        var onLine = NamesBefore(before, start).Select(AuthorKey.Of).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (entry is { } header)
            foreach (var (name, range) in header.Authors)
                if (range.End.Character < start) onLine.Add(AuthorKey.Of(name));
        var lineRecords = onLine.Select(k => workspace.Index.Author(k)).OfType<AuthorRecord>().ToList();
        // What is being typed is itself in the index (as this entry's author); it is no suggestion unless listed elsewhere.
        var typedKey = AuthorKey.Of(CurrentName(line, start));

        // Candidates from the index, never a scan of every author: with nothing typed, the co-authors of the line and the
        // most frequent authors (exactly the top of the ranking); else the authors with a name part starting with the
        // most selective typed word.
        var index = workspace.Index;
        var candidates = query.IsEmpty
            ? lineRecords.SelectMany(r => r.Coauthors.Keys).Concat(index.ByFrequency.Take(limit + onLine.Count + 1).Select(p => p.Key))
            : query.Seeds().SelectMany(index.AuthorsWithPartStarting);
        var scored = new List<(AuthorRecord Record, double Score, int Shared)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in candidates)
        {
            if (!seen.Add(key)) continue;
            if ((seen.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (onLine.Contains(key) || index.Author(key) is not { } record || (key == typedKey && record.EntryCount <= 1)) continue;
            var match = query.Match(record);
            if (match < 0) continue;
            var shared = 0;
            foreach (var other in lineRecords) shared += other.Coauthors.GetValueOrDefault(key);
            scored.Add((record, Math.Log(1 + record.EntryCount) + 2.5 * Math.Log(1 + shared) + match, shared));
        }
        scored.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Record.DisplayName, b.Record.DisplayName);
        });
        var replace = new TextRange(new TextPosition(position.Line, start), position);
        var items = scored.Take(limit).Select((s, rank) =>
        {
            var best = lineRecords.Where(r => r.Coauthors.ContainsKey(s.Record.Key))
                .OrderByDescending(r => r.Coauthors[s.Record.Key]).Select(r => r.DisplayName).FirstOrDefault();
            var detail = HoverService.Papers(s.Record.EntryCount) + (best is null ? "" : $" · with {best}");
            // filterText is the typed prefix itself: the client's own fuzzy filter then keeps every item (it would hide
            // Ekin Akyürek from "Akyurek" and Yoon Kim from "y kim"); the list is incomplete, so typing asks again.
            return new CompletionCandidate(s.Record.DisplayName, detail, CompletionKind.Author, replace, s.Record.DisplayName,
                prefix, rank.ToString("D4", CultureInfo.InvariantCulture), s.Record.Key);
        }).ToList();
        // Incomplete whatever the count: what matches depends on the next character in ways a client filter cannot know.
        return new CompletionResult(items, true);
    }

    /// <summary>The names before the one being typed, read from the text (the parser may not see a list being typed):
    /// comma-separated, the first cut from the title at its last glue point or ' | '.</summary>
    private static IEnumerable<string> NamesBefore(string before, int start)
    {
        var head = before[..start];
        var bar = head.LastIndexOf(" | ", StringComparison.Ordinal);
        var segments = head[(bar >= 0 ? bar + 3 : 0)..].Split(',');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            if (i == 0 && bar < 0)
            {
                var glue = -1;
                for (var q = segment.Length - 1; q > 0; q--)
                    if (char.IsUpper(segment[q]) && (char.IsLower(segment[q - 1]) || char.IsDigit(segment[q - 1]) || char.IsPunctuation(segment[q - 1]))) { glue = q; break; }
                if (glue < 0) continue;
                segment = segment[glue..];
            }
            if (segment.Length > 0) yield return segment;
        }
    }

    /// <summary>The whole name around the cursor: from its start to the next comma, ' · ' or ' et al.'.</summary>
    private static string CurrentName(string line, int start)
    {
        var end = line.Length;
        foreach (var stop in new[] { ",", " " + HeaderSplitter.AffiliationMark, " et al." })
        {
            var at = line.IndexOf(stop, start, StringComparison.Ordinal);
            if (at >= 0) end = Math.Min(end, at);
        }
        return line[start..end];
    }

    /// <summary>Where the author being typed starts on the line, or -1 when the cursor is not in an author list.</summary>
    private static int AuthorPrefixStart(EntrySyntax? entry, TextPosition position, string before)
    {
        var comma = before.LastIndexOf(',');
        var bar = before.LastIndexOf(" |", StringComparison.Ordinal);
        var separator = Math.Max(comma, bar < 0 ? -1 : bar + 1);
        var titleEnd = entry is { } parsed && parsed.Node.Header.Authors.Length > 0 ? parsed.TitleRange.End.Character : -1;
        if (separator >= 0 && (titleEnd < 0 || separator >= titleEnd || bar >= 0))
        {
            var start = separator + 1;
            while (start < before.Length && before[start] == ' ') start++;
            return start;
        }
        // The first author: the cursor is inside the first name the parser found.
        if (entry is { } header && header.Authors.Count > 0)
        {
            var first = header.Authors[0].Range;
            if (first.Start.Character <= position.Character && position.Character <= first.End.Character) return first.Start.Character;
        }
        return -1;
    }

    /// <summary>The typed prefix as words: each must begin a distinct part of the name, in order ("y kim" → Yoon Kim).
    /// A word also matches with oe, ae, ue read as ö, ä, ü (and ø): "Oedegaard" finds Ødegaard as "Odegaard" does.</summary>
    private sealed class Query
    {
        private readonly string[][] words;

        private Query(string[][] words) => this.words = words;

        public bool IsEmpty => words.Length == 0;

        public static Query Parse(string prefix) =>
            new(AuthorKey.Of(prefix).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Variants).ToArray());

        private static string[] Variants(string word)
        {
            var folded = word.Replace("oe", "o", StringComparison.Ordinal).Replace("ae", "a", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal);
            return folded == word ? [word] : [word, folded];
        }

        /// <summary>The prefixes to look up: the variants of the longest word (the fewest candidates).</summary>
        public IEnumerable<string> Seeds() => words.OrderByDescending(w => w[0].Length).First();

        /// <summary>-1 when the name does not match, else a bonus: whole parts and first or last parts rank a little higher.</summary>
        public double Match(AuthorRecord record)
        {
            if (words.Length == 0) return 0;
            var nameWords = record.Key.Split(' ');
            var next = 0;
            var bonus = 0.0;
            foreach (var variants in this.words)
            {
                var found = -1;
                string? matched = null;
                for (var p = next; p < nameWords.Length && found < 0; p++)
                    foreach (var variant in variants)
                        if (nameWords[p].StartsWith(variant, StringComparison.Ordinal) || nameWords[p].Contains("-" + variant, StringComparison.Ordinal))
                        {
                            found = p;
                            matched = variant;
                            break;
                        }
                if (found < 0) return -1;
                if (nameWords[found].Length == matched!.Length) bonus += 0.2;
                if (found == nameWords.Length - 1 || found == 0) bonus += 0.1;
                next = found + 1;
            }
            return bonus;
        }
    }

    // ---- affiliations ----

    private static CompletionResult Affiliations(WorkspaceSnapshot workspace, TextPosition position, string line, string before, int dot, int limit)
    {
        var start = Math.Max(dot, before.LastIndexOf(',')) + 1;
        while (start < before.Length && before[start] == ' ') start++;
        var prefix = before[start..].ToLowerInvariant();
        var replace = new TextRange(new TextPosition(position.Line, start), position);
        var typed = CurrentName(line, start).Trim();
        var matches = workspace.Index.Affiliations
            .Where(a => !(a.Key == typed && a.Value <= 1))
            .Where(a => a.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || a.Key.Contains("-" + prefix, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        var items = matches.Take(limit).Select((a, rank) => new CompletionCandidate(a.Key, HoverService.Papers(a.Value), CompletionKind.Affiliation, replace, a.Key,
            a.Key, rank.ToString("D4", CultureInfo.InvariantCulture), null)).ToList();
        return new CompletionResult(items, matches.Count > limit);
    }

    // ---- metadata: categories after the score, months after the category ----

    private static CompletionResult Metadata(WorkspaceSnapshot workspace, TextPosition position, string before)
    {
        var i = 0;
        while (i < before.Length && (char.IsAsciiDigit(before[i]) || before[i] == '.')) i++;
        if (i == 0) return new CompletionResult([], false);
        if (i < before.Length && before[i] == ' ') i++;
        var rest = before[i..];
        if (rest.Any(c => !char.IsAsciiLetter(c) && c is not '.' and not '-' and not ' ')) return new CompletionResult([], false);

        var items = new List<CompletionCandidate>();
        // After a whole category, the month: "29.4CL" + "Ma" → May, March.
        for (var split = rest.Length; split >= 1; split--)
        {
            var category = rest[..split].TrimEnd();
            if (!ArxivCategories.IsKnown(category)) continue;
            var monthStart = i + split;
            while (monthStart < before.Length && before[monthStart] == ' ') monthStart++;
            var month = before[monthStart..];
            var replace = new TextRange(new TextPosition(position.Line, monthStart), position);
            for (var m = 0; m < 12; m++)
            {
                var abbreviation = MetadataReader.MonthAbbreviations[m];
                var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m + 1);
                if (month.Length > 0 && !name.StartsWith(month, StringComparison.OrdinalIgnoreCase)) continue;
                items.Add(new CompletionCandidate(abbreviation, name, CompletionKind.Month, replace, abbreviation, month.Length > 0 ? month : abbreviation,
                    "1" + m.ToString("D2", CultureInfo.InvariantCulture), null));
            }
            break;
        }
        // The category itself: "29.4C" → CL, CV, CR… ranked by use in the workspace.
        var categoryReplace = new TextRange(new TextPosition(position.Line, i), position);
        var counts = workspace.Index.Categories;
        var candidates = ArxivCategoryNames.Names.Keys
            .Select(full => full.StartsWith("cs.", StringComparison.Ordinal) ? full[3..] : full)
            .Where(code => code.StartsWith(rest, StringComparison.OrdinalIgnoreCase) && !(items.Count > 0 && code == rest))
            .OrderByDescending(code => counts.GetValueOrDefault(code)).ThenBy(code => code, StringComparer.Ordinal).ToList();
        items.AddRange(candidates.Select((code, rank) => new CompletionCandidate(code, ArxivCategoryNames.Describe(code), CompletionKind.Category, categoryReplace, code,
            rest.Length > 0 ? rest : code, "2" + rank.ToString("D4", CultureInfo.InvariantCulture), null)));
        return new CompletionResult(items, false);
    }
}
