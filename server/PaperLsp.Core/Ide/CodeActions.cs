using System.Text;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Ide;

public enum ActionKind { QuickFix, Refactor, SourceSort }

/// <summary>A code action: its title, kind, whether it is the likeliest, the findings it fixes (their codes) and the edit.</summary>
public sealed record CodeActionResult(string Title, ActionKind Kind, string? SortKey, bool IsPreferred, IReadOnlyList<string> FixesCodes, SourceChange Change);

public static class CodeActionService
{
    /// <param name="relations">Copies across the workspace, for the duplicate quick fixes; without them none are offered.</param>
    public static IReadOnlyList<CodeActionResult> Actions(WorkspaceSnapshot workspace, DocumentId document, TextRange range, WorkspaceRelations? relations = null)
    {
        if (workspace.Get(document) is not { } file) return [];
        var results = new List<CodeActionResult>();
        for (var line = range.Start.Line; line <= range.End.Line && line < file.Document.LineCount; line++)
        {
            if (file.Document.FindEntry(line) is { } entry && entry.HeaderLine == line) results.AddRange(Separators(file, entry));
            if (line > range.Start.Line + 200) break;
        }
        if (relations is not null) results.AddRange(Duplicates(workspace, relations, file, range.Start));
        results.AddRange(Sorts(file, range.Start.Line));
        results.AddRange(UnifyVariants(workspace, file, range.Start));
        return results;
    }

    // ---- duplicates ----

    /// <summary>The quick fixes of <see cref="DuplicateFixes"/> on the entry at the cursor, as edits of the files the
    /// workspace shows (open text first, so an open copy is edited as the user sees it).</summary>
    private static IEnumerable<CodeActionResult> Duplicates(WorkspaceSnapshot workspace, WorkspaceRelations relations, WorkspaceFile file, TextPosition position)
    {
        var fixes = DuplicateFixes.For(file.Id, file.Document, position, relations.Duplicates,
            id => workspace.Get(id)?.Document, id => WorkspaceQueries.ShortName(workspace.Get(id)?.Uri ?? id.Key));
        foreach (var fix in fixes)
        {
            var edits = fix.Edits
                .Select(pair => (File: workspace.Get(pair.Key), Changes: pair.Value))
                .Where(pair => pair.File is not null)
                .Select(pair => new FileEdit(pair.File!, pair.Changes.Select(change => new TextChange(change.Range, change.NewText)).ToList()))
                .ToList();
            if (edits.Count != fix.Edits.Count) continue; // a file the fix edits has left the workspace: offer nothing half-done
            yield return new CodeActionResult(fix.Title, ActionKind.QuickFix, null, fix.IsPreferred, fix.FixesCodes, new SourceChange(edits));
        }
    }

    // ---- name variants ----

    /// <summary>
    /// On an author: the other spellings of the same person — same surname, first names that agree (one an initial or
    /// a prefix of the other, extra middle names allowed) and at least one shared co-author — each as a refactoring
    /// that writes them as the name under the cursor everywhere. Only offered, never applied on its own.
    /// </summary>
    private static IEnumerable<CodeActionResult> UnifyVariants(WorkspaceSnapshot workspace, WorkspaceFile file, TextPosition position)
    {
        var target = Cursor.Locate(file.Document, position);
        if (target.Part != CursorPart.Author) yield break;
        var key = target.AuthorKey;
        if (workspace.Index.Author(key) is not { } record) yield break;
        var words = key.Split(' ');
        if (words.Length < 2) yield break;
        foreach (var otherKey in workspace.Index.AuthorsWithPartStarting(words[^1]).Distinct().ToList())
        {
            if (otherKey == key || workspace.Index.Author(otherKey) is not { } other) continue;
            var otherWords = otherKey.Split(' ');
            if (otherWords[^1] != words[^1] || !SameFirstNames(words[..^1], otherWords[..^1])) continue;
            var shared = record.Coauthors.Keys.Where(other.Coauthors.ContainsKey).ToList();
            if (shared.Count == 0) continue;
            var edits = WorkspaceQueries.AuthorOccurrences(workspace, otherKey)
                .GroupBy(o => o.File.Id)
                .Select(group => new FileEdit(group.First().File, group.Select(o => new TextChange(o.Range, target.Text)).ToList()))
                .ToList();
            var with = workspace.Index.Author(shared[0])?.DisplayName ?? shared[0];
            yield return new CodeActionResult(
                $"Write '{other.DisplayName}' ({HoverService.Papers(other.EntryCount)}, also with {with}) as '{target.Text}' everywhere",
                ActionKind.Refactor, null, false, [], new SourceChange(edits));
        }
    }

