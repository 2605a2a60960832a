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
        var best = new List<(double Score, string Name, SymbolCategory Category, Func<WorkspaceSymbolResult?> Make)>();
        var counter = 0;
        foreach (var file in workspace.Files)
        {
            foreach (var entry in file.Document.Entries)
            {
                if ((++counter & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                var title = entry.Title;
                if (title.Length == 0) continue;
                var score = Score(pattern, EntryFacts.Of(entry.Node).FoldedTitle);
                if (score <= 0) continue;
                var (f, e) = (file, entry);
                best.Add((score, title, SymbolCategory.Entry, () => new WorkspaceSymbolResult(e.Title, SymbolCategory.Entry,
                    e.AuthorsText.Length > 0 ? e.AuthorsText : WorkspaceQueries.ShortName(f.Uri), new NavigationTarget(f, e.TitleRange), score)));
            }
        }
        foreach (var (key, record) in workspace.Index.Authors)
        {
            if ((++counter & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            var score = Score(pattern, key);
            if (score <= 0) continue;
            best.Add((score, record.DisplayName, SymbolCategory.Author, () =>
                WorkspaceQueries.AuthorOccurrences(workspace, key).FirstOrDefault() is { } first
                    ? new WorkspaceSymbolResult(record.DisplayName, SymbolCategory.Author, HoverService.Papers(record.EntryCount), new NavigationTarget(first.File, first.Range), score)
                    : null));
        }
        best.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0) return byScore;
            var byLength = a.Name.Length.CompareTo(b.Name.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(a.Name, b.Name);
        });
        return best.Take(limit).Select(b => b.Make()).OfType<WorkspaceSymbolResult>().ToList();
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
