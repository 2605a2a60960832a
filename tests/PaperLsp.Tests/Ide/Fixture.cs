using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Ide;

/// <summary>
/// A workspace written as one string, as rust-analyzer's fixtures are: each <c>//- /name.papers</c> line starts a file,
/// <c>$0</c> marks the cursor (in one file). Files are on disk unless their marker line ends in <c>open</c>; the file
/// with the cursor is open.
/// </summary>
internal sealed class Fixture
{
    public const string CursorMarker = "$0";

    private Fixture(WorkspaceSnapshot workspace, DocumentId cursorDocument, TextPosition cursor, Dictionary<string, DocumentId> ids)
    {
        Workspace = workspace;
        CursorDocument = cursorDocument;
        Cursor = cursor;
        this.ids = ids;
    }

    private readonly Dictionary<string, DocumentId> ids;

    public WorkspaceSnapshot Workspace { get; }
    public DocumentId CursorDocument { get; }
    public TextPosition Cursor { get; }
    public DocumentId Id(string name) => ids[name];
    public string Text(string name) => Workspace.Get(ids[name])!.Document.GetText();

    public static Fixture Parse(string text)
    {
        var files = new List<(string Name, bool Open, List<string> Lines)>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal))
            {
                var parts = line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                files.Add((parts[0], parts.Contains("open"), []));
                continue;
            }
            if (files.Count == 0)
            {
                if (line.Trim().Length == 0) continue;
                files.Add(("/main.papers", false, []));
            }
            files[^1].Lines.Add(line);
        }
        var snapshot = WorkspaceSnapshot.Empty;
        DocumentId? cursorDocument = null;
        var cursor = default(TextPosition);
        var ids = new Dictionary<string, DocumentId>(StringComparer.Ordinal);
        foreach (var (name, open, lines) in files)
        {
            var body = string.Join("\n", lines).TrimEnd('\n') + "\n";
            var id = new DocumentId("/ws" + name);
            ids[name] = id;
            var at = body.IndexOf(CursorMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var before = body[..at];
                cursor = new TextPosition(before.Count(c => c == '\n'), at - (before.LastIndexOf('\n') + 1));
                body = body.Remove(at, CursorMarker.Length);
                cursorDocument = id;
            }
            var document = PaperDocument.Parse(body);
            var uri = "file:///ws" + name;
            snapshot = at >= 0 || open ? snapshot.Opened(id, uri, document, 7) : snapshot.WithDiskFile(id, uri, document);
        }
        return new Fixture(snapshot, cursorDocument ?? ids.Values.First(), cursor, ids);
    }

    /// <summary>The text of a file after the edits of a change to it.</summary>
    public static string Apply(PaperDocument document, IEnumerable<TextChange> changes)
    {
        // Changes of one file do not overlap; apply from the last so earlier ranges stay valid.
        foreach (var change in changes.OrderByDescending(c => c.Range!.Value.Start)) document = document.Apply(change);
        return document.GetText();
    }
}