    /// <summary>"maria" and "maria j", "m" and "maria", "y" and "yoon": the first names agree word by word where both have one.</summary>
    private static bool SameFirstNames(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (!Agrees(a[0], b[0])) return false;
        for (var i = 1; i < Math.Min(a.Length, b.Length); i++)
            if (!Agrees(a[i], b[i])) return false;
        return true;

        static bool Agrees(string x, string y) => x == y || (x.Length == 1 && y.StartsWith(x, StringComparison.Ordinal)) || (y.Length == 1 && x.StartsWith(y, StringComparison.Ordinal));
    }

    // ---- the explicit separator ----

    /// <summary>For an unsure (PL0202) or missing (PL0201) boundary: one action per plausible reading, inserting ' | '.</summary>
    private static IEnumerable<CodeActionResult> Separators(WorkspaceFile file, EntrySyntax entry)
    {
        var header = entry.Node.Header;
        if (header.Separator is not null || header.Confidence == BoundaryConfidence.Certain) yield break;
        var line = file.Document.GetLineText(entry.HeaderLine);
        var code = header.Confidence == BoundaryConfidence.Ambiguous ? DiagnosticCatalog.AmbiguousBoundary.Code : DiagnosticCatalog.AuthorsNotFound.Code;
        var boundaries = new List<int>();
        if (header.Authors.Length > 0) boundaries.Add(header.Authors[0].Start);
        if (header.AlternativeBoundary > 0) boundaries.Add(header.AlternativeBoundary);
        if (boundaries.Count == 0) boundaries.AddRange(GluePoints(line, header.AffiliationMarker?.Start ?? line.Length).Take(3));
        var first = true;
        foreach (var boundary in boundaries.Distinct())
        {
            if (boundary <= 0 || boundary >= line.Length) continue;
            var spaced = line[boundary - 1] == ' ';
            var at = new TextPosition(entry.HeaderLine, spaced ? boundary - 1 : boundary);
            var authors = line[boundary..(header.EtAl?.Start ?? header.AffiliationMarker?.Start ?? line.Length)].Trim();
            var title = line[..(spaced ? boundary - 1 : boundary)].Trim();
            yield return new CodeActionResult($"Title '{Shorten(title)}', authors '{Shorten(authors)}': insert ' | '", ActionKind.QuickFix, null, first, [code],
                new SourceChange([new FileEdit(file, [new TextChange(new TextRange(at, at), spaced ? " |" : " | ")])]));
            first = false;
        }
    }

