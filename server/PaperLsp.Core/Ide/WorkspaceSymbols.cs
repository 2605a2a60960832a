using System.Text;
using PaperLsp.Index;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

public enum SymbolCategory { Entry, Author }

public sealed record WorkspaceSymbolResult(string Name, SymbolCategory Category, string? Container, NavigationTarget Target, double Score);

/// <summary>
/// workspace/symbol over titles and authors: fuzzy like marksman (the query's letters in order, case- and accent-blind),
/// word starts and runs scored higher, best first, capped.
/// </summary>
public static class WorkspaceSymbolService
{
    public const int DefaultLimit = 100;

    public static IReadOnlyList<WorkspaceSymbolResult> Search(WorkspaceSnapshot workspace, string query, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        var pattern = Fold(query);
        if (pattern.Length == 0) return [];
        // The best `limit` so far in a min-heap: a short query matches most titles, and sorting them all would cost more
        // than scoring them.
        var best = new PriorityQueue<Candidate, (double Score, int Order)>();
        var order = 0;
        void Offer(Candidate candidate, double score)
        {
            var key = (score, -order++);
            if (best.Count < limit) best.Enqueue(candidate, key);
            else if (best.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0) best.EnqueueDequeue(candidate, key);
        }
        var counter = 0;
        foreach (var file in workspace.Files)
        {
            foreach (var entry in file.Document.Entries)
            {
                if ((++counter & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (entry.Node.Title.Length == 0) continue;
                var score = Score(pattern, EntryFacts.Of(entry.Node).FoldedTitle);
                if (score > 0) Offer(new Candidate(file, entry, null), score);
            }
        }
        foreach (var (key, _) in workspace.Index.Authors)
        {
            if ((++counter & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            var score = Score(pattern, key);
            if (score > 0) Offer(new Candidate(null, default, key), score);
        }
        var ranked = new List<(Candidate Candidate, double Score, int Order)>(best.Count);
        while (best.TryDequeue(out var candidate, out var priority)) ranked.Add((candidate, priority.Score, -priority.Order));
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
        return ranked.Select(r => Make(workspace, r.Candidate, r.Score)).OfType<WorkspaceSymbolResult>().ToList();
    }

    private readonly record struct Candidate(WorkspaceFile? File, EntrySyntax Entry, string? AuthorKey);

    private static WorkspaceSymbolResult? Make(WorkspaceSnapshot workspace, Candidate candidate, double score)
    {
        if (candidate.File is { } file)
        {
            var entry = candidate.Entry;
            return new WorkspaceSymbolResult(entry.Title, SymbolCategory.Entry,
                entry.AuthorsText.Length > 0 ? entry.AuthorsText : WorkspaceQueries.ShortName(file.Uri), new NavigationTarget(file, entry.TitleRange), score);
        }
        var record = workspace.Index.Author(candidate.AuthorKey!)!;
        return WorkspaceQueries.AuthorOccurrences(workspace, record.Key).FirstOrDefault() is { } first
            ? new WorkspaceSymbolResult(record.DisplayName, SymbolCategory.Author, HoverService.Papers(record.EntryCount), new NavigationTarget(first.File, first.Range), score)
            : null;
    }

    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) AuthorNameFolding.Append(builder, c);
        return builder.ToString();
    }

    /// <summary>0 when <paramref name="pattern"/> is not a subsequence of <paramref name="text"/> (both folded); else
    /// higher for matches at word starts, in runs, and early. Spaces in the pattern are skipped.</summary>
    public static double Score(string pattern, string text)
    {
        double score = 0;
        var t = 0;
        var run = 0;
        var matched = 0;
        foreach (var c in pattern)
        {
            if (c == ' ') continue;
            var found = text.IndexOf(c, t);
            if (found < 0) return 0;
            var wordStart = found == 0 || !char.IsLetterOrDigit(text[found - 1]);
            run = found == t && matched > 0 ? run + 1 : 0;
            score += 1 + (wordStart ? 2 : 0) + run * 1.5 - Math.Min(found - t, 10) * 0.05;
            if (matched == 0) score -= Math.Min(found, 20) * 0.02;
            t = found + 1;
            matched++;
        }
        return matched == 0 ? 0 : score;
    }
}
