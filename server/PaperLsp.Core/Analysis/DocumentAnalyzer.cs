using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Analysis;

/// <summary>
/// All findings of one document: the parser's, plus duplicates across the file, minus what the writer silenced with
/// <c>// paperlsp-ignore CODE</c> (the entry below) or <c>// paperlsp-ignore-file CODE</c>.
/// Work is proportional to the findings, not to the file: clean items are skipped through the tree's summaries.
/// </summary>
public static class DocumentAnalyzer
{
    public static IReadOnlyList<PaperDiagnostic> Analyze(PaperDocument document, TitleIndex? titles = null, CancellationToken cancellationToken = default) =>
        Analyze(document, titles, null, cancellationToken);

    /// <summary>
    /// The findings of a document of a workspace: the parser's, and <paramref name="duplicateFindings"/> made across every
    /// list by <see cref="Duplicates.DuplicateFindings.For"/> (which honours the directives itself) instead of this file's own.
    /// </summary>
    public static IReadOnlyList<PaperDiagnostic> Analyze(PaperDocument document, IReadOnlyList<PaperDiagnostic> duplicateFindings, CancellationToken cancellationToken = default) =>
        Analyze(document, null, duplicateFindings, cancellationToken);

    private static IReadOnlyList<PaperDiagnostic> Analyze(PaperDocument document, TitleIndex? titles, IReadOnlyList<PaperDiagnostic>? duplicateFindings, CancellationToken cancellationToken)
    {
        if (duplicateFindings is not null)
        {
            // The parser's findings depend on the flagged items alone: a keystroke that left them as they were (most
            // do) shares the last version's box, and with it the list, without walking thousands of flagged items.
            if (document.FlaggedBox.Value is not PaperDiagnostic[] parserFindings)
            {
                var made = ParserFindings(document, out _, cancellationToken);
                SortIfNeeded(made);
                parserFindings = [.. made];
                document.FlaggedBox.Value = parserFindings;
            }
            // A total order, so the same document always lists its findings the same way, however they were found. Both
            // parts come nearly in order (items by line, duplicates sorted by their maker): sorting each only when it is
            // not, then merging, costs a pass instead of a sort of the whole list on every keystroke of a large list.
            return Merge(parserFindings, duplicateFindings);
        }
        var results = ParserFindings(document, out var fileDirectives, cancellationToken);
        if (!fileDirectives.Any(d => d.Covers(DiagnosticCatalog.DuplicateEntry.Code)))
            AddDuplicates(document, titles ?? TitleIndex.Build(document), results, cancellationToken);
        SortIfNeeded(results);
        return results;
    }