    /// <summary>Where a lower-case letter, digit or closing punctuation is followed by a capital: "ModelsYung".</summary>
    private static IEnumerable<int> GluePoints(string line, int end)
    {
        for (var q = end - 1; q > 0; q--)
        {
            if (!char.IsUpper(line[q])) continue;
            var before = line[q - 1];
            if (char.IsLower(before) || char.IsDigit(before) || before is ')' or '?' or '!' or '.' or ':' or '"' or '\'') yield return q;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    // ---- sorting ----

    private static readonly (string Key, string What)[] SortKeys = [("date", "date, newest first"), ("score", "score, highest first"), ("title", "title, A to Z")];

    /// <summary>Sort the section around the cursor, and the whole list (each section in place), by date, score or title.</summary>
    private static IEnumerable<CodeActionResult> Sorts(WorkspaceFile file, int line)
    {
        var items = file.Document.Items.ToList();
        if (items.Count(i => i.Kind == ItemKind.Entry) < 2) yield break;
        var runs = Runs(items);
        var here = runs.FindIndex(run => run.Count > 0 && run[0].StartLine <= line && line <= run[^1].EndLine);
        foreach (var (key, what) in SortKeys)
        {
            if (here >= 0 && runs.Count > 1 && Sort(file, [runs[here]], key) is { } section)
                yield return new CodeActionResult($"Sort this section by {what}", ActionKind.SourceSort, key, false, [], section);
            if (Sort(file, runs, key) is { } all)
                yield return new CodeActionResult($"Sort the list by {what}", ActionKind.SourceSort, key, false, [], all);
        }
    }

    /// <summary>The runs of items between headings (a heading starts a new run and stays where it is).</summary>
    private static List<List<ItemSyntax>> Runs(List<ItemSyntax> items)
    {
        var runs = new List<List<ItemSyntax>> { new() };
        foreach (var item in items)
        {
            if (item.Kind == ItemKind.Heading) { runs.Add([]); continue; }
            runs[^1].Add(item);
        }
        return runs;
    }

    /// <summary>
    /// One unit per entry: the comment lines directly above it (its directives) and what follows it up to the next unit
    /// (blank lines, stray lines). Comments at the top of a run that no entry follows directly stay at the top.
    /// </summary>
    private static SourceChange? Sort(WorkspaceFile file, List<List<ItemSyntax>> runs, string key)
    {
        var changes = new List<TextChange>();
        foreach (var run in runs)
        {
            var units = new List<(EntrySyntax Entry, List<ItemSyntax> Items)>();
            var pending = new List<ItemSyntax>();
            var lead = new List<ItemSyntax>();
            foreach (var item in run)
            {
                // A file-wide directive belongs to no entry: it stays where it is, with what comes before it.
                if (item.Node is CommentNode { Directive.Scope: DirectiveScope.File })
                {
                    var owner = units.Count > 0 ? units[^1].Items : lead;
                    owner.AddRange(pending);
                    pending.Clear();
                    owner.Add(item);
                    continue;
                }
                if (item.Kind == ItemKind.Comment) { pending.Add(item); continue; }
                if (item.AsEntry is { } entry)
                {
                    units.Add((entry, [.. pending, item]));
                    pending.Clear();
                    continue;
                }
                // Blank and stray lines belong to the unit before them; before any unit they lead the run.
                var target = units.Count > 0 ? units[^1].Items : lead;
                target.AddRange(pending);
                pending.Clear();
                target.Add(item);
            }
            if (units.Count < 2) continue;
            var trailing = pending; // comments after the last entry stay last
            var sorted = key switch
            {
                "date" => units.OrderBy(u => u.Entry.Metadata?.DateValue is null ? 1 : 0).ThenByDescending(u => u.Entry.Metadata?.DateValue).ToList(),
                "score" => units.OrderBy(u => u.Entry.Metadata?.ScoreValue is null ? 1 : 0).ThenByDescending(u => u.Entry.Metadata?.ScoreValue).ToList(),
                _ => units.OrderBy(u => u.Entry.Title, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Entry.Title, StringComparer.Ordinal).ToList(),
            };
            if (sorted.Select(u => u.Entry.StartLine).SequenceEqual(units.Select(u => u.Entry.StartLine))) continue;

            var firstLine = units[0].Items[0].StartLine;
            var lastItem = units[^1].Items[^1];
            var ending = Ending(file.Document);
            var text = new StringBuilder();
            foreach (var unit in sorted)
            {
                var unitText = string.Concat(unit.Items.Select(i => i.Node.GetText()));
                // A unit from the end of a file may lack its last line break; one moved up needs it.
                if (!unitText.EndsWith('\n') && !unitText.EndsWith('\r')) unitText += ending;
                // Keep units apart as they were: a unit that was followed by a blank line still is.
                text.Append(unitText);
            }
            var original = string.Concat(units.SelectMany(u => u.Items).Select(i => i.Node.GetText()));
            var newText = text.ToString();
            if (!original.EndsWith('\n') && !original.EndsWith('\r')) newText = newText.TrimEnd('\r', '\n');
            else if (!newText.EndsWith(ending)) newText += ending;
            var end = new TextPosition(lastItem.EndLine, lastItem.Node.LineLength(lastItem.Node.LineCount - 1));
            var endLineEnding = lastItem.Node.LineEndingOf(lastItem.Node.LineCount - 1);
            // Replace through the last line's break when it has one, so the texts compare whole.
            var range = endLineEnding != LineEnding.None ? new TextRange(new TextPosition(firstLine, 0), new TextPosition(lastItem.EndLine + 1, 0)) : new TextRange(new TextPosition(firstLine, 0), end);
            _ = trailing;
            changes.Add(new TextChange(range, newText));
        }
        return changes.Count == 0 ? null : new SourceChange([new FileEdit(file, changes)]);
    }

    private static string Ending(PaperDocument document)
    {
        for (var line = 0; line < Math.Min(document.LineCount, 50); line++)
            if (document.GetLineEnding(line) is not LineEnding.None and var ending) return ending.Text();
        return "\n";
    }
}