    /// <summary>The parser's findings of every flagged item, less what directives silence, in the tree's order.</summary>
    private static List<PaperDiagnostic> ParserFindings(PaperDocument document, out List<Directive> fileDirectives, CancellationToken cancellationToken)
    {
        var flagged = document.FlaggedItems.ToList();
        var inFile = flagged
            .Where(item => item.Node is CommentNode { Directive.Scope: DirectiveScope.File })
            .Select(item => ((CommentNode)item.Node).Directive!)
            .ToList();
        fileDirectives = inFile;
        bool SilencedInFile(string code) => inFile.Any(d => d.Covers(code));

        var results = new List<PaperDiagnostic>(flagged.Count);
        foreach (var item in flagged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Node.Problems.IsEmpty) continue;
            var directives = DirectivesFor(document, item);
            // An item an edit did not re-read, at the same line under the same directives, has the same findings: the
            // same objects, which the server has already converted and serialised.
            if (KeptParserFindings.TryGetValue(item.Node, out var kept) && kept.StillHolds(item.StartLine, inFile, directives))
            {
                results.AddRange(kept.Findings);
                continue;
            }
            var made = new List<PaperDiagnostic>(item.Node.Problems.Length);
            foreach (var problem in item.Node.Problems)
            {
                var code = problem.Descriptor.Code;
                if (SilencedInFile(code) || directives.Any(d => d.Covers(code))) continue;
                made.Add(new PaperDiagnostic(problem.Descriptor, item.ToRange(problem.Span), problem.Message, []));
            }
            KeptParserFindings.AddOrUpdate(item.Node, new KeptFindings(item.StartLine, inFile, directives, [.. made]));
            results.AddRange(made);
        }
        return results;
    }

    /// <summary>The parser's findings last made for each item node; nodes are shared between versions, so weakly keyed.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ItemNode, KeptFindings> KeptParserFindings = new();

    private sealed record KeptFindings(int StartLine, List<Directive> FileDirectives, IReadOnlyList<Directive> ItemDirectives, PaperDiagnostic[] Findings)
    {
        /// <summary>Made at this line under these directives (the same objects: directives of comments an edit did not re-read are shared too).</summary>
        public bool StillHolds(int startLine, List<Directive> fileDirectives, IReadOnlyList<Directive> itemDirectives) =>
            StartLine == startLine && Same(FileDirectives, fileDirectives) && Same(ItemDirectives, itemDirectives);

        private static bool Same(IReadOnlyList<Directive> a, IReadOnlyList<Directive> b)
        {
            if (a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++)
                if (!ReferenceEquals(a[i], b[i])) return false;
            return true;
        }
    }

    /// <summary>The next-entry directives written in the comment lines directly above an item.</summary>
    public static IReadOnlyList<Directive> DirectivesFor(PaperDocument document, ItemSyntax item)
    {
        List<Directive>? found = null;
        for (var previous = document.PreviousItem(item.StartLine); previous is { Node: CommentNode comment }; previous = document.PreviousItem(previous.Value.StartLine))
        {
            if (comment.Directive is { Scope: DirectiveScope.NextEntry } directive) (found ??= []).Add(directive);
        }
        return (IReadOnlyList<Directive>?)found ?? [];
    }

    /// <summary>The order findings are listed in: by start, then code, then end.</summary>
    public static int Compare(PaperDiagnostic a, PaperDiagnostic b)
    {
        var byStart = a.Range.Start.CompareTo(b.Range.Start);
        if (byStart != 0) return byStart;
        var byCode = string.CompareOrdinal(a.Code, b.Code);
        return byCode != 0 ? byCode : a.Range.End.CompareTo(b.Range.End);
    }

    private static readonly Comparison<PaperDiagnostic> Order = Compare;

    private static void SortIfNeeded(List<PaperDiagnostic> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            if (Compare(findings[i - 1], findings[i]) <= 0) continue;
            findings.Sort(Order);
            return;
        }
    }

    private static List<PaperDiagnostic> Merge(IReadOnlyList<PaperDiagnostic> sorted, IReadOnlyList<PaperDiagnostic> others)
    {
        List<PaperDiagnostic>? sortedOthers = null;
        for (var i = 1; i < others.Count; i++)
        {
            if (Compare(others[i - 1], others[i]) <= 0) continue;
            sortedOthers = [.. others];
            sortedOthers.Sort(Order);
            break;
        }
        IReadOnlyList<PaperDiagnostic> right = sortedOthers ?? others;
        var merged = new List<PaperDiagnostic>(sorted.Count + right.Count);
        int left = 0, next = 0;
        while (left < sorted.Count && next < right.Count)
            merged.Add(Compare(right[next], sorted[left]) < 0 ? right[next++] : sorted[left++]);
        while (left < sorted.Count) merged.Add(sorted[left++]);
        while (next < right.Count) merged.Add(right[next++]);
        return merged;
    }

    private static void AddDuplicates(PaperDocument document, TitleIndex titles, List<PaperDiagnostic> results, CancellationToken cancellationToken)
    {
        if (titles.DuplicatedKeys.Count == 0) return;
        var groups = titles.Groups(document)
            .Select(group => (group.Key, Copies: group.Copies.Where(entry => !DirectivesFor(document, entry.Item).Any(d => d.Covers(DiagnosticCatalog.DuplicateEntry.Code))).ToList()))
            .ToList();

        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copies = group.Copies;
            if (copies.Count < 2) continue;
            seenKeys.Add(group.Key);
            // A keystroke leaves almost every group as it was (same entries at the same lines): reuse its findings.
            if (titles.Findings.TryGetValue(group.Key, out var cached) && cached.Matches(copies))
            {
                results.AddRange(cached.Diagnostics);
                continue;
            }
            var diagnostics = DuplicateFindings(copies);
            titles.Findings[group.Key] = new TitleIndex.GroupFindings(copies.Select(c => c.Node).ToArray(), copies.Select(c => c.StartLine).ToArray(), diagnostics);
            results.AddRange(diagnostics);
        }
        foreach (var stale in titles.Findings.Keys.Where(key => !seenKeys.Contains(key)).ToList()) titles.Findings.Remove(stale);
    }

    /// <summary>The findings of one group of copies, in document order.</summary>
    private static PaperDiagnostic[] DuplicateFindings(List<EntrySyntax> copies)
    {
        // Linear in the group's size even when one title is pasted thousands of times: exact copies are found by
        // hash (the first other copy in a bucket of identical texts answers), and each message names a few copies.
        var sameText = copies.ToLookup(copy => copy.Node.TextHash);
        var diagnostics = new PaperDiagnostic[copies.Count];
        var related = RelatedPerCopy(copies.Count);
        for (var i = 0; i < copies.Count; i++)
        {
            var entry = copies[i];
            var others = Nearest(copies, i, related);
            var named = related >= MaxNamedLines ? others : Nearest(copies, i, MaxNamedLines);
            var lines = string.Join(", ", named.Take(MaxNamedLines).Select(other => (other.HeaderLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var unnamed = copies.Count - 1 - Math.Min(named.Count, MaxNamedLines);
            if (unnamed > 0) lines += $" and {unnamed} more";
            var plural = copies.Count > 2 ? "s" : "";
            var exact = sameText[entry.Node.TextHash].Any(other => other.StartLine != entry.StartLine && other.Node.HasSameText(entry.Node));
            var how = exact ? "an exact copy" : "the same title up to case and punctuation";
            var message = $"Duplicate paper: '{Shorten(entry.Title)}' also appears at line{plural} {lines} ({how}). " +
                          $"Delete one copy, or if they are different papers, write '// {DirectiveReader.IgnoreNext} {DiagnosticCatalog.DuplicateEntry.Code}' above this entry.";
            var locations = others.Select(other => new RelatedLocation(other.TitleRange, $"Other copy, line {other.HeaderLine + 1}")).ToList();
            diagnostics[i] = new PaperDiagnostic(DiagnosticCatalog.DuplicateEntry, entry.TitleRange, message, locations);
        }
        return diagnostics;
    }

    private const int MaxNamedLines = 5;
    private const int MaxRelated = 20;
    private const int MaxRelatedPerGroup = 1000;

    /// <summary>
    /// Related locations per copy: the nearest 20 in a small group, fewer in a large one so that a group's total stays
    /// near <see cref="MaxRelatedPerGroup"/>, and never fewer than the copy before and the one after. A title pasted
    /// 35,000 times then sends 70,000 locations, not 700,000 (each is a URI, a range and a message: 140 MB of JSON).
    /// </summary>
    internal static int RelatedPerCopy(int copies) => Math.Clamp(MaxRelatedPerGroup / Math.Max(1, copies), 2, MaxRelated);

    /// <summary>Up to <paramref name="count"/> other copies, the nearest to copy <paramref name="index"/> first (copies are in document order).</summary>
    private static List<EntrySyntax> Nearest(List<EntrySyntax> copies, int index, int count)
    {
        var result = new List<EntrySyntax>(Math.Min(count, copies.Count - 1));
        int before = index - 1, after = index + 1;
        while (result.Count < count && (before >= 0 || after < copies.Count))
        {
            var takeAfter = before < 0 || (after < copies.Count && copies[after].StartLine - copies[index].StartLine <= copies[index].StartLine - copies[before].StartLine);
            result.Add(takeAfter ? copies[after++] : copies[before--]);
        }
        result.Sort((a, b) => a.StartLine.CompareTo(b.StartLine));
        return result;
    }

    private static string Shorten(string title) => title.Length <= 80 ? title : title[..77] + "…";
}
